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
    valid: [
      gh('            cml comment create --publish report.md\n            dvc metrics diff main --md >> report.md'),
      { name: '`--show-vega` still exists in DVC 3', code: gh('            dvc plots diff --show-vega --targets loss.csv main > vega.json\n            dvc plots show --show-vega loss.csv') },
      { name: 'commented-out commands', code: gh('            # cml-send-comment report.md\n            dvc metrics diff main --md >> report.md  # was --show-md') },
      { name: 'names in arguments, not commands', code: gh('            echo "cml-publish and cml send-comment were renamed" >> notes.md\n            cml comment update --target=pr report.md') },
      { name: 'current CML commands', code: gh('            cml asset publish plot.png --md >> report.md\n            cml runner launch --cloud=aws\n            cml pr create --squash .\n            cml check create --title=Report report.md') },
    ],
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
    valid: [
      yaml`
        report:
          script:
            - dvc plots diff --show-vega main > vega.json`,
    ],
    invalid: [
      {
        code: yaml`
          report:
            script:
              - dvc metrics diff --show-json main > metrics.json
              - dvc params diff --show-csv main > params.csv`,
        errors: [
          { line: 3, column: 24, message: '`dvc metrics diff --show-json` was removed in DVC 3: use `--json`' },
          { line: 4, column: 23, message: '`dvc params diff --show-csv` was removed in DVC 3: use `--csv`' },
        ],
        output: yaml`
          report:
            script:
              - dvc metrics diff --json main > metrics.json
              - dvc params diff --csv main > params.csv`,
      },
    ],
  },
});
