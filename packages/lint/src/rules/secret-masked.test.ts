import { secretMasked } from './secret-masked.js';
import { ruleTester, yaml } from '../../test/rule-tester.js';
import { COMPONENT_INPUT } from '../../test/rule-fixtures.js';

ruleTester(secretMasked, {
  gitlab: {
    valid: [
      { name: 'component input: the caller passes the value, the default is not a literal in the file', code: COMPONENT_INPUT },
      yaml`
        variables:
          GOOGLE_APPLICATION_CREDENTIALS: "\${CI_PROJECT_DIR}/google-service-account-key.json"
          REPO_TOKEN: $CML_PAT
        train:
          before_script:
            - echo "\${GCP_SERVICE_ACCOUNT_KEY}" | base64 -d > $GOOGLE_APPLICATION_CREDENTIALS`,
    ],
    invalid: [
      {
        name: 'secret defined in the file',
        code: yaml`
          variables:
            DVC_REMOTE_PASSWORD: correct-horse-battery
          train:
            script:
              - dvc pull`,
        errors: [{ line: 2, column: 3, message: '`DVC_REMOTE_PASSWORD` is defined in the file' }],
      },
      {
        name: 'raw JSON key written to a file',
        code: yaml`
          train:
            variables:
              GOOGLE_APPLICATION_CREDENTIALS: /tmp/key.json
            script:
              - echo "$GCP_SERVICE_ACCOUNT_KEY" > $GOOGLE_APPLICATION_CREDENTIALS
              - dvc pull`,
        errors: [{ line: 5, column: 7, message: 'GitLab cannot mask a JSON or multi-line value' }],
      },
    ],
  },
  github: {
    valid: [
      yaml`
        on: push
        env:
          DVC_REMOTE_PASSWORD: correct-horse-battery
        jobs:
          t:
            runs-on: ubuntu-24.04
            steps:
              - run: dvc pull`,
    ],
    invalid: [],
  },
});
