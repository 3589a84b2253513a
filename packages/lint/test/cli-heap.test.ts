/** Runs over many files or large ones bound the heap's growth; single-file runs (pre-commit) skip it. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LARGE_FILE_BYTES, MANY_FILES, mayNeedMuchMemory } from '../src/cli/heap.js';
import { tempDir } from './cli.helpers.js';

describe('mayNeedMuchMemory', () => {
  const cwd = tempDir('mlops-lint-heap-');
  mkdirSync(path.join(cwd, 'repo/.github/workflows'), { recursive: true });
  writeFileSync(path.join(cwd, 'repo/.github/workflows/ci.yml'), 'on: push\n');
  writeFileSync(path.join(cwd, 'repo/.github/workflows/edge.yml'), Buffer.alloc(LARGE_FILE_BYTES, '#\n'));
  writeFileSync(path.join(cwd, 'repo/.github/workflows/big.yml'), Buffer.alloc(LARGE_FILE_BYTES + 1, '#\n'));
  const files = (n: number) => Array.from({ length: n }, (_, i) => `f${i}.yml`);

  it.each([
    ['no argument: the whole repository', [], true],
    ['one file', ['repo/.github/workflows/ci.yml'], false],
    ['a few files', files(3), false],
    [`${MANY_FILES} files`, files(MANY_FILES), false],
    [`${MANY_FILES + 1} files`, files(MANY_FILES + 1), true],
    ['a directory', ['repo'], true],
    ['a file and a directory', ['repo/.github/workflows/ci.yml', 'repo/.github'], true],
    ['a path that does not exist', ['missing.yml'], false],
    [`a file of ${LARGE_FILE_BYTES} bytes`, ['repo/.github/workflows/edge.yml'], false],
    ['a file one byte larger', ['repo/.github/workflows/big.yml'], true],
  ])('%s → %s', (_name, args, expected) => {
    expect(mayNeedMuchMemory(args as string[], cwd)).toBe(expected);
  });
});

describe('the V8 flag the bound relies on', () => {
  it('is known to this Node (an unknown flag would be reported on stderr at every large run)', () => {
    const r = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8', maxBuffer: 16 * 2 ** 20 });
    expect(r.stdout).toMatch(/--heap-growing-percent\b/);
  });
});
