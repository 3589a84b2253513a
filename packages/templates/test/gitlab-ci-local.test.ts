/**
 * Runs vendored GitLab pipelines under gitlab-ci-local (shell executor) in a
 * copy of examples/dvc-project, with stand-in `python` and `dvc` commands on
 * PATH. dvc-gcs: the job must decode the masked base64 key into a JSON
 * credentials file before `dvc pull`, run `dvc repro` after it, and remove the
 * file afterwards. Keyless S3 and GCS: the ID token (given as a variable, as
 * GitLab does for `id_tokens`) must reach the cloud SDK's token file settings,
 * and every file written must be gone after the job.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render, renderPublishedFiles } from '../src/index.js';
import { packageDir, repoRoot } from './helpers.js';

const bin = path.join(packageDir, 'node_modules/.bin/gitlab-ci-local');
const example = path.join(repoRoot, 'examples/dvc-project');
const missing = [
  !existsSync(bin) && 'gitlab-ci-local (pnpm install)',
  spawnSync('rsync', ['--version']).status !== 0 && 'rsync (apt-get install rsync)',
  spawnSync('git', ['--version']).status !== 0 && 'git',
  !existsSync(example) && example,
].filter(Boolean);
if (missing.length > 0) console.warn(`SKIPPED: the gitlab-ci-local run needs ${missing.join(', ')}`);

const KEY = JSON.stringify({ type: 'service_account', project_id: 'example', private_key_id: 'k1', client_email: 'dvc@example.iam.gserviceaccount.com' }, null, 2);

/** Stand-in dvc: records each call; `pull` requires a readable JSON credentials file. */
const DVC = `#!/bin/sh
printf '%s\\n' "$*" >> "$STANDIN_LOG"
if [ "$1" = "pull" ]; then
  [ -n "$GOOGLE_APPLICATION_CREDENTIALS" ] || { echo "GOOGLE_APPLICATION_CREDENTIALS is not set" >&2; exit 3; }
  printf 'credentials %s\\n' "$GOOGLE_APPLICATION_CREDENTIALS" >> "$STANDIN_LOG"
  node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$GOOGLE_APPLICATION_CREDENTIALS" || { echo "credentials file is not valid JSON" >&2; exit 4; }
  mode=$(stat -c %a "$GOOGLE_APPLICATION_CREDENTIALS")
  printf 'mode %s\\n' "$mode" >> "$STANDIN_LOG"
fi
exit 0
`;

/** Stand-in dvc for keyless S3: on `pull`, records the web identity settings the AWS SDK reads. */
const DVC_AWS_WEB_IDENTITY = `#!/bin/sh
printf '%s\\n' "$*" >> "$STANDIN_LOG"
if [ "$1" = "pull" ]; then
  {
    printf 'env AWS_ROLE_ARN=%s\\n' "$AWS_ROLE_ARN"
    printf 'env AWS_DEFAULT_REGION=%s\\n' "$AWS_DEFAULT_REGION"
    printf 'env AWS_ROLE_SESSION_NAME=%s\\n' "$AWS_ROLE_SESSION_NAME"
    printf 'env AWS_WEB_IDENTITY_TOKEN_FILE=%s\\n' "$AWS_WEB_IDENTITY_TOKEN_FILE"
  } >> "$STANDIN_LOG"
  [ "$(cat "$AWS_WEB_IDENTITY_TOKEN_FILE")" = "$AWS_ID_TOKEN" ] && printf 'env token=matches\\n' >> "$STANDIN_LOG"
  printf 'env mode=%s\\n' "$(stat -c %a "$AWS_WEB_IDENTITY_TOKEN_FILE")" >> "$STANDIN_LOG"
fi
exit 0
`;

/** Stand-in dvc for keyless GCS: on `repro --pull`, records the credential configuration and checks its token file. */
const DVC_GCP_EXTERNAL_ACCOUNT = `#!/bin/sh
printf '%s\\n' "$*" >> "$STANDIN_LOG"
if [ "$1" = "repro" ]; then
  printf 'config %s\\n' "$(cat "$GOOGLE_APPLICATION_CREDENTIALS")" >> "$STANDIN_LOG"
  printf 'file %s credentials\\n' "$GOOGLE_APPLICATION_CREDENTIALS" >> "$STANDIN_LOG"
  file=$(node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).credential_source.file)' "$GOOGLE_APPLICATION_CREDENTIALS") || exit 4
  [ "$(cat "$file")" = "$GCP_ID_TOKEN" ] && printf 'file %s matches\\n' "$file" >> "$STANDIN_LOG"
fi
exit 0
`;

/** Stand-in dvc for Azure: on `pull`, records which Azure variables are set (names only). */
const DVC_AZURE = `#!/bin/sh
printf '%s\\n' "$*" >> "$STANDIN_LOG"
if [ "$1" = "pull" ]; then
  [ -n "\${AZURE_STORAGE_CONNECTION_STRING:-}" ] && echo 'set AZURE_STORAGE_CONNECTION_STRING' >> "$STANDIN_LOG"
  [ -n "\${AZURE_CLIENT_ID:-}" ] && echo 'set AZURE_CLIENT_ID' >> "$STANDIN_LOG"
  [ -n "\${AZURE_TENANT_ID:-}" ] && echo 'set AZURE_TENANT_ID' >> "$STANDIN_LOG"
  [ -n "\${AZURE_CLIENT_SECRET:-}" ] && echo 'set AZURE_CLIENT_SECRET' >> "$STANDIN_LOG"
  [ -n "\${AZURE_STORAGE_ACCOUNT:-}" ] && echo 'set AZURE_STORAGE_ACCOUNT' >> "$STANDIN_LOG"
fi
exit 0
`;

/** Stand-in python: `python -m pip install …` is recorded, not run (no network in tests). */
const PYTHON = `#!/bin/sh
printf 'python %s\\n' "$*" >> "$STANDIN_LOG"
exit 0
`;

/**
 * The job shell reads the user's startup files, which may put other `python`s
 * (pyenv shims…) ahead of the stand-ins: run it with an empty home.
 */
function jobEnv(stand: string, home: string): NodeJS.ProcessEnv {
  mkdirSync(home, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, PATH: `${stand}${path.delimiter}${process.env.PATH ?? ''}` };
  delete env.BASH_ENV;
  delete env.ENV;
  return env;
}

interface Run {
  status: number | null;
  output: string;
  log: string[];
}

describe.skipIf(missing.length > 0)('the vendored GitLab dvc-gcs pipeline runs under gitlab-ci-local', () => {
  let work: string;

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'templates-gcl-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  function run(name: string, keyB64: string): Run {
    return runPipeline(name, 'dvc-gcs', {}, DVC, { GCP_SERVICE_ACCOUNT_KEY_B64: keyB64 });
  }

  /** Runs the vendored `.gitlab-ci.yml` of a template with a stand-in `dvc` and CI/CD variables. */
  function runPipeline(name: string, template: string, inputs: Record<string, unknown>, dvc: string, variables: Record<string, string>, files: Record<string, string> = {}): Run {
    const project = path.join(work, name);
    const stand = path.join(work, `${name}-bin`);
    cpSync(example, project, { recursive: true });
    for (const [file, text] of Object.entries(files)) writeFileSync(path.join(project, file), text);
    mkdirSync(stand);
    writeFileSync(path.join(stand, 'dvc'), dvc);
    writeFileSync(path.join(stand, 'python'), PYTHON);
    chmodSync(path.join(stand, 'dvc'), 0o755);
    chmodSync(path.join(stand, 'python'), 0o755);
    writeFileSync(path.join(project, '.gitlab-ci.yml'), render('gitlab', template, inputs));
    const git = (...args: string[]) => spawnSync('git', args, { cwd: project, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('-c', 'user.email=ci@example.com', '-c', 'user.name=CI', 'add', '-A');
    git('-c', 'user.email=ci@example.com', '-c', 'user.name=CI', 'commit', '-q', '-m', 'example');
    git('remote', 'add', 'origin', 'https://gitlab.com/example/dvc-project.git');
    const log = path.join(work, `${name}.log`);
    writeFileSync(log, '');
    const result = spawnSync(
      bin,
      ['--home', path.join(work, `${name}-home`), '--force-shell-executor', '--no-color', ...Object.entries({ ...variables, STANDIN_LOG: log }).flatMap(([k, v]) => ['--variable', `${k}=${v}`])],
      { cwd: project, encoding: 'utf8', env: jobEnv(stand, path.join(work, `${name}-home`)), timeout: 60_000 },
    );
    return { status: result.status, output: `${result.stdout}\n${result.stderr}`, log: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
  }

  it('decodes the key, pulls then reproduces, and removes the key file', () => {
    const r = run('ok', Buffer.from(KEY).toString('base64'));
    expect(r.status, r.output).toBe(0);
    // The requirements file alone, then DVC at dvc-version (a file with --hash lines would reject both in one run).
    const calls = r.log.filter((l) => !l.startsWith('credentials ') && !l.startsWith('mode '));
    expect(calls).toEqual(['python -m pip install -r requirements.txt', 'python -m pip install dvc[gs]==3.63.0', 'version', 'pull', 'repro', 'metrics show --json', 'plots show --out dvc-results/plots']);
    const credentials = r.log.find((l) => l.startsWith('credentials '))!.slice('credentials '.length);
    expect(credentials).toMatch(/^\/tmp\/gcp-key-.+\.json$/);
    expect(r.log).toContain('mode 600');
    expect(existsSync(credentials)).toBe(false);
    expect(r.output).not.toContain(Buffer.from(KEY).toString('base64'));
    expect(r.output).not.toContain('private_key_id');
  });

  it('keyless S3: the GitLab ID token is handed to the AWS SDK as a web identity token file for the role, then removed', () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJzdHMuYW1hem9uYXdzLmNvbSJ9.c2lnbmF0dXJl';
    const r = runPipeline('s3-keyless', 'dvc-s3-keyless', { 'role-to-assume': 'arn:aws:iam::123456789012:role/dvc-ci', 'aws-region': 'eu-west-1' }, DVC_AWS_WEB_IDENTITY, { AWS_ID_TOKEN: token });
    expect(r.status, r.output).toBe(0);
    expect(r.log.filter((l) => !l.startsWith('python ') && !l.startsWith('env '))).toEqual(['version', 'pull', 'repro', 'metrics show --json', 'plots show --out dvc-results/plots']);
    const env = Object.fromEntries(r.log.filter((l) => l.startsWith('env ')).map((l) => l.slice(4).split('=', 2) as [string, string]));
    expect(env).toMatchObject({ AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/dvc-ci', AWS_DEFAULT_REGION: 'eu-west-1', token: 'matches', mode: '600' });
    expect(env.AWS_ROLE_SESSION_NAME).toMatch(/^gitlab-ci-\d+$/);
    expect(env.AWS_WEB_IDENTITY_TOKEN_FILE).toMatch(/^\/tmp\/aws-id-token-\d+$/);
    expect(existsSync(env.AWS_WEB_IDENTITY_TOKEN_FILE!)).toBe(false);
    expect(r.output).not.toContain(token);
  });

  it('keyless GCS: the GitLab ID token and a Workload Identity Federation credential configuration are written, then removed', () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2lhbS5nb29nbGVhcGlzLmNvbSJ9.c2lnbmF0dXJl';
    const provider = 'projects/123456789/locations/global/workloadIdentityPools/ci/providers/gitlab';
    const r = runPipeline('gcs-keyless', 'dvc-gcs-keyless', { 'workload-identity-provider': provider, 'service-account': 'dvc-ci@example.iam.gserviceaccount.com', 'pull-strategy': 'with-repro' }, DVC_GCP_EXTERNAL_ACCOUNT, { GCP_ID_TOKEN: token });
    expect(r.status, r.output).toBe(0);
    expect(r.log.filter((l) => !l.startsWith('python ') && !l.startsWith('config ') && !l.startsWith('file '))).toEqual(['version', 'repro --pull', 'metrics show --json', 'plots show --out dvc-results/plots']);
    const config = JSON.parse(r.log.find((l) => l.startsWith('config '))!.slice('config '.length)) as Record<string, unknown>;
    expect(config).toMatchObject({
      type: 'external_account',
      audience: `//iam.googleapis.com/${provider}`,
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      token_url: 'https://sts.googleapis.com/v1/token',
      service_account_impersonation_url: 'https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/dvc-ci@example.iam.gserviceaccount.com:generateAccessToken',
    });
    const tokenFile = (config.credential_source as { file: string }).file;
    expect(r.log).toContain(`file ${tokenFile} matches`);
    expect(existsSync(tokenFile)).toBe(false);
    expect(existsSync(r.log.find((l) => l.startsWith('file ') && l.endsWith(' credentials'))!.split(' ')[1]!)).toBe(false);
    expect(r.output).not.toContain(token);
  });

  it.each([
    ['connection-string', ['AZURE_STORAGE_CONNECTION_STRING']],
    ['service-principal', ['AZURE_CLIENT_ID', 'AZURE_TENANT_ID', 'AZURE_CLIENT_SECRET', 'AZURE_STORAGE_ACCOUNT']],
  ] as const)('Azure %s: DVC sees only the variables of that mode when the project defines both', (auth, expected) => {
    const both = { AZURE_STORAGE_CONNECTION_STRING: 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=y', AZURE_CLIENT_ID: 'client', AZURE_TENANT_ID: 'tenant', AZURE_CLIENT_SECRET: 'secret-value' };
    const inputs = { 'azure-auth': auth, ...(auth === 'service-principal' ? { 'azure-storage-account': 'examplestorage' } : {}) };
    const r = runPipeline(`azure-${auth}`, 'dvc-azure', inputs, DVC_AZURE, both);
    expect(r.status, r.output).toBe(0);
    expect(r.log.filter((l) => l.startsWith('set ')).map((l) => l.slice(4))).toEqual(expected);
    expect(r.output).not.toContain('secret-value');
  });

  /** Stand-in dvc that records its calls; `repro` rewrites dvc.lock when STANDIN_CHANGE_LOCK is set. */
  const DVC_LOCK = `#!/bin/sh
printf '%s\\n' "$*" >> "$STANDIN_LOG"
if [ "$1" = "repro" ] && [ -n "\${STANDIN_CHANGE_LOCK:-}" ]; then printf 'schema: "2.0"\\nstages: {}\\n# changed\\n' > dvc.lock; fi
exit 0
`;
  const LOCK = { 'dvc.lock': 'schema: "2.0"\nstages: {}\n' };

  it('push: pushes when dvc repro leaves the committed dvc.lock as it is', () => {
    const r = runPipeline('push-ok', 'dvc', { push: true }, DVC_LOCK, {}, LOCK);
    expect(r.status, r.output).toBe(0);
    expect(r.log.filter((l) => !l.startsWith('python '))).toEqual(['version', 'pull', 'repro', 'metrics show --json', 'plots show --out dvc-results/plots', 'push']);
  });

  it('push: fails with a clear message, pushing nothing, when dvc repro changed dvc.lock', () => {
    const r = runPipeline('push-stale', 'dvc', { push: true }, DVC_LOCK, { STANDIN_CHANGE_LOCK: '1' }, LOCK);
    expect(r.status).not.toBe(0);
    expect(r.log.filter((l) => !l.startsWith('python '))).toEqual(['version', 'pull', 'repro', 'metrics show --json', 'plots show --out dvc-results/plots']);
    expect(r.output).toContain('mlops-pipeline: dvc repro changed dvc.lock, so the results do not match any commit: nothing was pushed.');
  });

  it('dvc-remote: the named remote becomes the checkout default before anything talks to a remote', () => {
    const r = runPipeline('named-remote', 'dvc', { 'dvc-remote': 'storage', push: true }, DVC_LOCK, {}, LOCK);
    expect(r.status, r.output).toBe(0);
    expect(r.log.filter((l) => !l.startsWith('python '))).toEqual(['version', 'remote default --local storage', 'pull', 'repro', 'metrics show --json', 'plots show --out dvc-results/plots', 'push']);
  });

  it('Google Drive: the base64 service-account key reaches DVC as GDRIVE_CREDENTIALS_DATA, with the remote set to use a service account', () => {
    const dvc = `#!/bin/sh
printf '%s\\n' "$*" >> "$STANDIN_LOG"
if [ "$1 $2" = "remote default" ]; then echo storage; fi
if [ "$1" = "pull" ]; then
  node -e 'JSON.parse(process.env.GDRIVE_CREDENTIALS_DATA)' && echo 'env GDRIVE_CREDENTIALS_DATA=json' >> "$STANDIN_LOG"
fi
exit 0
`;
    const r = runPipeline('gdrive', 'dvc-gdrive', {}, dvc, { GDRIVE_CREDENTIALS_DATA_B64: Buffer.from(KEY).toString('base64') });
    expect(r.status, r.output).toBe(0);
    expect(r.log.filter((l) => !l.startsWith('python '))).toEqual(['version', 'remote default', 'remote modify --local storage gdrive_use_service_account true', 'pull', 'env GDRIVE_CREDENTIALS_DATA=json', 'repro', 'metrics show --json', 'plots show --out dvc-results/plots']);
    expect(r.output).not.toContain('private_key_id');
  });

  it('Azure keyless: the GitLab ID token is handed to the Azure SDK as a federated token file with the identity, other credentials unset, then removed', () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJhcGk6Ly9BenVyZUFEVG9rZW5FeGNoYW5nZSJ9.c2lnbmF0dXJl';
    const dvc = `#!/bin/sh
printf '%s\\n' "$*" >> "$STANDIN_LOG"
if [ "$1" = "pull" ]; then
  {
    printf 'env AZURE_CLIENT_ID=%s\\n' "$AZURE_CLIENT_ID"
    printf 'env AZURE_TENANT_ID=%s\\n' "$AZURE_TENANT_ID"
    printf 'env AZURE_STORAGE_ACCOUNT=%s\\n' "\${AZURE_STORAGE_ACCOUNT:-}"
    printf 'env AZURE_CLIENT_SECRET=%s\\n' "\${AZURE_CLIENT_SECRET:-unset}"
    printf 'env AZURE_FEDERATED_TOKEN_FILE=%s\\n' "$AZURE_FEDERATED_TOKEN_FILE"
    printf 'env mode=%s\\n' "$(stat -c %a "$AZURE_FEDERATED_TOKEN_FILE")"
  } >> "$STANDIN_LOG"
  [ "$(cat "$AZURE_FEDERATED_TOKEN_FILE")" = "$AZURE_ID_TOKEN" ] && printf 'env token=matches\\n' >> "$STANDIN_LOG"
fi
exit 0
`;
    const ids = { 'azure-client-id': '11111111-2222-3333-4444-555555555555', 'azure-tenant-id': '66666666-7777-8888-9999-000000000000', 'azure-storage-account': 'examplestorage' };
    const r = runPipeline('azure-keyless', 'dvc-azure-keyless', ids, dvc, { AZURE_ID_TOKEN: token, AZURE_CLIENT_SECRET: 'stale-secret', AZURE_CLIENT_ID: 'project-level-id' });
    expect(r.status, r.output).toBe(0);
    const env = Object.fromEntries(r.log.filter((l) => l.startsWith('env ')).map((l) => l.slice(4).split('=', 2) as [string, string]));
    expect(env).toMatchObject({ AZURE_CLIENT_ID: ids['azure-client-id'], AZURE_TENANT_ID: ids['azure-tenant-id'], AZURE_STORAGE_ACCOUNT: 'examplestorage', AZURE_CLIENT_SECRET: 'unset', token: 'matches', mode: '600' });
    expect(env.AZURE_FEDERATED_TOKEN_FILE).toMatch(/^\/tmp\/azure-id-token-\d+$/);
    expect(existsSync(env.AZURE_FEDERATED_TOKEN_FILE!)).toBe(false);
    expect(r.output).not.toContain(token);
  });

  it('SSH: the key goes to a private file outside the project that the remote points at, the host keys are trusted, then the key is removed', () => {
    const key = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n';
    const knownHosts = '|1|abc=|def= ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample\n';
    const dvc = `#!/bin/sh
printf '%s\\n' "$*" >> "$STANDIN_LOG"
if [ "$1 $2" = "remote default" ]; then echo storage; fi
if [ "$1 $2 $3 $5" = "remote modify --local keyfile" ]; then printf 'keyfile %s\\n' "$6" > "$STANDIN_LOG.keyfile"; fi
if [ "$1" = "pull" ]; then
  file=$(sed -n 's/^keyfile //p' "$STANDIN_LOG.keyfile")
  printf 'env mode=%s\\n' "$(stat -c %a "$file")" >> "$STANDIN_LOG"
  cmp -s "$file" "$STANDIN_KEY" && printf 'env key=matches\\n' >> "$STANDIN_LOG"
  grep -q 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample' "$HOME/.ssh/known_hosts" && printf 'env known_hosts=trusted\\n' >> "$STANDIN_LOG"
fi
exit 0
`;
    const keyPath = path.join(work, 'ssh-expected-key');
    writeFileSync(keyPath, key);
    const r = runPipeline('ssh', 'dvc-ssh', {}, dvc, { SSH_PRIVATE_KEY_B64: Buffer.from(key).toString('base64'), SSH_KNOWN_HOSTS_B64: Buffer.from(knownHosts).toString('base64'), STANDIN_KEY: keyPath });
    expect(r.status, r.output).toBe(0);
    const keyfile = readFileSync(`${path.join(work, 'ssh.log')}.keyfile`, 'utf8').trim().slice('keyfile '.length);
    expect(keyfile).toMatch(/^\/tmp\/ssh-key-\d+$/);
    expect(r.log.filter((l) => !l.startsWith('python '))).toEqual(['version', 'remote default', `remote modify --local storage keyfile ${keyfile}`, 'pull', 'env mode=600', 'env key=matches', 'env known_hosts=trusted', 'repro', 'metrics show --json', 'plots show --out dvc-results/plots']);
    expect(existsSync(keyfile)).toBe(false);
    expect(r.output).not.toContain('b3BlbnNzaC1rZXktdjEAAAAA');
  });

  it('fails the job, without running repro, when the variable does not hold a base64 JSON key', () => {
    const r = run('bad', Buffer.from('not json').toString('base64'));
    expect(r.status).not.toBe(0);
    expect(r.log.filter((l) => !l.startsWith('credentials ') && !l.startsWith('python'))).toEqual(['version', 'pull']);
  });
});

/**
 * Two includes of one component in a pipeline with its own `stages:`: GitLab resolves
 * `include: component:` from the instance, so the component file is included with
 * `include: local:` and the same `inputs:` (the same interpolation).
 * Overruled schema finding: `tags: []` (the default, any runner) is valid for GitLab
 * (`Entry::Tags` checks an array of strings) though the editor schema wants one tag.
 */
describe.skipIf(missing.length > 0)('components compose under gitlab-ci-local', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'templates-gcl-compose-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const PIPELINE = `stages: [prepare, train]
include:
  - local: components/dvc.yml
    inputs:
      as: project-a
      stage: train
      working-directory: project-a
  - local: components/dvc.yml
    inputs:
      as: project-b
      stage: train
      working-directory: project-b
      runner: [gpu]
  - local: components/dvc.yml
    inputs:
      as: scheduled-only
      stage: prepare
      rules:
        - if: $CI_PIPELINE_SOURCE == "schedule"
`;

  function gcl(project: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
    const r = spawnSync(bin, [...args, '--no-color', '--ignore-schema-paths', '#/definitions/tags/minItems'], { cwd: project, encoding: 'utf8', env, timeout: 60_000 });
    return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
  }

  function project(name: string): string {
    const dir = path.join(work, name);
    mkdirSync(path.join(dir, 'components'), { recursive: true });
    writeFileSync(path.join(dir, 'components/dvc.yml'), renderPublishedFiles('gitlab', 'dvc')[0]!.text);
    writeFileSync(path.join(dir, '.gitlab-ci.yml'), PIPELINE);
    for (const sub of ['project-a', 'project-b']) {
      mkdirSync(path.join(dir, sub));
      writeFileSync(path.join(dir, sub, 'requirements.txt'), 'pandas\n');
    }
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=CI', ...args], { cwd: dir, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'two DVC projects');
    git('remote', 'add', 'origin', 'https://gitlab.com/example/monorepo.git');
    return dir;
  }

  it('two includes with their own job names resolve to two jobs in the custom stage; the rules input keeps the third out', () => {
    const dir = project('list');
    const r = gcl(dir, ['--list']);
    expect(r.status, r.output).toBe(0);
    const jobs = r.output.split('\n').filter((l) => /^\S+-(repro|report)\s/.test(l)).map((l) => l.split(/\s+/).slice(0, 2));
    expect(jobs).toEqual([
      ['project-a-repro', 'train'],
      ['project-b-repro', 'train'],
    ]);
    const preview = gcl(dir, ['--preview']).output;
    expect(preview).toMatch(/project-b-repro:\n(?: {2}.*\n)*? {2}tags:\n {4}- gpu\n/);
  });

  it('each job runs its own project with its own inputs, whatever CI/CD variables of the old names say', () => {
    const dir = project('run');
    const stand = path.join(work, 'run-bin');
    mkdirSync(stand);
    writeFileSync(path.join(stand, 'dvc'), '#!/bin/sh\nprintf \'%s %s\\n\' "$(basename "$PWD")" "$*" >> "$STANDIN_LOG"\n');
    writeFileSync(path.join(stand, 'python'), PYTHON);
    chmodSync(path.join(stand, 'dvc'), 0o755);
    chmodSync(path.join(stand, 'python'), 0o755);
    const log = path.join(work, 'run.log');
    writeFileSync(log, '');
    // Project variables named like the inputs used to be take precedence over job variables.
    const vars = { STANDIN_LOG: log, WORKING_DIRECTORY: 'elsewhere', DVC_VERSION: '0.0.1', REQUIREMENTS_FILE: 'evil.txt' };
    const r = gcl(dir, ['--home', path.join(work, 'run-home'), '--force-shell-executor', ...Object.entries(vars).flatMap(([k, v]) => ['--variable', `${k}=${v}`])], jobEnv(stand, path.join(work, 'run-home')));
    expect(r.status, r.output).toBe(0);
    const lines = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    for (const name of ['project-a', 'project-b']) {
      expect(lines).toContain(`${name} pull`);
      expect(lines).toContain(`${name} repro`);
    }
    // The two jobs may run side by side: the installs of both, in any interleaving.
    expect(lines.filter((l) => l.startsWith('python ')).sort()).toEqual(['python -m pip install -r requirements.txt', 'python -m pip install -r requirements.txt', 'python -m pip install dvc==3.63.0', 'python -m pip install dvc==3.63.0']);
  });
});
