import { expressionInjection } from './expression-injection.js';
import { ruleTester, yaml } from '../../test/rule-tester.js';

const gh = (run: string) => yaml`
  on: pull_request
  jobs:
    t:
      runs-on: ubuntu-24.04
      steps:
        - run: ${run}`;

ruleTester(expressionInjection, {
  github: {
    valid: [
      gh('echo "${{ github.sha }} ${{ github.event.pull_request.number }}"'),
      yaml`
        on: pull_request
        jobs:
          t:
            runs-on: ubuntu-24.04
            steps:
              - run: echo "$TITLE"
                env:
                  TITLE: \${{ github.event.pull_request.title }}`,
    ],
    invalid: [
      { code: gh('echo "${{ github.event.pull_request.title }}"'), errors: [{ line: 6, column: 20, message: '`${{ github.event.pull_request.title }}` is controlled by whoever opens the pull request' }] },
      {
        code: yaml`
          on: issue_comment
          jobs:
            t:
              runs-on: ubuntu-24.04
              steps:
                - run: |
                    git checkout \${{ github.head_ref }}
                    echo "\${{ github.event.comment.body }}" > c.txt`,
        errors: [
          { line: 7, column: 24 },
          { line: 8, column: 17 },
        ],
      },
    ],
  },
});
