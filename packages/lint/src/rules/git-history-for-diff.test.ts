import { gitHistoryForDiff } from './git-history-for-diff.js';
import { ruleTester, yaml } from '../../test/rule-tester.js';

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
      // A plain fetch (or of the remote only) brings every branch with the refspec actions/checkout sets up.
      gh('', '            git fetch\n            dvc metrics diff origin/main --md'),
      gh('', '            git fetch --prune\n            dvc metrics diff origin/main --md'),
      gh('', '            git fetch --depth 1 origin\n            dvc params diff origin/main'),
      gh('', '            git fetch origin ${{ github.base_ref }}\n            dvc params diff origin/${{ github.base_ref }}'),
      // The base branch under any of its names.
      gh('', '            git fetch --depth=1 origin "$GITHUB_BASE_REF"\n            dvc metrics diff "origin/${{ github.base_ref }}" --md'),
      gh('', '            git fetch origin ${{ github.event.pull_request.base.ref }}:${{ github.event.pull_request.base.ref }}\n            dvc params diff ${GITHUB_BASE_REF}'),
      // cml ci unshallows the clone.
      gh('', '            cml ci --fetch-depth 0\n            dvc metrics diff main'),
      gh('', '            cml ci --fetch-depth=0\n            dvc metrics diff main'),
      // A fetch in a subshell still counts.
      gh('', '            (git fetch --depth=1 origin main:main)\n            dvc metrics diff main'),
      gh('          with:\n            fetch-depth: "0"\n', '            dvc metrics diff main --md >> report.md'),
    ],
    invalid: [
      {
        name: 'shallow clone compared with main',
        code: gh('', '            dvc metrics diff main --md >> report.md'),
        errors: [{ line: 8, column: 11, message: '`dvc metrics diff` compares with `main`, but the clone is shallow: set `fetch-depth: 0` on actions/checkout or run `git fetch --depth=1 origin main:main` first' }],
      },
      {
        name: 'a fetch of another branch',
        code: gh('', '            git fetch --depth=1 origin develop:develop\n            dvc metrics diff main'),
        errors: [{ line: 9, column: 11, message: 'compares with `main`, but the clone is shallow' }],
      },
      {
        name: 'cml ci with a shallow fetch depth',
        code: gh('', '            cml ci --fetch-depth 1\n            dvc metrics diff main'),
        errors: [{ line: 9, column: 11, message: 'compares with `main`' }],
      },
      {
        name: 'a fetch in a here-document is not run',
        code: gh('', '            cat <<EOF > notes.md\n            git fetch --all\n            EOF\n            dvc metrics diff main'),
        errors: [{ line: 11, column: 11, message: 'compares with `main`' }],
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
      yaml`
        report:
          variables:
            GIT_DEPTH: 0
          script:
            - dvc metrics diff main`,
      yaml`
        report:
          script:
            - git fetch origin main
            - dvc metrics diff origin/main`,
      yaml`
        report:
          script:
            - git fetch --depth=1 origin "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
            - dvc metrics diff "origin/\${CI_MERGE_REQUEST_TARGET_BRANCH_NAME}"`,
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
