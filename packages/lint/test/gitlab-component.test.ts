/**
 * The mlops-lint GitLab CI/CD component (templates/mlops-lint/template.yml), included with inputs in
 * a project and run under gitlab-ci-local (shell executor) with the committed bundle as its command:
 * the job writes a Code Quality report of the findings and fails on errors (passes with
 * `allow-failure`); on a clean project the report is empty and the job passes.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { PKG_DIR, REPO_ROOT } from './cli.helpers.js';

const COMPONENT = path.join(REPO_ROOT, 'templates/mlops-lint/template.yml');
const BUNDLE = path.join(REPO_ROOT, 'packages/lint/hook/mlops-lint.cjs');
const GCL = path.join(PKG_DIR, 'node_modules/.bin/gitlab-ci-local');
const missing = [!existsSync(GCL) && 'gitlab-ci-local (pnpm install)', !existsSync(BUNDLE) && BUNDLE, spawnSync('git', ['--version']).status !== 0 && 'git'].filter(Boolean);
if (missing.length > 0) console.warn(`gitlab-component.test.ts: skipped: needs ${missing.join(', ')}`);

const WORKFLOW = `on: push
permissions:
  contents: read
jobs:
  train:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - run: pip install dvc && dvc repro --pull
`;

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

interface CodeQualityIssue {
  check_name: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

function runComponent(workflow: string, inputs: Record<string, string | boolean>): { status: number | null; out: string; report: CodeQualityIssue[] | undefined } {
  const work = mkdtempSync(path.join(tmpdir(), 'mlops-lint-component-'));
  dirs.push(work);
  const project = path.join(work, 'project');
  mkdirSync(path.join(project, '.github/workflows'), { recursive: true });
  mkdirSync(path.join(project, 'templates/mlops-lint'), { recursive: true });
  cpSync(COMPONENT, path.join(project, 'templates/mlops-lint/template.yml'));
  writeFileSync(path.join(project, '.github/workflows/train.yml'), workflow);
  const inputLines = Object.entries({ command: `node ${BUNDLE}`, files: '.github/workflows/train.yml', ...inputs }).map(([k, v]) => `      ${k}: ${JSON.stringify(v)}`);
  writeFileSync(path.join(project, '.gitlab-ci.yml'), ['include:', '  - local: templates/mlops-lint/template.yml', '    inputs:', ...inputLines, ''].join('\n'));
  const git = (...args: string[]) => spawnSync('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=CI', ...args], { cwd: project, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'project');
  git('remote', 'add', 'origin', 'https://gitlab.com/example/project.git');
  const home = path.join(work, 'home');
  const r = spawnSync(GCL, ['--home', home, '--force-shell-executor', '--no-color', 'mlops-lint'], {
    cwd: project,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: home },
    timeout: 120_000,
  });
  const reportFile = path.join(project, String(inputs.report ?? 'gl-code-quality-report.json'));
  return { status: r.status, out: `${r.stdout}${r.stderr}`, report: existsSync(reportFile) ? (JSON.parse(readFileSync(reportFile, 'utf8')) as CodeQualityIssue[]) : undefined };
}

describe('the mlops-lint GitLab component', () => {
  it('lints clean itself', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'mlops-lint-component-self-'));
    dirs.push(cwd);
    const diagnostics = await lintText(readFileSync(COMPONENT, 'utf8'), 'templates/mlops-lint/template.yml', { cwd, noConfig: true, provider: 'gitlab' });
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`)).toEqual([]);
  });
});

describe.skipIf(missing.length > 0)('the mlops-lint GitLab component under gitlab-ci-local', () => {
  it('writes a Code Quality report and fails the job on errors', () => {
    const r = runComponent(WORKFLOW, {});
    expect(r.status, r.out).not.toBe(0);
    expect(r.report?.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin])).toEqual([['dvc-version-pinned', 'major', '.github/workflows/train.yml', 9]]);
  }, 150_000);

  it('passes with allow-failure, writing the report where it is told', () => {
    const r = runComponent(WORKFLOW, { 'allow-failure': true, report: 'reports/mlops-lint.json' });
    expect(r.status, r.out).toBe(0);
    expect(r.out).toMatch(/mlops-lint.*FAIL.*allowed to fail|WARN\s+mlops-lint/s);
    expect(r.report?.map((i) => i.check_name)).toEqual(['dvc-version-pinned']);
  }, 150_000);

  it('passes with an empty report on a clean project', () => {
    const r = runComponent(WORKFLOW.replace('pip install dvc', 'pip install dvc==3.63.0'), {});
    expect(r.status, r.out).toBe(0);
    expect(r.report).toEqual([]);
  }, 150_000);
});
