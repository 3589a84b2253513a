import { dvcRemoteCredentials } from './dvc-remote-credentials.js';
import { ruleTester, yaml } from './util/test-table.js';

const gs = { '.dvc/config': "[core]\n    remote = storage\n['remote \"storage\"']\n    url = gs://bucket/dvc\n" };
const minio = { '.dvc/config': "[core]\n    remote = minio\n['remote \"minio\"']\n    url = s3://data\n    endpointurl = https://minio.example.com:9000\n" };

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
    ],
    invalid: [
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
          { line: 3, column: 3, message: 's3://data at https://minio.example.com:9000' },
          { line: 7, column: 26, message: 'DVC is installed without the `s3` extra' },
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
        errors: [{ line: 3, column: 19, message: 'install `dvc[gs]`' }],
      },
    ],
  },
});
