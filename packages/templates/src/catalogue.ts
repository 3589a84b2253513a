/** The catalogue: one template per DVC remote kind, the same name on both providers. */
import { AWS_KEYLESS_INPUTS, AZURE_INPUTS, AZURE_KEYLESS_INPUTS, COMMON_INPUTS as SHARED_INPUTS, GCP_KEYLESS_INPUTS, GITLAB_COMPOSITION_INPUTS, MINIO_INPUTS } from './inputs.js';
import type { GitlabAuth, GithubAuth, ScriptStep, TemplateDef } from './model.js';
import type { SecretRequirement } from './types.js';

/** Inputs of every template: the job's settings, then how it composes into a GitLab pipeline. */
const COMMON_INPUTS = [...SHARED_INPUTS, ...GITLAB_COMPOSITION_INPUTS];

const NO_GITHUB_AUTH: GithubAuth = { idToken: false, steps: [], remoteEnv: [] };
const NO_GITLAB_AUTH: GitlabAuth = { idTokens: {}, variables: {}, setup: [], cleanup: [] };

function secret(name: string, description: string, opts: Partial<SecretRequirement> = {}): SecretRequirement {
  return { name, description, masked: true, base64: false, required: true, ...opts };
}

const AWS_KEYS = [
  secret('AWS_ACCESS_KEY_ID', 'Access key ID with read (and, with `push`, write) access to the bucket.'),
  secret('AWS_SECRET_ACCESS_KEY', 'Secret access key of that access key ID.'),
];

const AWS_KEY_ENV: GithubAuth['remoteEnv'] = [
  { name: 'AWS_ACCESS_KEY_ID', value: 'secret:AWS_ACCESS_KEY_ID' },
  { name: 'AWS_SECRET_ACCESS_KEY', value: 'secret:AWS_SECRET_ACCESS_KEY' },
];

const CONNECTION_STRING = { input: 'azure-auth', equals: 'connection-string' } as const;
const SP = { input: 'azure-auth', equals: 'service-principal' } as const;

const AZURE_SECRETS = [
  secret('AZURE_STORAGE_CONNECTION_STRING', 'Storage account connection string (with `azure-auth: connection-string`).', { required: false, when: CONNECTION_STRING }),
  secret('AZURE_CLIENT_ID', 'Service principal application (client) ID (with `azure-auth: service-principal`).', { required: false, when: SP }),
  secret('AZURE_TENANT_ID', 'Directory (tenant) ID of the service principal (with `azure-auth: service-principal`).', { required: false, when: SP }),
  secret('AZURE_CLIENT_SECRET', 'Client secret of the service principal (with `azure-auth: service-principal`).', { required: false, when: SP }),
];

const MINIO_ENDPOINT: ScriptStep = {
  id: 'endpoint',
  name: 'Point the DVC remote at the S3-compatible endpoint',
  block: true,
  lines: [
    'remote="@{dvc-remote}"',
    'if [ -z "$remote" ]; then remote="$(dvc remote default)"; fi',
    'dvc remote modify --local "$remote" endpointurl "@{endpoint-url}"',
  ],
};

/** GitHub: the credentials file written under `$RUNNER_TEMP` is removed whatever happened. */
const GITHUB_GCP_CLEANUP: ScriptStep = { id: 'gcp-cleanup', name: 'Remove the Google Cloud credentials file', lines: ['rm -f "${GOOGLE_APPLICATION_CREDENTIALS:-}"'] };

const GCP_KEY_FILE = '/tmp/gcp-key-${CI_JOB_ID}.json';

const GDRIVE_SERVICE_ACCOUNT: ScriptStep = {
  id: 'gdrive-service-account',
  name: 'Use the service account for the Google Drive remote',
  block: true,
  lines: ['remote="@{dvc-remote}"', 'if [ -z "$remote" ]; then remote="$(dvc remote default)"; fi', 'dvc remote modify --local "$remote" gdrive_use_service_account true'],
};

/** GitHub: the file holding the GitHub OIDC token for Azure, removed whatever happened. */
const GITHUB_AZURE_CLEANUP: ScriptStep = { id: 'azure-cleanup', name: 'Remove the Azure federated token file', lines: ['rm -f "${AZURE_FEDERATED_TOKEN_FILE:-}"'] };

/** The remote the key is for: `dvc-remote`, else the default remote. */
const REMOTE_OF_JOB = ['remote="@{dvc-remote}"', 'if [ -z "$remote" ]; then remote="$(dvc remote default)"; fi'];

export const TEMPLATES: readonly TemplateDef[] = [
  {
    name: 'dvc',
    remote: 'none',
    title: 'DVC experiment (no remote credentials)',
    description: 'Runs dvc pull and dvc repro against a public or local remote that needs no credentials.',
    inputs: COMMON_INPUTS,
    secrets: { github: [], gitlab: [] },
    prepare: [],
    github: NO_GITHUB_AUTH,
    gitlab: NO_GITLAB_AUTH,
  },
  {
    name: 'dvc-gcs',
    remote: 'gcs',
    title: 'DVC experiment on Google Cloud Storage (service-account key)',
    description: 'Runs dvc pull and dvc repro with a Google Cloud Storage remote, authenticated with a service-account JSON key.',
    dvcExtra: 'gs',
    inputs: COMMON_INPUTS,
    secrets: {
      github: [secret('GCP_SERVICE_ACCOUNT_KEY', 'Service-account JSON key, written to a file under `$RUNNER_TEMP` (outside the workspace) and removed at the end of the job.')],
      gitlab: [
        secret('GCP_SERVICE_ACCOUNT_KEY_B64', 'Service-account JSON key, base64-encoded on one line (`base64 -w0 key.json`) so GitLab can mask it; decoded to a file outside the project directory and removed after the job.', { base64: true }),
      ],
    },
    prepare: [],
    github: {
      idToken: false,
      steps: [],
      scripts: [
        {
          id: 'gcp-key',
          name: 'Write the Google Cloud key outside the workspace',
          env: { GCP_SERVICE_ACCOUNT_KEY: 'secret:GCP_SERVICE_ACCOUNT_KEY' },
          lines: [
            'credentials="${RUNNER_TEMP}/gcp-key-${GITHUB_RUN_ID}-${GITHUB_JOB}.json"',
            'install -m 600 /dev/null "${credentials}"',
            'printf \'%s\' "${GCP_SERVICE_ACCOUNT_KEY}" > "${credentials}"',
            'echo "GOOGLE_APPLICATION_CREDENTIALS=${credentials}" >> "${GITHUB_ENV}"',
          ],
        },
      ],
      cleanup: [GITHUB_GCP_CLEANUP],
      remoteEnv: [],
    },
    gitlab: {
      idTokens: {},
      variables: { MLOPS_PIPELINE_GCP_KEY_FILE: GCP_KEY_FILE },
      setup: [
        'export GOOGLE_APPLICATION_CREDENTIALS="$MLOPS_PIPELINE_GCP_KEY_FILE"',
        'install -m 600 /dev/null "$GOOGLE_APPLICATION_CREDENTIALS"',
        'printf \'%s\' "$GCP_SERVICE_ACCOUNT_KEY_B64" | base64 -d > "$GOOGLE_APPLICATION_CREDENTIALS"',
      ],
      cleanup: ['rm -f "$MLOPS_PIPELINE_GCP_KEY_FILE"'],
    },
  },
  {
    name: 'dvc-gcs-keyless',
    remote: 'gcs-keyless',
    title: 'DVC experiment on Google Cloud Storage (keyless, Workload Identity Federation)',
    description: 'Runs dvc pull and dvc repro with a Google Cloud Storage remote through Workload Identity Federation: no long-lived key.',
    dvcExtra: 'gs',
    inputs: [...COMMON_INPUTS, ...GCP_KEYLESS_INPUTS],
    secrets: { github: [], gitlab: [] },
    prepare: [],
    github: {
      idToken: true,
      steps: [],
      scripts: [
        {
          id: 'gcp-wif',
          name: 'Write the Workload Identity Federation configuration outside the workspace',
          lines: [
            'credentials="${RUNNER_TEMP}/gcp-credentials-${GITHUB_RUN_ID}-${GITHUB_JOB}.json"',
            'install -m 600 /dev/null "${credentials}"',
            // The GitHub OIDC token is fetched by the Google SDK when it needs one (it expires in minutes).
            'python - "${credentials}" "@{workload-identity-provider}" "@{service-account}" <<\'PY\'',
            'import json, os, sys, urllib.parse',
            'path, provider, account = sys.argv[1:4]',
            'url = os.environ["ACTIONS_ID_TOKEN_REQUEST_URL"] + "&" + urllib.parse.urlencode({"audience": "https://iam.googleapis.com/" + provider})',
            'config = {',
            '    "type": "external_account",',
            '    "audience": "//iam.googleapis.com/" + provider,',
            '    "subject_token_type": "urn:ietf:params:oauth:token-type:jwt",',
            '    "token_url": "https://sts.googleapis.com/v1/token",',
            '    "service_account_impersonation_url": "https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/" + account + ":generateAccessToken",',
            '    "credential_source": {',
            '        "url": url,',
            '        "headers": {"Authorization": "Bearer " + os.environ["ACTIONS_ID_TOKEN_REQUEST_TOKEN"]},',
            '        "format": {"type": "json", "subject_token_field_name": "value"},',
            '    },',
            '}',
            'with open(path, "w", encoding="utf-8") as out:',
            '    json.dump(config, out)',
            'PY',
            'echo "GOOGLE_APPLICATION_CREDENTIALS=${credentials}" >> "${GITHUB_ENV}"',
          ],
        },
      ],
      cleanup: [GITHUB_GCP_CLEANUP],
      remoteEnv: [],
    },
    gitlab: {
      idTokens: { GCP_ID_TOKEN: 'https://iam.googleapis.com/@{workload-identity-provider}' },
      variables: {
        MLOPS_PIPELINE_GCP_ID_TOKEN_FILE: '/tmp/gcp-id-token-${CI_JOB_ID}',
        MLOPS_PIPELINE_GCP_CREDENTIALS_FILE: '/tmp/gcp-credentials-${CI_JOB_ID}.json',
      },
      setup: [
        'export GOOGLE_APPLICATION_CREDENTIALS="$MLOPS_PIPELINE_GCP_CREDENTIALS_FILE"',
        'install -m 600 /dev/null "$MLOPS_PIPELINE_GCP_ID_TOKEN_FILE"',
        'printf \'%s\' "$GCP_ID_TOKEN" > "$MLOPS_PIPELINE_GCP_ID_TOKEN_FILE"',
        'printf \'{"type":"external_account","audience":"//iam.googleapis.com/%s","subject_token_type":"urn:ietf:params:oauth:token-type:jwt","token_url":"https://sts.googleapis.com/v1/token","service_account_impersonation_url":"https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/%s:generateAccessToken","credential_source":{"file":"%s"}}\' "@{workload-identity-provider}" "@{service-account}" "$MLOPS_PIPELINE_GCP_ID_TOKEN_FILE" > "$GOOGLE_APPLICATION_CREDENTIALS"',
      ],
      cleanup: ['rm -f "$MLOPS_PIPELINE_GCP_CREDENTIALS_FILE" "$MLOPS_PIPELINE_GCP_ID_TOKEN_FILE"'],
    },
  },
  {
    name: 'dvc-s3',
    remote: 's3',
    title: 'DVC experiment on Amazon S3 (access keys)',
    description: 'Runs dvc pull and dvc repro with an Amazon S3 remote, authenticated with an access key pair.',
    dvcExtra: 's3',
    inputs: COMMON_INPUTS,
    secrets: { github: AWS_KEYS, gitlab: AWS_KEYS },
    prepare: [],
    github: { idToken: false, steps: [], remoteEnv: AWS_KEY_ENV },
    gitlab: NO_GITLAB_AUTH,
  },
  {
    name: 'dvc-s3-keyless',
    remote: 's3-keyless',
    title: 'DVC experiment on Amazon S3 (keyless, OIDC role)',
    description: 'Runs dvc pull and dvc repro with an Amazon S3 remote by assuming an IAM role through the CI OIDC token: no long-lived key.',
    dvcExtra: 's3',
    inputs: [...COMMON_INPUTS, ...AWS_KEYLESS_INPUTS],
    secrets: { github: [], gitlab: [] },
    prepare: [],
    github: {
      idToken: true,
      steps: [
        {
          name: 'Assume the AWS role (OIDC)',
          action: 'aws-credentials',
          with: { 'role-to-assume': '@{role-to-assume}', 'aws-region': '@{aws-region}', 'role-duration-seconds': '@{role-duration-seconds}' },
        },
      ],
      remoteEnv: [],
    },
    gitlab: {
      idTokens: { AWS_ID_TOKEN: 'sts.amazonaws.com' },
      variables: {
        MLOPS_PIPELINE_AWS_TOKEN_FILE: '/tmp/aws-id-token-${CI_JOB_ID}',
        MLOPS_PIPELINE_AWS_ROLE_ARN: '@{role-to-assume}',
        MLOPS_PIPELINE_AWS_REGION: '@{aws-region}',
      },
      setup: [
        'export AWS_WEB_IDENTITY_TOKEN_FILE="$MLOPS_PIPELINE_AWS_TOKEN_FILE" AWS_ROLE_ARN="$MLOPS_PIPELINE_AWS_ROLE_ARN" AWS_DEFAULT_REGION="$MLOPS_PIPELINE_AWS_REGION" AWS_ROLE_SESSION_NAME="gitlab-ci-${CI_JOB_ID}"',
        'install -m 600 /dev/null "$AWS_WEB_IDENTITY_TOKEN_FILE"',
        'printf \'%s\' "$AWS_ID_TOKEN" > "$AWS_WEB_IDENTITY_TOKEN_FILE"',
      ],
      cleanup: ['rm -f "$MLOPS_PIPELINE_AWS_TOKEN_FILE"'],
    },
  },
  {
    name: 'dvc-minio',
    remote: 'minio',
    title: 'DVC experiment on MinIO or any S3-compatible endpoint',
    description: 'Runs dvc pull and dvc repro with an S3-compatible remote (MinIO, Ceph, R2…) at a given endpoint URL.',
    dvcExtra: 's3',
    inputs: [...COMMON_INPUTS, ...MINIO_INPUTS],
    secrets: { github: AWS_KEYS, gitlab: AWS_KEYS },
    prepare: [MINIO_ENDPOINT],
    github: { idToken: false, steps: [], remoteEnv: AWS_KEY_ENV },
    gitlab: NO_GITLAB_AUTH,
  },
  {
    name: 'dvc-azure',
    remote: 'azure',
    title: 'DVC experiment on Azure Blob Storage',
    description: 'Runs dvc pull and dvc repro with an Azure Blob Storage remote, authenticated with a connection string or a service principal.',
    dvcExtra: 'azure',
    inputs: [...COMMON_INPUTS, ...AZURE_INPUTS],
    secrets: { github: AZURE_SECRETS, gitlab: AZURE_SECRETS },
    prepare: [],
    github: {
      idToken: false,
      steps: [],
      remoteEnv: [
        { name: 'AZURE_STORAGE_CONNECTION_STRING', value: 'secret:AZURE_STORAGE_CONNECTION_STRING', when: CONNECTION_STRING },
        { name: 'AZURE_CLIENT_ID', value: 'secret:AZURE_CLIENT_ID', when: SP },
        { name: 'AZURE_TENANT_ID', value: 'secret:AZURE_TENANT_ID', when: SP },
        { name: 'AZURE_CLIENT_SECRET', value: 'secret:AZURE_CLIENT_SECRET', when: SP },
        { name: 'AZURE_STORAGE_ACCOUNT', value: '@{azure-storage-account}', when: { input: 'azure-storage-account', notIn: [''] } },
      ],
    },
    gitlab: {
      idTokens: {},
      variables: { MLOPS_PIPELINE_AZURE_STORAGE_ACCOUNT: '@{azure-storage-account}' },
      setup: ['if [ -n "${MLOPS_PIPELINE_AZURE_STORAGE_ACCOUNT:-}" ]; then export AZURE_STORAGE_ACCOUNT="$MLOPS_PIPELINE_AZURE_STORAGE_ACCOUNT"; fi'],
      // CI/CD variables of the other mode, if the project defines them, must not take over.
      steps: [
        { id: 'azure-connection-string', name: 'Authenticate with the connection string only', lines: ['unset AZURE_CLIENT_ID AZURE_TENANT_ID AZURE_CLIENT_SECRET'], when: CONNECTION_STRING },
        { id: 'azure-service-principal', name: 'Authenticate with the service principal only', lines: ['unset AZURE_STORAGE_CONNECTION_STRING'], when: SP },
      ],
      cleanup: [],
    },
  },
  {
    name: 'dvc-azure-keyless',
    remote: 'azure-keyless',
    title: 'DVC experiment on Azure Blob Storage (keyless, workload identity federation)',
    description: 'Runs dvc pull and dvc repro with an Azure Blob Storage remote through a federated credential on the CI OIDC token: no client secret.',
    dvcExtra: 'azure',
    inputs: [...COMMON_INPUTS, ...AZURE_KEYLESS_INPUTS],
    secrets: { github: [], gitlab: [] },
    prepare: [],
    github: {
      idToken: true,
      steps: [],
      scripts: [
        {
          id: 'azure-token',
          name: 'Write the GitHub OIDC token for Azure outside the workspace',
          lines: [
            'token_file="${RUNNER_TEMP}/azure-token-${GITHUB_RUN_ID}-${GITHUB_JOB}"',
            'install -m 600 /dev/null "${token_file}"',
            'python - "${token_file}" <<\'PY\'',
            'import json, os, sys, urllib.parse, urllib.request',
            'url = os.environ["ACTIONS_ID_TOKEN_REQUEST_URL"] + "&" + urllib.parse.urlencode({"audience": "api://AzureADTokenExchange"})',
            'request = urllib.request.Request(url, headers={"Authorization": "Bearer " + os.environ["ACTIONS_ID_TOKEN_REQUEST_TOKEN"]})',
            'with urllib.request.urlopen(request, timeout=30) as response:',
            '    token = json.load(response)["value"]',
            'with open(sys.argv[1], "w", encoding="utf-8") as out:',
            '    out.write(token)',
            'PY',
            'echo "AZURE_FEDERATED_TOKEN_FILE=${token_file}" >> "${GITHUB_ENV}"',
          ],
        },
      ],
      cleanup: [GITHUB_AZURE_CLEANUP],
      remoteEnv: [
        { name: 'AZURE_CLIENT_ID', value: '@{azure-client-id}' },
        { name: 'AZURE_TENANT_ID', value: '@{azure-tenant-id}' },
        { name: 'AZURE_STORAGE_ACCOUNT', value: '@{azure-storage-account}', when: { input: 'azure-storage-account', notIn: [''] } },
      ],
    },
    gitlab: {
      idTokens: { AZURE_ID_TOKEN: 'api://AzureADTokenExchange' },
      variables: {
        MLOPS_PIPELINE_AZURE_TOKEN_FILE: '/tmp/azure-id-token-${CI_JOB_ID}',
        MLOPS_PIPELINE_AZURE_CLIENT_ID: '@{azure-client-id}',
        MLOPS_PIPELINE_AZURE_TENANT_ID: '@{azure-tenant-id}',
        MLOPS_PIPELINE_AZURE_STORAGE_ACCOUNT: '@{azure-storage-account}',
      },
      setup: [
        // Credentials of other kinds, if the project defines them, must not take over.
        'unset AZURE_CLIENT_SECRET AZURE_CLIENT_CERTIFICATE_PATH AZURE_STORAGE_CONNECTION_STRING AZURE_STORAGE_KEY',
        'export AZURE_FEDERATED_TOKEN_FILE="$MLOPS_PIPELINE_AZURE_TOKEN_FILE" AZURE_CLIENT_ID="$MLOPS_PIPELINE_AZURE_CLIENT_ID" AZURE_TENANT_ID="$MLOPS_PIPELINE_AZURE_TENANT_ID"',
        'if [ -n "${MLOPS_PIPELINE_AZURE_STORAGE_ACCOUNT:-}" ]; then export AZURE_STORAGE_ACCOUNT="$MLOPS_PIPELINE_AZURE_STORAGE_ACCOUNT"; fi',
        'install -m 600 /dev/null "$AZURE_FEDERATED_TOKEN_FILE"',
        'printf \'%s\' "$AZURE_ID_TOKEN" > "$AZURE_FEDERATED_TOKEN_FILE"',
      ],
      cleanup: ['rm -f "$MLOPS_PIPELINE_AZURE_TOKEN_FILE"'],
    },
  },
  {
    name: 'dvc-ssh',
    remote: 'ssh',
    title: 'DVC experiment on an SSH server (private key)',
    description: 'Runs dvc pull and dvc repro with an SSH remote, authenticated with a private key and checked against known host keys.',
    dvcExtra: 'ssh',
    inputs: COMMON_INPUTS,
    secrets: {
      github: [
        secret('SSH_PRIVATE_KEY', 'Private key (OpenSSH format, no passphrase) of a user allowed on the server; written to a file under `$RUNNER_TEMP` and removed at the end of the job.'),
        secret('SSH_KNOWN_HOSTS', 'The server\'s host keys, as `ssh-keyscan -H <host>` prints them (check them out of band).'),
      ],
      gitlab: [
        secret('SSH_PRIVATE_KEY_B64', 'Private key (OpenSSH format, no passphrase), base64-encoded on one line (`base64 -w0 id_ed25519`) so GitLab can mask it; decoded to a file outside the project directory and removed after the job.', { base64: true }),
        secret('SSH_KNOWN_HOSTS_B64', 'The server\'s host keys (`ssh-keyscan -H <host>`), base64-encoded on one line.', { base64: true }),
      ],
    },
    prepare: [],
    github: {
      idToken: false,
      steps: [],
      scripts: [
        {
          id: 'ssh-key',
          name: 'Write the SSH key outside the workspace and trust the server\'s host keys',
          block: true,
          env: { SSH_PRIVATE_KEY: 'secret:SSH_PRIVATE_KEY', SSH_KNOWN_HOSTS: 'secret:SSH_KNOWN_HOSTS' },
          lines: [
            'key="${RUNNER_TEMP}/ssh-key-${GITHUB_RUN_ID}-${GITHUB_JOB}"',
            'install -m 600 /dev/null "${key}"',
            'printf \'%s\\n\' "${SSH_PRIVATE_KEY}" > "${key}"',
            'install -d -m 700 "${HOME}/.ssh"',
            'printf \'%s\\n\' "${SSH_KNOWN_HOSTS}" >> "${HOME}/.ssh/known_hosts"',
            ...REMOTE_OF_JOB,
            'dvc remote modify --local "$remote" keyfile "${key}"',
            'echo "MLOPS_PIPELINE_SSH_KEY_FILE=${key}" >> "${GITHUB_ENV}"',
          ],
        },
      ],
      cleanup: [{ id: 'ssh-cleanup', name: 'Remove the SSH key file', lines: ['rm -f "${MLOPS_PIPELINE_SSH_KEY_FILE:-}"'] }],
      remoteEnv: [],
    },
    gitlab: {
      idTokens: {},
      variables: { MLOPS_PIPELINE_SSH_KEY_FILE: '/tmp/ssh-key-${CI_JOB_ID}' },
      setup: [
        'install -m 600 /dev/null "$MLOPS_PIPELINE_SSH_KEY_FILE"',
        'printf \'%s\' "$SSH_PRIVATE_KEY_B64" | base64 -d > "$MLOPS_PIPELINE_SSH_KEY_FILE"',
        'install -d -m 700 "$HOME/.ssh"',
        'printf \'%s\' "$SSH_KNOWN_HOSTS_B64" | base64 -d >> "$HOME/.ssh/known_hosts"',
      ],
      steps: [{ id: 'ssh-keyfile', name: 'Point the DVC remote at the key file', block: true, lines: [...REMOTE_OF_JOB, 'dvc remote modify --local "$remote" keyfile "$MLOPS_PIPELINE_SSH_KEY_FILE"'] }],
      cleanup: ['rm -f "$MLOPS_PIPELINE_SSH_KEY_FILE"'],
    },
  },
  {
    name: 'dvc-gdrive',
    remote: 'gdrive',
    title: 'DVC experiment on Google Drive (service account)',
    description: 'Runs dvc pull and dvc repro with a Google Drive remote, authenticated as a service account the Drive folder is shared with.',
    dvcExtra: 'gdrive',
    inputs: COMMON_INPUTS,
    secrets: {
      github: [secret('GDRIVE_CREDENTIALS_DATA', 'Service-account JSON key; share the Drive folder of the remote with the service account. DVC reads it from the environment of the steps that use the remote.')],
      gitlab: [
        secret('GDRIVE_CREDENTIALS_DATA_B64', 'Service-account JSON key, base64-encoded on one line (`base64 -w0 key.json`) so GitLab can mask it; decoded into GDRIVE_CREDENTIALS_DATA for DVC.', { base64: true }),
      ],
    },
    prepare: [GDRIVE_SERVICE_ACCOUNT],
    github: { idToken: false, steps: [], remoteEnv: [{ name: 'GDRIVE_CREDENTIALS_DATA', value: 'secret:GDRIVE_CREDENTIALS_DATA' }] },
    gitlab: {
      idTokens: {},
      variables: {},
      setup: ['GDRIVE_CREDENTIALS_DATA="$(printf \'%s\' "$GDRIVE_CREDENTIALS_DATA_B64" | base64 -d)"', 'export GDRIVE_CREDENTIALS_DATA'],
      cleanup: [],
    },
  },
];

export function findTemplate(name: string): TemplateDef | undefined {
  return TEMPLATES.find((t) => t.name === name);
}
