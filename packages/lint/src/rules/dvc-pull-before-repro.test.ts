import { dvcPullBeforeRepro } from './dvc-pull-before-repro.js';
import { ruleTester, yaml } from './util/test-table.js';

const gh = (run: string, checkout = true) => yaml`
  on: push
  jobs:
    train:
      runs-on: ubuntu-24.04
      steps:
        ${checkout ? '- uses: actions/checkout@v4' : '- run: echo no checkout'}
        - run: |
${run}`;

ruleTester(dvcPullBeforeRepro, {
  github: {
    valid: [
      gh('            dvc pull\n            dvc repro'),
      gh('            dvc repro --pull --allow-missing'),
      gh('            dvc fetch\n            dvc checkout\n            dvc exp run'),
      gh('            poetry run dvc pull data/raw.dvc && poetry run dvc repro'),
      gh('            dvc repro --dry'),
    ],
    invalid: [
      { name: 'repro without pull', code: gh('            pip install -r requirements.txt\n            dvc repro'), errors: [{ line: 9, column: 11, message: '`dvc repro` runs without the tracked data' }] },
      { name: 'pull after repro', code: gh('            dvc repro\n            dvc pull'), errors: [{ line: 8, column: 11, message: '`dvc repro` runs before `dvc pull` (line 9)' }] },
      { name: 'fetch without checkout', code: gh('            dvc fetch\n            dvc exp run -S lr=0.1'), errors: [{ line: 9, column: 11, message: '`dvc exp run`' }] },
      { name: 'job never checks out', code: gh('            dvc pull\n            dvc repro', false), errors: [{ line: 9, column: 11, message: 'never checks out the repository' }] },
      {
        name: 'pull commented out (corpus: Asad-Ismail)',
        code: gh('            #dvc pull data\n            dvc repro'),
        errors: [{ line: 9, column: 11 }],
      },
    ],
  },
  gitlab: {
    valid: [
      yaml`
        train:
          before_script:
            - dvc pull
          script:
            - dvc repro`,
    ],
    invalid: [
      {
        code: yaml`
          train:
            script:
              - dvc repro
            after_script:
              - dvc pull`,
        errors: [{ line: 3, column: 7, message: 'runs before `dvc pull` (line 5)' }],
      },
      {
        name: 'GIT_STRATEGY none',
        code: yaml`
          train:
            variables:
              GIT_STRATEGY: none
            script:
              - dvc pull && dvc repro`,
        errors: [{ line: 5, column: 19, message: 'never checks out' }],
      },
    ],
  },
});
