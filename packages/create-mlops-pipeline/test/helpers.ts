import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';

export const PKG_DIR = path.resolve(__dirname, '..');
export const REPO_ROOT = path.resolve(PKG_DIR, '../..');
export const EXAMPLE = path.join(REPO_ROOT, 'examples/dvc-project');
export const BIN = path.join(PKG_DIR, 'dist/cli.cjs');

export function tempDir(prefix = 'cmp-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(dir, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

export interface RepoSpec {
  /** git remote origin URL; undefined: no git repo. */
  origin?: string;
  /** Replaces examples/dvc-project/.dvc/config; null removes .dvc/ entirely. */
  dvcConfig?: string | null;
  files?: Record<string, string>;
}

/** A copy of examples/dvc-project in a fresh git repo with the given origin and .dvc/config. */
export function makeRepo(spec: RepoSpec = {}): string {
  const dir = tempDir('cmp-repo-');
  cpSync(EXAMPLE, dir, { recursive: true });
  if (spec.origin !== undefined) {
    spawnSync('git', ['init', '-q', '-b', 'main', dir]);
    spawnSync('git', ['-C', dir, 'remote', 'add', 'origin', spec.origin]);
  }
  if (spec.dvcConfig === null) spawnSync('rm', ['-rf', path.join(dir, '.dvc')]);
  else if (spec.dvcConfig !== undefined) writeFileSync(path.join(dir, '.dvc/config'), spec.dvcConfig);
  if (spec.files) writeFiles(dir, spec.files);
  return dir;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built bin without a terminal (stdin is empty), so tests can run side by side. */
export function run(args: string[], cwd: string, env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, CI: '', NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * Runs the CLI in this process, as the bin does but without a terminal: the same `main`, with output
 * captured. Fast enough for large tables; the bin itself is exercised by the end-to-end tests.
 */
export async function runMain(args: string[], cwd: string): Promise<RunResult> {
  const { main } = await import('../src/main.js');
  let stdout = '';
  let stderr = '';
  const io = {
    out: (t: string) => void (stdout += t.endsWith('\n') ? t : `${t}\n`),
    err: (t: string) => void (stderr += t.endsWith('\n') ? t : `${t}\n`),
    interactive: false,
    cwd,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** Where the generator writes a GitHub workflow and a GitLab pipeline. */
export const GH = '.github/workflows/mlops.yml';
export const GL = '.gitlab-ci.yml';

/** A file of a fixture repository, as text. */
export function read(dir: string, rel: string): string {
  return readFileSync(path.join(dir, rel), 'utf8');
}
