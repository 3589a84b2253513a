/** Structural validation: valid files have no `schema` finding; each mistake is reported at its node with a short message. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { closest, levenshtein } from '../src/schema/index.js';

async function schemaFindings(text: string, file: string): Promise<string[]> {
  const diagnostics = await lintText(text, file, { noConfig: true, cwd: process.cwd() });
  return diagnostics.filter((d) => d.ruleId === 'schema').map((d) => `${d.line}:${d.column} ${d.message}`);
}

const GH = '.github/workflows/ci.yml';
const GL = '.gitlab-ci.yml';

const VALID: [string, string, string][] = [
  ['minimal workflow', GH, 'on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo\n'],
  [
    'triggers with filters, matrix, container, services, concurrency, defaults',
    GH,
    `name: ci
run-name: ci for \${{ github.ref }}
on:
  push:
    branches: [main]
    paths-ignore: ['docs/**']
  pull_request:
    types: [opened, synchronize]
  schedule:
    - cron: '0 3 * * *'
  workflow_dispatch:
    inputs:
      force:
        type: boolean
        default: false
permissions:
  contents: read
  id-token: write
concurrency:
  group: ci-\${{ github.ref }}
  cancel-in-progress: true
defaults:
  run:
    shell: bash
env:
  PYTHONUNBUFFERED: 1
jobs:
  train:
    runs-on: [self-hosted, gpu]
    timeout-minutes: \${{ inputs.timeout }}
    container:
      image: python:3.12
      options: --gpus all
    services:
      minio:
        image: minio/minio:RELEASE.2024-01-01T00-00-00Z
        ports: ['9000:9000']
    strategy:
      fail-fast: false
      matrix:
        python: ['3.11', '3.12']
        include:
          - python: '3.13'
    continue-on-error: \${{ matrix.python == '3.13' }}
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - id: repro
        run: dvc repro
        working-directory: ml
  call:
    needs: train
    uses: mlops-pipeline/mlops-pipeline/.github/workflows/dvc-repro.yml@v1
    with:
      python-version: '3.12'
    secrets: inherit
`,
  ],
  [
    'composite action',
    'action.yml',
    `name: setup-ml
description: Install Python and DVC
inputs:
  dvc-version:
    description: DVC version
    default: '3.59.1'
outputs:
  dvc:
    description: DVC version installed
    value: \${{ steps.v.outputs.v }}
runs:
  using: composite
  steps:
    - uses: actions/setup-python@v5
      with:
        python-version: '3.12'
    - id: v
      run: pip install "dvc==\${{ inputs.dvc-version }}"
      shell: bash
branding:
  icon: database
  color: blue
`,
  ],
  ['node action', 'action.yml', "name: x\ndescription: y\nruns:\n  using: node20\n  main: dist/index.js\n"],
  ['on as a list', GH, 'on: [push, pull_request]\njobs:\n  a:\n    runs-on: x\n    steps: [{uses: actions/checkout@v4}]\n'],
  [
    'GitLab pipeline with include, default, workflow, rules, cache, artifacts, id_tokens, needs, extends, !reference',
    GL,
    `include:
  - component: gitlab.com/mlops-pipeline/components/dvc-repro@1.2.3
    inputs:
      stage: train
  - local: ci/common.yml
stages: [train, report]
variables:
  PIP_CACHE_DIR: "$CI_PROJECT_DIR/.cache/pip"
  DEPLOY:
    value: "no"
    description: deploy after training
default:
  image: python:3.12
  interruptible: true
workflow:
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
.setup:
  before_script:
    - pip install -r requirements.txt
train:
  stage: train
  extends: .setup
  id_tokens:
    GCP_TOKEN:
      aud: https://iam.googleapis.com
  cache:
    key:
      files: [requirements.txt]
    paths: [.cache/pip]
  script:
    - !reference [.setup, before_script]
    - dvc pull
    - dvc repro
  artifacts:
    paths: [metrics.json]
    expire_in: 1 week
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
      when: always
    - when: manual
      allow_failure: true
report:
  stage: report
  needs:
    - job: train
      artifacts: true
  script: cml comment create report.md
  parallel:
    matrix:
      - PY: ['3.11', '3.12']
`,
  ],
  [
    'GitLab job completed by a CI/CD component it includes (tags override)',
    GL,
    `include:
  - component: gitlab.com/mlops-pipeline/components/dvc-gcs@1.4.0
    inputs:
      dvc-version: 3.63.0
dvc-repro:
  tags: [gpu]
`,
  ],
  [
    'GitLab CI/CD component with spec header',
    'templates/dvc-repro.yml',
    `spec:
  inputs:
    stage:
      default: test
    parallel:
      type: number
      default: 1
---
dvc-repro:
  stage: $[[ inputs.stage ]]
  parallel: $[[ inputs.parallel ]]
  script: [dvc repro]
`,
  ],
];

describe('valid files have no schema findings', () => {
  it.each(VALID)('%s', async (_name, file, text) => {
    const findings = await schemaFindings(text, file);
    expect(findings).toEqual([]);
  });
});

const INVALID: [string, string, string, string[]][] = [
  ['misspelled job key', GH, 'on: push\njobs:\n  build:\n    runs_on: ubuntu-24.04\n    steps: [{run: make}]\n', ['4:5 unknown key "runs_on" in job "build" (did you mean "runs-on"?)']],
  ['misspelled step key', GH, 'on: push\njobs:\n  build:\n    runs-on: x\n    steps:\n      - name: go\n        runn: make\n', ['7:9 unknown key "runn" in step 1 of job "build" (did you mean "run"?)']],
  ['unknown trigger', GH, 'on:\n  pushh:\n    branches: [main]\njobs:\n  a:\n    runs-on: x\n    steps: [{run: make}]\n', ['2:3 unknown event "pushh" in "on" (did you mean "push"?)']],
  ['unknown trigger as a string', GH, 'on: pul_request\njobs:\n  a:\n    runs-on: x\n    steps: [{run: make}]\n', ['1:5 "on" in the workflow has an unknown value "pul_request" (did you mean "pull_request"?)']],
  ['missing jobs', GH, 'on: push\n', ['1:1 the workflow is missing "jobs"']],
  ['wrong type', GH, 'on: push\njobs:\n  a:\n    runs-on: x\n    timeout-minutes: soon\n    steps: [{run: make}]\n', ['5:22 "timeout-minutes" in job "a" must be a number']],
  ['steps not a list', GH, 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      run: make\n', ['6:7 "steps" in job "a" must be a list']],
  ['run and uses together', GH, 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n        run: make\n', ['6:9 step 1 of job "a" has both "run" and "uses": a step does one or the other']],
  ['permission level', GH, 'on: push\npermissions:\n  contents: raed\njobs:\n  a:\n    runs-on: x\n    steps: [{run: make}]\n', ['3:13 "permissions.contents" in the workflow has an unknown value "raed" (did you mean "read"?)']],
  ['runs-on in a reusable workflow call', GH, 'on: push\njobs:\n  a:\n    uses: ./.github/workflows/x.yml\n    runs-on: x\n', ['5:5 key "runs-on" is not allowed in job "a", which calls a reusable workflow']],
  ['misspelled GitLab job key', GL, 'build:\n  stage: test\n  scirpt: [make]\n', ['3:3 unknown key "scirpt" in job "build" (did you mean "script"?)']],
  ['step without run or uses', GH, 'on: push\njobs:\n  build:\n    runs-on: x\n    steps:\n      - name: go\n', ['6:9 step 1 of job "build" needs "run" or "uses"']],
  ['misspelled GitLab global keyword', GL, 'stagess: [build]\nbuild:\n  script: make\n', ['1:1 unknown keyword "stagess" (did you mean "stages"?)']],
  ['GitLab when value', GL, 'build:\n  script: make\n  when: allways\n', ['3:9 "when" in job "build" has an unknown value "allways" (did you mean "always"?)']],
  ['GitLab rules key', GL, 'build:\n  script: make\n  rules:\n    - iff: $CI\n', ['4:7 unknown key "iff" in "rules.0" of job "build" (did you mean "if"?)']],
  ['GitLab job without script', GL, 'build:\n  stage: test\n', ['1:1 job "build" has no "script" (or "trigger", "extends", "run")']],
  ['GitLab job without script, not in any include', GL, 'include:\n  - local: ci/missing.yml\nbuild:\n  stage: test\n', ['3:1 job "build" has no "script" (or "trigger", "extends", "run")']],
  ['action step without shell', 'action.yml', 'name: x\ndescription: y\nruns:\n  using: composite\n  steps:\n    - run: make\n', ['6:7 step 1 of the action needs "shell" (composite actions have no default shell)']],
  ['action with unknown key and missing main', 'action.yml', 'name: x\ndescription: y\nruns:\n  using: node20\n  mian: index.js\n', ['5:3 unknown key "mian" in "runs" of the action (did you mean "main"?)']],
  ['docker action without image', 'action.yml', 'name: x\ndescription: y\nruns:\n  using: docker\n', ['3:1 "runs" in the action is missing "image"']],
  ['GitLab component spec', 'templates/x.yml', 'spec:\n  inputs:\n    stage:\n      defualt: test\n---\nx:\n  script: make\n', ['4:7 unknown key "defualt" in "spec.inputs.stage" of the component spec (did you mean "default"?)']],
];

describe('invalid files', () => {
  it.each(INVALID)('%s', async (_name, file, text, expected) => {
    expect(await schemaFindings(text, file)).toEqual(expected);
  });
});

describe('did you mean', () => {
  it.each([
    ['runs_on', ['runs-on', 'steps'], 'runs-on'],
    ['stpes', ['runs-on', 'steps'], 'steps'],
    ['Needs', ['needs', 'name'], 'needs'],
    ['zzz', ['needs', 'name'], undefined],
  ])('%s → %s', (word, candidates, expected) => {
    expect(closest(word, candidates)).toBe(expected);
  });
  it('levenshtein', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
  });
});

describe('schemas/*.schema.json and their compiled validators', () => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const pkg = path.resolve(here, '..');
  const names = ['github-workflow', 'github-action', 'gitlab-ci'];

  it.each(names)('%s is a valid draft-07 schema', (name) => {
    const schema = JSON.parse(readFileSync(path.resolve(pkg, `../../schemas/${name}.schema.json`), 'utf8')) as Record<string, unknown>;
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(String(schema.$id)).toBe(`https://raw.githubusercontent.com/mlops-pipeline/mlops-pipeline/main/schemas/${name}.schema.json`);
    expect(() => new Ajv({ strict: true, strictRequired: false, strictTypes: false, allowUnionTypes: true }).compile(schema)).not.toThrow();
  });

  it('the committed validators in src/schema/generated match the schemas', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'mlops-schemas-'));
    execFileSync(process.execPath, [path.join(pkg, 'scripts/compile-schemas.mjs'), '--out', out]);
    for (const name of names) {
      for (const ext of ['.js', '.d.ts']) {
        const fresh = readFileSync(path.join(out, name + ext), 'utf8');
        const committed = readFileSync(path.join(pkg, 'src/schema/generated', name + ext), 'utf8');
        expect(committed === fresh, `src/schema/generated/${name}${ext} is stale: run \`node scripts/compile-schemas.mjs\``).toBe(true);
      }
    }
  });
});
