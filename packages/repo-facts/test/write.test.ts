import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeTempFile } from '../src/write.js';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'repo-facts-write-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('writeTempFile', () => {
  it('writes the bytes to a new hidden file next to the target, with exactly the mode given', () => {
    const dir = tempDir();
    const temp = writeTempFile(path.join(dir, 'ci.yml'), Buffer.from('on: push\n'), 0o640, 'mlops-lint.tmp');
    expect(path.dirname(temp)).toBe(dir);
    expect(path.basename(temp)).toMatch(/^\.ci\.yml\.[0-9a-f]{16}\.mlops-lint\.tmp$/);
    expect(readFileSync(temp, 'utf8')).toBe('on: push\n');
    if (process.platform !== 'win32') expect(statSync(temp).mode & 0o777).toBe(0o640);
  });

  it('names the temp file after at most 64 characters of the target, whatever its length', () => {
    const dir = tempDir();
    const temp = writeTempFile(path.join(dir, `${'a'.repeat(200)}.yml`), Buffer.from('x'));
    expect(path.basename(temp).length).toBeLessThan(100);
  });

  it('leaves nothing behind when it cannot write, and picks a fresh name each time', () => {
    const dir = tempDir();
    // A directory that does not exist: the open fails and no file is left.
    expect(() => writeTempFile(path.join(dir, 'missing', 'ci.yml'), Buffer.from('x'))).toThrow();
    expect(readdirSync(dir)).toEqual([]);
    const a = writeTempFile(path.join(dir, 'ci.yml'), Buffer.from('1'));
    const b = writeTempFile(path.join(dir, 'ci.yml'), Buffer.from('2'));
    expect(a).not.toBe(b);
  });
});
