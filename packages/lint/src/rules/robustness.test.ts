/** Odd but parseable CI files never make a rule fail (a failing rule shows up as `internal-error`). */
import { describe, expect, it } from 'vitest';
import { lintText } from '../index.js';
import { rules } from './index.js';
import { tempRepo } from '../../test/rule-tester.js';

const GITHUB = [
  'on: push\njobs: {}\n',
  'on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n',
  'on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: ""\n      - uses: ""\n      - uses: "@"\n      - run: "\\\\"\n',
  'on: push\njobs:\n  a:\n    runs-on: [self-hosted]\n    container: {image: ""}\n    steps:\n      - run: |\n          echo "unterminated\n          dvc repro ||\n          $( dvc pull\n',
  'on: push\njobs:\n  a:\n    uses: ./.github/workflows/x.yml\n  b:\n    uses: mlops-pipeline/mlops-pipeline/.github/workflows/dvc.yml@\n',
  'on: [pull_request_target, workflow_run]\npermissions: read-all\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    permissions: {}\n    steps:\n      - uses: actions/checkout\n        with:\n          ref: 42\n      - uses: treeverse/setup-dvc@v2\n        with:\n          version: [1, 2]\n',
];
const GITLAB = [
  'stages: [a]\n',
  'job:\n  script: []\n',
  'job:\n  image: {name: ""}\n  script:\n    - ""\n    - "pip install dvc[gs"\n    - dvc\n    - dvc metrics diff\n  cache: {paths: []}\n  artifacts: {paths: [""]}\n',
  'include:\n  - component: gitlab.com/mlops-pipeline/components/dvc@\n  - local: missing.yml\njob:\n  variables:\n    KEY_TOKEN: {value: "x", description: "y"}\n  only: []\n  script: [echo $KEY_TOKEN]\n',
];

describe('rules on odd files', () => {
  const cwd = tempRepo({ '.dvc/config': "[core]\n    remote = r\n['remote \"r\"']\n    url = ssh://host/path\n", 'requirements.txt': 'dvc[ssh]==3.63.0\n' });
  it.each([...GITHUB.map((t) => ['.github/workflows/ci.yml', t]), ...GITLAB.map((t) => ['.gitlab-ci.yml', t])])('%s %#', async (file, text) => {
    const found = await lintText(text, file, { cwd, rules });
    expect(found.filter((d) => d.ruleId === 'internal-error').map((d) => d.message)).toEqual([]);
  });
});
