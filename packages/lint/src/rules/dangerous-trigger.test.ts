import { dangerousTrigger } from './dangerous-trigger.js';
import { ruleTester, yaml } from '../../test/rule-tester.js';

ruleTester(dangerousTrigger, {
  github: {
    valid: [
      yaml`
        on: pull_request_target
        jobs:
          label:
            runs-on: ubuntu-24.04
            steps:
              - uses: actions/checkout@v4
              - run: ./label.sh`,
      yaml`
        on: pull_request
        jobs:
          t:
            runs-on: ubuntu-24.04
            steps:
              - uses: actions/checkout@v4
                with:
                  ref: \${{ github.event.pull_request.head.sha }}`,
    ],
    invalid: [
      {
        code: yaml`
          on:
            pull_request_target:
          jobs:
            train:
              runs-on: ubuntu-24.04
              steps:
                - uses: actions/checkout@v4
                  with:
                    ref: \${{ github.event.pull_request.head.sha }}
                - run: dvc pull && dvc repro
                  env:
                    AWS_SECRET_ACCESS_KEY: \${{ secrets.AWS_SECRET_ACCESS_KEY }}`,
        errors: [{ line: 9, column: 16, message: "`pull_request_target` runs with secrets and a write token, and this checks out the pull request's code" }],
      },
      {
        code: yaml`
          on:
            workflow_run:
              workflows: [ci]
              types: [completed]
          jobs:
            report:
              runs-on: ubuntu-24.04
              steps:
                - uses: actions/checkout@v4
                - run: git fetch origin \${{ github.event.workflow_run.head_sha }} && git checkout FETCH_HEAD`,
        errors: [{ line: 10, column: 14, message: '`workflow_run`' }],
      },
      {
        name: 'a comment command that checks out the pull request',
        code: yaml`
          on: issue_comment
          jobs:
            train:
              if: github.event.issue.pull_request && contains(github.event.comment.body, '/train')
              runs-on: ubuntu-24.04
              steps:
                - uses: actions/checkout@v4
                - run: gh pr checkout \${{ github.event.issue.number }} && dvc repro --pull
                  env:
                    GH_TOKEN: \${{ github.token }}`,
        errors: [{ line: 8, column: 14, message: '`issue_comment` runs with secrets and a write token, and `gh pr checkout` brings in the pull request\'s code' }],
      },
    ],
  },
});
