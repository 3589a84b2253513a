import { dvcVersionConsistent } from './dvc-version-consistent.js';
import { ruleTester, yaml } from '../../test/rule-tester.js';

const req = { 'requirements.txt': 'dvc[gs]==3.63.0\nscikit-learn==1.5.0\n' };

ruleTester(dvcVersionConsistent, {
  github: {
    valid: [
      { code: yaml`
        on: push
        jobs:
          t:
            runs-on: ubuntu-24.04
            steps:
              - uses: treeverse/setup-dvc@v2
                with:
                  version: '3.63.0'`, files: req },
      { name: 'no requirements in the repo', code: yaml`
        on: push
        jobs:
          t:
            runs-on: ubuntu-24.04
            steps:
              - uses: treeverse/setup-dvc@v2
                with:
                  version: '2.37.0'` },
    ],
    invalid: [
      {
        name: 'setup-dvc differs from requirements.txt',
        code: yaml`
          on: push
          jobs:
            t:
              runs-on: ubuntu-24.04
              steps:
                - uses: iterative/setup-dvc@v1
                  with:
                    version: '2.37.0'`,
        files: req,
        errors: [{ line: 8, column: 20, message: 'DVC 2.37.0 here, but requirements.txt:1 pins `dvc[gs]==3.63.0`' }],
        output: yaml`
          on: push
          jobs:
            t:
              runs-on: ubuntu-24.04
              steps:
                - uses: iterative/setup-dvc@v1
                  with:
                    version: '3.63.0'`,
      },
      {
        name: 'pip pin differs',
        code: yaml`
          on: push
          jobs:
            t:
              runs-on: ubuntu-24.04
              steps:
                - run: pip install dvc[gs]==3.50.0`,
        files: req,
        errors: [{ line: 6, column: 26 }],
        output: yaml`
          on: push
          jobs:
            t:
              runs-on: ubuntu-24.04
              steps:
                - run: pip install dvc[gs]==3.63.0`,
      },
    ],
  },
  gitlab: {
    valid: [
      { code: yaml`
      train:
        script:
          - pip install dvc[gs]==3.63.0`, files: req },
      // PEP 440: 3.63 is 3.63.0.
      { name: '3.63 == 3.63.0', code: yaml`
      train:
        script:
          - pip install dvc[gs]==3.63`, files: req },
    ],
    invalid: [
      {
        code: yaml`
          train:
            script:
              - pip install dvc==3.0.0`,
        files: { 'pyproject.toml': '[project]\nname = "x"\ndependencies = [\n  "dvc[s3]==3.63.0",\n]\n' },
        errors: [{ line: 3, column: 19, message: 'pyproject.toml:4' }],
      },
    ],
  },
});

ruleTester(dvcVersionConsistent, {
  github: {
    valid: [],
    invalid: [
      {
        name: 'DVC project in a sub-directory',
        code: yaml`
          on: push
          jobs:
            t:
              runs-on: ubuntu-24.04
              defaults:
                run:
                  working-directory: ml
              steps:
                - run: pip install -r requirements.txt dvc==3.50.0 && dvc repro --pull`,
        files: { 'ml/requirements.txt': 'dvc==3.63.0\n' },
        errors: [{ line: 9, column: 46, message: 'DVC 3.50.0 here, but ml/requirements.txt:1 pins `dvc==3.63.0`' }],
      },
    ],
  },
});
