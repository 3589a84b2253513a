/**
 * Renovate itself (renovate@39, the last major that runs on Node 20) extracts the refs users pin:
 * `renovate --platform=local --dry-run=extract` on a generated repository whose renovate.json is
 * the shipped preset (renovate-preset.json). Renovate is installed once into a cache folder outside
 * the repository (never a workspace dependency); without it (no registry access) the test is skipped
 * with a message.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ACTIONS, render, TEMPLATES_VERSION } from '../src/index.js';
import { packageDir } from './helpers.js';

const cache = path.join(process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'), 'mlops-pipeline', 'renovate-39');
const bin = path.join(cache, 'node_modules', '.bin');

function ensureRenovate(): string | undefined {
  if (existsSync(path.join(bin, 'renovate'))) return undefined;
  mkdirSync(cache, { recursive: true });
  const r = spawnSync('npm', ['install', '--prefix', cache, '--no-fund', '--no-audit', '--omit=optional', 'renovate@39'], { encoding: 'utf8', timeout: 600_000 });
  return r.status === 0 && existsSync(path.join(bin, 'renovate')) ? undefined : `npm install renovate@39 into ${cache} failed: ${(r.stderr ?? '').trim().split('\n').at(-1) ?? ''}`;
}

const missing = ensureRenovate();
if (missing) console.warn(`SKIPPED: the Renovate extraction check needs renovate@39 (${missing})`);

interface Dep {
  manager: string;
  file: string;
  depName: string;
  currentValue: string;
  currentDigest?: string;
}

const REF = '1.2.3';
const work = mkdtempSync(path.join(tmpdir(), 'templates-renovate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A repository with pinned callers and vendored files of both providers, extracted by Renovate. */
function extract(): { deps: Dep[]; output: string } {
  const repo = path.join(work, 'repo');
  mkdirSync(path.join(repo, '.github/workflows'), { recursive: true });
  mkdirSync(path.join(repo, 'vendored'), { recursive: true });
  writeFileSync(path.join(repo, '.github/workflows/pinned.yml'), render('github', 'dvc-gcs', { cml: true }, { mode: 'pinned', ref: REF }));
  writeFileSync(path.join(repo, '.github/workflows/vendored.yml'), render('github', 'dvc-s3-keyless', { 'role-to-assume': 'arn:aws:iam::123456789012:role/dvc-ci', 'dvc-cache': true }));
  writeFileSync(path.join(repo, '.gitlab-ci.yml'), render('gitlab', 'dvc-gcs', { cml: true }, { mode: 'pinned', ref: REF }));
  // A second project whose .gitlab-ci.yml is vendored.
  mkdirSync(path.join(repo, 'other'), { recursive: true });
  writeFileSync(path.join(repo, 'other/.gitlab-ci.yml'), render('gitlab', 'dvc', {}));
  copyFileSync(path.join(packageDir, 'renovate-preset.json'), path.join(repo, 'renovate.json'));
  const git = (...args: string[]) => spawnSync('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=CI', ...args], { cwd: repo, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'pipelines');
  const env = { ...process.env, LOG_LEVEL: 'debug', LOG_FORMAT: 'json', RENOVATE_BASE_DIR: path.join(work, 'base') };
  const r = spawnSync(path.join(bin, 'renovate'), ['--platform=local', '--dry-run=extract', '--onboarding=false', '--require-config=optional'], { cwd: repo, encoding: 'utf8', env, timeout: 300_000 });
  const output = `${r.stdout}${r.stderr}`;
  const deps: Dep[] = [];
  for (const line of output.split('\n')) {
    if (!line.includes('"packageFiles"')) continue;
    const record = JSON.parse(line) as { packageFiles: Record<string, Array<{ packageFile: string; deps: Array<Omit<Dep, 'manager' | 'file'>> }>> };
    for (const [manager, files] of Object.entries(record.packageFiles)) {
      for (const f of files) for (const d of f.deps) deps.push({ manager, file: f.packageFile, depName: d.depName, currentValue: d.currentValue, ...(d.currentDigest ? { currentDigest: d.currentDigest } : {}) });
    }
  }
  return { deps, output };
}

describe.skipIf(Boolean(missing))('Renovate extracts every pinned ref and vendored version', () => {
  const { deps, output } = missing ? { deps: [], output: '' } : extract();
  const of = (file: string) => deps.filter((d) => d.file === file).map(({ depName, currentValue, currentDigest }) => ({ depName, currentValue, ...(currentDigest ? { currentDigest } : {}) }));

  it('the shipped preset is a valid Renovate config', () => {
    const r = spawnSync(path.join(bin, 'renovate-config-validator'), [path.join(packageDir, 'renovate-preset.json')], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
  });

  it('GitHub caller: both reusable workflows at the release tag', () => {
    expect(of('.github/workflows/pinned.yml').filter((d) => d.depName === 'mlops-pipeline/mlops-pipeline'), output.slice(-2000)).toEqual([
      { depName: 'mlops-pipeline/mlops-pipeline', currentValue: `v${REF}` },
      { depName: 'mlops-pipeline/mlops-pipeline', currentValue: `v${REF}` },
    ]);
  });

  it('GitLab caller: the component at the release version', () => {
    expect(of('.gitlab-ci.yml')).toEqual([{ depName: 'mlops-pipeline/components', currentValue: REF }]);
  });

  it('vendored GitHub workflow: every action by commit and version, and the templates version of its header', () => {
    const found = of('.github/workflows/vendored.yml');
    for (const a of Object.values(ACTIONS)) expect(found).toContainEqual({ depName: a.repo, currentValue: a.version, currentDigest: a.sha });
    expect(found).toContainEqual({ depName: '@mlops-pipeline/templates', currentValue: TEMPLATES_VERSION });
  });

  it('vendored GitLab file: the templates version of its header', () => {
    expect(of('other/.gitlab-ci.yml').filter((d) => d.depName === '@mlops-pipeline/templates')).toEqual([{ depName: '@mlops-pipeline/templates', currentValue: TEMPLATES_VERSION }]);
  });
});
