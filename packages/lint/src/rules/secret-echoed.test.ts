import { secretEchoed } from './secret-echoed.js';
import { ruleTester, yaml } from '../../test/rule-tester.js';

const gh = (run: string, env = '') => yaml`
  on: push
  jobs:
    t:
      runs-on: ubuntu-24.04
      steps:
        - run: |
${run}${env}`;

ruleTester(secretEchoed, {
  github: {
    valid: [
      gh('            echo "$GCP_KEY" | base64 -d > "$RUNNER_TEMP/key.json"\n            cat metrics.json >> report.md'),
      gh('            echo "## Report" >> report.md\n            printenv PATH'),
      gh('            set -x\n            make test'),
      gh('            cat key.json | docker login -u _json_key --password-stdin gcr.io'),
      gh('            echo "::add-mask::$DERIVED_TOKEN"\n            echo "token=$DERIVED_TOKEN" >> "$GITHUB_OUTPUT"'),
      // A loop variable holding a secret's NAME is not the secret (value read through ${!KEY}).
      gh('            for KEY in AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY; do\n              test -n "${!KEY}" || echo "::error::$KEY is not set"\n            done'),
      // A here-document is data: its lines are not commands.
      gh('            cat <<EOF > .env.example\n            echo $AWS_SECRET_ACCESS_KEY\n            EOF'),
    ],
    invalid: [
      { name: 'echo a secret', code: gh('            echo "token is $REPO_TOKEN"'), errors: [{ line: 7, column: 11, message: '`echo` prints `$REPO_TOKEN` to the job log' }] },
      { name: 'echo a secrets expression', code: gh('            echo ${{ secrets.DVC_STUDIO_TOKEN }}'), errors: [{ line: 7, column: 11, message: 'secrets.DVC_STUDIO_TOKEN' }] },
      { name: 'echo the value a loop variable names', code: gh('            for KEY in AWS_SECRET_ACCESS_KEY; do echo "${!KEY}"; done'), errors: [{ line: 7, column: 48, message: '`echo` prints `${!KEY}` to the job log' }] },
      { name: 'echo in a subshell', code: gh('            (cd infra && echo "$REPO_TOKEN")'), errors: [{ line: 7, column: 24, message: '`echo` prints `$REPO_TOKEN`' }] },
      { name: 'cat a key file', code: gh('            cat gcp-service-account.json'), errors: [{ line: 7, column: 11, message: 'prints a credentials file' }] },
      {
        name: 'env dump and set -x with secrets in scope',
        code: gh('            env\n            set -x\n            dvc pull', '\n          env:\n            AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}'),
        errors: [
          { line: 7, column: 11, message: '`env` dumps the environment' },
          { line: 8, column: 11, message: '`set -x` traces every command' },
        ],
      },
    ],
  },
  gitlab: {
    valid: [
      yaml`
        train:
          script:
            - echo "\${GCP_SERVICE_ACCOUNT_KEY}" | base64 -d > $GOOGLE_APPLICATION_CREDENTIALS
            - dvc pull`,
    ],
    invalid: [
      {
        code: yaml`
          train:
            script:
              - printenv
              - cat $GOOGLE_APPLICATION_CREDENTIALS`,
        errors: [
          { line: 3, column: 7, message: '`printenv` dumps the environment' },
          { line: 4, column: 7, message: 'prints a credentials file' },
        ],
      },
    ],
  },
});
