/** Three-way merge of text with `git merge-file` (git is where the repository is). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

export type MergeResult = { ok: true; text: string } | { ok: false; conflicts: number } | { ok: false; unavailable: true };

/**
 * Applies the change from `base` to `theirs` onto `ours` (the user's file). Conflicts are counted,
 * never written: the caller decides what to do.
 */
export function mergeThreeWay(ours: string, base: string, theirs: string): MergeResult {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mlops-merge-'));
  try {
    const [o, b, t] = ['ours', 'base', 'theirs'].map((n) => path.join(dir, n)) as [string, string, string];
    writeFileSync(o, ours);
    writeFileSync(b, base);
    writeFileSync(t, theirs);
    const res = spawnSync('git', ['merge-file', '-q', o, b, t], { encoding: 'utf8' });
    if (res.error || res.status === null || res.status < 0 || res.status >= 128) return { ok: false, unavailable: true };
    if (res.status > 0) return { ok: false, conflicts: res.status };
    return { ok: true, text: readFileSync(o, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
