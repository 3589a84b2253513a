import { describe, expect, it } from 'vitest';
import { findLockedVersion, lockedVersionIn } from './lockfile.js';
import { makeRepo } from '../test/helpers.js';

const POETRY_LOCK = ['[[package]]', 'name = "dvc-gs"', 'version = "3.0.1"', '', '[[package]]', 'name = "dvc"', 'version = "3.55.2"', 'description = "Git for data"', '', '[package.extras]', 'gs = ["dvc-gs (>=3)"]', '', '[metadata]', 'lock-version = "2.0"'].join('\n');
const UV_LOCK = ['version = 1', '[[package]]', 'name = "DVC"', 'version = "3.61.0"', 'source = { registry = "https://pypi.org/simple" }'].join('\n');

describe('lockedVersionIn', () => {
  it.each([
    ['poetry.lock', POETRY_LOCK, 'dvc', { line: 7, version: '3.55.2' }],
    ['uv.lock (name case and separators normalised)', UV_LOCK, 'dvc', { line: 4, version: '3.61.0' }],
    ['a package that is not locked', POETRY_LOCK, 'dvclive', undefined],
    ['the metadata table', '[metadata]\nname = "dvc"\nversion = "9.9.9"\n', 'dvc', undefined],
  ])('%s', (_label, text, name, expected) => {
    expect(lockedVersionIn(text, name)).toEqual(expected);
  });
});

describe('findLockedVersion', () => {
  it('prefers poetry.lock, then uv.lock', () => {
    expect(findLockedVersion(makeRepo({ 'poetry.lock': POETRY_LOCK, 'uv.lock': UV_LOCK }), 'dvc')).toEqual({ file: 'poetry.lock', line: 7, version: '3.55.2' });
    expect(findLockedVersion(makeRepo({ 'uv.lock': UV_LOCK }), 'dvc')).toEqual({ file: 'uv.lock', line: 4, version: '3.61.0' });
    expect(findLockedVersion(makeRepo({ 'README.md': '' }), 'dvc')).toBeUndefined();
  });
});
