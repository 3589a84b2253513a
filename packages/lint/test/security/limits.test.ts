/**
 * Bounded work on hostile inputs: every limit is a positioned finding (never an internal error,
 * never exit 134), and GitLab includes stay inside the project.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatResults, lintFiles } from '../../src/index.js';
import type { Rule } from '../../src/model.js';
import { hasStackTrace, runCli } from '../cli.helpers.js';
import { hostileRepo } from './helpers.js';

const CLEAN = 'on: push\npermissions:\n  contents: read\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ok\n';

function expectBounded(r: { status: number | null; stdout: string; stderr: string }): void {
  expect(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr.slice(0, 300)}`).toBe(true);
  expect(r.stdout + r.stderr).not.toContain('internal');
  expect(hasStackTrace(r.stderr)).toBe(false);
}

describe('GitLab local includes stay inside the project', () => {
  it('an include leaving the project is reported, never read, never fixed', () => {
    const { root, outside } = hostileRepo({ '.gitlab-ci.yml': 'include:\n  - local: ../outside/evil.yml\ntest:\n  script: [echo ok]\n' });
    const evil = 'evil:\n  scirpt: [cml-send-comment report.md]\n';
    writeFileSync(path.join(outside, 'evil.yml'), evil);
    const r = runCli(['--fix'], { cwd: root });
    expect(r.stdout).toMatch(/2:12 +error +include: `\.\.\/outside\/evil\.yml` is outside the project/);
    expect(r.stdout).not.toContain('scirpt');
    expect(readFileSync(path.join(outside, 'evil.yml'), 'utf8')).toBe(evil);
  });

  it('a view of a checkout made of links to it (.git a link) reads the checkout as its repository', () => {
    const { root, outside } = hostileRepo({ 'ci/jobs.yml': 'build:\n  script: [echo hi]\n  imagee: python:3.12\n' });
    // `outside` plays the view: every entry a link into the checkout, the pipeline a file of its own.
    for (const entry of ['.git', 'ci']) symlinkSync(path.join(root, entry), path.join(outside, entry));
    writeFileSync(path.join(outside, '.gitlab-ci.yml'), 'include:\n  - local: ci/jobs.yml\n');
    const r = runCli([], { cwd: outside });
    expect(r.stdout).not.toContain('outside the project');
    expect(r.stdout).toMatch(/unknown key "imagee"/);
  });

  it('an included file is structure-checked, its findings shown under its own name', () => {
    const { root } = hostileRepo({ '.gitlab-ci.yml': 'include:\n  - local: ci/jobs.yml\nstages: [test]\n', 'ci/jobs.yml': 'build:\n  stage: test\n  script: [echo hi]\n  imagee: python:3.12\n' });
    const r = runCli([], { cwd: root });
    expect(r.stdout).toMatch(/^ci\/jobs\.yml\n {2}4:3 +error +unknown key "imagee" in job "build"/m);
  });

  it('an include diamond is merged once per file, as GitLab does', () => {
    const files: Record<string, string> = { '.gitlab-ci.yml': 'include:\n  - local: ci/f0.yml\n  - local: ci/f0.yml\n' };
    for (let i = 0; i < 25; i++) files[`ci/f${i}.yml`] = i < 24 ? `include:\n  - local: ci/f${i + 1}.yml\n  - local: ci/f${i + 1}.yml\njob${i}:\n  script: [echo ${i}]\n` : 'last:\n  script: [echo last]\n';
    const { root } = hostileRepo(files);
    const r = runCli(['--format', 'json'], { cwd: root });
    expectBounded(r);
  });

  it('a job in a stage that stages: (merged with local includes) does not declare is an error', () => {
    const { root } = hostileRepo({
      '.gitlab-ci.yml': 'include:\n  - local: ci/stages.yml\n  - local: ci/train.yml\nunit:\n  stage: test\n  script: [pytest]\n',
      'ci/stages.yml': 'stages: [build, test]\n',
      'ci/train.yml': 'train:\n  stage: train\n  script: [python train.py]\n',
    });
    const r = runCli([], { cwd: root });
    expect(r.stdout).toMatch(/^ci\/train\.yml\n {2}2:10 +error +job "train": stage `train` is not a stage of this pipeline \(stages: \.pre, build, test, \.post\).* +gitlab-stage-undefined$/m);
    expect(r.status).toBe(1);
    writeFileSync(path.join(root, 'ci/stages.yml'), 'stages: [build, test, train]\n');
    expect(runCli([], { cwd: root }).status).toBe(0);
  });

  it('remote, project and component includes come with a notice that they are not checked', () => {
    const { root } = hostileRepo({ '.gitlab-ci.yml': 'include:\n  - component: gitlab.com/acme/ci/train@1.0.0\ntest:\n  script: [echo ok]\n' });
    const r = runCli([], { cwd: root });
    expect(r.stderr).toContain('mlops-lint: notice: .gitlab-ci.yml:2:16: component includes are not read');
    expect(r.status).toBe(0);
  });
});

describe('GitLab resolution is bounded', () => {
  it('a !reference fan-out bomb is a finding', () => {
    const lines = ['.l0:', `  script: [${Array.from({ length: 10 }, () => 'echo x').join(', ')}]`];
    for (let i = 1; i <= 10; i++) lines.push(`.l${i}:`, `  script: [${Array.from({ length: 10 }, () => `!reference [.l${i - 1}, script]`).join(', ')}]`);
    lines.push('boom:', '  script: [!reference [.l10, script]]');
    const { root } = hostileRepo({ '.gitlab-ci.yml': `${lines.join('\n')}\n` });
    const r = runCli([], { cwd: root });
    expectBounded(r);
    expect(r.stdout).toMatch(/error +!reference: the references of this pipeline copy more than 100,000 values/);
  });

  it('extends deeper than GitLab allows is reported', () => {
    const lines: string[] = ['.j0:', '  script: [echo]'];
    for (let i = 1; i <= 1000; i++) lines.push(`.j${i}:`, `  extends: .j${i - 1}`);
    lines.push('job:', '  extends: .j1000');
    const { root } = hostileRepo({ '.gitlab-ci.yml': `${lines.join('\n')}\n` });
    const r = runCli([], { cwd: root });
    expectBounded(r);
    expect(r.stdout).toMatch(/error +extends: `[^`]+` is more than 11 levels of extends deep/);
  });

  it('a 2 KB alias fan-out of 400,000 values is a finding', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 5; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    lines.push('a5: &a5 [*a4, *a4, *a4]', 'job:', '  script: *a5');
    const { root } = hostileRepo({ '.gitlab-ci.yml': `${lines.join('\n')}\n` });
    const r = runCli([], { cwd: root });
    expectBounded(r);
    expect(r.stdout).toMatch(/error +YAML aliases expand to more than 100,000 values \(alias bomb\) +yaml-syntax/);
  });

  it('a large file with one anchor is no alias bomb', () => {
    const vars = Array.from({ length: 60_000 }, (_, i) => `  V${i}: "${i}"`).join('\n');
    const { root } = hostileRepo({ '.gitlab-ci.yml': `variables:\n${vars}\n.base: &base\n  image: python:3.12\ntest:\n  <<: *base\n  script: [echo ok]\n` });
    const r = runCli([], { cwd: root });
    expect(r.stdout).not.toContain('alias bomb');
    expect(r.status).toBe(0);
  });

  it('merge keys are applied, not reported as unknown keys', () => {
    const { root } = hostileRepo({ '.gitlab-ci.yml': '.defaults: &defaults\n  image: python:3.12\n  tags: [docker]\ntest:\n  <<: *defaults\n  script: [echo ok]\n' });
    const r = runCli([], { cwd: root });
    expect(r.stdout).not.toContain('<<');
    expect(r.status).toBe(0);
  });
});

describe('large and special inputs', () => {
  it.each(['.dvc/config', 'requirements.txt', 'requirements -r include'])('a %s leading outside the repository is not read', (what) => {
    const { root, outside } = hostileRepo({ '.github/workflows/ci.yml': CLEAN.replace('echo ok', 'pip install -r requirements.txt && dvc pull'), '.dvc/config': '[core]\n    remote = s\n' });
    writeFileSync(path.join(outside, 'leak.txt'), `[core]\n    remote = s\n['remote "s"']\n    url = s3://OUTSIDE-BUCKET/x\ndvc @ git+https://example.com/OUTSIDE-REQUIREMENT.git\n`);
    if (what === '.dvc/config') {
      execFileSync('rm', [path.join(root, '.dvc/config')]);
      symlinkSync(path.join(outside, 'leak.txt'), path.join(root, '.dvc/config'));
    } else if (what === 'requirements.txt') symlinkSync(path.join(outside, 'leak.txt'), path.join(root, 'requirements.txt'));
    else writeFileSync(path.join(root, 'requirements.txt'), '-r ../outside/leak.txt\n');
    const r = runCli(['--format', 'json'], { cwd: root });
    expect(r.stdout).not.toContain('OUTSIDE');
  });

  it('60,000 keys in one map', () => {
    const vars = Array.from({ length: 60_000 }, (_, i) => `  V${i}: "${i}"`).join('\n');
    const { root } = hostileRepo({ '.gitlab-ci.yml': `variables:\n${vars}\ntest:\n  script: [echo ok]\n` });
    expectBounded(runCli([], { cwd: root }));
  });

  it('60,000 keys in the config file', () => {
    const keys = Array.from({ length: 60_000 }, (_, i) => `x${i}: ${i}`).join('\n');
    const { root } = hostileRepo({ '.github/workflows/ci.yml': CLEAN, '.mlops-lint.yaml': `${keys}\nx7: again\n` });
    const r = runCli([], { cwd: root });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\.mlops-lint\.yaml:60001:1: duplicate key/);
  });

  it('a 63 MB file (over the size cap) is a finding, without reading it', () => {
    const { root } = hostileRepo({ '.github/workflows/ci.yml': Buffer.alloc(63 * 1024 * 1024, '      - run: echo\n') });
    const r = runCli([], { cwd: root });
    expectBounded(r);
    expect(r.stdout).toMatch(/1:1 +error +This file is not checked: it is 66,060,288 bytes, over the 2 MB mlops-lint checks \(GitLab refuses .*\) +file-size/);
  });

  it.each([
    ['standard input', ['--stdin-filename', '.gitlab-ci.yml', '-']],
    ['a file', ['.gitlab-ci.yml']],
  ])('a file one byte over 2 MB is not checked, read from %s', (_from, args) => {
    const text = Buffer.alloc(2 * 1024 * 1024 + 1, 'x: [a]\n');
    const { root } = hostileRepo({ '.gitlab-ci.yml': text });
    const r = runCli(args, { cwd: root, input: text });
    expectBounded(r);
    expect(r.stdout).toMatch(/1:1 +error +This file is not checked: it is 2,097,153 bytes, over the 2 MB/);
    expect(r.stdout).not.toContain('yaml-syntax');
  });

  it('a GitHub workflow over 500 KB is reported (GitHub starts no run for it) and still checked; 512,000 bytes is not', () => {
    const head = 'on: push\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ok\n';
    const pad = (bytes: number): string => head + '#'.repeat(bytes - head.length - 1) + '\n';
    const { root } = hostileRepo({ '.github/workflows/big.yml': pad(512_001), '.github/workflows/edge.yml': pad(512_000) });
    const r = runCli(['--format', 'json'], { cwd: root });
    const byFile = Object.fromEntries((JSON.parse(r.stdout) as { file: string; diagnostics: { ruleId: string; message: string }[] }[]).map((f) => [f.file, f.diagnostics]));
    expect(byFile['.github/workflows/big.yml']!.filter((d) => d.ruleId === 'file-size').map((d) => d.message)).toEqual([
      'The workflow is 512,001 bytes: GitHub starts no run for a workflow file over 500 KB (512,000 bytes), and says nothing; move long scripts into files of the repository',
    ]);
    // Still checked: the other rules run on it (no permissions: block).
    expect(byFile['.github/workflows/big.yml']!.map((d) => d.ruleId)).toContain('permissions');
    expect(byFile['.github/workflows/edge.yml']!.map((d) => d.ruleId)).not.toContain('file-size');
  });

  it('a file under the size cap with too many values is a finding', () => {
    const { root } = hostileRepo({ '.github/workflows/ci.yml': Buffer.alloc(2 * 1024 * 1024 - 10, 'a: [b, c]\n') });
    const r = runCli([], { cwd: root });
    expectBounded(r);
    expect(r.stdout).toMatch(/error +The file has more than 100,000 lines and flow items: it is too large to check/);
  });

  it.each(['workflow', 'FIFO workflow', 'requirements', '.dvc/config', 'config', 'ruleset'])('a link to /dev/zero as %s is not read', (what) => {
    const { root } = hostileRepo({ '.github/workflows/ci.yml': CLEAN.replace('echo ok', 'pip install -r requirements.txt && dvc pull'), '.dvc/config': '[core]\n    remote = s\n' });
    const target = path.join(root, { workflow: '.github/workflows/zero.yml', 'FIFO workflow': '.github/workflows/fifo.yml', requirements: 'requirements.txt', '.dvc/config': '.dvc/config', config: '.mlops-lint.yaml', ruleset: 'rules.yaml' }[what]!);
    if (what === '.dvc/config') execFileSync('rm', [target]);
    if (what === 'FIFO workflow') execFileSync('mkfifo', [target]);
    else symlinkSync('/dev/zero', target);
    if (what === 'ruleset') writeFileSync(path.join(root, '.mlops-lint.yaml'), 'rulesets: [rules.yaml]\n');
    // A FIFO is not discovered (not a file): it is named on the command line.
    const r = runCli(what === 'FIFO workflow' ? ['.github/workflows/fifo.yml'] : [], { cwd: root });
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stderr).not.toContain('internal');
    if (what === 'workflow' || what === 'FIFO workflow') expect(r.stdout).toMatch(/1:1 +error +This file is not checked: (not a regular file|it is a symbolic link leading outside the repository)/);
    if (what === 'config' || what === 'ruleset') {
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/not a regular file|outside the repository/);
    } else expect([0, 1]).toContain(r.status);
  });

  it('200,000 findings in one file are reported', async () => {
    const many: Rule = {
      meta: { id: 'many', description: 'test', defaultSeverity: 'warning', fixable: false, providers: ['github'] },
      check(ctx) {
        for (let i = 0; i < 200_000; i++) ctx.report({ span: ctx.workflow.jobs[0]!.span, message: `finding ${i}` });
      },
    };
    const { root } = hostileRepo({ '.github/workflows/ci.yml': CLEAN });
    const results = await lintFiles([], { cwd: root, rules: [many], noConfig: true });
    expect(results[0]!.diagnostics).toHaveLength(200_000);
    for (const format of ['stylish', 'json', 'sarif', 'gitlab', 'github'] as const) expect(formatResults(results, format).length).toBeGreaterThan(200_000);
  }, 120_000);
});

describe('file arguments and names', () => {
  it('a directory argument lints the CI files in it', () => {
    const { root } = hostileRepo({ '.github/workflows/ci.yml': CLEAN.replace('permissions:\n  contents: read\n', '') });
    const r = runCli(['.github/workflows'], { cwd: root });
    expect(r.stdout).toContain('.github/workflows/ci.yml');
    expect(r.stdout).toContain('permissions');
  });

  it('control characters in file names and job keys are escaped', () => {
    const name = '.github/workflows/x\n::error file=evil::pwned\u001b[31m.yml';
    const { root } = hostileRepo({ [name]: 'on: push\njobs:\n  "job\\r\\u001b[2Jevil":\n    runs-on: ubuntu-24.04\n    steps: [{run: dvc repro}]\n' });
    for (const format of ['stylish', 'github']) {
      const r = runCli(['--format', format], { cwd: root });
      expect(r.stdout).toContain('dvc-pull-before-repro');
      expect(/[\r]/.test(r.stdout) || r.stdout.includes(String.fromCharCode(27))).toBe(false);
      expect(r.stdout).not.toMatch(/^::error file=evil/m);
    }
  });
});
