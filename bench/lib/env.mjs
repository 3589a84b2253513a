// Paths, logging and machine facts shared by the benchmark modules.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = path.resolve(benchDir, '..');
export const sharedDir = path.resolve(repoRoot, '../shared');
export const workDir = path.join(benchDir, '.work');
export const resultsDir = path.join(benchDir, 'results');

export const paths = {
  lintCli: path.join(repoRoot, 'packages/lint/dist/cli.cjs'),
  lintHook: path.join(repoRoot, 'packages/lint/hook/mlops-lint.cjs'),
  lintSrc: path.join(repoRoot, 'packages/lint/src/cli.ts'),
  createCli: path.join(repoRoot, 'packages/create-mlops-pipeline/dist/cli.cjs'),
  templatesDist: path.join(repoRoot, 'packages/templates/dist/index.js'),
  example: path.join(repoRoot, 'examples/dvc-project'),
  corpus: path.join(sharedDir, 'corpus'),
  schemas: path.join(sharedDir, 'schemas-upstream'),
  yamlFloor: path.join(benchDir, 'peers/yaml-parse.mjs'),
  jsonschemaPeer: path.join(benchDir, 'peers/jsonschema_validate.py'),
  spectralRuleset: path.join(benchDir, 'spectral/mlops.yaml'),
};

const started = Date.now();
export function log(message) {
  const s = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  process.stdout.write(`[bench ${s}s] ${message}\n`);
}
export const elapsedSeconds = () => (Date.now() - started) / 1000;

/** stdout of a command, or undefined when it cannot run. */
export function tryOutput(cmd, args, options = {}) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000, ...options }).trim();
  } catch {
    return undefined;
  }
}

export function machineInfo() {
  const cpuModel = os.cpus()[0]?.model ?? 'unknown';
  let gitCommit = tryOutput('git', ['-C', repoRoot, 'rev-parse', '--short', 'HEAD']);
  const dirty = tryOutput('git', ['-C', repoRoot, 'status', '--porcelain', '--', 'packages']);
  if (gitCommit && dirty) gitCommit += ' (+ uncommitted changes in packages/)';
  let osName = `${os.type()} ${os.release()}`;
  if (existsSync('/etc/os-release')) {
    const m = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'));
    if (m) osName = `${m[1]} (${os.release()})`;
  }
  return {
    date: new Date().toISOString(),
    nproc: Number(tryOutput('nproc', [])) || os.availableParallelism?.() || os.cpus().length,
    cpuModel,
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    os: osName,
    node: process.version,
    loadAverageAtStart: os.loadavg().map((v) => +v.toFixed(2)),
    gitCommit,
  };
}
