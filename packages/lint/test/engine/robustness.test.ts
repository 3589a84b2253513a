import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles, lintText } from '../../src/index.js';
import type { Rule } from '../../src/model.js';
import { finder, tempRepo, quiet } from './helpers.js';

const lint = (text: string, file = '.github/workflows/a.yml') => lintText(text, file, { config: quiet, rules: [finder('dvc')] });

const aliasBomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)].join('\n') + '\n';

describe('bad input never throws', () => {
  it.each([
    ['malformed YAML', 'on: push\njobs:\n  a: [\n', 'yaml-syntax', 3],
    ['duplicate key', 'on: push\non: pull_request\njobs: {}\n', 'yaml-syntax', 2],
    ['empty file', '', 'empty-file', 1],
    ['only comments', '# nothing\n', 'empty-file', 1],
    ['NUL bytes', 'on: push\u0000\u0001\n', 'yaml-syntax', 1],
    ['top-level list', '- a\n- b\n', 'yaml-syntax', 1],
    ['10k-deep nesting', '['.repeat(10_000) + ']'.repeat(10_000) + '\n', 'yaml-syntax', 1],
    ['1,500-deep block nesting', Array.from({ length: 1_500 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n', 'yaml-syntax', undefined],
    ['alias bomb', aliasBomb, 'yaml-syntax', undefined],
    ['three documents', 'a: 1\n---\nb: 2\n---\nc: 3\n', 'yaml-syntax', undefined],
  ])('%s', async (_name, text, ruleId, line) => {
    const d = await lint(text);
    expect(d.length).toBeGreaterThan(0);
    expect(d[0]!.ruleId).toBe(ruleId);
    expect(d[0]!.severity).toBe('error');
    if (line !== undefined) expect(d[0]!.line).toBe(line);
    for (const x of d) expect(x.message).not.toMatch(/\n\s+at /);
    if (_name.includes('deep')) expect(d[0]!.message).toMatch(/^YAML nesting is (too deep to parse|deeper than 256 levels)$/);
  });

  it('a 1.9 MB file (just under the size limit) is linted', async () => {
    const line = '          echo "hello world and some more text to make the line longer"\n';
    const text = 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: |\n' + line.repeat(Math.floor((1.9 * 1024 * 1024) / line.length)) + '      - run: dvc repro\n';
    const d = await lint(text);
    // Over 500 KB, GitHub would not run it: a file-size error, and every other check still runs.
    expect(d.map((x) => [x.ruleId, x.line])).toEqual([
      ['file-size', 1],
      ['find', text.split('\n').length - 1],
    ]);
  });

  it('invalid UTF-8 and unreadable paths are reported per file, not thrown', async () => {
    const dir = tempRepo({ '.github/workflows/bin.yml': Buffer.from([0x6f, 0x6e, 0x3a, 0x20, 0xff, 0xfe, 0x0a]), '.github/workflows/ok.yml': 'on: push\njobs: {}\n' });
    const locked = path.join(dir, '.github/workflows/locked.yml');
    writeFileSync(locked, 'on: push\n');
    chmodSync(locked, 0o000);
    const results = await lintFiles(['.github/workflows/bin.yml', '.github/workflows/missing.yml', '.github/workflows/locked.yml'], { cwd: dir, config: quiet, rules: [] });
    expect(results[0]!.diagnostics.map((d) => [d.ruleId, d.line, d.column, d.message])).toEqual([['yaml-syntax', 1, 5, 'File is not valid UTF-8']]);
    expect(results[1]!.error?.message).toBe('.github/workflows/missing.yml: no such file');
    if (process.getuid?.() !== 0) expect(results[2]!.error?.message).toContain('permission denied');
  });

  it('a rule that throws becomes an internal-error diagnostic naming it', async () => {
    const broken: Rule = { meta: { id: 'broken', description: '', defaultSeverity: 'error', fixable: false, providers: ['github'] }, check: () => { throw new Error('boom'); } };
    const d = await lintText('on: push\njobs: {}\n', '.github/workflows/a.yml', { config: quiet, rules: [broken] });
    expect(d.map((x) => [x.ruleId, x.message])).toEqual([['internal-error', 'Rule "broken" failed on this file: boom']]);
  });
});

describe('line endings and byte-order marks keep positions exact', () => {
  it.each([
    ['CRLF', 'on: push\r\njobs:\r\n  a:\r\n    runs-on: x\r\n    steps:\r\n      - run: |\r\n          echo\r\n          dvc repro\r\n'],
    ['BOM', '\uFEFFon: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: |\n          echo\n          dvc repro\n'],
  ])('%s', async (_name, text) => {
    const d = await lint(text);
    expect(d.map((x) => [x.ruleId, x.line, x.column, x.endColumn])).toEqual([['find', 8, 11, 20]]);
  });
});

describe('file discovery', () => {
  it('finds the CI files of the repository when no files are given', async () => {
    const dir = tempRepo({
      '.github/workflows/a.yml': 'on: push\njobs: {}\n',
      '.github/workflows/b.yaml': 'on: push\njobs: {}\n',
      '.github/actions/setup/action.yml': 'name: s\nruns:\n  using: composite\n  steps: []\n',
      '.gitlab-ci.yml': 'job:\n  script: [echo]\n',
      'ci/deploy.gitlab-ci.yml': 'deploy:\n  script: [echo]\n',
      'node_modules/x/action.yml': 'name: ignored\n',
      'params.yaml': 'lr: 0.1\n',
      'templates/dvc-gcs/template.yml': 'spec:\n  inputs: {}\n---\njob:\n  script: [echo]\n',
      'templates/chart.yaml': 'kind: Deployment\n',
    });
    const results = await lintFiles([], { cwd: dir, config: quiet, rules: [] });
    expect(results.map((r) => r.file).sort()).toEqual(['.github/actions/setup/action.yml', '.github/workflows/a.yml', '.github/workflows/b.yaml', '.gitlab-ci.yml', 'ci/deploy.gitlab-ci.yml', 'templates/dvc-gcs/template.yml']);
  });
});
