import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAllOrNothing, writeFilesOrFail } from './atomic.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'atomic-'));

describe('writeAllOrNothing', () => {
  it('creates directories and writes every file', () => {
    const dir = tmp();
    writeAllOrNothing([
      { file: path.join(dir, '.github/workflows/mlops.yml'), content: 'a' },
      { file: path.join(dir, 'x.yml'), content: 'b' },
    ]);
    expect(readFileSync(path.join(dir, '.github/workflows/mlops.yml'), 'utf8')).toBe('a');
    expect(readFileSync(path.join(dir, 'x.yml'), 'utf8')).toBe('b');
    expect(readdirSync(path.join(dir, '.github/workflows'))).toEqual(['mlops.yml']);
  });

  it.skipIf(process.getuid?.() === 0)('leaves nothing behind when a later file cannot be written', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, '.gitlab-ci.yml'), 'original');
    mkdirSync(path.join(dir, 'locked'));
    chmodSync(path.join(dir, 'locked'), 0o500);
    expect(() =>
      writeAllOrNothing([
        { file: path.join(dir, '.gitlab-ci.yml'), content: 'changed' },
        { file: path.join(dir, 'locked/new.yml'), content: 'x' },
      ]),
    ).toThrow();
    expect(readFileSync(path.join(dir, '.gitlab-ci.yml'), 'utf8')).toBe('original');
    expect(readdirSync(dir).sort()).toEqual(['.gitlab-ci.yml', 'locked']);
  });

  it('restores renamed files and removes created directories when a rename fails', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, '.gitlab-ci.yml'), 'original');
    // A directory where a file should go makes the second rename fail, after the first succeeded.
    mkdirSync(path.join(dir, 'sub/mlops.yml'), { recursive: true });
    writeFileSync(path.join(dir, 'sub/mlops.yml/keep'), '');
    expect(() =>
      writeAllOrNothing([
        { file: path.join(dir, '.gitlab-ci.yml'), content: 'changed' },
        { file: path.join(dir, 'new/dir/a.yml'), content: 'new' },
        { file: path.join(dir, 'sub/mlops.yml'), content: 'x' },
      ]),
    ).toThrow();
    expect(readFileSync(path.join(dir, '.gitlab-ci.yml'), 'utf8')).toBe('original');
    expect(existsSync(path.join(dir, 'new'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['.gitlab-ci.yml', 'sub']);
    expect(readdirSync(path.join(dir, 'sub'))).toEqual(['mlops.yml']);
  });

  it('writeFilesOrFail: one message naming the file and the reason, nothing written', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, '.gitlab-ci.yml'), 'original');
    mkdirSync(path.join(dir, '.github/workflows/mlops.yml'), { recursive: true });
    writeFileSync(path.join(dir, '.github/workflows/mlops.yml/keep'), '');
    expect(() =>
      writeFilesOrFail(
        [
          { file: path.join(dir, '.gitlab-ci.yml'), content: 'changed' },
          { file: path.join(dir, '.github/workflows/mlops.yml'), content: 'x' },
        ],
        dir,
      ),
    ).toThrow(expect.objectContaining({ name: 'UserError', message: 'cannot write .github/workflows/mlops.yml: a directory is in the way; nothing was written' }));
    expect(readFileSync(path.join(dir, '.gitlab-ci.yml'), 'utf8')).toBe('original');
  });
});
