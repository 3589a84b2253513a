import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBoundedText, readSmallText } from './read.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'read-bounded-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readBoundedText', () => {
  it('reads a regular file', () => {
    writeFileSync(path.join(dir, 'a.txt'), 'dvc==3.63.0\n');
    expect(readBoundedText(path.join(dir, 'a.txt'))).toBe('dvc==3.63.0\n');
  });

  it('refuses a device behind a symlink without reading it', () => {
    symlinkSync('/dev/zero', path.join(dir, 'zero'));
    expect(() => readBoundedText(path.join(dir, 'zero'))).toThrow(expect.objectContaining({ code: 'ENOTREG' }));
    expect(readSmallText(path.join(dir, 'zero'))).toBeUndefined();
  });

  it('refuses a file over the cap', () => {
    writeFileSync(path.join(dir, 'big.txt'), 'x'.repeat(2048));
    expect(() => readBoundedText(path.join(dir, 'big.txt'), 1024)).toThrow(expect.objectContaining({ code: 'EFBIG' }));
  });
});
