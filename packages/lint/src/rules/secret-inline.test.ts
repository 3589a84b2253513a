import { secretInline } from './secret-inline.js';
import { ruleTester, yaml } from './util/test-table.js';

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
        errors: [{ line: 3, column: 27, message: '`$GITLAB_PAT` is embedded in a URL' }],
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
