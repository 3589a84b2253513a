import { twoDvcInstalls } from './two-dvc-installs.js';
import { ruleTester, yaml } from '../../test/rule-tester.js';

const gh = (steps: string) => yaml`
  on: push
  jobs:
    t:
      runs-on: ubuntu-24.04
      steps:
        - uses: treeverse/setup-dvc@v2
          with:
            version: '3.63.0'
${steps}`;

ruleTester(twoDvcInstalls, {
  github: {
    valid: [
      gh('        - run: dvc pull'),
      gh('        - run: pip install dvc[gs]==3.63.0'),
      { name: 'requirements without DVC', code: gh('        - run: pip install -r requirements.txt'), files: { 'requirements.txt': 'pandas==2.2.0\n' } },
    ],
    invalid: [
      {
        code: gh('        - run: pip install dvc==2.58.2'),
        errors: [{ line: 9, column: 26, message: 'DVC is installed twice in job "t": setup-dvc (line 8) installs 3.63.0 and `pip install dvc==2.58.2` (line 9) installs 2.58.2' }],
      },
      {
        name: 'corpus pattern: setup-dvc plus a requirements file that pins DVC',
        code: gh('        - run: |\n            pip install -r requirements.txt\n            dvc pull'),
        files: { 'requirements.txt': 'dvc[gs]==3.50.0\n' },
        errors: [{ line: 10, column: 11, message: 'the requirements (line 10) install 3.50.0' }],
      },
    ],
  },
});
