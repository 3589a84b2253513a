import { gitlabDeprecated } from './gitlab-deprecated.js';
import { ruleTester, yaml } from './util/test-table.js';

ruleTester(gitlabDeprecated, {
  gitlab: {
    valid: [
      yaml`
        train:
          rules:
            - if: $CI_COMMIT_BRANCH == "main"
          id_tokens:
            AWS_TOKEN:
              aud: sts.amazonaws.com
          script:
            - echo "$AWS_TOKEN" > token  # CI_JOB_JWT_V2 is gone`,
    ],
    invalid: [
      {
        name: 'corpus: iterative/cml',
        code: yaml`
          deploy-runner:
            only:
              refs: [master]
            script:
              - >
                aws sts assume-role-with-web-identity
                --web-identity-token="$CI_JOB_JWT_V2"
          .base:
            except: [tags]`,
        errors: [
          { line: 2, column: 3, message: '`only:` is deprecated: express when job "deploy-runner" runs with `rules:`' },
          { line: 7, column: 30, message: '`CI_JOB_JWT_V2` was removed in GitLab 17.0' },
          { line: 9, column: 3, message: '`except:`' },
        ],
      },
    ],
  },
});
