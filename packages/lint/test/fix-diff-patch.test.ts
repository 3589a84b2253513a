/**
 * `--fix-dry-run` diffs are patches the standard tools apply: `patch -p1` (and `git apply`) turn
 * the old text into the new one, also when the file has no final newline or the change is at its
 * end, and for a change too large for a line-by-line diff.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { unifiedDiff } from '../src/index.js';

const hasPatch = spawnSync('patch', ['--version']).status === 0;
if (!hasPatch) console.warn('fix-diff-patch.test.ts: skipped: no `patch` program');

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Applies the diff of before → after with `patch -p1` and returns the patched file. */
function applyWithPatch(before: string, after: string): { status: number | null; text: string; stderr: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'mlops-lint-patch-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'ci.yml'), before);
  const diff = unifiedDiff('ci.yml', before, after);
  const r = spawnSync('patch', ['-p1', '--batch', '--silent'], { cwd: dir, input: diff, encoding: 'utf8' });
  return { status: r.status, text: readFileSync(path.join(dir, 'ci.yml'), 'utf8'), stderr: r.stderr };
}

const STEPS = 'jobs:\n  t:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: pip install dvc';

describe.skipIf(!hasPatch)('--fix-dry-run diffs apply with patch', () => {
  it.each([
    ['a change on the last line of a file without a final newline', STEPS, STEPS.replace('dvc', 'dvc==3.63.0')],
    ['a final newline added', STEPS, `${STEPS.replace('dvc', 'dvc==3.63.0')}\n`],
    ['a final newline removed', `${STEPS}\n`, STEPS.replace('dvc', 'dvc==3.63.0')],
    ['a change in the middle of a file without a final newline', `on: push\n${STEPS}`, `on: [push]\n${STEPS}`],
    ['a change at the end of a file with a final newline', `${STEPS}\n`, `${STEPS.replace('dvc', 'dvc==3.63.0')}\n`],
    ['two distant changes', `a\n${'x\n'.repeat(20)}b`, `A\n${'x\n'.repeat(20)}B`],
  ])('%s', (_name, before, after) => {
    const r = applyWithPatch(before, after);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.text).toBe(after);
  });

  it('a change too large for a line-by-line diff is one hunk that still applies', () => {
    const before = Array.from({ length: 6_000 }, (_, i) => `line ${i}`).join('\n');
    const after = Array.from({ length: 6_000 }, (_, i) => `LINE ${i}`).join('\n');
    const r = applyWithPatch(before, after);
    expect(r.status).toBe(0);
    expect(r.text).toBe(after);
  });

  it('marks a missing final newline after the line it concerns', () => {
    expect(unifiedDiff('ci.yml', 'a\nb', 'a\nB')).toBe(['--- a/ci.yml', '+++ b/ci.yml', '@@ -1,2 +1,2 @@', ' a', '-b', '\\ No newline at end of file', '+B', '\\ No newline at end of file', ''].join('\n'));
  });
});
