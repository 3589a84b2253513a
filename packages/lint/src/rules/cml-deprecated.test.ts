import { cmlDeprecated } from './cml-deprecated.js';
import { ruleTester, yaml } from './util/test-table.js';

const gh = (run: string) => yaml`
  on: push
  jobs:
    t:
      runs-on: ubuntu-24.04
      steps:
        - run: |
${run}`;

ruleTester(cmlDeprecated, {
  github: {
    valid: [gh('            cml comment create --publish report.md\n            dvc metrics diff main --md >> report.md')],
    invalid: [
      {
        name: 'corpus: Abjeee',
        code: gh('            cml-publish plots/demand.png --md >> report.md\n            cml-send-comment report.md'),
        errors: [
          { line: 7, column: 11, message: '`cml-publish` was removed from CML: use `cml asset publish`' },
          { line: 8, column: 11, message: '`cml-send-comment` was removed from CML: use `cml comment create`' },
        ],
        output: gh('            cml asset publish plots/demand.png --md >> report.md\n            cml comment create report.md'),
      },
      {
        name: 'corpus: guide step 7',
        code: gh('            dvc params diff main --show-md >> report.md\n            cml send-comment report.md'),
        errors: [
          { line: 7, column: 32, message: '`dvc params diff --show-md` was removed in DVC 3: use `--md`' },
          { line: 8, column: 15, message: '`cml send-comment` is deprecated: use `cml comment create`' },
        ],
        output: gh('            dvc params diff main --md >> report.md\n            cml comment create report.md'),
      },
    ],
  },
  gitlab: {
    valid: [],
    invalid: [
      {
        code: yaml`
          report:
            script:
              - dvc plots diff --show-vega main > vega.json`,
        errors: [{ line: 3, column: 22, message: '`dvc plots diff --show-vega` was removed in DVC 3' }],
      },
    ],
  },
});
