import { gitHistoryForDiff } from './git-history-for-diff.js';
import { ruleTester, yaml } from './util/test-table.js';

const gh = (checkoutWith: string, run: string) => yaml`
  on: pull_request
  jobs:
    report:
      runs-on: ubuntu-24.04
      steps:
        - uses: actions/checkout@v4
${checkoutWith}        - run: |
${run}`;

ruleTester(gitHistoryForDiff, {
  github: {
    valid: [
      gh('          with:\n            fetch-depth: 0\n', '            dvc metrics diff main --md >> report.md'),
      gh('', '            git fetch --depth=1 origin main:main\n            dvc params diff main --md'),
      gh('', '            dvc plots diff --targets prc.json --json > plots.json\n            dvc metrics diff HEAD'),
      gh('', '            git fetch --prune --unshallow\n            dvc metrics diff master >> report.md'),
      gh('', '            git fetch --depth=1 origin main\n            dvc metrics diff origin/main --md'),
      gh('', '            git fetch origin "+refs/heads/$BASE:refs/remotes/origin/$BASE"\n            dvc params diff "origin/$BASE"'),
    ],
    invalid: [
      {
        name: 'shallow clone compared with main',
        code: gh('', '            dvc metrics diff main --md >> report.md'),
        errors: [{ line: 8, column: 11, message: '`dvc metrics diff` compares with `main`, but the clone is shallow: set `fetch-depth: 0` on actions/checkout or run `git fetch --depth=1 origin main:main` first' }],
      },
      {
        name: 'plots diff with a ref after its options',
        code: gh('          with:\n            fetch-depth: 1\n', '            dvc plots diff \\\n              --targets evaluation/plots/prc.json \\\n              -x recall -y precision --json origin/main > vega.json'),
        errors: [{ line: 10, column: 11, message: 'compares with `origin/main`, but the clone has depth 1' }],
      },
    ],
  },
  gitlab: {
    valid: [
      yaml`
        variables:
          GIT_DEPTH: "0"
        report:
          script:
            - dvc metrics diff main`,
    ],
    invalid: [
      {
        code: yaml`
          report:
            script:
              - dvc exp diff main`,
        errors: [{ line: 3, column: 7, message: 'set `GIT_DEPTH: 0`' }],
      },
    ],
  },
});
