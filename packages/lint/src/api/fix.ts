/** Fix passes: lint, apply every safe fix in memory, re-lint until nothing changes; write atomically only when asked. */
import path from 'node:path';
import { ConfigError } from '../config/errors.js';
import { readText } from '../engine/read.js';
import { displayPath } from '../engine/repo.js';
import { applyFixes } from '../fix/apply.js';
import { unifiedDiff } from '../fix/diff.js';
import { writeAtomic } from '../fix/write.js';
import type { Diagnostic, FileResult, Fix } from '../model.js';
import { lintFiles, lintText } from './lint.js';
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
    results = await lintFiles(files, { ...options, overrides });
    const byFile = new Map<string, Fix[]>();
    for (const r of results) for (const d of r.diagnostics) if (d.fix) {
      const abs = path.resolve(cwd, d.fix.file);
      byFile.set(abs, [...(byFile.get(abs) ?? []), d.fix]);
    }
    let changed = false;
    for (const [abs, fixes] of byFile) {
      let text = overrides.get(abs);
      if (text === undefined) {
        const read = readText(abs);
        if ('error' in read || 'invalidUtf8At' in read) continue;
        text = read.text;
      }
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
  if (write) {
    for (const c of changes) {
      try {
        writeAtomic(c.absPath, c.after);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new ConfigError(`cannot write the fixed file: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : ((error as Error).message.split('\n')[0] ?? 'write failed')}`, c.file);
      }
    }
  }
  return { results, changes };
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
