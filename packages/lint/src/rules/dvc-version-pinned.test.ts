import { dvcVersionPinned } from './dvc-version-pinned.js';
import { ruleTester, yaml } from '../../test/rule-tester.js';

const gh = (steps: string) => yaml`
  on: push
  permissions: {contents: read}
  jobs:
    train:
      runs-on: ubuntu-24.04
      steps:
        - uses: actions/checkout@v4
${steps}`;

ruleTester(dvcVersionPinned, {
  github: {
    valid: [
      gh(`        - uses: treeverse/setup-dvc@v2
          with:
            version: '3.63.0'
        - run: dvc pull && dvc repro`),
      gh(`        - run: pip install "dvc[gs]==3.63.0" && dvc repro --pull`),
      gh(`        - run: pip install -r requirements.txt && dvc repro --pull`),
      { name: 'a DVC remote plugin next to an exact DVC', code: gh(`        - run: pip install dvc-s3 dvc==3.63.0 && dvc repro --pull`) },
      { name: 'a DVC remote plugin, DVC pinned by the requirements', code: gh(`        - run: pip install -r requirements.txt dvc-s3 && dvc repro --pull`), files: { 'requirements.txt': 'dvc==3.63.0\n' } },
      { name: 'iterative/setup-tools with an exact dvc-version', code: gh(`        - uses: iterative/setup-tools@v1
          with:
            dvc-version: '3.63.0'
        - run: dvc repro --pull`) },
      { name: 'requirements pin DVC exactly', code: gh(`        - run: pip install -r requirements.txt && dvc repro --pull`), files: { 'requirements.txt': 'dvc[s3]==3.63.0\n' } },
      gh(`        - run: poetry install && poetry run dvc repro --pull`),
      { name: 'requirements allow a range, the same pip run pins DVC exactly', code: gh(`        - run: pip install -r requirements.txt "dvc[gs]==3.63.0" && dvc repro --pull`), files: { 'requirements.txt': 'pandas\ndvc>=3\n' } },
      { name: 'requirements allow a range, a later step pins DVC exactly', code: gh(`        - run: pip install -r requirements.txt
        - run: pip install dvc==3.63.0
        - run: dvc repro --pull`), files: { 'requirements.txt': 'dvc[gs]>=3\n' } },
    ],
    invalid: [
      {
        name: 'setup-dvc without version',
        code: gh(`        - uses: treeverse/setup-dvc@v2
        - run: dvc pull`),
        errors: [{ line: 8, column: 15, message: "setup-dvc installs the latest DVC: set `version: '3.63.0'`" }],
        output: gh(`        - uses: treeverse/setup-dvc@v2
          with:
            version: '3.63.0'
        - run: dvc pull`),
      },
      {
        name: 'a DVC remote plugin alone installs an unpinned DVC',
        code: gh(`        - run: pip install dvc-gdrive pandas==2.2.2 && dvc repro --pull`),
        errors: [{ line: 8, column: 26, message: '`dvc-gdrive` installs DVC as a dependency, at whatever version is newest: install `dvc==3.63.0` with it' }],
      },
      {
        name: 'the pin of the requirements file CI installs (src/requirements.txt) is the version to set',
        code: gh(`        - uses: iterative/setup-dvc@v1
        - run: pip install -r src/requirements.txt && dvc repro --pull`),
        files: { 'src/requirements.txt': 'dvc[gs]==3.48.4\n' },
        errors: [{ line: 8, column: 15, message: "setup-dvc installs the latest DVC: set `version: '3.48.4'`" }],
      },
      {
        name: 'the guide layout: src/requirements.txt pins DVC for the whole repository',
        code: gh(`        - run: pip install dvc && dvc repro --pull`),
        files: { 'src/requirements.txt': 'dvc==3.48.4\n' },
        errors: [{ line: 8, column: 26, message: '`dvc` installs whatever DVC is newest: pin `dvc==3.48.4`' }],
      },
      {
        name: 'iterative/setup-tools runs setup-dvc with no version',
        code: gh(`        - uses: iterative/setup-tools@v1
        - run: dvc repro --pull`),
        errors: [{ line: 8, column: 15, message: "iterative/setup-tools installs the latest DVC: set `dvc-version: '3.63.0'`" }],
        output: gh(`        - uses: iterative/setup-tools@v1
          with:
            dvc-version: '3.63.0'
        - run: dvc repro --pull`),
      },
      {
        name: 'setup-dvc latest, fixed to the requirements version',
        code: gh(`        - uses: iterative/setup-dvc@v1
          with:
            version: latest`),
        files: { 'requirements.txt': 'dvc==3.50.1\n' },
        errors: [{ line: 10, column: 20, message: "`version: latest` is not an exact DVC version: use '3.50.1'" }],
        output: gh(`        - uses: iterative/setup-dvc@v1
          with:
            version: 3.50.1`),
      },
      {
        name: 'setup-dvc with other inputs',
        code: gh(`        - uses: treeverse/setup-dvc@v2
          with:
            other: x`),
        errors: [{ line: 8, column: 15 }],
        output: gh(`        - uses: treeverse/setup-dvc@v2
          with:
            version: '3.63.0'
            other: x`),
      },
      {
        name: 'pip install dvc unpinned (corpus: Abjeee)',
        code: gh(`        - run: |
            pip install --upgrade pip
            pip install dvc scikit-learn pandas matplotlib`),
        errors: [{ line: 10, column: 23, message: '`dvc` installs whatever DVC is newest: pin `dvc==3.63.0`' }],
        output: gh(`        - run: |
            pip install --upgrade pip
            pip install dvc==3.63.0 scikit-learn pandas matplotlib`),
      },
      {
        name: 'pip range keeps extras',
        code: gh(`        - run: pip install dvc[gs]>=3`),
        errors: [{ line: 8, column: 26, message: 'pin `dvc[gs]==3.63.0`' }],
        output: gh(`        - run: pip install dvc[gs]==3.63.0`),
      },
      {
        name: 'requirements pin DVC loosely',
        code: gh(`        - run: pip install -r requirements.txt`),
        files: { 'requirements.txt': 'pandas\ndvc>=3\n' },
        errors: [{ line: 8, column: 14, message: 'DVC comes from requirements.txt:2, where `dvc>=3` is not an exact version' }],
      },
      {
        name: 'rolling CML container (corpus: run-studio-experiment)',
        code: yaml`
          on: push
          jobs:
            train:
              runs-on: [self-hosted, cml]
              container:
                image: iterativeai/cml:0-dvc2-base1-gpu
              steps:
                - uses: actions/checkout@v4
                - run: pip install -r requirements.txt && dvc pull -v`,
        errors: [{ line: 6, column: 14, message: 'image `iterativeai/cml:0-dvc2-base1-gpu` ships whatever DVC its rolling tag points to' }],
      },
    ],
  },
  gitlab: {
    valid: [
      yaml`
        train:
          image: python:3.12-slim
          script:
            - pip install dvc[gs]==3.63.0
            - dvc repro --pull`,
      yaml`
        train:
          image: iterativeai/cml:0-dvc3-base1
          script:
            - pip install dvc==3.63.0
            - dvc repro --pull`,
      yaml`
        report:
          image: iterativeai/cml:0-dvc3-base1
          script:
            - cml comment create report.md`,
      {
        name: 'the guide layout: DVC pinned in src/requirements.txt, which CI installs',
        code: yaml`
          train:
            image: iterativeai/cml:0-dvc2-base1
            before_script:
              - pip install --requirement src/requirements.txt
            script:
              - dvc repro --pull`,
        files: { 'src/requirements.txt': 'dvc[gs]==2.10.0\nscikit-learn==1.5.0\n' },
      },
    ],
    invalid: [
      {
        name: 'rolling CML image, DVC pinned nowhere',
        code: yaml`
          run-ml-experiment:
            stage: train
            image: iterativeai/cml:0-dvc2-base1
            before_script:
              - pip install --requirement src/requirements.txt
            script:
              - dvc pull
              - dvc repro`,
        // The advice stays within the image's DVC major: DVC 3 would break a DVC 2 project.
        errors: [{ line: 3, column: 10, message: 'image `iterativeai/cml:0-dvc2-base1` ships whatever DVC its rolling tag points to: install an exact DVC in the job (`pip install dvc==2.58.2`)' }],
      },
      {
        name: 'CML images under all their names',
        code: yaml`
          a:
            image: ghcr.io/iterative/cml:0-dvc3-base1
            script: [dvc repro --pull]
          b:
            image: dvcorg/cml-py3:latest
            script: [dvc repro --pull]`,
        errors: [{ line: 2, column: 10, message: 'install an exact DVC in the job (`pip install dvc==3.63.0`)' }, { line: 5, column: 10, message: 'image `dvcorg/cml-py3:latest`' }],
      },
      {
        name: 'pip install dvc with a wildcard',
        code: yaml`
          train:
            script:
              - pip install 'dvc==3.*'
              - dvc repro --pull`,
        errors: [{ line: 3, column: 19, message: 'allows more than one DVC version' }],
      },
    ],
  },
});

ruleTester(dvcVersionPinned, {
  github: {
    valid: [
      {
        name: 'reusable workflow input with an exact default',
        code: yaml`
          on:
            workflow_call:
              inputs:
                dvc-version:
                  type: string
                  default: '3.63.0'
          jobs:
            t:
              runs-on: ubuntu-24.04
              steps:
                - uses: treeverse/setup-dvc@v2
                  with:
                    version: \${{ inputs.dvc-version }}
                - run: pip install "dvc[gs]==\${DVC_VERSION}"
                  env:
                    DVC_VERSION: \${{ inputs.dvc-version }}`,
      },
      {
        name: 'matrix versions cannot be known',
        code: yaml`
          on: push
          jobs:
            t:
              runs-on: ubuntu-24.04
              steps:
                - uses: treeverse/setup-dvc@v2
                  with:
                    version: \${{ matrix.dvc }}`,
      },
    ],
    invalid: [
      {
        name: 'input default that floats',
        code: yaml`
          on:
            workflow_call:
              inputs:
                dvc-version:
                  type: string
                  default: latest
          jobs:
            t:
              runs-on: ubuntu-24.04
              steps:
                - uses: treeverse/setup-dvc@v2
                  with:
                    version: \${{ inputs.dvc-version }}`,
        errors: [{ line: 13, column: 20, message: 'setup-dvc `version: ${{ inputs.dvc-version }}` resolves to `latest`, not an exact DVC version' }],
      },
    ],
  },
  gitlab: {
    valid: [
      yaml`
        variables:
          DVC_VERSION: "3.63.0"
        train:
          script:
            - pip install "dvc[s3]==$DVC_VERSION"
            - dvc repro --pull`,
    ],
    invalid: [],
  },
});

ruleTester(dvcVersionPinned, {
  gitlab: {
    valid: [
      { name: 'the installed requirements file pins DVC', code: yaml`
        train:
          image: iterativeai/cml:0-dvc3-base1
          script:
            - pip install -r src/requirements.txt
            - dvc repro --pull`, files: { 'src/requirements.txt': 'dvc[gs]==3.63.0\n', 'requirements.txt': 'dvc\n' } },
    ],
    invalid: [
      {
        name: 'the installed requirements file pins DVC loosely',
        code: yaml`
          train:
            image: python:3.12-slim
            script:
              - pip install -r src/requirements.txt
              - dvc repro --pull`,
        files: { 'src/requirements.txt': 'pandas==2.2.0\ndvc[gs]~=3.63\n', 'requirements.txt': 'dvc==3.63.0\n' },
        errors: [{ line: 4, column: 7, message: 'DVC comes from src/requirements.txt:2, where `dvc[gs]~=3.63` is not an exact version' }],
      },
    ],
  },
});
