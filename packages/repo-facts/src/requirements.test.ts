import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDvcRequirement, parsePep508, requirementNamesIn } from './requirements.js';
import { makeRepo } from '../test/helpers.js';

describe('parsePep508', () => {
  it.each([
    ['dvc==3.63.0', { text: 'dvc==3.63.0', extras: [], version: '3.63.0', exact: true }],
    ['dvc[gs,s3]==3.63.0', { text: 'dvc[gs,s3]==3.63.0', extras: ['gs', 's3'], version: '3.63.0', exact: true }],
    ['dvc[gs] === 3.63.0', { extras: ['gs'], version: '3.63.0', exact: true }],
    ['DVC[s3]==3.50.1 ; python_version >= "3.9"', { text: 'DVC[s3]==3.50.1', version: '3.50.1', exact: true }],
    ['dvc==3.63.0  # pinned for CI', { text: 'dvc==3.63.0', exact: true }],
    ['dvc>=3.0', { exact: false }],
    ['dvc~=3.63', { exact: false }],
    ['dvc==3.*', { exact: false }],
    ['dvc==latest', { exact: false }],
    ['dvc==>=3', { exact: false }],
    ['dvc>=3,<4', { exact: false }],
    ['dvc', { text: 'dvc', exact: false }],
    ['dvc @ git+https://github.com/iterative/dvc', { exact: false }],
  ])('%s', (input, expected) => {
    const req = parsePep508(input, 'f', 1, 1);
    expect(req).toMatchObject(expected);
    if (!expected.exact) expect(req?.version).toBeUndefined();
  });

  it.each(['dvclive==3.0', 'dvc-gs==3.0.1', 'dvc-s3', 'pydvc==1'])('ignores %s', (input) => {
    expect(parsePep508(input, 'f', 1, 1)).toBeUndefined();
  });
});

describe('findDvcRequirement', () => {
  it('finds the line and column in requirements.txt, skipping comments', () => {
    const dir = makeRepo({ 'requirements.txt': '# deps\npandas==2.2.0\n  dvc[gs]==3.63.0\n# dvc==1.0\n' });
    expect(findDvcRequirement(dir)).toEqual({
      file: path.join(dir, 'requirements.txt'),
      line: 3,
      column: 3,
      text: 'dvc[gs]==3.63.0',
      extras: ['gs'],
      version: '3.63.0',
      exact: true,
    });
  });

  it('reads a pip-compile file with hashes on continuation lines, and a byte order mark', () => {
    const dir = makeRepo({ 'requirements.txt': '\uFEFFpandas==2.2.3 \\\n    --hash=sha256:abc\ndvc[gs]==3.63.0 \\\n    --hash=sha256:def \\\n    --hash=sha256:123\n    # via -r requirements.in\n' });
    expect(findDvcRequirement(dir)).toEqual({ file: path.join(dir, 'requirements.txt'), line: 3, column: 1, text: 'dvc[gs]==3.63.0', extras: ['gs'], version: '3.63.0', exact: true });
  });

  it('follows -r includes one level deep', () => {
    const dir = makeRepo({
      'requirements.txt': '-r requirements/base.txt\nnumpy\n',
      'requirements/base.txt': 'dvc[s3]>=3\n-r deeper.txt\n',
      'requirements/deeper.txt': 'dvc==1.0.0\n',
    });
    expect(findDvcRequirement(dir)).toMatchObject({ file: path.join(dir, 'requirements/base.txt'), line: 1, exact: false });
  });

  it('does not follow includes two levels deep', () => {
    const dir = makeRepo({
      'requirements.txt': '-r a.txt\n',
      'a.txt': '-r b.txt\n',
      'b.txt': 'dvc==3.0.0\n',
    });
    expect(findDvcRequirement(dir)).toBeUndefined();
  });

  it('looks in requirements-*.txt after requirements.txt', () => {
    const dir = makeRepo({ 'requirements.txt': 'numpy\n', 'requirements-ci.txt': 'dvc==3.1.0\n' });
    expect(findDvcRequirement(dir)).toMatchObject({ file: path.join(dir, 'requirements-ci.txt'), version: '3.1.0' });
  });

  it('reads PEP 621 dependencies in pyproject.toml', () => {
    const toml = ['[project]', 'name = "ml"', 'dependencies = [', '  "pandas>=2",', '  "dvc[gs]==3.63.0",', ']', '', '[tool.other]', 'x = ["dvc==9"]'].join('\n');
    expect(findDvcRequirement(makeRepo({ 'pyproject.toml': toml }))).toMatchObject({ line: 5, column: 4, text: 'dvc[gs]==3.63.0', version: '3.63.0', extras: ['gs'] });
  });

  it('reads single-line PEP 621 arrays and optional dependencies', () => {
    const toml = ['[project]', 'dependencies = ["numpy"]', '[project.optional-dependencies]', 'ci = ["dvc[s3]==3.2.0"]'].join('\n');
    expect(findDvcRequirement(makeRepo({ 'pyproject.toml': toml }))).toMatchObject({ line: 4, column: 8, version: '3.2.0' });
  });

  it.each([
    ['dvc = "3.63.0"', { version: '3.63.0', exact: true, extras: [] }],
    ['dvc = "^3.63"', { exact: false }],
    ['dvc = {version = "3.63.0", extras = ["gs", "s3"]}', { version: '3.63.0', exact: true, extras: ['gs', 's3'] }],
    ['dvc = { version = ">=3", extras = ["gs"] }', { exact: false, extras: ['gs'] }],
  ])('reads Poetry %s', (line, expected) => {
    const toml = ['[tool.poetry.dependencies]', 'python = "^3.11"', line].join('\n');
    expect(findDvcRequirement(makeRepo({ 'pyproject.toml': toml }))).toMatchObject({ line: 3, column: 1, ...expected });
  });

  it('is undefined when dvc is not declared', () => {
    expect(findDvcRequirement(makeRepo({ 'requirements.txt': 'numpy\ndvclive\n' }))).toBeUndefined();
  });
});

describe('requirementNamesIn', () => {
  it.each([
    ['plain names, normalised', { 'requirements.txt': 'Pandas==2.2\nscikit_learn>=1\nDVC-GS\n' }, ['pandas', 'scikit-learn', 'dvc-gs']],
    ['comments, options and hashes left out', { 'requirements.txt': '# pinned\n--index-url https://x\ndvc[gs]==3.63.0 \\\n    --hash=sha256:abc\n' }, ['dvc']],
    ['-r includes one level deep', { 'requirements.txt': '-r base.txt\nnumpy\n', 'base.txt': 'dvc-s3\n-r deeper.txt\n', 'deeper.txt': 'never-read\n' }, ['numpy', 'dvc-s3']],
    ['a missing file', {}, []],
  ])('%s', (_name, files, expected) => {
    const dir = makeRepo(files as Record<string, string>);
    expect([...requirementNamesIn(path.join(dir, 'requirements.txt'))]).toEqual(expected);
  });
});
