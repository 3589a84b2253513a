/**
 * Several DVC projects in one checkout: one pipeline per project, each running in its own folder
 * (and, where the templates take a paths filter, only when that folder changes).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { CliOptions } from './args.js';
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

/** `.github/workflows/mlops-<name>.yml`: the project's last folder name, or its whole path when names repeat. */
export function workflowFileFor(project: string, all: string[]): string {
  const last = (p: string) => p.split('/').pop() ?? p;
  const unique = all.filter((p) => last(p) === last(project)).length === 1;
  const name = (unique ? last(project) : project).replace(/[^A-Za-z0-9._-]+/g, '-');
  return `.github/workflows/mlops-${name}.yml`;
}

/** Runs `create` once per project; the exit code is the worst of the runs. */
export async function runMonorepo(projects: string[], opts: CliOptions, io: Io, runOne: (opts: CliOptions, io: Io) => Promise<number>): Promise<number> {
  const base = opts.dirs[0] ?? '.';
  const interactive = io.interactive && !opts.yes;
  if (opts.provider === 'gitlab' || opts.gitlabInclude) {
    throw new UserError(`found ${projects.length} DVC projects (${projects.join(', ')}); on GitLab one .gitlab-ci.yml holds one DVC job from the templates (they take no job name yet): run create-mlops-pipeline ${path.join(base, projects[0] ?? '').split(path.sep).join('/')} for one project`);
  }
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
    const code = await runOne({ ...opts, dirs: [path.join(base, project)], pipelineFile: workflowFileFor(project, projects), pathsFilter: [`${project}/**`] }, io);
    worst = Math.max(worst, code);
  }
  return worst;
}
