import { TEMPLATES_VERSION } from '@mlops-pipeline/templates';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../index.js';
import { githubReusableCall } from './github-reusable-call.js';
import { lintWithRule, ruleTester, tempRepo, yaml } from '../../test/rule-tester.js';

const called = yaml`
  on:
    workflow_call:
      inputs:
        dvc-version:
          type: string
          required: true
        push:
          type: boolean
          default: false
        timeout:
          type: number
          required: false
      secrets:
        AWS_SECRET_ACCESS_KEY:
          required: true
        CML_TOKEN:
          required: false
  permissions:
    contents: read
  jobs:
    train:
      runs-on: ubuntu-24.04
      steps: [{ run: dvc repro }]
    report:
      runs-on: ubuntu-24.04
      permissions:
        contents: read
        pull-requests: write
      steps: [{ run: cml comment create report.md }]`;
const files = { '.github/workflows/train.yml': called };

ruleTester(githubReusableCall, {
  github: {
    valid: [
      {
        name: 'every required input and secret, the right types, enough permissions',
        files,
        code: yaml`
          on: push
          permissions: {}
          jobs:
            call:
              permissions:
                contents: read
                pull-requests: write
              uses: ./.github/workflows/train.yml
              with:
                DVC-Version: 3.63.0
                push: \${{ github.ref == 'refs/heads/main' }}
                timeout: 60
              secrets:
                AWS_SECRET_ACCESS_KEY: \${{ secrets.AWS_SECRET_ACCESS_KEY }}`,
      },
      {
        name: 'secrets: inherit and workflow-level permissions',
        files,
        code: yaml`
          on: push
          permissions:
            contents: read
            pull-requests: write
          jobs:
            call:
              uses: ./.github/workflows/train.yml
              with: { dvc-version: 3.63.0 }
              secrets: inherit`,
      },
      {
        name: 'a caller without any permissions (repository default, unknown offline)',
        files,
        code: yaml`
          on: push
          jobs:
            call:
              uses: ./.github/workflows/train.yml
              with: { dvc-version: 3.63.0 }
              secrets: inherit`,
      },
      {
        name: 'a workflow of another repository is not fetched',
        code: yaml`
          on: push
          jobs:
            call:
              uses: octo-org/ci/.github/workflows/train.yml@v1
              with: { anything: 1 }`,
      },
    ],
    invalid: [
      {
        name: 'missing inputs and secrets, unknown and mistyped inputs, missing permission',
        files,
        code: yaml`
          on: push
          permissions:
            contents: read
          jobs:
            call:
              uses: ./.github/workflows/train.yml
              with:
                push: "yes"
                timeout: soon
                python: "3.12"
              secrets:
                CML_TOKEN: \${{ secrets.CML_TOKEN }}
                GDRIVE: \${{ secrets.GDRIVE }}`,
        errors: [
          { line: 6, column: 11, message: 'job "report" of `.github/workflows/train.yml` requests `pull-requests: write` but job "call" grants `pull-requests: none`' },
          { line: 6, column: 11, message: 'input `dvc-version` is required by `.github/workflows/train.yml`' },
          { line: 6, column: 11, message: 'secret `AWS_SECRET_ACCESS_KEY` is required' },
          { line: 8, column: 13, message: 'input `push` of `.github/workflows/train.yml` is of type boolean: pass a boolean (`true` or `false`), not `yes`' },
          { line: 9, column: 16, message: 'is of type number: pass a number, not `soon`' },
          { line: 10, column: 7, message: 'input `python` is not declared by `.github/workflows/train.yml` (its inputs: dvc-version, push, timeout)' },
          { line: 13, column: 7, message: 'secret `GDRIVE` is not declared' },
        ],
      },
      {
        name: 'a called workflow that is not reusable',
        files: { '.github/workflows/ci.yml.bak': '', '.github/workflows/build.yml': 'on: push\njobs:\n  b:\n    runs-on: x\n    steps: [{ run: make }]\n' },
        code: yaml`
          on: push
          jobs:
            call:
              uses: ./.github/workflows/build.yml`,
        errors: [{ line: 4, column: 11, message: '`.github/workflows/build.yml` has no `on: workflow_call`' }],
      },
    ],
  },
});

describe('github-reusable-call on published templates', () => {
  it('checks a call to a published template at the installed templates version', async () => {
    const code = yaml`
      on: push
      permissions:
        contents: read
      jobs:
        dvc:
          uses: mlops-pipeline/mlops-pipeline/.github/workflows/dvc.yml@v${TEMPLATES_VERSION}
          with:
            push: "yes"
            dvc_version: 3.63.0
        report:
          uses: mlops-pipeline/mlops-pipeline/.github/workflows/dvc-report.yml@v${TEMPLATES_VERSION}`;
    const found = await lintWithRule(githubReusableCall, code, '.github/workflows/ci.yml', { code });
    const file = (name: string): string => `mlops-pipeline/mlops-pipeline/.github/workflows/${name}.yml@v${TEMPLATES_VERSION}`;
    expect(found.map((d) => `${d.line}:${d.column} ${d.message.split(':')[0]}`)).toEqual([
      `8:13 input \`push\` of \`${file('dvc')}\` is of type boolean`,
      `9:7 input \`dvc_version\` is not declared by \`${file('dvc')}\` (its inputs`,
      `11:11 job "report" of \`${file('dvc-report')}\` requests \`pull-requests`,
    ]);
  });
});

describe('github-reusable-call reads only workflows inside the repository', () => {
  it('does not follow a link leading out of the repository, nor a path leaving .github/workflows', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'mlops-lint-outside-'));
    const repo = tempRepo({ '.github/workflows/.keep': '' });
    try {
      writeFileSync(join(outside, 'build.yml'), 'on: push\njobs:\n  b:\n    runs-on: x\n    steps: [{ run: make }]\n');
      symlinkSync(join(outside, 'build.yml'), join(repo, '.github/workflows/linked.yml'));
      const code = 'on: push\njobs:\n  a:\n    uses: ./.github/workflows/linked.yml\n  b:\n    uses: ./.github/workflows/../../build.yml\n';
      const found = await lintText(code, '.github/workflows/ci.yml', { cwd: repo, rules: [githubReusableCall] });
      expect(found.filter((d) => d.ruleId === 'github-reusable-call')).toEqual([]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
