/**
 * Several DVC projects in one checkout: one pipeline per project, each running in its own folder
 * and only when that folder changes (GitHub: a workflow per project; GitLab: an included file per
 * project with its own job names).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { CliOptions } from './args.js';
import { findCiFiles, findGitDirs, providerFromCiFiles, readGitFacts } from '@mlops-pipeline/repo-facts';
import { UserError } from './errors.js';
import { dvcProjectAtOrAbove, dvcProjectsBelow } from './facts.js';
import type { Io } from './io.js';
import * as prompt from './prompt.js';

/** The DVC projects below `dir` when it is in none itself (a monorepo root); empty otherwise. */
export function monorepoProjects(dir: string): string[] {
  try {
    if (!statSync(dir).isDirectory()) return [];
  } catch {
    return [];
  }
  if (dvcProjectAtOrAbove(dir) !== undefined) return [];
  const below = dvcProjectsBelow(dir);
  return below.length > 1 ? below : [];
}

/** A project's name in file and job names: its last folder name, or its whole path when names repeat. */
export function projectName(project: string, all: string[]): string {
  const last = (p: string) => p.split('/').pop() ?? p;
  const unique = all.filter((p) => last(p) === last(project)).length === 1;
  return (unique ? last(project) : project).replace(/[^A-Za-z0-9_-]+/g, '-');
}

/** The provider of the checkout: its git remote, else its CI files. */
function providerOf(dir: string): 'github' | 'gitlab' | undefined {
  const root = findGitDirs(dir)?.root ?? dir;
  return readGitFacts(root).provider ?? providerFromCiFiles(findCiFiles(root));
}

/** Runs `create` once per project; the exit code is the worst of the runs. */
export async function runMonorepo(projects: string[], opts: CliOptions, io: Io, runOne: (opts: CliOptions, io: Io) => Promise<number>): Promise<number> {
  const base = opts.dirs[0] ?? '.';
  const interactive = io.interactive && !opts.yes;
  if (!interactive && !opts.yes) {
    throw new UserError(`found ${projects.length} DVC projects (${projects.join(', ')}) and none in ${base} itself; pass --yes to write one pipeline per project, or run create-mlops-pipeline <project> for one`, 2);
  }
  if (interactive && !(await prompt.confirm(`Found ${projects.length} DVC projects (${projects.join(', ')}). Write one pipeline per project?`, true))) {
    io.out('Nothing was written.');
    return 1;
  }
  let worst = 0;
  for (const project of projects) {
    io.err(`\n== ${project} ==`);
    const name = projectName(project, projects);
    const gitlab = opts.provider === 'gitlab' || (opts.provider === undefined && providerOf(path.resolve(io.cwd, base)) === 'gitlab');
    const pipelineFile = gitlab ? `.gitlab/ci/mlops-${name}.yml` : `.github/workflows/mlops-${name}.yml`;
    const code = await runOne({ ...opts, dirs: [path.join(base, project)], pipelineFile, pathsFilter: [`${project}/**`], ...(gitlab ? { jobName: `dvc-${name}` } : {}) }, io);
    worst = Math.max(worst, code);
  }
  return worst;
}
