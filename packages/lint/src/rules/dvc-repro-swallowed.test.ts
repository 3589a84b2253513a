import { describe, expect, it } from 'vitest';
import { dvcReproSwallowed } from './dvc-repro-swallowed.js';
import { lintWithRule, ruleTester, yaml } from '../../test/rule-tester.js';

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

describe('dvc-repro-swallowed through GitLab includes and extends', () => {
  it('reports an `allow_failure: true` inherited through extends, in the included file that sets it', async () => {
    const code = 'include:\n  - local: ci/base.yml\ntrain:\n  extends: .lenient\n  script:\n    - dvc repro\n';
    const found = await lintWithRule(dvcReproSwallowed, code, '.gitlab-ci.yml', { code, files: { 'ci/base.yml': '.lenient:\n  image: python:3.12\n  allow_failure: true\n' } });
    expect(found.map((d) => `${d.file}:${d.line}:${d.column} ${d.message.split(':')[0]}`)).toEqual(['ci/base.yml:3:3 `allow_failure']);
  });

  it('follows `defaults.run.shell: bash` of the workflow (bash sets pipefail)', async () => {
    const code = 'on: push\ndefaults:\n  run:\n    shell: bash\njobs:\n  t:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: dvc repro | tee log.txt\n';
    expect(await lintWithRule(dvcReproSwallowed, code, '.github/workflows/ci.yml', { code })).toEqual([]);
  });
});
