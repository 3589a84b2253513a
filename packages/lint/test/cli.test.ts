/** The `mlops-lint` command through the built bin: options, exit codes, output, files written. */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLEAN_WORKFLOW, hasStackTrace, runCli, tempDir } from './cli.helpers.js';

const GOOD = CLEAN_WORKFLOW;

const TYPO = GOOD.replace('      - run: echo ok\n', '        timeout_minutes: 5\n      - run: echo ok\n');

const WARN = GOOD.replace('permissions:\n  contents: read\n', '');

const FIXABLE = `name: fix
on: push
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-24.04
    steps:
      # keep this comment
      - uses: actions/setup-python@v5
        with:
          python-version: 3.10
      - run: cml-send-comment report.md  # trailing
`;

/** A temporary git repository holding `files`. */
function repo(files: Record<string, string>): string {
  const dir = tempDir('mlops-cli-');
  mkdirSync(path.join(dir, '.git'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const WF = '.github/workflows/ci.yml';

describe('mlops-lint: information', () => {
  it('--help shows usage, options and examples', () => {
    const r = runCli(['--help']);
    expect(r.status).toBe(0);
    for (const flag of ['--format', '--max-warnings', '--provider', '--config', '--strict', '--fix', '--fix-dry-run', '--stdin-filename', '--quiet', '--no-color', '--list-rules']) expect(r.stdout).toContain(flag);
    expect(r.stdout).toContain('Examples:');
  });

  it('dist/cli.cjs starts with a node shebang (npm links it as the bin)', () => {
    expect(readFileSync(path.resolve(__dirname, '../dist/cli.cjs'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('--version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../package.json'), 'utf8')) as { version: string };
    const r = runCli(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('--list-rules lists every rule with severity and fixability, also as JSON', () => {
    const r = runCli(['--list-rules']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^rule\s+severity\s+fixable\s+description$/m);
    expect(r.stdout).toMatch(/^action-pinned\s+error\s+yes\s+/m);
    expect(r.stdout).toMatch(/^schema\s+error\s+no\s+/m);
    const json = JSON.parse(runCli(['--list-rules', '--format', 'json']).stdout) as { id: string; fixable: boolean }[];
    expect(json.find((x) => x.id === 'dvc-pull-before-repro')?.fixable).toBe(false);
  });
});

describe('mlops-lint: usage errors exit 2 with one line', () => {
  const cases: [string, string[], RegExp][] = [
    ['unknown flag', ['--frobnicate'], /^mlops-lint: unknown option --frobnicate/],
    ['unknown format', ['--format', 'xml'], /unknown format "xml": use one of stylish, json, sarif, gitlab, github/],
    ['bad --max-warnings', ['--max-warnings', 'many'], /--max-warnings needs a whole number/],
    ['unknown provider', ['--provider', 'jenkins'], /unknown provider "jenkins"/],
    ['missing option value', ['--format'], /option --format needs a value/],
    ['value for a switch', ['--strict=yes'], /option --strict takes no value/],
    ['negative value without =', ['--max-warnings', '-1'], /write a value that starts with "-" as --max-warnings=<value>/],
    ['--fix with --fix-dry-run', ['--fix', '--fix-dry-run'], /cannot be used together/],
    ['--fix on stdin', ['--fix', '-'], /--fix cannot write to standard input/],
    ['missing config file', ['--config', 'nope.yaml', 'x.yml'], /config file `nope.yaml` does not exist/],
  ];
  it.each(cases)('%s', (_name, args, message) => {
    const r = runCli(args, { cwd: repo({}) });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });

  it('a nonexistent file is an IO error with its name', () => {
    const r = runCli(['missing.yml'], { cwd: repo({}) });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('mlops-lint: missing.yml: no such file\n');
  });

  it('an invalid config file is reported at file:line:col', () => {
    const dir = repo({ [WF]: GOOD, '.mlops-lint.yaml': 'rules:\n  action-pinned: off\nstrictt: true\n' });
    const r = runCli([], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^mlops-lint: \.mlops-lint\.yaml:3:1: .*strictt/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});

describe('mlops-lint: linting files', () => {
  it('is quiet and exits 0 when everything is fine', () => {
    const r = runCli([WF], { cwd: repo({ [WF]: GOOD }) });
    expect(r).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('finds the CI files of the repository when given no files', () => {
    const dir = repo({ [WF]: TYPO, '.github/workflows/ok.yaml': GOOD, 'docs/other.yml': TYPO });
    const r = runCli([], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('.github/workflows/ci.yml');
    expect(r.stdout).not.toContain('docs/other.yml');
  });

  it('says so when the repository has no CI files, and exits 0', () => {
    const r = runCli([], { cwd: repo({ 'README.md': '# x\n' }) });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^mlops-lint: no CI files found in this repository/);
  });

  it('reports errors in eslint-like stylish output and exits 1', () => {
    const r = runCli([WF, '--no-color'], { cwd: repo({ [WF]: TYPO }) });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      [
        '.github/workflows/ci.yml',
        '  10:9  error  unknown key "timeout_minutes" in step 1 of job "test" (did you mean "timeout-minutes"?)  schema',
        '',
        '✖ 1 problem (1 error, 0 warnings)',
        '',
      ].join('\n'),
    );
  });

  it('uses colours only when asked or on a terminal', () => {
    const dir = repo({ [WF]: TYPO });
    expect(runCli([WF], { cwd: dir }).stdout).not.toContain('\u001b[');
    expect(runCli([WF, '--color'], { cwd: dir }).stdout).toContain('\u001b[31m');
    expect(runCli([WF], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '' } }).stdout).not.toContain('\u001b[');
  });

  it('warnings exit 0, or 1 over --max-warnings', () => {
    const dir = repo({ [WF]: WARN });
    const plain = runCli([WF], { cwd: dir });
    expect(plain.status).toBe(0);
    expect(plain.stdout).toMatch(/warning .* permissions/);
    const over = runCli([WF, '--max-warnings', '0'], { cwd: dir });
    expect(over.status).toBe(1);
    expect(over.stderr).toContain('too many warnings (1); at most 0 allowed');
    expect(runCli([WF, '--max-warnings', '1'], { cwd: dir }).status).toBe(0);
  });

  it('maxWarnings from the config file applies, --max-warnings overrides it', () => {
    const dir = repo({ [WF]: WARN, '.mlops-lint.yaml': 'maxWarnings: 0\n' });
    expect(runCli([WF], { cwd: dir }).status).toBe(1);
    expect(runCli([WF, '--max-warnings=-1'], { cwd: dir }).status).toBe(0);
  });

  it('--quiet reports errors only', () => {
    const dir = repo({ [WF]: WARN });
    expect(runCli([WF, '--quiet'], { cwd: dir })).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('--config and rule severities from it are used', () => {
    const dir = repo({ [WF]: WARN, 'lint.yaml': 'rules:\n  permissions: error\n' });
    const r = runCli([WF, '--config', 'lint.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/error .* permissions/);
  });

  it('--provider overrides detection', () => {
    const dir = repo({ 'ci.yml': 'build:\n  script: [make]\n  stagee: test\n' });
    const r = runCli(['ci.yml', '--provider', 'gitlab'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('unknown key "stagee" in job "build" (did you mean "stage"?)');
  });

  it('reads standard input with "-" and names it with --stdin-filename', () => {
    const r = runCli(['-', '--stdin-filename', WF], { cwd: repo({}), input: TYPO });
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe(WF);
    expect(r.stdout).toContain('did you mean "timeout-minutes"?');
  });
});

describe('mlops-lint: custom Spectral rulesets', () => {
  it('loads the separate Spectral bundle only when a ruleset is configured', () => {
    const ruleset = 'rules:\n  workflow-has-name:\n    message: "Give the workflow a `name:`"\n    severity: error\n    given: $\n    then:\n      field: name\n      function: truthy\n';
    const dir = repo({ [WF]: GOOD.replace('name: ci\n', ''), 'ruleset.yaml': ruleset, '.mlops-lint.yaml': 'rulesets: [ruleset.yaml]\n' });
    const r = runCli([], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/1:1\s+error\s+Give the workflow a `name:`\s+workflow-has-name/);
  });
});

describe('mlops-lint: fixes', () => {
  it('--fix-dry-run prints a unified diff and changes nothing', () => {
    const dir = repo({ [WF]: FIXABLE });
    const r = runCli(['--fix-dry-run'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--- a/.github/workflows/ci.yml\n+++ b/.github/workflows/ci.yml\n');
    expect(r.stdout).toContain('\n-          python-version: 3.10\n');
    expect(r.stdout).toContain("\n+          python-version: '3.10'\n");
    expect(readFileSync(path.join(dir, WF), 'utf8')).toBe(FIXABLE);
  });

  it('--fix writes the fixes in place, keeping comments, and leaves no temp file', () => {
    const dir = repo({ [WF]: FIXABLE });
    const r = runCli(['--fix'], { cwd: dir });
    expect(r.status).toBe(0);
    const after = readFileSync(path.join(dir, WF), 'utf8');
    expect(after).toContain("python-version: '3.10'");
    expect(after).toContain('# keep this comment');
    expect(after).toContain('# trailing');
    expect(readdirSync(path.join(dir, '.github/workflows'))).toEqual(['ci.yml']);
    expect(runCli([], { cwd: dir })).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('--fix-dry-run on standard input prints the diff', () => {
    const r = runCli(['-', '--fix-dry-run', '--stdin-filename', WF], { cwd: repo({}), input: FIXABLE });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("+          python-version: '3.10'");
  });
});

describe('mlops-lint: internal errors', () => {
  it('an unexpected exception is one line, with the stack only under MLOPS_LINT_DEBUG=1', async () => {
    const { describeFailure } = await import('../src/cli/main.js');
    const error = new TypeError('boom\nsecond line');
    expect(describeFailure(error, {})).toBe('mlops-lint: internal error: boom\n');
    expect(describeFailure(error, { MLOPS_LINT_DEBUG: '1' })).toContain('    at ');
  });
});
