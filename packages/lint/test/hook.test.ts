/**
 * The committed pre-commit bundle (hook/mlops-lint.cjs, and hook/spectral.cjs it loads
 * for custom rulesets) must be exactly what the build makes from the current sources,
 * and must run on its own.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PKG_DIR, REPO_ROOT, runCli, tempDir } from './cli.helpers.js';

const HOOK = path.join(PKG_DIR, 'hook/mlops-lint.cjs');
const HOOK_FILES = ['mlops-lint.cjs', 'spectral.cjs'];
const SOURCES = ['packages/lint/src', 'packages/lint/scripts', 'packages/lint/package.json', 'packages/templates', 'packages/repo-facts', 'schemas', 'templates', 'pnpm-lock.yaml'];

/** A hook file as committed at HEAD, when every source it is built from is committed; undefined otherwise (or outside git). */
function committedHook(name: string): Buffer | undefined {
  const git = (args: string[]): Buffer | undefined => {
    const r = spawnSync('git', args, { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 });
    return r.status === 0 ? r.stdout : undefined;
  };
  const dirty = git(['status', '--porcelain', '--', ...SOURCES]);
  if (dirty === undefined || dirty.toString().trim() !== '') return undefined;
  return git(['show', `HEAD:packages/lint/hook/${name}`]);
}

/** The hook files copied into an empty directory, with no node_modules anywhere above it. */
function hookAlone(prefix: string): { dir: string; bin: string } {
  const dir = tempDir(prefix);
  for (const name of HOOK_FILES) copyFileSync(path.join(PKG_DIR, 'hook', name), path.join(dir, name));
  return { dir, bin: path.join(dir, 'mlops-lint.cjs') };
}

describe('hook/mlops-lint.cjs', () => {
  it('is up to date with the sources', () => {
    const out = path.join(tempDir('mlops-hook-'), 'mlops-lint.cjs');
    execFileSync(process.execPath, [path.join(PKG_DIR, 'scripts/build.mjs'), '--only-hook', '--hook-out', out], { cwd: PKG_DIR });
    // The build rewrites hook/ in the work tree, so compare with the committed files when the sources are committed too.
    for (const name of HOOK_FILES) {
      const expected = committedHook(name) ?? readFileSync(path.join(PKG_DIR, 'hook', name));
      const same = readFileSync(path.join(path.dirname(out), name)).equals(expected);
      expect(same, `hook/${name} is stale: run \`pnpm --filter @mlops-pipeline/lint build\` and commit packages/lint/hook/`).toBe(true);
    }
  }, 60_000);

  it('is executable and is what the root package.json and .pre-commit-hooks.yaml point at', () => {
    expect(statSync(HOOK).mode & 0o111).not.toBe(0);
    const root = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; files: string[] };
    expect(root.bin['mlops-lint']).toBe('packages/lint/hook/mlops-lint.cjs');
    expect(root.files).toEqual(HOOK_FILES.map((name) => `packages/lint/hook/${name}`));
    expect(readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')).toMatch(/entry: packages\/lint\/hook\/mlops-lint\.cjs/);
  });

  it('runs without any node_modules around it', () => {
    const { dir, bin } = hookAlone('mlops-hook-alone-');
    const r = runCli(['--version'], { cwd: dir, bin });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+/);
    const lint = runCli(['-', '--stdin-filename', '.github/workflows/ci.yml'], { cwd: dir, bin, input: 'on: push\njobs:\n  a:\n    runs_on: x\n    steps: [{run: echo}]\n' });
    expect(lint.status).toBe(1);
    expect(lint.stdout).toContain('did you mean "runs-on"?');
  });

  it('runs custom Spectral rulesets without any node_modules around it', () => {
    const { dir, bin } = hookAlone('mlops-hook-rulesets-');
    execFileSync('git', ['init', '-q', dir]);
    writeFileSync(
      path.join(dir, 'ruleset.yaml'),
      [
        'rules:',
        '  jobs-have-timeouts:',
        '    message: Set timeout-minutes on every job',
        '    severity: error',
        '    given: $.jobs[*]',
        '    then:',
        '      field: timeout-minutes',
        '      function: defined',
        '  runner-allowed:',
        '    message: "{{error}}"',
        '    severity: warn',
        '    given: $.jobs[*]',
        '    then:',
        '      function: schema',
        '      functionOptions:',
        '        schema: {properties: {runs-on: {enum: [ubuntu-24.04]}}}',
        '',
      ].join('\n'),
    );
    writeFileSync(path.join(dir, '.mlops-lint.yaml'), 'rulesets: [ruleset.yaml]\n');
    const r = runCli(['-', '--stdin-filename', '.github/workflows/ci.yml', '--format', 'json'], {
      cwd: dir,
      bin,
      input: 'on: push\npermissions: {contents: read}\njobs:\n  a:\n    runs-on: ubuntu-22.04\n    steps: [{run: echo}]\n',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const found = (JSON.parse(r.stdout) as Array<{ diagnostics: Array<{ ruleId: string; line: number }> }>).flatMap((f) => f.diagnostics.map((d) => `${d.line} ${d.ruleId}`));
    expect(found).toEqual(expect.arrayContaining(['4 jobs-have-timeouts', '5 runner-allowed']));
  });
});
