import { actionPinned } from './action-pinned.js';
import { ruleTester, yaml } from '../../test/rule-tester.js';

const gh = (uses: string) => yaml`
  on: push
  jobs:
    t:
      runs-on: ubuntu-24.04
      steps:
        - uses: ${uses}`;
const SHA = '11bd71901bbe5b1630ceea73d27597364c9af683';

ruleTester(actionPinned, {
  github: {
    valid: [
      gh('actions/checkout@v4'),
      gh('actions/checkout@v4.2.2'),
      gh(`actions/checkout@${SHA}`),
      gh('./.github/actions/local'),
      gh('docker://alpine:3.20'),
      { name: '--strict accepts a SHA', code: gh(`actions/checkout@${SHA} # v4.2.2`), strict: true },
      { name: 'allow option', code: gh('my-org/internal-action@main'), files: { '.mlops-lint.yaml': 'rules:\n  action-pinned: [error, {allow: [my-org/*]}]\n' } },
      yaml`
        on: push
        jobs:
          dvc:
            uses: mlops-pipeline/mlops-pipeline/.github/workflows/dvc-gcs.yml@v1`,
    ],
    invalid: [
      {
        name: 'branch ref, fixed to a known version',
        code: gh('actions/checkout@main'),
        errors: [{ line: 6, column: 15, message: '`actions/checkout@main` follows a branch that can change under you: pin `actions/checkout@v5.0.0`' }],
        output: gh('actions/checkout@v5.0.0'),
      },
      {
        name: 'renamed setup-dvc on master',
        code: gh('iterative/setup-dvc@master'),
        errors: [{ line: 6, column: 15, message: 'pin `iterative/setup-dvc@v2.0.0`' }],
        output: gh('iterative/setup-dvc@v2.0.0'),
      },
      {
        name: 'unknown action: no fix',
        code: gh('someone/something@dev'),
        errors: [{ line: 6, column: 15, message: 'pin a release tag (v1.2.3) or a full commit SHA' }],
        output: gh('someone/something@dev'),
      },
      {
        name: 'missing ref',
        code: gh('actions/setup-python'),
        errors: [{ line: 6, column: 15, message: '`actions/setup-python` has no ref' }],
        output: gh('actions/setup-python@v6.0.0'),
      },
      { name: '--strict wants a SHA', code: gh('actions/checkout@v4'), strict: true, errors: [{ line: 6, column: 15, message: '--strict requires a full commit SHA' }] },
    ],
  },
});
