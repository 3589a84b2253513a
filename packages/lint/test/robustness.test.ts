/**
 * Hostile input through the built bin: every case gets a finding or a one-line
 * error with the right exit code, quickly, and never a stack trace.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli, tempDir } from './cli.helpers.js';

const dir = tempDir('mlops-robust-');
mkdirSync(path.join(dir, '.git'));
const wf = path.join(dir, '.github/workflows');
mkdirSync(wf, { recursive: true });

function file(name: string, content: string | Buffer): string {
  writeFileSync(path.join(wf, name), content);
  return `.github/workflows/${name}`;
}

const aliasBomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
for (let i = 1; i <= 9; i++) aliasBomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
aliasBomb.push('on: push', 'jobs:', '  x:', '    runs-on: [*j]', '    steps: [{run: echo}]');

const deep = `on: push\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo\n        with: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
// 1,500 levels: as deep as block nesting gets under the 2 MB size limit (the indentation alone is 1.1 MB).
const deepBlock = `on: push\nx:\n${Array.from({ length: 1_500 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')} v\n`;
// 1.9 MB, just under the size limit: a workflow whose steps are separated by 23k comment lines; the finding after them keeps its exact line.
const big = `on: push\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo\n${'# padding padding padding padding padding padding padding padding padding padding\n'.repeat(23_000)}      - run: dvc repro\n`;

type Case = [name: string, file: string, exit: number, expected: RegExp];
const CASES: Case[] = [
  ['malformed YAML', file('malformed.yml', 'on: push\njobs:\n  x: [unclosed\n'), 1, /malformed\.yml\n\s+\d+:\d+\s+error\s+.+yaml-syntax/],
  ['duplicate keys', file('dup.yml', 'on: push\non: pull_request\njobs: {}\n'), 1, /2:1\s+error\s+Duplicate key.*yaml-syntax/],
  ['alias bomb', file('bomb.yml', `${aliasBomb.join('\n')}\n`), 1, /alias.*yaml-syntax/i],
  ['10k-deep flow nesting', file('deep.yml', deep), 1, /nesting.*yaml-syntax/i],
  ['1,500-deep block nesting', file('deep-block.yml', deepBlock), 1, /yaml-syntax/],
  ['1.9 MB file', file('big.yml', big), 1, /23007:14\s+error\s+.*dvc-pull-before-repro/],
  ['invalid UTF-8', file('latin1.yml', Buffer.from([0x6f, 0x6e, 0x3a, 0x20, 0xe9, 0xe8, 0x0a])), 1, /1:5\s+error\s+File is not valid UTF-8\s+yaml-syntax/],
  ['binary', file('binary.yml', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0x02, 0x00, 0xff])), 1, /NUL bytes.*yaml-syntax/],
  ['empty file', file('empty.yml', ''), 1, /empty.*empty-file/i],
  ['only comments', file('comments.yml', '# nothing here\n'), 1, /empty-file/],
  ['a scalar document', file('scalar.yml', 'just a string\n'), 1, /mapping.*yaml-syntax/],
];

describe('hostile files', () => {
  it.each(CASES)('%s', (_name, name, exit, expected) => {
    const started = Date.now();
    const r = runCli([name], { cwd: dir });
    const elapsed = Date.now() - started;
    expect(r.status, r.stderr).toBe(exit);
    expect(r.stdout).toMatch(expected);
    expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
    expect(r.stderr).not.toContain('internal error');
    // Generous bound (CI machines are shared); `pnpm bench` measures speed.
    expect(elapsed).toBeLessThan(20_000);
  });

  it('an alias bomb is refused without expanding it', () => {
    const r = runCli([`.github/workflows/bomb.yml`, '--format', 'json'], { cwd: dir });
    expect(r.stdout.length).toBeLessThan(10_000);
  });
});

describe('unreadable paths', () => {
  it.each([
    ['nonexistent file', 'nope.yml', /^mlops-lint: nope\.yml: no such file$/],
    ['a directory given as a file with no CI files in it', '.git', /^$/],
  ])('%s', (_name, target, expected) => {
    const r = runCli([target], { cwd: dir });
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stderr.trim()).toMatch(expected);
    expect(r.status).toBe(expected.source === '^$' ? 0 : 2);
  });

  it('a directory named like a workflow is searched, not read; bad bytes on stdin are a finding', () => {
    mkdirSync(path.join(wf, 'dir.yml'), { recursive: true });
    const r = runCli(['.github/workflows/dir.yml/'], { cwd: dir });
    expect(r.status).toBe(0);
    const direct = runCli(['-', '--stdin-filename', 'x.yml'], { cwd: dir, input: Buffer.from([0xff, 0xfe, 0x00]) });
    expect(direct.status).toBe(1);
    expect(hasStackTrace(direct.stdout + direct.stderr)).toBe(false);
  });

  it('a file that cannot be read (EISDIR) among good files: exit 2, the others still reported', () => {
    const d = tempDir('mlops-robust-io-');
    mkdirSync(path.join(d, '.git'));
    mkdirSync(path.join(d, 'a.gitlab-ci.yml'));
    writeFileSync(path.join(d, 'b.gitlab-ci.yml'), 'build:\n  scirpt: make\n');
    const r = runCli([path.join(d, 'b.gitlab-ci.yml'), 'missing.gitlab-ci.yml'], { cwd: d });
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('did you mean "script"?');
    expect(r.stderr).toBe('mlops-lint: missing.gitlab-ci.yml: no such file\n');
  });
});
