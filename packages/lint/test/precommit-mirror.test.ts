/**
 * The pre-commit hook repository a release publishes (`language: node`, no dependencies), built by
 * the release's own script into a local bare repository and used by the real `pre-commit`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CLEAN_WORKFLOW, GIT_ENV, git, HAS_PRE_COMMIT, PKG_DIR, REPO_ROOT, tempDir } from './cli.helpers.js';

const PUBLISH = path.join(PKG_DIR, 'scripts/publish-hook-mirror.sh');
if (!HAS_PRE_COMMIT) console.warn('precommit-mirror.test.ts: the pre-commit run is skipped: `pre-commit` is not on PATH (apt-get install pre-commit)');

function publish(version: string, remote: string, env: NodeJS.ProcessEnv): { status: number | null; output: string } {
  const r = spawnSync('sh', [PUBLISH, version, remote], { cwd: REPO_ROOT, env, encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('the published pre-commit hook repository', () => {
  const base = tempDir('mlops-hook-mirror-');
  const env = { ...process.env, ...GIT_ENV, HOME: base, PRE_COMMIT_HOME: path.join(base, 'cache') };
  const remote = path.join(base, 'mirror.git');
  git(base, ['init', '-q', '--bare', remote], env);

  it('is published once per version: a re-run leaves the tag alone', () => {
    const first = publish('9.9.9', remote, env);
    expect(first.output).toContain('hook mirror: published v9.9.9');
    expect(first.status).toBe(0);
    const again = publish('9.9.9', remote, env);
    expect(again.output).toContain('hook mirror: v9.9.9 already exists: leaving it');
    expect(again.status).toBe(0);
    expect(publish('not-a-version', remote, env).status).not.toBe(0);
  });

  it('holds a language: node hook with no dependencies, matching the files the main hook matches', () => {
    const clone = path.join(base, 'inspect');
    git(base, ['clone', '-q', '--branch', 'v9.9.9', remote, clone], env);
    const hooks = parse(readFileSync(path.join(clone, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
    const main = parse(readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
    expect(hooks[0]).toMatchObject({ id: 'mlops-lint', entry: 'mlops-lint', language: 'node', files: main[0]!.files });
    const pkg = JSON.parse(readFileSync(path.join(clone, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg).toMatchObject({ version: '9.9.9', bin: { 'mlops-lint': 'mlops-lint.cjs' } });
    expect(pkg.dependencies).toBeUndefined();
    expect(readFileSync(path.join(clone, 'mlops-lint.cjs')).equals(readFileSync(path.join(PKG_DIR, 'hook/mlops-lint.cjs'))), 'the release build').toBe(true);
  });

  it.skipIf(!HAS_PRE_COMMIT)('pre-commit installs it as a Node.js package and fails a commit with a broken workflow', () => {
    const project = path.join(base, 'project');
    mkdirSync(path.join(project, '.github/workflows'), { recursive: true });
    git(project, ['init', '-q'], env);
    writeFileSync(path.join(project, '.pre-commit-config.yaml'), `repos:\n  - repo: ${remote}\n    rev: v9.9.9\n    hooks:\n      - id: mlops-lint\n`);
    execFileSync('pre-commit', ['install'], { cwd: project, env, encoding: 'utf8' });
    writeFileSync(path.join(project, '.github/workflows/train.yml'), 'on: push\njobs:\n  train:\n    runs_on: ubuntu-latest\n    steps:\n      - run: dvc repro\n');
    git(project, ['add', '.'], env);
    const bad = spawnSync('git', ['commit', '-m', 'bad workflow'], { cwd: project, env, encoding: 'utf8' });
    const badOutput = `${bad.stdout}${bad.stderr}`;
    expect(badOutput).toContain('unknown key "runs_on" in job "train" (did you mean "runs-on"?)');
    expect(bad.status, badOutput).not.toBe(0);
    writeFileSync(path.join(project, '.github/workflows/train.yml'), CLEAN_WORKFLOW);
    git(project, ['add', '.'], env);
    const good = spawnSync('git', ['commit', '-m', 'good workflow'], { cwd: project, env, encoding: 'utf8' });
    expect(good.status, `${good.stdout}${good.stderr}`).toBe(0);
  }, 180_000);
});
