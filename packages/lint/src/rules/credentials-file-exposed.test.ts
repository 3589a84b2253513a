import { credentialsFileExposed } from './credentials-file-exposed.js';
import { ruleTester, yaml } from '../../test/rule-tester.js';

ruleTester(credentialsFileExposed, {
  gitlab: {
    valid: [
      yaml`
        variables:
          GOOGLE_APPLICATION_CREDENTIALS: "\${CI_PROJECT_DIR}/google-service-account-key.json"
        cache:
          paths:
            - .cache/pip
        train:
          before_script:
            - echo "\${GCP_SERVICE_ACCOUNT_KEY}" | base64 -d > $GOOGLE_APPLICATION_CREDENTIALS
          script:
            - dvc pull`,
      yaml`
        train:
          script:
            - echo "$KEY_B64" | base64 -d > /tmp/key.json
          artifacts:
            paths:
              - .`,
    ],
    invalid: [
      {
        name: 'key decoded into the artifact directory',
        code: yaml`
          train:
            variables:
              GOOGLE_APPLICATION_CREDENTIALS: "$CI_PROJECT_DIR/out/key.json"
            script:
              - echo "$GCP_KEY" | base64 -d > $GOOGLE_APPLICATION_CREDENTIALS
              - dvc pull && dvc repro
            artifacts:
              paths:
                - out/`,
        errors: [{ line: 5, column: 25, message: 'credentials written to `out/key.json` end up in the artifacts path `out/` (line 9)', severity: 'error' }],
      },
      {
        name: 'key in a cached directory',
        code: yaml`
          cache:
            paths:
              - .cache
          train:
            script:
              - echo "$SA_KEY" | base64 --decode > .cache/sa.json`,
        errors: [{ line: 6, column: 24, message: 'cache path `.cache`' }],
      },
    ],
  },
  github: {
    valid: [
      yaml`
        on: push
        jobs:
          t:
            runs-on: ubuntu-24.04
            steps:
              - run: echo "$KEY" | base64 -d > "$RUNNER_TEMP/key.json"
                env:
                  KEY: \${{ secrets.KEY }}
              - run: dvc pull
              - run: python train.py`,
      yaml`
        on: push
        jobs:
          t:
            runs-on: ubuntu-24.04
            steps:
              - run: echo "$KEY" | base64 -d > key.json
              - run: dvc pull
              - run: rm -f key.json
              - uses: actions/upload-artifact@v4
                with:
                  path: .`,
    ],
    invalid: [
      {
        name: 'auth credentials file uploaded with the workspace',
        code: yaml`
          on: push
          jobs:
            t:
              runs-on: ubuntu-24.04
              steps:
                - uses: google-github-actions/auth@v2
                  with:
                    credentials_json: \${{ secrets.GCP_KEY }}
                - run: dvc repro --pull
                - uses: actions/upload-artifact@v4
                  with:
                    path: .`,
        errors: [{ line: 12, column: 17, message: 'google-github-actions/auth (line 6) wrote a gha-creds-*.json credentials file into the workspace, and the artifacts path `.` includes it' }],
      },
      {
        name: 'left behind for later steps',
        code: yaml`
          on: push
          jobs:
            t:
              runs-on: ubuntu-24.04
              steps:
                - run: echo "$KEY" | base64 -d > key.json
                - run: dvc pull
                - uses: third-party/publish@v1
                - run: ./deploy.sh`,
        errors: [{ line: 6, column: 28, message: 'stay in the workspace for 2 later step(s) that do not use them', severity: 'warning' }],
      },
      {
        name: 'a key written raw through a here-document, uploaded with the workspace',
        code: yaml`
          on: push
          jobs:
            t:
              runs-on: ubuntu-24.04
              steps:
                - run: |
                    cat <<'EOF' > gcp-key.json
                    \${{ secrets.GCP_SERVICE_ACCOUNT_KEY }}
                    EOF
                - uses: actions/upload-artifact@v4
                  with:
                    path: .`,
        errors: [{ line: 7, column: 11, message: 'credentials written to `gcp-key.json` end up in the artifacts path `.`' }],
      },
      {
        name: 'a key written raw with tee',
        code: yaml`
          on: push
          jobs:
            t:
              runs-on: ubuntu-24.04
              steps:
                - run: echo "$GCP_SERVICE_ACCOUNT_KEY" | tee key.json > /dev/null
                - uses: actions/upload-artifact@v4
                  with:
                    path: .`,
        errors: [{ line: 6, column: 48, message: 'credentials written to `key.json` end up in the artifacts path `.`' }],
      },
    ],
  },
});
