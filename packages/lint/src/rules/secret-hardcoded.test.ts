import { secretHardcoded } from './secret-hardcoded.js';
import { ruleTester, yaml } from '../../test/rule-tester.js';
import { COMPONENT_INPUT } from '../../test/rule-fixtures.js';

// Fake credentials in the shape of real ones (AWS documentation examples and made-up tokens).
const AKIA = 'AKIAIOSFODNN7EXAMPLE';
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const GHP = `ghp_${'A1b2C3d4E5'.repeat(3)}abcdef`;

ruleTester(secretHardcoded, {
  github: {
    valid: [
      yaml`
        on: push
        env:
          AWS_ACCESS_KEY_ID: \${{ secrets.AWS_ACCESS_KEY_ID }}
          GOOGLE_APPLICATION_CREDENTIALS: ./key.json
        jobs:
          t:
            runs-on: ubuntu-24.04
            steps:
              - uses: docker/login-action@v3
                with:
                  password: \${{ secrets.REGISTRY_PASSWORD }}
              - run: docker login -p "$REGISTRY_PASSWORD" registry.example.com`,
    ],
    invalid: [
      {
        name: 'AWS key pair in env',
        code: yaml`
          on: push
          env:
            AWS_ACCESS_KEY_ID: ${AKIA}
            AWS_SECRET_ACCESS_KEY: ${AWS_SECRET}
          jobs:
            t:
              runs-on: ubuntu-24.04
              steps:
                - run: dvc pull`,
        errors: [
          { line: 3, column: 22, message: 'hard-coded AWS access key id "AKIA…" (20 characters)' },
          { line: 4, column: 26, message: 'hard-coded AWS secret access key "wJal…" (40 characters)' },
        ],
      },
      {
        name: 'token in with: and a password on the command line',
        code: yaml`
          on: push
          jobs:
            t:
              runs-on: ubuntu-24.04
              steps:
                - uses: some/action@v1
                  with:
                    token: ${GHP}
                    api-key: s3cr3t-Value-123
                - run: dvc remote modify --local storage password hunter2-but-longer`,
        errors: [
          { line: 8, column: 18, message: 'hard-coded GitHub token "ghp_…"' },
          { line: 9, column: 20, message: 'input `api-key` is a literal value "s3…" (16 characters)' },
          { line: 10, column: 57, message: 'a literal secret "hu…" (18 characters) is passed to `dvc`' },
        ],
      },
    ],
  },
  gitlab: {
    valid: [
      { name: 'component input: the caller passes the value, the default is not a literal in the file', code: COMPONENT_INPUT },
      yaml`
        variables:
          PIP_CACHE_DIR: "$CI_PROJECT_DIR/.cache/pip"
          GOOGLE_APPLICATION_CREDENTIALS: "\${CI_PROJECT_DIR}/google-service-account-key.json"
        train:
          script:
            - echo "\${GCP_SERVICE_ACCOUNT_KEY}" | base64 -d > $GOOGLE_APPLICATION_CREDENTIALS`,
    ],
    invalid: [
      {
        name: 'private key and service-account JSON',
        code: yaml`
          variables:
            DEPLOY_KEY: |
              -----BEGIN OPENSSH PRIVATE KEY-----
              b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ
              -----END OPENSSH PRIVATE KEY-----
          train:
            script:
              - |
                echo '{"type": "service_account", "project_id": "p"}' > key.json`,
        errors: [
          { line: 3, column: 5, message: 'hard-coded private key "----…"' },
          { line: 9, column: 13, message: 'hard-coded service account key' },
        ],
      },
      {
        name: 'password in a git URL',
        code: yaml`
          push:
            script:
              - git push https://bot:pa55word-literal@gitlab.example.com/group/repo.git HEAD:main`,
        errors: [{ line: 3, column: 16, message: 'a URL carries a literal password "pa…" (16 characters)' }],
      },
    ],
  },
});
