/**
 * The committed pre-commit bundle (hook/mlops-lint.cjs) must be exactly what the
 * build makes from the current sources, and must run on its own.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PKG_DIR, REPO_ROOT, runCli, tempDir } from './cli.helpers.js';

const HOOK = path.join(PKG_DIR, 'hook/mlops-lint.cjs');
const SOURCES = ['packages/lint/src', 'packages/lint/scripts', 'packages/lint/package.json', 'packages/templates', 'packages/repo-facts', 'schemas', 'templates', 'pnpm-lock.yaml'];

/** The hook as committed at HEAD, when every source it is built from is committed; undefined otherwise (or outside git). */
function committedHook(): Buffer | undefined {
  const git = (args: string[]): Buffer | undefined => {
    const r = spawnSync('git', args, { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 });
    return r.status === 0 ? r.stdout : undefined;
  };
  const dirty = git(['status', '--porcelain', '--', ...SOURCES]);
  if (dirty === undefined || dirty.toString().trim() !== '') return undefined;
  return git(['show', 'HEAD:packages/lint/hook/mlops-lint.cjs']);
}

describe('hook/mlops-lint.cjs', () => {
  it('is up to date with the sources', () => {
    const out = path.join(tempDir('mlops-hook-'), 'mlops-lint.cjs');
    execFileSync(process.execPath, [path.join(PKG_DIR, 'scripts/build.mjs'), '--only-hook', '--hook-out', out], { cwd: PKG_DIR });
    // The build rewrites hook/ in the work tree, so compare with the committed file when the sources are committed too.
    const committed = committedHook();
    const expected = committed ?? readFileSync(HOOK);
    const same = readFileSync(out).equals(expected);
    expect(same, 'hook/mlops-lint.cjs is stale: run `pnpm --filter @mlops-pipeline/lint build` and commit packages/lint/hook/').toBe(true);
  }, 60_000);

  it('is executable and is what the root package.json and .pre-commit-hooks.yaml point at', () => {
    expect(statSync(HOOK).mode & 0o111).not.toBe(0);
    const root = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(root.bin['mlops-lint']).toBe('packages/lint/hook/mlops-lint.cjs');
    expect(readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')).toMatch(/entry: packages\/lint\/hook\/mlops-lint\.cjs/);
  });

  it('runs without any node_modules around it', () => {
    const dir = tempDir('mlops-hook-alone-');
    const bin = path.join(dir, 'mlops-lint.cjs');
    copyFileSync(HOOK, bin);
    const r = runCli(['--version'], { cwd: dir, bin });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+/);
    const lint = runCli(['-', '--stdin-filename', '.github/workflows/ci.yml'], { cwd: dir, bin, input: 'on: push\njobs:\n  a:\n    runs_on: x\n    steps: [{run: echo}]\n' });
    expect(lint.status).toBe(1);
    expect(lint.stdout).toContain('did you mean "runs-on"?');
  });

  it('tells that custom Spectral rulesets need the npm package', () => {
    const dir = tempDir('mlops-hook-rulesets-');
    const bin = path.join(dir, 'mlops-lint.cjs');
    copyFileSync(HOOK, bin);
    execFileSync('git', ['init', '-q', dir]);
    execFileSync('sh', ['-c', `printf 'rules:\\n  no-x:\\n    given: $.jobs\\n    then:\\n      function: truthy\\n' > ruleset.yaml && printf 'rulesets: [ruleset.yaml]\\n' > .mlops-lint.yaml`], { cwd: dir });
    const r = runCli(['-', '--stdin-filename', '.github/workflows/ci.yml'], { cwd: dir, bin, input: 'on: push\njobs:\n  a:\n    runs-on: x\n    steps: [{run: echo}]\n' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('custom rulesets');
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});
