import { templateOutdated } from './template-outdated.js';
import { ruleTester, withTemplatesVersion, yaml } from './util/test-table.js';

const gh = (ref: string) => yaml`
  on: push
  jobs:
    dvc:
      uses: mlops-pipeline/mlops-pipeline/.github/workflows/dvc-gcs.yml@${ref}`;
const gl = (ref: string) => yaml`
  include:
    - component: gitlab.com/mlops-pipeline/components/dvc-gcs@${ref}`;

// The newest templates version the rule compares with.
ruleTester(withTemplatesVersion(templateOutdated, '1.4.0'), {
  github: {
    valid: [gh('v1.4.0'), gh('v1'), gh('v1.4'), gh('v2.0.0'), gh('main'), yaml`
      on: push
      jobs:
        other:
          uses: someone/else/.github/workflows/dvc.yml@v0.1.0`],
    invalid: [
      {
        code: gh('v1.2.3'),
        errors: [{ line: 4, column: 11, message: 'reusable workflow `dvc-gcs.yml` is at v1.2.3, the newest templates version is 1.4.0: bump it to mlops-pipeline/mlops-pipeline/.github/workflows/dvc-gcs.yml@v1.4.0' }],
        output: gh('v1.4.0'),
      },
      { name: 'an old moving major', code: gh('v0'), errors: [{ line: 4, column: 11, message: 'is at v0' }], output: gh('v1.4.0') },
    ],
  },
  gitlab: {
    valid: [gl('1.4.0'), gl('1')],
    invalid: [
      {
        code: gl('1.3.9'),
        errors: [{ line: 2, column: 16, message: 'component `dvc-gcs` is at 1.3.9, the newest templates version is 1.4.0' }],
        output: gl('1.4.0'),
      },
    ],
  },
});
