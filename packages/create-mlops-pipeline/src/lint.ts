import type * as Lint from '@mlops-pipeline/lint';
import path from 'node:path';
import type { Provider } from '@mlops-pipeline/templates';
import { UserError } from './errors.js';
import { overlay } from './overlay.js';

export type LintModule = typeof Lint;

let cached: Promise<LintModule> | undefined;

/** Loads @mlops-pipeline/lint on first use: only runs that lint or diff pay for it. */
export function loadLint(): Promise<LintModule> {
  cached ??= import('@mlops-pipeline/lint');
  return cached;
}

export interface LintOutcome {
  errors: number;
  warnings: number;
  /** Human-readable report (mlops-lint's stylish format); empty when clean. */
  report: string;
}

/**
 * Lints files as they would be after writing: `files` maps repo-relative paths to their new text,
 * so a .gitlab-ci.yml and the file it includes are checked together before anything is written.
 */
export async function lintPlanned(dir: string, files: Record<string, string>, provider: Provider, shownFrom: string = dir): Promise<LintOutcome> {
  const lint = await loadLint();
  const view = overlay(dir, files);
  let results: Awaited<ReturnType<LintModule['lintFiles']>>;
  try {
    results = await lint.lintFiles(Object.keys(files), { cwd: view.dir, provider });
  } catch (err) {
    if (lint.isConfigError(err)) throw configProblem(err, dir, shownFrom);
    throw err;
  } finally {
    view.dispose();
  }
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    for (const d of r.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
    }
    if (r.error) errors++;
  }
  const report = errors + warnings > 0 ? lint.formatResults(results, 'stylish').trimEnd() : '';
  return { errors, warnings, report };
}

/** An invalid mlops-lint configuration in the repository: its file:line:col, and the way around it. */
function configProblem(err: { message: string; file?: string; line?: number; column?: number }, dir: string, shownFrom: string): UserError {
  const file = err.file === undefined ? undefined : path.relative(shownFrom, path.join(dir, err.file)).split(path.sep).join('/');
  const at = file === undefined ? '' : `${file}${err.line ? `:${err.line}:${err.column ?? 1}` : ''}: `;
  return new UserError(`${at}${err.message} (mlops-lint's configuration file; fix it, or pass --no-lint to write the pipeline without linting it); nothing was written`);
}

/** A unified diff of a file's old and new text (mlops-lint's diff, as `mlops-lint --fix --dry-run` shows it). */
export async function diffText(file: string, before: string, after: string): Promise<string> {
  const lint = await loadLint();
  return lint.unifiedDiff(file, before, after);
}
