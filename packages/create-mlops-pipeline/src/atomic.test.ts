import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeAllOrNothing, writeFilesOrFail } from './atomic.js';
import { InterruptedError } from './errors.js';

const made: string[] = [];
const tmp = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'atomic-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of made) {
    chmodSync(d, 0o700);
    for (const e of readdirSync(d)) if (e === 'locked') chmodSync(path.join(d, e), 0o700);
    rmSync(d, { recursive: true, force: true });
  }
});

describe('writeAllOrNothing', () => {
  it('creates directories and writes every file', async () => {
    const dir = tmp();
    await writeAllOrNothing(
      [
        { file: path.join(dir, '.github/workflows/mlops.yml'), content: 'a' },
        { file: path.join(dir, 'x.yml'), content: 'b' },
      ],
      dir,
    );
    expect(readFileSync(path.join(dir, '.github/workflows/mlops.yml'), 'utf8')).toBe('a');
    expect(readFileSync(path.join(dir, 'x.yml'), 'utf8')).toBe('b');
    expect(readdirSync(path.join(dir, '.github/workflows'))).toEqual(['mlops.yml']);
  });

  it.skipIf(process.getuid?.() === 0)('leaves nothing behind when a later file cannot be written', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, '.gitlab-ci.yml'), 'original');
    mkdirSync(path.join(dir, 'locked'));
    chmodSync(path.join(dir, 'locked'), 0o500);
    await expect(
      writeAllOrNothing(
        [
          { file: path.join(dir, '.gitlab-ci.yml'), content: 'changed' },
          { file: path.join(dir, 'locked/new.yml'), content: 'x' },
        ],
        dir,
      ),
    ).rejects.toThrow();
    expect(readFileSync(path.join(dir, '.gitlab-ci.yml'), 'utf8')).toBe('original');
    expect(readdirSync(dir).sort()).toEqual(['.gitlab-ci.yml', 'locked']);
  });

  it('restores renamed files and removes created directories when a rename fails', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, '.gitlab-ci.yml'), 'original');
    // A directory where a file should go makes the second rename fail, after the first succeeded.
    mkdirSync(path.join(dir, 'sub/mlops.yml'), { recursive: true });
    writeFileSync(path.join(dir, 'sub/mlops.yml/keep'), '');
    await expect(
      writeAllOrNothing(
        [
          { file: path.join(dir, '.gitlab-ci.yml'), content: 'changed' },
          { file: path.join(dir, 'new/dir/a.yml'), content: 'new' },
          { file: path.join(dir, 'sub/mlops.yml'), content: 'x' },
        ],
        dir,
      ),
    ).rejects.toThrow();
    expect(readFileSync(path.join(dir, '.gitlab-ci.yml'), 'utf8')).toBe('original');
    expect(existsSync(path.join(dir, 'new'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['.gitlab-ci.yml', 'sub']);
    expect(readdirSync(path.join(dir, 'sub'))).toEqual(['mlops.yml']);
  });

  it('writeFilesOrFail: one message naming the file and the reason, nothing written', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, '.gitlab-ci.yml'), 'original');
    mkdirSync(path.join(dir, '.github/workflows/mlops.yml'), { recursive: true });
    writeFileSync(path.join(dir, '.github/workflows/mlops.yml/keep'), '');
    await expect(
      writeFilesOrFail(
        [
          { file: path.join(dir, '.gitlab-ci.yml'), content: 'changed' },
          { file: path.join(dir, '.github/workflows/mlops.yml'), content: 'x' },
        ],
        dir,
        dir,
      ),
    ).rejects.toThrow(expect.objectContaining({ name: 'UserError', message: 'cannot write .github/workflows/mlops.yml: a directory is in the way; nothing was written' }));
    expect(readFileSync(path.join(dir, '.gitlab-ci.yml'), 'utf8')).toBe('original');
  });
});

describe('writes never follow symbolic links planted in a repository', () => {
  it('temp names are random: planted links at the names older versions used are never opened', async () => {
    const dir = tmp();
    const outside = path.join(tmp(), 'victim');
    writeFileSync(outside, 'untouched');
    mkdirSync(path.join(dir, '.github/workflows'), { recursive: true });
    for (let pid = 1; pid < 200; pid++) symlinkSync(outside, path.join(dir, `.github/workflows/.mlops.yml.${pid}.tmp`));
    symlinkSync(outside, path.join(dir, `.github/workflows/.mlops.yml.${process.pid}.tmp`));
    await writeAllOrNothing([{ file: path.join(dir, '.github/workflows/mlops.yml'), content: 'new' }], dir);
    expect(readFileSync(outside, 'utf8')).toBe('untouched');
    expect(readFileSync(path.join(dir, '.github/workflows/mlops.yml'), 'utf8')).toBe('new');
  });

  it.each([
    ['the file itself', '.gitlab-ci.yml', '.gitlab-ci.yml'],
    ['a parent directory', '.github', '.github/workflows/mlops.yml'],
  ])('a symlinked %s: refused with a message, nothing written outside', async (_label, linked, target) => {
    const dir = tmp();
    const outside = tmp();
    writeFileSync(path.join(outside, 'victim'), 'untouched');
    mkdirSync(path.join(outside, 'workflows'));
    symlinkSync(linked === '.github' ? outside : path.join(outside, 'victim'), path.join(dir, linked));
    await expect(writeFilesOrFail([{ file: path.join(dir, target), content: 'x' }], dir, dir)).rejects.toThrow(
      expect.objectContaining({ name: 'UserError', message: `${linked} is a symbolic link; create-mlops-pipeline does not write through links (replace it with a regular file or directory); nothing was written` }),
    );
    expect(readFileSync(path.join(outside, 'victim'), 'utf8')).toBe('untouched');
    expect(readdirSync(path.join(outside, 'workflows'))).toEqual([]);
  });
});

describe('SIGINT / SIGTERM while writing', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s: every file rolled back, no temp file left, exit %i', async (signal, code) => {
    const dir = tmp();
    writeFileSync(path.join(dir, '.gitlab-ci.yml'), 'original');
    const write = writeAllOrNothing(
      [
        { file: path.join(dir, '.gitlab-ci.yml'), content: 'changed' },
        { file: path.join(dir, '.gitlab/ci/mlops.yml'), content: 'new' },
      ],
      dir,
      { beforeRename: () => void process.emit(signal, signal) },
    );
    await expect(write).rejects.toThrow(InterruptedError);
    await write.catch((err: InterruptedError) => expect(err.exitCode).toBe(code));
    expect(readdirSync(dir)).toEqual(['.gitlab-ci.yml']);
    expect(readFileSync(path.join(dir, '.gitlab-ci.yml'), 'utf8')).toBe('original');
  });
});

describe('modes', () => {
  it('a replaced file keeps its mode, whatever the umask', async () => {
    const dir = tmp();
    const file = path.join(dir, '.gitlab-ci.yml');
    writeFileSync(file, 'old');
    chmodSync(file, 0o664);
    const umask = process.umask(0o022);
    try {
      await writeAllOrNothing([{ file, content: 'new' }], dir);
    } finally {
      process.umask(umask);
    }
    expect(statSync(file).mode & 0o777).toBe(0o664);
    expect(readFileSync(file, 'utf8')).toBe('new');
  });
});

describe('removals', () => {
  it('a removal is rolled back with the writes when a later step fails', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'old.yml'), 'old');
    mkdirSync(path.join(dir, 'in-the-way.yml'));
    writeFileSync(path.join(dir, 'in-the-way.yml/keep'), '');
    await expect(
      writeAllOrNothing(
        [
          { file: path.join(dir, 'old.yml'), content: null },
          { file: path.join(dir, 'in-the-way.yml'), content: 'x' },
        ],
        dir,
      ),
    ).rejects.toThrow();
    expect(readFileSync(path.join(dir, 'old.yml'), 'utf8')).toBe('old');
  });
});
