import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pythonFromSpecifier, readPythonVersion, readPythonVersionDetail } from './python-version.js';
import { makeRepo } from '../test/helpers.js';

describe('pythonFromSpecifier', () => {
  it.each([
    ['>=3.10', '3.10'],
    ['>=3.9,<3.13', '3.9'],
    ['<3.13, >=3.11', '3.11'],
    ['==3.11.*', '3.11'],
    ['==3.11.4', '3.11.4'],
    ['~=3.10', '3.10'],
    ['^3.12', '3.12'],
    ['3.11', '3.11'],
    ['<4', undefined],
  ])('%s → %s', (spec, expected) => {
    expect(pythonFromSpecifier(spec)).toBe(expected);
  });
});

describe('readPythonVersion', () => {
  it.each([
    ['.python-version', { '.python-version': '3.11\n' }, '3.11'],
    ['.python-version with patch', { '.python-version': '3.12.4\n' }, '3.12.4'],
    ['.python-version skipping system', { '.python-version': 'system\n3.10.2\n' }, '3.10.2'],
    ['requires-python', { 'pyproject.toml': '[project]\nrequires-python = ">=3.10"\n' }, '3.10'],
    ['poetry python', { 'pyproject.toml': '[tool.poetry.dependencies]\npython = "^3.9"\n' }, '3.9'],
    ['runtime.txt', { 'runtime.txt': 'python-3.11.4\n' }, '3.11.4'],
    ['.python-version wins', { '.python-version': '3.12', 'pyproject.toml': '[project]\nrequires-python = ">=3.9"\n' }, '3.12'],
    ['.tool-versions', { '.tool-versions': 'nodejs 20.11.0\npython 3.11.9 3.10.4\n' }, '3.11.9'],
    ['conda environment.yml', { 'environment.yml': 'name: ml\ndependencies:\n  - python=3.10\n  - pip\n' }, '3.10'],
    ['conda environment.yml, == and .*', { 'environment.yml': 'dependencies:\n  - python==3.11.*  # pinned\n' }, '3.11'],
    ['.python-version before .tool-versions', { '.python-version': '3.12\n', '.tool-versions': 'python 3.9.1\n' }, '3.12'],
    ['pyproject.toml before environment.yml', { 'pyproject.toml': '[project]\nrequires-python = ">=3.11"\n', 'environment.yml': 'dependencies:\n  - python=3.9\n' }, '3.11'],
    ['nothing', { 'README.md': '' }, undefined],
  ])('%s', (_label, files, expected) => {
    expect(readPythonVersion(makeRepo(files))).toBe(expected);
  });
});

describe('readPythonVersionDetail', () => {
  it('names the file the version came from', () => {
    expect(readPythonVersionDetail(makeRepo({ '.python-version': 'system\n', 'runtime.txt': 'python-3.10.1\n' }))).toEqual({ version: '3.10.1', source: 'runtime.txt' });
  });

  it('reads no file that leads out of the repository or is not a regular file', () => {
    const outside = makeRepo({ '.python-version': '3.9\n' });
    const repo = makeRepo({ 'runtime.txt': 'python-3.10.1\n' });
    symlinkSync(path.join(outside, '.python-version'), path.join(repo, '.python-version'));
    symlinkSync('/dev/zero', path.join(repo, '.tool-versions'));
    expect(readPythonVersionDetail(repo)).toEqual({ version: '3.10.1', source: 'runtime.txt' });
  });
});
