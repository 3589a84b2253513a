/**
 * `--fix` writes safely: never over an edit made meanwhile, never through a planted link, never
 * outside the repository, no temp file left when interrupted, the byte order mark kept.
 */
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, symlinkSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixFiles, writeAtomic, WriteRefused } from '../../src/index.js';
import type { Rule } from '../../src/model.js';
import { CLI, runCli } from '../cli.helpers.js';
import { hostileRepo } from './helpers.js';

const FIXABLE = `on: push
permissions:
  contents: read
jobs:
  train:
    runs-on: ubuntu-24.04
    steps:
      - run: cml-send-comment report.md
`;
const FIXED_LINE = 'cml comment create report.md';

describe('--fix never writes over an edit made meanwhile', () => {
  it('skips a file changed after it was read, with a message', async () => {
    const { root } = hostileRepo({ '.github/workflows/ci.yml': FIXABLE });
    const file = path.join(root, '.github/workflows/ci.yml');
    const edited = `# edited by someone else while mlops-lint ran\n${FIXABLE.replace('report.md', 'other-report.md')}`;
    let editedOnce = false;
    /** Offers a fix, and meanwhile the file on disk is edited (as an editor saving would). */
    const racing: Rule = {
      meta: { id: 'racing', description: 'test', defaultSeverity: 'error', fixable: true, providers: ['github'] },
      check(ctx) {
        if (!editedOnce) {
          editedOnce = true;
          writeFileSync(file, edited);
        }
        const at = ctx.workflow.text.indexOf('report.md');
        if (at >= 0 && !ctx.workflow.text.includes('final-report.md')) ctx.report({ span: ctx.workflow.jobs[0]!.span, message: 'rename', fix: { file: ctx.workflow.file, start: at, end: at, text: 'final-' } });
      },
    };
    const outcome = await fixFiles([], { cwd: root, rules: [racing], noConfig: true }, true);
    expect(readFileSync(file, 'utf8')).toBe(edited);
    expect(outcome.skipped).toEqual([{ file: '.github/workflows/ci.yml', message: expect.stringMatching(/changed since it was read/) }]);
  });
});

describe('--fix never follows a planted link', () => {
  it('ignores a link planted at the temp name earlier versions used', async () => {
    const { root, outside } = hostileRepo({ '.github/workflows/ci.yml': FIXABLE });
    const victim = path.join(outside, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    const planted = path.join(root, `.github/workflows/.ci.yml.mlops-lint-${process.pid}.tmp`);
    symlinkSync(victim, planted);
    await fixFiles([], { cwd: root, noConfig: true }, true);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    const fixed = path.join(root, '.github/workflows/ci.yml');
    expect(lstatSync(fixed).isFile()).toBe(true);
    expect(readFileSync(fixed, 'utf8')).toContain(FIXED_LINE);
    expect(readlinkSync(planted)).toBe(victim);
  });

  it('fixes the target of a workflow that links inside the repository, keeping the link', () => {
    const { root } = hostileRepo({ 'ci/shared.yml': FIXABLE });
    const link = path.join(root, '.github/workflows/ci.yml');
    ensureWorkflowsDir(root);
    symlinkSync('../../ci/shared.yml', link);
    const r = runCli(['--fix'], { cwd: root });
    expect(r.status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(root, 'ci/shared.yml'), 'utf8')).toContain(FIXED_LINE);
  });

  it('refuses to fix a workflow that links outside the repository', () => {
    const { root, outside } = hostileRepo({});
    const target = path.join(outside, 'ci.yml');
    writeFileSync(target, FIXABLE);
    ensureWorkflowsDir(root);
    symlinkSync(target, path.join(root, '.github/workflows/ci.yml'));
    const r = runCli(['--fix', '.github/workflows/ci.yml'], { cwd: root });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/1:1 +error +This file is not checked: it is a symbolic link leading outside the repository: not read +yaml-syntax/);
    expect(readFileSync(target, 'utf8')).toBe(FIXABLE);
    expect(lstatSync(path.join(root, '.github/workflows/ci.yml')).isSymbolicLink()).toBe(true);
  });

  it('writeAtomic refuses a link leading outside the repository', () => {
    const { root, outside } = hostileRepo({});
    const target = path.join(outside, 'ci.yml');
    writeFileSync(target, FIXABLE);
    ensureWorkflowsDir(root);
    const link = path.join(root, '.github/workflows/ci.yml');
    symlinkSync(target, link);
    expect(() => writeAtomic(link, 'changed\n', { root })).toThrow(WriteRefused);
    expect(readFileSync(target, 'utf8')).toBe(FIXABLE);
  });
});

function ensureWorkflowsDir(root: string): void {
  const dir = path.join(root, '.github/workflows');
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
}

describe('--fix keeps the file as it was around the fix', () => {
  it('keeps a UTF-8 byte order mark', () => {
    const { root } = hostileRepo({ '.github/workflows/ci.yml': `\uFEFF${FIXABLE}` });
    runCli(['--fix'], { cwd: root });
    const bytes = readFileSync(path.join(root, '.github/workflows/ci.yml'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain(FIXED_LINE);
  });
});

describe('an interrupted --fix', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s: exit %i, no temp file left, every file whole', async (signal, code) => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 150; i++) files[`.github/workflows/ci-${i}.yml`] = FIXABLE;
    const { root } = hostileRepo(files);
    const dir = path.join(root, '.github/workflows');
    const child = spawn(process.execPath, [CLI, '--fix'], { cwd: root, stdio: 'ignore' });
    // The first write (a rename in the directory) is the moment to interrupt.
    const watcher = watch(dir, () => child.kill(signal));
    const status = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    watcher.close();
    expect(status).toBe(code);
    const names = readdirSync(dir);
    expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
    for (const n of names) expect([FIXABLE, FIXABLE.replace('cml-send-comment', 'cml comment create')]).toContain(readFileSync(path.join(dir, n), 'utf8'));
  }, 60_000);
});
