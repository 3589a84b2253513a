/** A fixed file that cannot be written: a ConfigError naming it, the file unchanged, no temp file left. */
import type * as NodeFs from 'node:fs';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ConfigError, fixFiles } from '../../src/index.js';
import { tempRepo } from './helpers.js';

// Renaming the temp file over the fixed file fails as on a read-only mount (root included).
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof NodeFs>();
  const renameSync = (from: string, to: string): void => {
    if (from.endsWith('.mlops-lint.tmp')) throw Object.assign(new Error(`EACCES: permission denied, rename '${from}'`), { code: 'EACCES' });
    fs.renameSync(from, to);
  };
  return { ...fs, renameSync, default: { ...fs, renameSync } };
});

const GH = `on: push
permissions:
  contents: read
jobs:
  train:
    runs-on: ubuntu-24.04
    steps:
      - run: cml-send-comment report.md
`;

describe('a fixed file that cannot be written', () => {
  it('is a ConfigError naming it, and the file is unchanged', async () => {
    const dir = tempRepo({ '.github/workflows/a.yml': GH });
    const error = await fixFiles([], { cwd: dir, noConfig: true }, true).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).format()).toBe('.github/workflows/a.yml: cannot write the fixed file: permission denied');
    expect(readFileSync(path.join(dir, '.github/workflows/a.yml'), 'utf8')).toBe(GH);
    expect(readdirSync(path.join(dir, '.github/workflows'))).toEqual(['a.yml']);
  });
});
