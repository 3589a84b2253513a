import { cmlDeprecated } from './cml-deprecated.js';
import { ruleTester, yaml } from '../../test/rule-tester.js';

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
      // `--md` exists only since DVC 2.8: a job on an older DVC keeps `--show-md` (no advice that breaks it).
      { name: 'setup-dvc pins DVC 2.5', code: yaml`
        on: push
        jobs:
          t:
            runs-on: ubuntu-24.04
            steps:
              - uses: iterative/setup-dvc@v1
                with:
                  version: '2.5.4'
              - run: dvc metrics diff main --show-md >> report.md` },
      { name: 'pip pins DVC 2.7', code: gh('            pip install dvc==2.7\n            dvc params diff main --show-md >> report.md') },
      { name: 'the requirements file CI installs pins DVC 2.5', code: gh('            pip install -r src/requirements.txt\n            dvc params diff main --show-md >> report.md'), files: { 'src/requirements.txt': 'dvc[gs]==2.5.4\n' } },
      { name: 'the repository pins DVC 2.6 and setup-dvc is open', code: yaml`
        on: push
        jobs:
          t:
            runs-on: ubuntu-24.04
            steps:
              - uses: iterative/setup-dvc@v1
              - run: dvc metrics diff main --show-md >> report.md`, files: { 'requirements.txt': 'dvc==2.6.0\n' } },
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
      {
        name: 'DVC 2.8 has --md (PEP 440: 2.8 == 2.8.0, 2.10 > 2.8)',
        code: gh('            pip install "dvc==2.10"\n            dvc params diff main --show-md >> report.md'),
        errors: [{ line: 8, column: 32, message: 'use `--md`' }],
        output: gh('            pip install "dvc==2.10"\n            dvc params diff main --md >> report.md'),
      },
      {
        name: 'a CML image of DVC 2 (newest 2.x has --md)',
        code: yaml`
          on: push
          jobs:
            t:
              runs-on: ubuntu-24.04
              container: iterativeai/cml:0-dvc2-base1
              steps:
                - run: dvc params diff main --show-md >> report.md`,
        errors: [{ line: 7, column: 35, message: 'use `--md`' }],
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
