import { describe, expect, it } from 'vitest';
import { at, modelOf } from './helpers.js';

const WORKFLOW = `name: train
on:
  push:
    branches: [main]
  pull_request:
env:
  DVC_VERSION: "3.63.0"
  TOKEN: \${{ secrets.GCP_KEY }}
permissions:
  contents: read
  id-token: write
jobs:
  train:
    runs-on: ubuntu-latest
    container:
      image: python:3.12
      env:
        IN_CONTAINER: "1"
    services:
      minio: minio/minio:latest
    env:
      JOB_VAR: x
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: actions/cache@v4
        with:
          path: |
            ~/.cache/pip
            .dvc/cache
      - name: Pull and repro
        id: repro
        if: github.event_name == 'push'
        working-directory: project
        env:
          KEY: \${{ secrets.AWS_KEY }}
        run: |
          dvc pull
          dvc repro
      - run: echo one-liner
      - uses: docker://alpine:3.20
  report:
    needs: [train]
    permissions:
      contents: write
    runs-on: [self-hosted, gpu]
    steps:
      - run: >
          cml comment create
          report.md
  call:
    uses: mlops-pipeline/mlops-pipeline/.github/workflows/dvc-gcs.yml@v1.2.3
`;

describe('GitHub model', () => {
  it('reads triggers, env with secret refs and permissions', async () => {
    const wf = await modelOf(WORKFLOW, '.github/workflows/train.yml');
    expect(wf.provider).toBe('github');
    expect(wf.triggers.map((t) => [t.event, t.span.line])).toEqual([
      ['push', 3],
      ['pull_request', 5],
    ]);
    expect(wf.env.map((v) => [v.name, v.value, v.scope, v.span.line, v.secretRefs])).toEqual([
      ['DVC_VERSION', '3.63.0', 'workflow', 7, []],
      ['TOKEN', '${{ secrets.GCP_KEY }}', 'workflow', 8, ['GCP_KEY']],
    ]);
    expect(wf.permissions).toBeDefined();
  });

  it.each([
    ['on: push', ['push']],
    ['on: [push, workflow_dispatch]', ['push', 'workflow_dispatch']],
    ['on:\n  schedule:\n    - cron: "0 0 * * *"', ['schedule']],
  ])('triggers from %j', async (on, events) => {
    const wf = await modelOf(`${on}\njobs:\n  a:\n    runs-on: x\n    steps: [{run: echo}]\n`, '.github/workflows/a.yml');
    expect(wf.triggers.map((t) => t.event)).toEqual(events);
  });

  it('models jobs: images, runs-on, needs, checkout depth, id tokens, cache and artifact paths', async () => {
    const wf = await modelOf(WORKFLOW, '.github/workflows/train.yml');
    const [train, report, call] = wf.jobs;
    expect(wf.jobs.map((j) => j.id)).toEqual(['train', 'report', 'call']);
    expect(train!.span.line).toBe(13);
    expect(train!.images.map((i) => [i.value, i.span.line])).toEqual([
      ['python:3.12', 16],
      ['minio/minio:latest', 20],
      ['alpine:3.20', 42],
    ]);
    expect(train!.runsOn.map((r) => r.value)).toEqual(['ubuntu-latest']);
    expect(train!.env.map((v) => [v.name, v.scope])).toEqual([
      ['JOB_VAR', 'job'],
      ['IN_CONTAINER', 'container'],
    ]);
    expect(train!.checksOut).toBe(true);
    expect(train!.fetchDepth?.value).toBe('0');
    expect(train!.fetchDepth?.span.line).toBe(26);
    expect(train!.idTokens).toEqual(['id-token']);
    expect(train!.cachePaths.map((p) => [p.path, p.span.line, p.span.column])).toEqual([
      ['~/.cache/pip', 30, 13],
      ['.dvc/cache', 31, 13],
    ]);
    expect(report!.needs).toEqual(['train']);
    expect(report!.runsOn.map((r) => r.value)).toEqual(['self-hosted', 'gpu']);
    expect(report!.checksOut).toBe(false);
    expect(report!.idTokens).toEqual([]);
    expect(call!.uses).toMatchObject({ name: 'mlops-pipeline/mlops-pipeline/.github/workflows/dvc-gcs.yml', ref: 'v1.2.3' });
    expect(call!.steps).toEqual([]);
  });

  it('models steps with exact script line positions', async () => {
    const wf = await modelOf(WORKFLOW, '.github/workflows/train.yml');
    const steps = wf.jobs[0]!.steps;
    expect(steps.map((s) => s.uses?.name ?? null)).toEqual(['actions/checkout', 'actions/cache', null, null, 'docker://alpine:3.20']);
    expect(steps[0]!.uses).toMatchObject({ ref: 'v4', raw: 'actions/checkout@v4' });
    expect(steps[0]!.with.get('fetch-depth')?.value).toBe('0');
    const repro = steps[2]!;
    expect(repro).toMatchObject({ index: 2, id: 'repro', name: 'Pull and repro', condition: "github.event_name == 'push'", workingDirectory: 'project' });
    expect(repro.env.map((v) => [v.name, v.scope, v.secretRefs])).toEqual([['KEY', 'step', ['AWS_KEY']]]);
    expect(repro.run?.text).toBe('dvc pull\ndvc repro\n');
    for (const line of repro.run!.lines) expect(at(WORKFLOW, line.span.line, line.span.column, line.text.length)).toBe(line.text);
    expect(repro.run!.lines.map((l) => [l.text, l.span.line, l.span.column])).toEqual([
      ['dvc pull', 39, 11],
      ['dvc repro', 40, 11],
    ]);
    const oneLiner = steps[3]!.run!;
    expect(oneLiner.lines.map((l) => [l.text, l.span.line, l.span.column])).toEqual([['echo one-liner', 41, 14]]);
    const folded = wf.jobs[1]!.steps[0]!.run!;
    expect(folded.lines.map((l) => [l.text, l.span.line])).toEqual([
      ['cml comment create', 50],
      ['report.md', 51],
    ]);
  });

  it('models a composite action (action.yml) as one job', async () => {
    const text = `name: setup
description: d
runs:
  using: composite
  steps:
    - uses: actions/setup-python@v5
    - run: pip install dvc==3.63.0
      shell: bash
`;
    const wf = await modelOf(text, 'action.yml');
    expect(wf.jobs).toHaveLength(1);
    expect(wf.jobs[0]!.name).toBe('setup');
    expect(wf.jobs[0]!.steps.map((s) => s.uses?.name ?? s.run?.text)).toEqual(['actions/setup-python', 'pip install dvc==3.63.0']);
  });

  it('detects the provider from content when the path says nothing, and honours the override', async () => {
    const gh = await modelOf('on: push\njobs:\n  a:\n    runs-on: x\n    steps: [{run: echo}]\n', 'ci.yml');
    expect(gh.provider).toBe('github');
    const gl = await modelOf('stages: [test]\ntest:\n  script: [echo]\n', 'ci.yml');
    expect(gl.provider).toBe('gitlab');
    const forced = await modelOf('test:\n  script: [echo]\n', '.github/workflows/x.yml', { provider: 'gitlab' });
    expect(forced.provider).toBe('gitlab');
  });

  it('follows aliases and merge keys', async () => {
    const text = `on: push
jobs:
  a: &base
    runs-on: ubuntu-latest
    steps:
      - run: dvc pull
  b:
    <<: *base
    runs-on: macos-latest
`;
    const wf = await modelOf(text, '.github/workflows/a.yml');
    expect(wf.jobs.map((j) => [j.id, j.runsOn[0]?.value, j.steps.length])).toEqual([
      ['a', 'ubuntu-latest', 1],
      ['b', 'macos-latest', 1],
    ]);
  });

  it('applies defaults.run.working-directory to run steps without their own', async () => {
    const text = `on: push
defaults:
  run:
    working-directory: wf
jobs:
  a:
    runs-on: x
    defaults:
      run:
        working-directory: job
    steps:
      - run: dvc repro
      - run: dvc push
        working-directory: own
      - uses: actions/checkout@v4
  b:
    runs-on: x
    steps:
      - run: dvc repro
`;
    const wf = await modelOf(text, '.github/workflows/a.yml');
    expect(wf.jobs.map((j) => j.steps.map((s) => s.workingDirectory ?? null))).toEqual([['job', 'own', null], ['wf']]);
  });
});

describe('GitHub model: what rules read instead of YAML nodes', () => {
  const reusable = `on:
  workflow_call:
    inputs:
      dvc-version: { type: string, required: true }
      push: { type: boolean, default: false }
    secrets:
      TOKEN: { required: true }
  workflow_dispatch:
    inputs:
      stage: { type: choice, options: [train, eval], default: train }
permissions: read-all
defaults:
  run:
    shell: bash
jobs:
  t:
    runs-on: x
    permissions:
      contents: read
      pull-requests: write
    steps:
      - run: dvc repro
        continue-on-error: true
`;

  it('holds the file kind, top-level key positions, permissions, inputs, the call interface and step keys', async () => {
    const wf = await modelOf(reusable, '.github/workflows/reusable.yml');
    expect(wf.kind).toBe('workflow');
    expect(wf.keySpans.get('jobs')?.line).toBe(15);
    expect(wf.permissions).toMatchObject({ shorthand: 'read-all', span: { line: 11, column: 14 } });
    const job = wf.jobs[0]!;
    expect([...job.permissions!.scopes].map(([scope, s]) => [scope, s.level, s.keySpan.line])).toEqual([
      ['contents', 'read', 19],
      ['pull-requests', 'write', 20],
    ]);
    expect(wf.inputs.map((i) => [i.trigger, i.name, i.type?.value, i.required, i.default?.value])).toEqual([
      ['workflow_call', 'dvc-version', 'string', true, undefined],
      ['workflow_call', 'push', 'boolean', false, false],
      ['workflow_dispatch', 'stage', 'choice', false, 'train'],
    ]);
    expect([...wf.call!.secrets.values()].map((s) => [s.name, s.required])).toEqual([['TOKEN', true]]);
    const step = job.steps[0]!;
    expect(step.shell).toBe('bash');
    expect(step.keys.get('continue-on-error')).toMatchObject({ value: true, keySpan: { line: 23, column: 9 } });
    expect(wf.lines(wf.file)?.positionAt(wf.text.indexOf('jobs:'))).toEqual({ line: 15, column: 1 });
  });

  it('knows an action file', async () => {
    const wf = await modelOf('name: a\nruns:\n  using: composite\n  steps:\n    - run: echo\n      shell: bash\n', 'action.yml');
    expect(wf.kind).toBe('action');
  });
});
