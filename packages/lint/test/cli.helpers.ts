/** Running the built `mlops-lint` bin in tests. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PKG_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = path.resolve(PKG_DIR, '../..');
export const CLI = path.join(PKG_DIR, 'dist/cli.cjs');
/** The shared test material (`../shared` next to the repository; MLOPS_SHARED_DIR overrides it). */
export const SHARED = process.env.MLOPS_SHARED_DIR ?? path.resolve(REPO_ROOT, '../shared');
export const CORPUS = path.join(SHARED, 'corpus');

if (!existsSync(CLI)) throw new Error('dist/cli.cjs is missing: run `pnpm --filter @mlops-pipeline/lint build` first');

/** A workflow every rule accepts. */
export const CLEAN_WORKFLOW = `name: ci
on: push
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - run: echo ok
`;

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; input?: string | Buffer; env?: Record<string, string>; bin?: string } = {}): RunResult {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), ...options.env };
  delete env.FORCE_COLOR;
  if (!options.env?.MLOPS_LINT_DEBUG) delete env.MLOPS_LINT_DEBUG;
  const r = spawnSync(process.execPath, [options.bin ?? CLI, ...args], {
    cwd: options.cwd ?? PKG_DIR,
    input: options.input ?? '',
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'mlops-lint-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** No Node.js stack trace lines. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+(\(|:\d+)/m.test(text);
}

/** The real `pre-commit` is on PATH (Debian: apt-get install pre-commit). */
export const HAS_PRE_COMMIT = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;

/** A git identity and no system config, so tests commit the same way on every machine. */
export const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
};

/** Runs git in `cwd` (branch `main`, unsigned commits) and returns its output. */
export function git(cwd: string, args: string[], env: NodeJS.ProcessEnv): string {
  return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd, env, encoding: 'utf8' });
}
