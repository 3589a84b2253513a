/** Cached reads of the repository files cross-file rules compare against. */
import { existsSync } from 'node:fs';
import type { Job } from '../../model.js';
import { join } from 'node:path';
import { readDvcConfig, findDvcRequirement, findInRequirementsFile, requirementNamesIn, type DvcConfig, type DvcRequirement } from '@mlops-pipeline/repo-facts';

const configs = new Map<string, DvcConfig | undefined>();
const requirements = new Map<string, DvcRequirement | undefined>();
const installedNames = new Map<string, Set<string>>();
const existing = new Map<string, boolean>();

function exists(file: string): boolean {
  let found = existing.get(file);
  if (found === undefined) existing.set(file, (found = existsSync(file)));
  return found;
}

/** A requirements file named by an install: relative to the working directory, then the repository root. */
function requirementsFilePath(root: string, file: string, workingDirectory?: string): string | undefined {
  const inDir = workingDirectory ? join(root, workingDirectory, file) : undefined;
  if (inDir !== undefined && exists(inDir)) return inDir;
  const atRoot = join(root, file);
  return exists(atRoot) ? atRoot : undefined;
}

export function dvcConfig(root: string): DvcConfig | undefined {
  if (!configs.has(root)) {
    let value: DvcConfig | undefined;
    try {
      value = readDvcConfig(root);
    } catch {
      value = undefined;
    }
    configs.set(root, value);
  }
  return configs.get(root);
}

export function dvcRequirement(root: string): DvcRequirement | undefined {
  if (!requirements.has(root)) {
    let value: DvcRequirement | undefined;
    try {
      // The repository root, then `src/` (the MLOps guide keeps its requirements in src/requirements.txt).
      value = findDvcRequirement(root) ?? findDvcRequirement(join(root, 'src'));
    } catch {
      value = undefined;
    }
    requirements.set(root, value);
  }
  return requirements.get(root);
}

/**
 * The DVC requirement a project install reads: the named requirements file (relative to the
 * step's working directory, then the repository root) when it exists, else the repository's.
 */
export function dvcRequirementFor(root: string, files: string[], workingDirectory?: string): DvcRequirement | undefined {
  let sawFile = false;
  for (const f of files) {
    if (!/\.(txt|in)$/.test(f) || f.includes('$')) continue;
    const abs = requirementsFilePath(root, f, workingDirectory);
    if (!abs) continue;
    sawFile = true;
    try {
      const req = findInRequirementsFile(abs);
      if (req) return req;
    } catch {
      // unreadable: treat as not naming DVC
    }
  }
  return sawFile ? undefined : dvcRequirement(root);
}

/** Where a job's DVC project is: the working directory of its first step that runs `dvc` or installs packages. */
export function jobProjectDir(job: Job): string | undefined {
  for (const step of job.steps) {
    if (!step.run || step.workingDirectory === undefined || step.workingDirectory.includes('$')) continue;
    if (/\b(dvc|pip|pip3|poetry|uv)\b/.test(step.run.text)) return step.workingDirectory;
  }
  return undefined;
}

/** The DVC requirement of a job's project (its sub-directory first, then the repository root). */
export function dvcRequirementForJob(root: string, job: Job): DvcRequirement | undefined {
  const dir = jobProjectDir(job);
  return (dir && dir !== '.' ? dvcRequirement(join(root, dir)) : undefined) ?? dvcRequirement(root);
}

/**
 * The package names a pip install of requirements files reads (PEP 503: lower case, `_`/`.` as `-`):
 * each named file relative to the step's working directory, then the repository root,
 * with its `-r` includes one level deep.
 */
export function requirementNames(root: string, files: string[], workingDirectory?: string): Set<string> {
  const names = new Set<string>();
  for (const f of files) {
    if (!/\.(txt|in)$/.test(f) || f.includes('$')) continue;
    const abs = requirementsFilePath(root, f, workingDirectory);
    if (!abs) continue;
    let inFile = installedNames.get(abs);
    if (!inFile) installedNames.set(abs, (inFile = requirementNamesIn(abs)));
    for (const name of inFile) names.add(name);
  }
  return names;
}
