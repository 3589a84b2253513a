/**
 * Workflows written for the structure cross-check: each is valid or invalid for GitHub, as its own
 * parser (@actions/workflow-parser) says. Modelled on the shapes real DVC/CML workflows use.
 */
export interface StructureCase {
  name: string;
  /** GitHub loads it. */
  valid: boolean;
  yaml: string;
}

const job = `jobs:
  train:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - run: dvc repro --pull
`;

export const CASES: readonly StructureCase[] = [
  // Valid: shapes GitHub accepts that a hand-written schema easily rejects.
  { name: 'a scalar branch filter', valid: true, yaml: `on:\n  push:\n    branches: main\n${job}` },
  { name: 'a scalar paths filter', valid: true, yaml: `on:\n  push:\n    paths: 'data/**'\n  pull_request:\n    paths-ignore: docs/**\n${job}` },
  { name: 'a scalar tags filter and types', valid: true, yaml: `on:\n  push:\n    tags: v*\n  release:\n    types: published\n${job}` },
  { name: 'an event list', valid: true, yaml: `on: [push, pull_request, workflow_dispatch]\n${job}` },
  { name: 'the image_version event', valid: true, yaml: `on:\n  image_version:\n    names: [ml-runner]\n    versions: ['1.*']\n${job}` },
  { name: 'container: null', valid: true, yaml: `on: push\njobs:\n  train:\n    runs-on: ubuntu-24.04\n    container: null\n    steps:\n      - run: dvc repro --pull\n` },
  { name: 'a container as a string', valid: true, yaml: `on: push\njobs:\n  train:\n    runs-on: ubuntu-24.04\n    container: iterativeai/cml:0-dvc3-base1\n    steps:\n      - run: dvc repro --pull\n` },
  { name: 'container credentials as an expression', valid: true, yaml: `on: push\njobs:\n  train:\n    runs-on: ubuntu-24.04\n    container:\n      image: ghcr.io/acme/trainer:1.2.0\n      credentials: \${{ fromJSON(secrets.REGISTRY_CREDENTIALS) }}\n    steps:\n      - run: dvc repro --pull\n` },
  { name: 'a service with entrypoint and command', valid: true, yaml: `on: push\njobs:\n  train:\n    runs-on: ubuntu-24.04\n    services:\n      minio:\n        image: minio/minio:RELEASE.2024-10-13T13-34-11Z\n        entrypoint: /usr/bin/docker-entrypoint.sh\n        command: server /data\n        ports: ['9000:9000']\n    steps:\n      - run: dvc repro --pull\n` },
  { name: 'runs-on as a group and labels', valid: true, yaml: `on: push\njobs:\n  train:\n    runs-on:\n      group: gpu-runners\n      labels: [self-hosted, gpu]\n    steps:\n      - run: dvc repro --pull\n` },
  { name: 'expressions for numbers and booleans', valid: true, yaml: `on: push\njobs:\n  train:\n    runs-on: ubuntu-24.04\n    timeout-minutes: \${{ fromJSON(vars.TRAIN_TIMEOUT) }}\n    continue-on-error: \${{ github.event_name == 'schedule' }}\n    steps:\n      - run: dvc repro --pull\n        timeout-minutes: \${{ fromJSON(vars.STEP_TIMEOUT) }}\n` },
  { name: 'a matrix from an expression', valid: true, yaml: `on: push\njobs:\n  train:\n    runs-on: ubuntu-24.04\n    strategy:\n      matrix: \${{ fromJSON(vars.MATRIX) }}\n    steps:\n      - run: dvc exp run --pull\n` },
  { name: 'permissions: {} and a reusable workflow with secrets: inherit', valid: true, yaml: `on: push\npermissions: {}\njobs:\n  dvc:\n    permissions:\n      contents: read\n    uses: acme/mlops/.github/workflows/dvc.yml@v1\n    secrets: inherit\n    with:\n      dvc-version: 3.63.0\n` },
  { name: 'workflow_call and workflow_dispatch inputs', valid: true, yaml: `on:\n  workflow_call:\n    inputs:\n      target:\n        type: string\n        default: train\n    secrets:\n      REMOTE_KEY:\n        required: false\n  workflow_dispatch:\n    inputs:\n      lr:\n        type: choice\n        options: ['0.1', '0.01']\n${job}` },
  { name: 'environment with a url and concurrency as a string', valid: true, yaml: `on: push\nconcurrency: train-\${{ github.ref }}\njobs:\n  deploy:\n    runs-on: ubuntu-24.04\n    environment:\n      name: production\n      url: https://models.example.com\n    steps:\n      - run: ./deploy.sh\n` },
  { name: 'a scalar workflows filter and needs as a string', valid: true, yaml: `on:\n  workflow_run:\n    workflows: CI\n    types: completed\njobs:\n  prepare:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: dvc pull\n  train:\n    needs: prepare\n    runs-on: ubuntu-24.04\n    steps:\n      - run: dvc repro --pull\n` },
  { name: 'runs-on and a matrix from expressions, include entries', valid: true, yaml: `on: push\njobs:\n  train:\n    runs-on: \${{ matrix.os }}\n    strategy:\n      fail-fast: false\n      max-parallel: 2\n      matrix:\n        os: [ubuntu-24.04, macos-14]\n        include:\n          - os: ubuntu-24.04\n            gpu: true\n    steps:\n      - run: dvc exp run --pull\n` },
  { name: 'job outputs, defaults and a step with numbers and booleans', valid: true, yaml: `on: push\ndefaults:\n  run:\n    shell: bash\n    working-directory: project\njobs:\n  train:\n    runs-on: ubuntu-24.04\n    outputs:\n      accuracy: \${{ steps.eval.outputs.accuracy }}\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          fetch-depth: 0\n          lfs: true\n      - id: eval\n        run: dvc repro --pull\n` },
  { name: 'permissions: read-all and if: false', valid: true, yaml: `on: push\npermissions: read-all\njobs:\n  train:\n    if: false\n    runs-on: ubuntu-24.04\n    steps:\n      - run: dvc repro --pull\n` },
  { name: 'a schedule with several crons and merge_group', valid: true, yaml: `on:\n  schedule:\n    - cron: '0 3 * * 1'\n    - cron: '0 4 * * 5'\n  merge_group:\n${job}` },
  { name: 'a service with options, volumes and env', valid: true, yaml: `on: push\njobs:\n  train:\n    runs-on: ubuntu-24.04\n    services:\n      mlflow:\n        image: ghcr.io/mlflow/mlflow:v2.17.0\n        env:\n          MLFLOW_PORT: 5000\n        options: --health-cmd "curl -f localhost:5000" --health-interval 10s\n        volumes: ['/tmp/mlruns:/mlruns']\n    steps:\n      - run: dvc repro --pull\n` },
  { name: 'a workflow_dispatch environment input', valid: true, yaml: `on:\n  workflow_dispatch:\n    inputs:\n      target:\n        type: environment\n        required: true\n${job}` },

  // Invalid: GitHub refuses to load these.
  { name: 'a misspelled job key', valid: false, yaml: `on: push\njobs:\n  train:\n    runs_on: ubuntu-24.04\n    steps:\n      - run: dvc repro\n` },
  { name: 'a job without runs-on', valid: false, yaml: `on: push\njobs:\n  train:\n    steps:\n      - run: dvc repro\n` },
  { name: 'a step with both uses and run', valid: false, yaml: `on: push\njobs:\n  train:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v4\n        run: dvc repro\n` },
  { name: 'an unknown event', valid: false, yaml: `on: pushh\n${job}` },
  { name: 'a word for timeout-minutes', valid: false, yaml: `on: push\njobs:\n  train:\n    runs-on: ubuntu-24.04\n    timeout-minutes: forever\n    steps:\n      - run: dvc repro\n` },
  { name: 'an unknown permission level', valid: false, yaml: `on: push\npermissions:\n  contents: writ\n${job}` },
  { name: 'steps as a map', valid: false, yaml: `on: push\njobs:\n  train:\n    runs-on: ubuntu-24.04\n    steps:\n      run: dvc repro\n` },
  { name: 'an unknown top-level key', valid: false, yaml: `on: push\nenviroment:\n  A: b\n${job}` },
  { name: 'no on:', valid: false, yaml: job },
  { name: 'a step without run or uses', valid: false, yaml: `on: push\njobs:\n  train:\n    runs-on: ubuntu-24.04\n    steps:\n      - name: train\n        with:\n          x: 1\n` },
  { name: 'a service without an image', valid: false, yaml: `on: push\njobs:\n  train:\n    runs-on: ubuntu-24.04\n    services:\n      minio:\n        command: server /data\n    steps:\n      - run: dvc repro\n` },
  { name: 'a schedule without cron', valid: false, yaml: `on:\n  schedule:\n    - at: '03:00'\n${job}` },
  { name: 'an unknown step key', valid: false, yaml: `on: push\njobs:\n  train:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: dvc repro\n        working_directory: project\n` },
  { name: 'container credentials as a list', valid: false, yaml: `on: push\njobs:\n  train:\n    runs-on: ubuntu-24.04\n    container:\n      image: ghcr.io/acme/trainer:1.2.0\n      credentials: [user, pass]\n    steps:\n      - run: dvc repro\n` },
];
