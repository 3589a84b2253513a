import { permissions } from './permissions.js';
import { ruleTester, yaml } from '../../test/rule-tester.js';

ruleTester(permissions, {
  github: {
    valid: [
      yaml`
        on: push
        permissions:
          contents: read
        jobs:
          t:
            runs-on: ubuntu-24.04
            steps:
              - run: dvc repro --pull`,
      yaml`
        on: pull_request
        permissions: {}
        jobs:
          report:
            runs-on: ubuntu-24.04
            permissions:
              contents: read
              pull-requests: write
            steps:
              - run: cml comment create report.md`,
      yaml`
        on: push
        permissions:
          contents: read
          id-token: write
        jobs:
          t:
            runs-on: ubuntu-24.04
            steps:
              - uses: google-github-actions/auth@v2
                with:
                  workload_identity_provider: \${{ vars.WIF_PROVIDER }}`,
      {
        name: 'cml comment create on a push posts a commit comment (contents: write)',
        code: yaml`
          on: push
          permissions:
            contents: read
          jobs:
            report:
              runs-on: ubuntu-24.04
              permissions:
                contents: write
              steps:
                - run: cml comment create --publish report.md`,
      },
      {
        name: 'CML run through npx',
        code: yaml`
          on: pull_request
          permissions:
            contents: read
            pull-requests: write
          jobs:
            report:
              runs-on: ubuntu-24.04
              steps:
                - run: npx @dvcorg/cml@0.20.6 comment create report.md`,
      },
      {
        name: 'actions/deploy-pages needs pages and id-token',
        code: yaml`
          on: push
          permissions:
            contents: read
          jobs:
            deploy:
              runs-on: ubuntu-24.04
              permissions:
                pages: write
                id-token: write
              steps:
                - uses: actions/deploy-pages@v4`,
      },
      {
        name: 'a scope no fact describes is assumed needed',
        code: yaml`
          on: push
          permissions:
            contents: read
          jobs:
            t:
              runs-on: ubuntu-24.04
              permissions:
                discussions: write
              steps:
                - run: ./post.sh`,
      },
      {
        name: 'corpus: drift monitor creates a label (labels are in the issues scope)',
        code: yaml`
          on: schedule
          jobs:
            drift-report:
              runs-on: ubuntu-24.04
              permissions:
                contents: read
                issues: write
              steps:
                - env:
                    GH_TOKEN: \${{ secrets.GITHUB_TOKEN }}
                  run: gh label create drift-alert --color ff0000 || true`,
      },
    ],
    invalid: [
      {
        name: 'no permissions at all (corpus: guide step 6)',
        code: yaml`
          on: push
          jobs:
            t:
              runs-on: ubuntu-24.04
              steps:
                - run: dvc repro --pull`,
        errors: [{ line: 2, column: 1, message: 'no top-level `permissions:`' }],
      },
      {
        name: 'deploy-pages needs no contents: write',
        code: yaml`
          on: push
          permissions:
            contents: read
          jobs:
            deploy:
              runs-on: ubuntu-24.04
              permissions:
                contents: write
                pages: write
                id-token: write
              steps:
                - uses: actions/deploy-pages@v4`,
        errors: [{ line: 8, column: 7, message: 'job "deploy" is granted `contents: write` but does nothing that needs it' }],
      },
      {
        name: 'write-all and unneeded scopes',
        code: yaml`
          on: push
          permissions:
            contents: read
            id-token: write
          jobs:
            train:
              runs-on: ubuntu-24.04
              permissions: write-all
              steps:
                - run: dvc repro --pull
            report:
              runs-on: ubuntu-24.04
              permissions:
                contents: write
              steps:
                - run: cat metrics.json`,
        errors: [
          { line: 4, column: 3, message: '`id-token: write` is granted to the whole workflow, but no job that inherits it needs it' },
          { line: 8, column: 18, message: '`permissions: write-all` on job "train"' },
          { line: 14, column: 7, message: 'job "report" is granted `contents: write` but does nothing that needs it' },
        ],
      },
    ],
  },
});
