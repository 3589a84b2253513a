import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lintText } from '../../src/index.js';
import type { LintOptions } from '../../src/index.js';
import type { Provider, Rule, RuleContext, Workflow } from '../../src/model.js';

/** Config that silences the structural `schema` checks, so engine tests see only their own findings. */
export const quiet = { rules: { schema: 'off' as const } };

/** A rule that records the workflow it was given. */
export function capture(): { rule: Rule; last: () => Workflow } {
  let workflow: Workflow | undefined;
  const rule: Rule = {
    meta: { id: 'capture', description: 'test', defaultSeverity: 'warning', fixable: false, providers: ['github', 'gitlab'] },
    check(ctx: RuleContext) {
      workflow = ctx.workflow;
    },
  };
  return {
    rule,
    last: () => {
      if (!workflow) throw new Error('the rule did not run');
      return workflow;
    },
  };
}

export async function modelOf(text: string, file: string, options: LintOptions = {}): Promise<Workflow> {
  const c = capture();
  await lintText(text, file, { config: quiet, ...options, rules: [c.rule] });
  return c.last();
}

/** A rule reporting every script line containing `needle` (rule id `find`). */
export function finder(needle: string, providers: Provider[] = ['github', 'gitlab']): Rule {
  return {
    meta: { id: 'find', description: 'test', defaultSeverity: 'error', fixable: false, providers },
    check(ctx) {
      for (const job of ctx.workflow.jobs) {
        for (const step of job.steps) {
          for (const line of step.run?.lines ?? []) if (line.text.includes(needle)) ctx.report({ span: line.span, message: `found ${needle} in ${job.id}` });
        }
      }
    },
  };
}

/** A temporary repository (with .git) holding `files`. */
export function tempRepo(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mlops-lint-engine-'));
  mkdirSync(path.join(dir, '.git'));
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return dir;
}

/** Text at a 1-based line/column. */
export function at(text: string, line: number, column: number, length: number): string {
  return (text.split('\n')[line - 1] ?? '').slice(column - 1, column - 1 + length);
}
