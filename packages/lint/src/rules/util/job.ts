/** Walking jobs: their steps' commands in order, and which actions they use. */
import type { Job, Script, Step } from '../../model.js';
import { commands, type Command } from './shell.js';

export interface StepCommand {
  step: Step;
  script: Script;
  cmd: Command;
}

const jobCache = new WeakMap<Job, readonly StepCommand[]>();

/** Every shell command of a job, in execution order (GitLab after_script last); built once per job. */
export function jobCommands(job: Job): readonly StepCommand[] {
  const hit = jobCache.get(job);
  if (hit) return hit;
  const out: StepCommand[] = [];
  const after: StepCommand[] = [];
  for (const step of job.steps) {
    if (!step.run) continue;
    for (const cmd of commands(step.run)) (step.run.section === 'after_script' ? after : out).push({ step, script: step.run, cmd });
  }
  for (const c of after) out.push(c);
  jobCache.set(job, out);
  return out;
}

const ALIASES: Record<string, string> = {
  'iterative/setup-dvc': 'treeverse/setup-dvc',
  'iterative/setup-cml': 'iterative/setup-cml',
};

/** Canonical owner/repo of an action (lower case, renamed repos followed, sub-path dropped). */
export function actionRepo(name: string): string {
  const [owner = '', repo = ''] = name.toLowerCase().split('/');
  const base = `${owner}/${repo}`;
  return ALIASES[base] ?? base;
}

export function usesAction(step: Step, ...names: string[]): boolean {
  return step.uses !== undefined && names.includes(actionRepo(step.uses.name));
}

export function withValue(step: Step, key: string): string | undefined {
  return step.with.get(key)?.value;
}
