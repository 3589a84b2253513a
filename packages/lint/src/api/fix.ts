/** Fix passes: lint, apply every safe fix in memory, re-lint until nothing changes; write atomically only when asked. */
import path from 'node:path';
import { ConfigError } from '../config/errors.js';
import { displayPath, findRepoRoot } from '../engine/repo.js';
import { applyFixes } from '../fix/apply.js';
import { unifiedDiff } from '../fix/diff.js';
import { WriteRefused, writeAtomic } from '../fix/write.js';
import type { Diagnostic, FileResult, Fix } from '../model.js';
import { lintedText, lintFilesForFix, lintText } from './lint.js';
import type { LintOptions } from './options.js';

/** Fix passes stop after this many rounds even if rules keep offering fixes. */
export const MAX_FIX_PASSES = 10;

export interface FileChange {
  /** Path as shown in diagnostics. */
  file: string;
  absPath: string;
  before: string;
  after: string;
  /** Unified diff (what `--fix-dry-run` prints). */
  diff: string;
}

export interface FixOutcome {
  /** Diagnostics remaining after the fixes. */
  results: FileResult[];
  changes: FileChange[];
  /** Changed files that were not written, and why (edited meanwhile, a link leading outside the repository). */
  skipped: { file: string; message: string }[];
}

/**
 * Lint, apply every safe fix, re-lint (up to MAX_FIX_PASSES) and, with `write`,
 * save each changed file atomically. Without `write` nothing touches the disk.
 */
export async function fixFiles(files: string[], options: LintOptions = {}, write = false): Promise<FixOutcome> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const overrides = new Map(options.overrides ?? []);
  const originals = new Map<string, string>();
  let results: FileResult[] = [];
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    results = await lintFilesForFix(files, { ...options, overrides });
    // Fixes apply to the very text they were computed from (never to a later read of the file).
    const byFile = new Map<string, { text: string; fixes: Fix[] }>();
    for (const r of results) {
      for (const d of r.diagnostics) {
        if (!d.fix) continue;
        const abs = path.resolve(cwd, d.fix.file);
        const text = overrides.get(abs) ?? lintedText(r, d.fix.file);
        if (text === undefined) continue;
        const entry = byFile.get(abs);
        if (entry) entry.fixes.push(d.fix);
        else byFile.set(abs, { text, fixes: [d.fix] });
      }
    }
    let changed = false;
    for (const [abs, { text, fixes }] of byFile) {
      if (!originals.has(abs)) originals.set(abs, text);
      const { output } = applyFixes(text, fixes);
      if (output !== text) {
        overrides.set(abs, output);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const changes: FileChange[] = [];
  for (const [abs, before] of originals) {
    const after = overrides.get(abs) ?? before;
    if (after === before) continue;
    const file = displayPath(cwd, abs);
    changes.push({ file, absPath: abs, before, after, diff: unifiedDiff(file, before, after) });
  }
  const skipped: FixOutcome['skipped'] = [];
  if (write) {
    const root = findRepoRoot(cwd);
    for (const c of changes) {
      // A signal (Ctrl-C) is handled between two files: the remaining ones stay as they were.
      await new Promise((resolve) => setImmediate(resolve));
      try {
        // A text handed in by the caller is not what the disk holds: only disk reads are compared.
        writeAtomic(c.absPath, c.after, { root, ...(options.overrides?.has(c.absPath) ? {} : { expected: c.before }) });
      } catch (error) {
        if (error instanceof WriteRefused) {
          skipped.push({ file: c.file, message: error.message });
          continue;
        }
        const code = (error as NodeJS.ErrnoException).code;
        throw new ConfigError(`cannot write the fixed file: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : ((error as Error).message.split('\n')[0] ?? 'write failed')}`, c.file);
      }
    }
  }
  return { results, changes: changes.filter((c) => !skipped.some((s) => s.file === c.file)), skipped };
}

/** Fix one in-memory file (stdin): returns the fixed text and the diagnostics that remain. */
export async function fixText(text: string, filename: string, options: LintOptions = {}): Promise<{ output: string; diagnostics: Diagnostic[] }> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const abs = path.resolve(cwd, filename);
  let output = text;
  let diagnostics: Diagnostic[] = [];
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    diagnostics = await lintText(output, filename, options);
    const fixes = diagnostics.flatMap((d) => (d.fix && path.resolve(cwd, d.fix.file) === abs ? [d.fix] : []));
    if (fixes.length === 0) break;
    const next = applyFixes(output, fixes).output;
    if (next === output) break;
    output = next;
  }
  return { output, diagnostics };
}
