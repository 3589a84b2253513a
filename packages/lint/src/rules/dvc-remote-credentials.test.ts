import { dvcRemoteCredentials } from './dvc-remote-credentials.js';
import { ruleTester, yaml } from '../../test/rule-tester.js';

const gs = { '.dvc/config': "[core]\n    remote = storage\n['remote \"storage\"']\n    url = gs://bucket/dvc\n" };
const minio = { '.dvc/config': "[core]\n    remote = minio\n['remote \"minio\"']\n    url = s3://data\n    endpointurl = https://minio.example.com:9000\n" };

const s3 = { '.dvc/config': "[core]\n    remote = storage\n['remote \"storage\"']\n    url = s3://bucket/dvc\n" };
const withReq = (base: Record<string, string>, req: string): Record<string, string> => ({ ...base, 'requirements.txt': req });
/** A job with AWS credentials in its environment that runs `script` (one line per entry). */
const awsJob = (...script: string[]) => yaml`
  on: push
  jobs:
    train:
      runs-on: ubuntu-24.04
      env:
        AWS_ACCESS_KEY_ID: \${{ secrets.AWS_ACCESS_KEY_ID }}
        AWS_SECRET_ACCESS_KEY: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
      steps:
        - uses: actions/checkout@v4
        - run: |
${script.map((l) => `            ${l}`).join('\n')}
            dvc pull`;
/** The same with Google credentials. */
const gcpJob = (...script: string[]) => yaml`
  on: push
  jobs:
    train:
      runs-on: ubuntu-24.04
      steps:
        - uses: actions/checkout@v4
        - uses: google-github-actions/auth@v2
          with:
            workload_identity_provider: \${{ vars.WIF }}
        - run: |
${script.map((l) => `            ${l}`).join('\n')}
            dvc pull`;

const job = (steps: string) => yaml`
  on: push
  jobs:
    train:
      runs-on: ubuntu-24.04
      steps:
        - uses: actions/checkout@v4
${steps}`;

ruleTester(dvcRemoteCredentials, {
  github: {
    valid: [
      { code: job(`        - uses: google-github-actions/auth@v2
          with:
            credentials_json: \${{ secrets.GCP_KEY }}
        - run: pip install dvc[gs]==3.63.0 && dvc pull`), files: gs },
      { name: 'credentials via env', code: job(`        - run: pip install dvc[s3]==3.63.0 && dvc pull
          env:
            AWS_ACCESS_KEY_ID: \${{ secrets.AWS_ACCESS_KEY_ID }}
            AWS_SECRET_ACCESS_KEY: \${{ secrets.AWS_SECRET_ACCESS_KEY }}`), files: minio },
      { name: 'no remote access', code: job(`        - run: pip install dvc==3.63.0 && dvc repro`), files: gs },
      { name: 'no .dvc/config', code: job(`        - run: pip install dvc==3.63.0 && dvc pull`) },
      {
        name: 'pull from a named public remote',
        code: job(`        - run: pip install dvc==3.63.0 && dvc pull -r public`),
        files: { '.dvc/config': "[core]\n    remote = storage\n['remote \"storage\"']\n    url = gs://bucket/dvc\n['remote \"public\"']\n    url = https://example.com/dvc\n" },
      },
      { name: 'setup-dvc installs every remote', code: job(`        - uses: treeverse/setup-dvc@v2
          with:
            version: '3.63.0'
        - uses: google-github-actions/auth@v2
          with:
            workload_identity_provider: projects/1/locations/global/workloadIdentityPools/p/providers/gh
        - run: dvc pull`), files: gs },
      { name: 'quoted extra', code: awsJob('pip install "dvc[s3]==3.63.0"'), files: s3 },
      { name: 'single-quoted, several extras', code: awsJob("pip install 'dvc[gs,s3]==3.63.0'"), files: s3 },
      { name: 'several extras, spaces inside the quotes', code: awsJob('pip install "dvc[gs, s3]==3.63.0"'), files: s3 },
      { name: 'dvc[all]', code: awsJob('pip install "dvc[all]==3.63.0"'), files: s3 },
      { name: 'extra in upper case', code: awsJob('pip install "dvc[S3]==3.63.0"'), files: s3 },
      { name: 'python -m pip', code: awsJob('python -m pip install "dvc[s3]==3.63.0"'), files: s3 },
      { name: 'the extra comes with a second install', code: awsJob('pip install dvc==3.63.0', 'pip install "dvc[s3]==3.63.0"'), files: s3 },
      { name: 'the plugin package on the command line', code: awsJob('pip install dvc==3.63.0 dvc-s3==3.2.0'), files: s3 },
      { name: 'requirements file pins dvc[gs]', code: gcpJob('pip install -r requirements.txt'), files: withReq(gs, 'pandas==2.2.0\ndvc[gs]==3.63.0\n') },
      { name: 'requirements file pins dvc[gs,s3]', code: gcpJob('pip install -r requirements.txt'), files: withReq(gs, 'dvc[gs,s3]==3.63.0  # remotes\n') },
      { name: 'requirements file lists the plugin package', code: gcpJob('pip install -r requirements.txt'), files: withReq(gs, 'dvc==3.63.0\ndvc-gs==3.0.1\n') },
      { name: 'requirements file includes another one', code: gcpJob('pip install -r requirements.txt'), files: { ...withReq(gs, '-r requirements-dvc.txt\n'), 'requirements-dvc.txt': 'dvc[gs]==3.63.0\n' } },
      { name: 'requirements file plus a pinned dvc on the command line', code: gcpJob('pip install -r requirements.txt', 'pip install dvc==3.63.0'), files: withReq(gs, 'dvc[gs]==3.63.0\n') },
    ],
    invalid: [
      {
        name: 'extra of another remote type',
        code: awsJob('pip install "dvc[gs]==3.63.0"'),
        files: s3,
        errors: [{ line: 11, column: 23, message: 'DVC is installed without the `s3` extra, but the default remote "storage" is s3://bucket/dvc (.dvc/config:3): install `dvc[s3]`', severity: 'warning' }],
      },
      {
        name: 'two installs without the extra: one finding, at the first',
        code: awsJob('pip install dvc==3.63.0', 'pip install --upgrade dvc==3.63.0'),
        files: s3,
        errors: [{ line: 11, column: 23, message: 'without the `s3` extra', severity: 'warning' }],
      },
      {
        name: 'requirements file pins dvc without the extra',
        code: gcpJob('pip install -r requirements.txt'),
        files: withReq(gs, 'dvc[s3]==3.63.0\n'),
        errors: [{ line: 11, column: 11, message: 'without the `gs` extra', severity: 'warning' }],
      },
      {
        name: 'DVC project in a sub-directory',
        code: job(`        - run: pip install dvc[gs]==3.63.0 && dvc pull
          working-directory: ml`),
        files: { 'ml/.dvc/config': gs['.dvc/config']! },
        errors: [{ line: 3, column: 3, message: 'job "train" uses the DVC remote "storage" (gs://bucket/dvc, ml/.dvc/config:3)' }],
      },
      {
        name: 'no credentials for gs',
        code: job(`        - run: pip install dvc[gs]==3.63.0 && dvc repro --pull`),
        files: gs,
        errors: [{ line: 3, column: 3, message: 'job "train" uses the DVC remote "storage" (gs://bucket/dvc, .dvc/config:3) on line 7 but provides no credentials for it' }],
      },
      {
        name: 'MinIO without keys, and no s3 extra',
        code: job(`        - run: pip install dvc==3.63.0 && dvc pull`),
        files: minio,
        errors: [
          { line: 3, column: 3, message: 's3://data at https://minio.example.com:9000', severity: 'error' },
          { line: 7, column: 26, message: 'DVC is installed without the `s3` extra', severity: 'warning' },
        ],
      },
    ],
  },
  gitlab: {
    valid: [
      { name: 'credentials may come from CI/CD variables', code: yaml`
        train:
          script:
            - pip install dvc[gs]==3.63.0
            - dvc pull`, files: gs },
    ],
    invalid: [
      {
        code: yaml`
          train:
            script:
              - pip install dvc[s3]==3.63.0
              - dvc pull`,
        files: gs,
        errors: [{ line: 3, column: 19, message: 'install `dvc[gs]`', severity: 'warning' }],
      },
    ],
  },
});
