import type * as Lint from '@mlops-pipeline/lint';
import path from 'node:path';
import type { Provider } from '@mlops-pipeline/templates';
import { UserError } from './errors.js';

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
  /** Findings in what the user wrote (lines the run does not add), reported apart and never a reason to refuse. */
  theirs: { errors: number; warnings: number; report: string };
}

/** The 1-based lines of `after` that `before` does not have (a line counts as added when it occurs more often). */
export function addedLines(before: string | undefined, after: string): Set<number> {
  const left = new Map<string, number>();
  for (const l of (before ?? '').replace(/^\uFEFF/, '').split(/\r?\n/)) left.set(l, (left.get(l) ?? 0) + 1);
  const added = new Set<number>();
  after
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((l, i) => {
      const n = left.get(l) ?? 0;
      if (n > 0) left.set(l, n - 1);
      else added.add(i + 1);
    });
  return added;
}

/**
 * Lints files as they would be after writing: `files` maps repo-relative paths to their new text,
 * so a .gitlab-ci.yml and the file it includes are checked together before anything is written.
 * A finding counts against the generated pipeline when it is in a generated file or on a line the
 * run adds to an existing one (`before`); the user's own lines are reported apart.
 */
export async function lintPlanned(dir: string, files: Record<string, string>, provider: Provider, shownFrom: string = dir, before: Record<string, string | undefined> = {}): Promise<LintOutcome> {
  const lint = await loadLint();
  // The planned files are handed over in memory (new files and the includes they name too):
  // nothing is written or copied to lint them.
  const overrides = new Map(Object.entries(files).map(([rel, text]) => [path.resolve(dir, rel), text]));
  let results: Awaited<ReturnType<LintModule['lintFiles']>>;
  try {
    results = await lint.lintFiles(Object.keys(files), { cwd: dir, provider, overrides });
  } catch (err) {
    if (lint.isConfigError(err)) throw configProblem(err, dir, shownFrom);
    throw err;
  }
  const added = Object.fromEntries(Object.entries(files).map(([rel, text]) => [rel, before[rel] === undefined ? undefined : addedLines(before[rel], text)]));
  const ours = (d: { file: string; line: number }) => {
    const rel = Object.keys(files).find((f) => d.file === f || d.file.endsWith(`/${f}`));
    const lines = rel === undefined ? undefined : added[rel];
    return rel !== undefined && (lines === undefined || lines.has(d.line));
  };
  const split = (mine: boolean) => results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => ours(d) === mine) }));
  const count = (rs: typeof results, withReadErrors: boolean) => {
    let errors = 0;
    let warnings = 0;
    for (const r of rs) {
      for (const d of r.diagnostics) {
        if (d.severity === 'error') errors++;
        else if (d.severity === 'warning') warnings++;
      }
      if (withReadErrors && r.error) errors++;
    }
    return { errors, warnings };
  };
  const mine = split(true);
  const yours = split(false).map((r) => ({ file: r.file, diagnostics: r.diagnostics }));
  const own = count(mine, true);
  const other = count(yours, false);
  const report = own.errors + own.warnings > 0 ? lint.formatResults(mine, 'stylish').trimEnd() : '';
  const theirsReport = other.errors + other.warnings > 0 ? lint.formatResults(yours, 'stylish').trimEnd() : '';
  return { ...own, report, theirs: { ...other, report: theirsReport } };
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
