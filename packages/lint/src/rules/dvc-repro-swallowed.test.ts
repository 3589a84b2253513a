import { dvcReproSwallowed } from './dvc-repro-swallowed.js';
import { ruleTester, yaml } from './util/test-table.js';

const gh = (step: string) => yaml`
  on: push
  jobs:
    t:
      runs-on: ubuntu-24.04
      steps:
${step}`;

ruleTester(dvcReproSwallowed, {
  github: {
    valid: [
      gh('        - run: dvc repro --pull'),
      gh('        - run: dvc repro 2>&1 | tee repro.log\n          shell: bash'),
      gh('        - run: |\n            set -o pipefail\n            dvc exp run | tee log.txt'),
      gh('        - run: make || true'),
    ],
    invalid: [
      { code: gh('        - run: dvc repro || echo "failed"'), errors: [{ line: 6, column: 14, message: '`dvc repro || …` turns a failed experiment into a green job' }] },
      { code: gh('        - run: dvc exp run | tee log.txt'), errors: [{ line: 6, column: 14, message: 'add `set -o pipefail` first' }] },
      { code: gh('        - run: dvc repro\n          continue-on-error: true'), errors: [{ line: 7, column: 9, message: '`continue-on-error: true` hides a failed `dvc repro`' }] },
    ],
  },
  gitlab: {
    valid: [
      yaml`
        lint:
          allow_failure: true
          script: [ruff check .]`,
    ],
    invalid: [
      {
        code: yaml`
          train:
            allow_failure: true
            script:
              - dvc pull
              - dvc repro || exit 0`,
        errors: [
          { line: 2, column: 3, message: '`allow_failure: true`' },
          { line: 5, column: 7 },
        ],
      },
    ],
  },
});
