import { secretInline } from './secret-inline.js';
import { ruleTester, yaml } from '../../test/rule-tester.js';

const gh = (run: string) => yaml`
  on: push
  jobs:
    t:
      runs-on: ubuntu-24.04
      steps:
        - run: |
${run}`;

ruleTester(secretInline, {
  github: {
    valid: [
      // A URL whose user part is not a secret.
      yaml`
        on: push
        jobs:
          t:
            runs-on: ubuntu-24.04
            env:
              MIRROR: https://git@github.com/acme/data.git
            steps:
              - uses: actions/checkout@v4
                with:
                  repository: acme/data`,
      yaml`
        on: push
        jobs:
          t:
            runs-on: ubuntu-24.04
            steps:
              - run: cml comment create report.md
                env:
                  REPO_TOKEN: \${{ secrets.GITHUB_TOKEN }}
              - run: echo "\${{ github.sha }}"`,
      gh('            git push origin HEAD:main\n            echo "$REPO_TOKEN" | docker login --password-stdin ghcr.io'),
    ],
    invalid: [
      {
        name: 'a token in a URL in env: and in with:',
        code: yaml`
          on: push
          jobs:
            t:
              runs-on: ubuntu-24.04
              env:
                REMOTE: https://x-access-token:\${{ secrets.BOT_PAT }}@github.com/acme/models.git
              steps:
                - uses: some/mirror-action@v1
                  with:
                    url: https://\${{ secrets.HF_TOKEN }}@huggingface.co/acme/model`,
        errors: [
          { line: 6, column: 15, message: '`secrets.BOT_PAT` is embedded in a URL: every command that prints this value' },
          { line: 10, column: 16, message: '`secrets.HF_TOKEN` is embedded in a URL' },
        ],
      },
      {
        name: 'studio token on the command line (corpus: example-get-started-experiments)',
        code: gh('            dvc config --global studio.token ${{ secrets.DVC_STUDIO_TOKEN }}'),
        errors: [{ line: 7, column: 44, message: '`${{ secrets.DVC_STUDIO_TOKEN }}` is written into the script file' }],
      },
      {
        name: 'secret in gcloud command (corpus: tmsmks)',
        code: gh('            gcloud config set project ${{ secrets.GOOGLE_CLOUD_PROJECT }}\n            docker push gcr.io/${{ secrets.GOOGLE_CLOUD_PROJECT }}/app:${{ github.sha }}'),
        errors: [
          { line: 7, column: 37, message: 'pass it through `env:` (`GOOGLE_CLOUD_PROJECT: ${{ secrets.GOOGLE_CLOUD_PROJECT }}`)' },
          { line: 8, column: 30 },
        ],
      },
      {
        name: 'password option of dvc remote modify',
        code: gh('            dvc remote modify --local storage password "$DVC_PASSWORD"'),
        errors: [{ line: 7, column: 54, message: '`$DVC_PASSWORD` is passed as a command-line argument of `dvc remote modify … password`' }],
      },
    ],
  },
  gitlab: {
    valid: [
      yaml`
        push:
          script:
            - git push "https://gitlab-ci-token:\${CI_JOB_TOKEN}@gitlab.com/x/y.git"`.replace('CI_JOB_TOKEN', 'CI_COMMIT_SHA'),
    ],
    invalid: [
      {
        name: 'PAT in a git URL (corpus: guide chapter 8)',
        code: yaml`
          train:
            script:
              - git push -o ci.skip https://\${GITLAB_USER_LOGIN}:\${GITLAB_PAT}@\${CI_REPOSITORY_URL#*@}`,
        // `git push <url>` does not store the URL: the message says what really happens.
        errors: [{ line: 3, column: 27, message: '`$GITLAB_PAT` is embedded in a URL: git prints it in error messages and it shows in the process list' }],
      },
      {
        name: 'a token in a clone URL is stored in .git/config',
        code: yaml`
          train:
            script:
              - git clone "https://oauth2:\${GITLAB_TOKEN}@gitlab.com/acme/data.git"`,
        errors: [{ line: 3, column: 17, message: 'git stores it in .git/config' }],
      },
      {
        name: 'a token in a DVC remote URL lands in the DVC config',
        code: yaml`
          train:
            script:
              - dvc remote add --local -d storage "https://user:\${WEBDAV_TOKEN}@dav.example.com/dvc"
              - dvc remote modify storage url "webdavs://u:\${WEBDAV_TOKEN}@dav.example.com/dvc"`,
        errors: [
          { line: 3, column: 41, message: 'DVC writes it to .dvc/config.local' },
          { line: 4, column: 37, message: 'DVC writes it to .dvc/config, which is committed' },
        ],
      },
      {
        name: 'a token in a URL in variables',
        code: yaml`
          variables:
            DATA_URL: "https://ci:$DATA_TOKEN@data.example.com/raw.tar.gz"
          train:
            script:
              - curl -fsSLO "$DATA_URL"`,
        errors: [{ line: 2, column: 13, message: '`$DATA_TOKEN` is embedded in a URL: every command that prints this value' }],
      },
      {
        name: 'docker login -p',
        code: yaml`
          train:
            script:
              - docker login -u user -p $REGISTRY_PASSWORD registry.example.com`,
        errors: [{ line: 3, column: 31, message: 'command-line argument of `docker login -p`' }],
      },
    ],
  },
});
