import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE, PKG_DIR, REPO_ROOT, tempDir } from './helpers.js';

/**
 * The published shape: pack the three public packages, install the tarballs into an empty folder
 * (only their declared dependencies come from the registry) and run both bins from there.
 */
const PACKAGES = ['templates', 'lint', 'create-mlops-pipeline'];
const npm = spawnSync('npm', ['--version'], { encoding: 'utf8' });
const registry = process.env['MLOPS_SKIP_PACK_TEST'] ? undefined : spawnSync('npm', ['ping', '--silent'], { encoding: 'utf8', timeout: 15_000 });
const canRun = npm.status === 0 && registry?.status === 0;
if (!canRun) console.warn('skipping the packed-tarball install test: npm or the npm registry is not reachable (or MLOPS_SKIP_PACK_TEST is set)');

function sh(cmd: string, args: string[], cwd: string, timeout = 120_000) {
  const res = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, CI: '', npm_config_loglevel: 'error' } });
  return { code: res.status, stdout: res.stdout ?? '', stderr: res.stderr ?? '', error: res.error };
}

describe.skipIf(!canRun)('packed tarballs', () => {
  const work = tempDir('cmp-pack-');
  const tarballs: Record<string, string> = {};
  const app = path.join(work, 'app');

  beforeAll(() => {
    for (const pkg of PACKAGES) {
      const res = sh('pnpm', ['pack', '--pack-destination', work], path.join(REPO_ROOT, 'packages', pkg));
      expect(res.code, res.stderr).toBe(0);
    }
    for (const f of readdirSync(work)) {
      const pkg = PACKAGES.find((p) => f.startsWith(p === 'create-mlops-pipeline' ? 'create-mlops-pipeline-' : `mlops-pipeline-${p}-`));
      if (pkg) tarballs[pkg] = path.join(work, f);
    }
    mkdirSync(app);
    writeFileSync(path.join(app, 'package.json'), '{ "name": "app", "version": "1.0.0", "private": true }\n');
    const install = sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--no-package-lock', ...PACKAGES.map((p) => tarballs[p] as string)], app, 180_000);
    expect(install.code, install.stderr).toBe(0);
  }, 240_000);

  it.each(PACKAGES)('%s tarball holds only built files, README and LICENSE', (pkg) => {
    const list = sh('tar', ['-tzf', tarballs[pkg] as string], work).stdout.trim().split('\n');
    const unexpected = list.filter((f) => !/^package\/(package\.json|README\.md|LICENSE|dist\/.+\.(c?js|d\.ts|json))$/.test(f));
    expect(unexpected).toEqual([]);
    expect(list).toEqual(expect.arrayContaining(['package/package.json', 'package/README.md', 'package/LICENSE']));
    expect(list.some((f) => f.startsWith('package/dist/'))).toBe(true);
  });

  it.each([
    ['create-mlops-pipeline', ['--version'], /^\d+\.\d+\.\d+/],
    ['create-mlops-pipeline', ['--help'], /Usage/],
    ['mlops-lint', ['--version'], /\d+\.\d+\.\d+/],
    ['mlops-lint', ['--help'], /mlops-lint/],
  ])('%s %j runs from the install', (bin, args, expected) => {
    const res = sh(path.join(app, 'node_modules/.bin', bin), args, app);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(expected);
  });

  it('generates and lints the example project from the install', () => {
    const repo = path.join(work, 'repo');
    cpSync(EXAMPLE, repo, { recursive: true });
    const res = sh(path.join(app, 'node_modules/.bin/create-mlops-pipeline'), [repo, '--provider', 'github', '--yes', '--dry-run', '--lint'], app);
    expect(res.stderr).toContain('mlops-lint: ');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('dvc');
  });
});

describe.skipIf(!canRun)('npm create mlops-pipeline installs one package', () => {
  it('the generator tarball alone: no dependencies, under 3 MB installed, and it runs --yes --dry-run', () => {
    const work = tempDir('cmp-pack-one-');
    const packed = sh('pnpm', ['pack', '--pack-destination', work], PKG_DIR);
    expect(packed.code, packed.stderr).toBe(0);
    const tarball = readdirSync(work).find((f) => f.startsWith('create-mlops-pipeline-'));
    const app = path.join(work, 'app');
    mkdirSync(app);
    writeFileSync(path.join(app, 'package.json'), '{ "name": "app", "version": "1.0.0", "private": true }\n');
    const install = sh('npm', ['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', path.join(work, tarball ?? '')], app);
    expect(install.code, install.stderr).toBe(0);
    expect(readdirSync(path.join(app, 'node_modules')).filter((d) => !d.startsWith('.'))).toEqual(['create-mlops-pipeline']);
    const installed = Number(sh('du', ['-sk', path.join(app, 'node_modules/create-mlops-pipeline')], app).stdout.split(/\s/)[0]);
    expect(installed).toBeLessThan(3 * 1024);
    const repo = path.join(work, 'repo');
    cpSync(EXAMPLE, repo, { recursive: true });
    const res = sh(path.join(app, 'node_modules/.bin/create-mlops-pipeline'), [repo, '--provider', 'github', '--yes', '--dry-run'], app);
    expect(res.stderr).toContain('mlops-lint: no problems');
    expect(res.code).toBe(0);
    rmSync(work, { recursive: true, force: true });
  }, 120_000);
});
