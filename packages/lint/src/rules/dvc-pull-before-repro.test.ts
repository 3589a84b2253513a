import { dvcPullBeforeRepro } from './dvc-pull-before-repro.js';
import { ruleTester, yaml } from '../../test/rule-tester.js';

const gh = (run: string, checkout = true) => yaml`
  on: push
  jobs:
    train:
      runs-on: ubuntu-24.04
      steps:
        ${checkout ? '- uses: actions/checkout@v4' : '- run: echo no checkout'}
        - run: |
${run}`;

/** Modelled on DVC's get-started layout: a generated dataset, then training, all from scripts in git. */
const GIT_ONLY_PIPELINE: Record<string, string> = {
  'dvc.yaml': 'stages:\n  generate:\n    cmd: python src/generate.py\n    deps:\n      - src/generate.py\n    outs:\n      - data/raw.csv\n  train:\n    cmd: python src/train.py\n    deps:\n      - data/raw.csv\n      - src/train.py\n    params:\n      - train.lr\n    outs:\n      - model.pkl:\n          cache: false\n    metrics:\n      - metrics.json:\n          cache: false\n',
  'src/generate.py': '',
  'src/train.py': '',
};

/** The raw data is added with `dvc add data/data.xml`: only the remote has it. */
const DVC_TRACKED_PIPELINE: Record<string, string> = {
  'dvc.yaml': 'stages:\n  prepare:\n    cmd: python src/prepare.py data/data.xml\n    deps:\n      - data/data.xml\n      - src/prepare.py\n    outs:\n      - data/prepared\n',
  'data/data.xml.dvc': 'outs:\n- md5: a304afb96060aad90176268345e10355\n  path: data.xml\n',
  'src/prepare.py': '',
};

ruleTester(dvcPullBeforeRepro, {
  github: {
    valid: [
      gh('            dvc pull\n            dvc repro'),
      gh('            dvc repro --pull --allow-missing'),
      gh('            dvc fetch\n            dvc checkout\n            dvc exp run'),
      gh('            poetry run dvc pull data/raw.dvc && poetry run dvc repro'),
      gh('            dvc repro --dry'),
      // Every way data arrives.
      gh('            dvc exp pull origin exp-1234\n            dvc exp run'),
      gh('            dvc exp run --pull -S train.lr=0.01'),
      gh('            dvc repro --allow-missing'),
      gh('            (cd project && dvc pull)\n            dvc repro'),
      { name: 'every dependency is in git', code: gh('            dvc repro'), files: GIT_ONLY_PIPELINE },
      { name: 'dvc.lock of a git-only pipeline', code: gh('            dvc repro'), files: { 'dvc.lock': 'schema: "2.0"\nstages:\n  train:\n    cmd: python train.py\n    deps:\n    - path: train.py\n      md5: 1\n    outs:\n    - path: model.pkl\n      md5: 2\n', 'train.py': '' } },
    ],
    invalid: [
      { name: 'repro without pull', code: gh('            pip install -r requirements.txt\n            dvc repro'), errors: [{ line: 9, column: 11, message: '`dvc repro` runs without the tracked data' }] },
      { name: 'pull after repro', code: gh('            dvc repro\n            dvc pull'), errors: [{ line: 8, column: 11, message: '`dvc repro` runs before `dvc pull` (line 9)' }] },
      { name: 'fetch without checkout', code: gh('            dvc fetch\n            dvc exp run -S lr=0.1'), errors: [{ line: 9, column: 11, message: '`dvc exp run`' }] },
      { name: 'job never checks out', code: gh('            dvc pull\n            dvc repro', false), errors: [{ line: 9, column: 11, message: 'never checks out the repository' }] },
      { name: 'a dependency tracked by a .dvc file', code: gh('            dvc repro'), files: DVC_TRACKED_PIPELINE, errors: [{ line: 8, column: 11, message: 'runs without the tracked data' }] },
      { name: 'a dependency in neither git nor a stage', code: gh('            dvc repro'), files: { 'dvc.yaml': 'stages:\n  train:\n    cmd: python train.py\n    deps:\n      - data/features.parquet\n      - train.py\n', 'train.py': '' }, errors: [{ line: 8, column: 11 }] },
      { name: 'a pull in a here-document is not run', code: gh('            cat <<EOF > README.md\n            dvc pull\n            EOF\n            dvc repro'), errors: [{ line: 11, column: 11 }] },
      {
        name: 'pull commented out (corpus: Asad-Ismail)',
        code: gh('            #dvc pull data\n            dvc repro'),
        errors: [{ line: 9, column: 11 }],
      },
    ],
  },
  gitlab: {
    valid: [
      yaml`
        train:
          before_script:
            - dvc pull
          script:
            - dvc repro`,
    ],
    invalid: [
      {
        code: yaml`
          train:
            script:
              - dvc repro
            after_script:
              - dvc pull`,
        errors: [{ line: 3, column: 7, message: 'runs before `dvc pull` (line 5)' }],
      },
      {
        name: 'GIT_STRATEGY none',
        code: yaml`
          train:
            variables:
              GIT_STRATEGY: none
            script:
              - dvc pull && dvc repro`,
        errors: [{ line: 5, column: 19, message: 'never checks out' }],
      },
    ],
  },
});
