/**
 * The pre-commit hook, end to end with the real `pre-commit`: a repository
 * holding this project's hook files at a commit, a project that uses it, a bad
 * workflow that fails `git commit` and a good one that passes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { kindFromPath } from '../src/engine/detect.js';
import { CLEAN_WORKFLOW, GIT_ENV, git, HAS_PRE_COMMIT, REPO_ROOT, tempDir } from './cli.helpers.js';

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string; pass_filenames: boolean }[];
  const hook = hooks.find((h) => h.id === 'mlops-lint');

  it('declares the mlops-lint hook running the committed bundle', () => {
    expect(hook).toMatchObject({ entry: 'packages/lint/hook/mlops-lint.cjs', language: 'script', pass_filenames: true });
  });

  it.each([
    ['.github/workflows/train.yml', true],
    ['.github/workflows/train.yaml', true],
    ['services/api/.github/workflows/ci.yml', true],
    ['action.yml', true],
    ['actions/setup-ml/action.yaml', true],
    ['.gitlab-ci.yml', true],
    ['ci/train.gitlab-ci.yml', true],
    ['.github/workflows/scripts/helper.yml', false],
    ['.github/dependabot.yml', false],
    ['myaction.yml', false],
    ['config.yml', false],
    ['docs/gitlab-ci.md', false],
  ])('%s → %s, as the linter itself recognises it', (file, expected) => {
    expect(new RegExp(hook!.files).test(file)).toBe(expected);
    expect(kindFromPath(file) !== undefined).toBe(expected);
  });
});

if (!HAS_PRE_COMMIT) console.warn('precommit.test.ts: skipped: `pre-commit` is not on PATH (apt-get install pre-commit)');

const BAD = `on: push
jobs:
  train:
    runs_on: ubuntu-latest
    steps:
      - run: dvc repro
`;

const GOOD = CLEAN_WORKFLOW;

describe.skipIf(!HAS_PRE_COMMIT)('pre-commit hook (real pre-commit)', () => {
  it('fails a commit with a broken workflow and passes a good one', () => {
    const base = tempDir('mlops-precommit-');
    const env = { ...process.env, ...GIT_ENV, PRE_COMMIT_HOME: path.join(base, 'cache'), HOME: base };
    // The hook repository: the files pre-commit uses, committed at one revision.
    const hookRepo = path.join(base, 'hook-repo');
    mkdirSync(path.join(hookRepo, 'packages/lint/hook'), { recursive: true });
    for (const f of ['.pre-commit-hooks.yaml', 'package.json', 'packages/lint/hook/mlops-lint.cjs']) copyFileSync(path.join(REPO_ROOT, f), path.join(hookRepo, f));
    chmodSync(path.join(hookRepo, 'packages/lint/hook/mlops-lint.cjs'), 0o755);
    git(hookRepo, ['init', '-q'], env);
    git(hookRepo, ['add', '.'], env);
    git(hookRepo, ['commit', '-q', '-m', 'hook'], env);
    const rev = git(hookRepo, ['rev-parse', 'HEAD'], env).trim();

    const project = path.join(base, 'project');
    mkdirSync(path.join(project, '.github/workflows'), { recursive: true });
    git(project, ['init', '-q'], env);
    writeFileSync(path.join(project, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: mlops-lint\n`);
    execFileSync('pre-commit', ['install'], { cwd: project, env, encoding: 'utf8' });

    writeFileSync(path.join(project, '.github/workflows/train.yml'), BAD);
    git(project, ['add', '.'], env);
    const bad = spawnSync('git', ['commit', '-m', 'bad workflow'], { cwd: project, env, encoding: 'utf8' });
    const badOutput = `${bad.stdout}${bad.stderr}`;
    expect(bad.status, badOutput).not.toBe(0);
    expect(badOutput).toContain('mlops-lint');
    expect(badOutput).toMatch(/\.github\/workflows\/train\.yml/);
    expect(badOutput).toContain('unknown key "runs_on" in job "train" (did you mean "runs-on"?)');

    writeFileSync(path.join(project, '.github/workflows/train.yml'), GOOD);
    git(project, ['add', '.'], env);
    const good = spawnSync('git', ['commit', '-m', 'good workflow'], { cwd: project, env, encoding: 'utf8' });
    expect(good.status, `${good.stdout}${good.stderr}`).toBe(0);
    expect(git(project, ['log', '--oneline'], env).trim().split('\n')).toHaveLength(1);
  }, 120_000);
});
