/**
 * Google Drive, SSH and keyless Azure remotes end to end: the kind inferred from .dvc/config, a file that
 * GitHub's parser / GitLab's schema and mlops-lint accept, next steps naming exactly the secrets the file
 * reads, and a run with stand-in `dvc` showing the credentials in place when `dvc pull` runs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseHeader, requiredSecrets } from '@mlops-pipeline/templates';
import type { Provider } from '@mlops-pipeline/templates';
import { runMain } from './helpers.js';
import { FIXTURES, makeFixture, removeFixture } from './fixture-repos.js';
import type { FixtureRepo } from './fixture-repos.js';
import { githubErrors, gitlabSchemaErrors } from './real-clients.js';
import { HAS_BASH, runGithubJobs, runGitlabJobs } from './standin-run.js';

const made: string[] = [];
afterAll(() => {
  for (const d of made) removeFixture(d);
});

const CLIENT_ID = '11111111-2222-3333-4444-555555555555';
const TENANT_ID = '66666666-7777-8888-9999-000000000000';
const SA_KEY = '{"type":"service_account","client_email":"dvc-ci@proj.iam.gserviceaccount.com"}';
const SSH_KEY = 'FAKE-OPENSSH-PRIVATE-KEY';
const KNOWN_HOSTS = '|1|abc=|def= ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFake';
const b64 = (text: string) => Buffer.from(text).toString('base64');

interface RemoteCase {
  fixture: FixtureRepo;
  kind: string;
  flags: string[];
  /** Lines the next steps must hold, per provider. */
  steps: Record<Provider, string[]>;
  /** What CI provides, per provider (GitHub secrets; GitLab CI/CD variables and ID tokens). */
  provided: Record<Provider, Record<string, string>>;
  /** Shell run by the stand-in `dvc pull`, printing the credentials it finds. */
  probe: string;
  atPull: Record<Provider, string>;
}

const CASES: Record<string, RemoteCase> = {
  'Google Drive': {
    fixture: FIXTURES.googleDrive,
    kind: 'gdrive',
    flags: [],
    steps: {
      github: ['gcloud services enable drive.googleapis.com --project=PROJECT_ID', 'share the remote\'s folder https://drive.google.com/drive/folders/1AbCdEfGhIjKlMnOpQrStUvWxYz012345 with dvc-ci@PROJECT_ID.iam.gserviceaccount.com as Viewer', 'gh secret set GDRIVE_CREDENTIALS_DATA < key.json'],
      gitlab: ['glab variable set GDRIVE_CREDENTIALS_DATA_B64 --masked --protected --raw --value "$(base64 -w0 key.json)"', 'Visibility "Masked"'],
    },
    provided: { github: { GDRIVE_CREDENTIALS_DATA: SA_KEY }, gitlab: { GDRIVE_CREDENTIALS_DATA_B64: b64(SA_KEY) } },
    probe: 'printf "credentials=%s\\n" "${GDRIVE_CREDENTIALS_DATA:-}"',
    atPull: { github: `credentials=${SA_KEY}\n`, gitlab: `credentials=${SA_KEY}\n` },
  },
  SSH: {
    fixture: FIXTURES.sshServer,
    kind: 'ssh',
    flags: [],
    steps: {
      github: ["ssh-keygen -t ed25519 -N '' -C dvc-ci -f dvc-ci-key", 'ssh-copy-id -i dvc-ci-key.pub -p 2222 dvc@storage.acme.example', 'ssh-keyscan -H -p 2222 storage.acme.example > dvc-ci-known-hosts', 'gh secret set SSH_PRIVATE_KEY < dvc-ci-key', 'gh secret set SSH_KNOWN_HOSTS < dvc-ci-known-hosts'],
      gitlab: ['ssh-keyscan -H -p 2222 storage.acme.example > dvc-ci-known-hosts', 'glab variable set SSH_PRIVATE_KEY_B64 --masked --protected --raw --value "$(base64 -w0 dvc-ci-key)"', 'glab variable set SSH_KNOWN_HOSTS_B64 --masked --protected --raw --value "$(base64 -w0 dvc-ci-known-hosts)"', 'SSH_KNOWN_HOSTS_B64 holds the output of `base64 -w0 dvc-ci-known-hosts`'],
    },
    provided: { github: { SSH_PRIVATE_KEY: SSH_KEY, SSH_KNOWN_HOSTS: KNOWN_HOSTS }, gitlab: { SSH_PRIVATE_KEY_B64: b64(SSH_KEY), SSH_KNOWN_HOSTS_B64: b64(KNOWN_HOSTS) } },
    probe: 'printf "key=%s mode=%s\\n" "$(cat "$MLOPS_PIPELINE_SSH_KEY_FILE")" "$(stat -c %a "$MLOPS_PIPELINE_SSH_KEY_FILE")"; printf "known_hosts=%s\\n" "$(cat "$HOME/.ssh/known_hosts")"',
    atPull: { github: `key=${SSH_KEY} mode=600\nknown_hosts=${KNOWN_HOSTS}\n`, gitlab: `key=${SSH_KEY} mode=600\nknown_hosts=${KNOWN_HOSTS}\n` },
  },
  'Azure keyless': {
    fixture: FIXTURES.azureBlob,
    kind: 'azure-keyless',
    flags: ['--keyless', '--input', `azure-client-id=${CLIENT_ID}`, '--input', `azure-tenant-id=${TENANT_ID}`],
    steps: {
      github: [`az ad sp create --id ${CLIENT_ID}`, `az ad app federated-credential create --id ${CLIENT_ID} --parameters '{"name": "dvc-ci-branch-main", "issuer": "https://token.actions.githubusercontent.com", "subject": "repo:acme/forecast:ref:refs/heads/main", "audiences": ["api://AzureADTokenExchange"]}'`, '--scope /subscriptions/SUBSCRIPTION_ID/resourceGroups/RESOURCE_GROUP/providers/Microsoft.Storage/storageAccounts/acmeforecast/blobServices/default/containers/forecast-data'],
      gitlab: [`"issuer": "https://gitlab.com", "subject": "project_path:acme/forecast:ref_type:branch:ref:main"`],
    },
    provided: { github: {}, gitlab: { AZURE_ID_TOKEN: 'header.payload.signature' } },
    probe: 'printf "client=%s tenant=%s token=%s\\n" "${AZURE_CLIENT_ID:-}" "${AZURE_TENANT_ID:-}" "$(cat "$AZURE_FEDERATED_TOKEN_FILE")"',
    // GitHub: the token file exists (the stand-in python does not fetch a token); GitLab: it holds the job's ID token.
    atPull: { github: `client=${CLIENT_ID} tenant=${TENANT_ID} token=\n`, gitlab: `client=${CLIENT_ID} tenant=${TENANT_ID} token=header.payload.signature\n` },
  },
};

const cases = Object.entries(CASES).flatMap(([label, c]) => (['github', 'gitlab'] as const).map((provider) => [label, provider, c] as const));

describe('remotes beyond cloud buckets, written end to end', () => {
  it.each(cases)('%s on %s', async (_label, provider, c) => {
    const dir = makeFixture({ ...c.fixture, origin: provider === 'github' ? c.fixture.origin : c.fixture.origin.replace('github.com', 'gitlab.com') });
    made.push(dir);
    const res = await runMain(['--yes', '--provider', provider, '--branch', 'main', ...c.flags], dir);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(new RegExp(`remote +${c.kind} +\\(`));
    expect(res.stdout).toContain('mlops-lint: no problems');
    const file = provider === 'github' ? '.github/workflows/mlops.yml' : '.gitlab-ci.yml';
    const text = readFileSync(path.join(dir, file), 'utf8');
    if (provider === 'github') expect(await githubErrors(text)).toEqual([]);
    else expect(gitlabSchemaErrors(text)).toEqual([]);

    // The next steps create exactly the secrets the written file reads.
    const header = parseHeader(text);
    if (!header) throw new Error('no header');
    const secrets = requiredSecrets(provider, header.template, header.inputs).map((s) => s.name);
    const steps = res.stdout.slice(res.stdout.indexOf('Next steps:'));
    const created = [...steps.matchAll(provider === 'github' ? /gh secret set (\w+)/g : /glab variable set (\w+)/g)].map((m) => m[1]);
    expect(created.sort()).toEqual([...secrets].sort());
    if (secrets.length === 0) expect(steps).not.toMatch(/Create the (repository secret|CI\/CD variable)/);
    for (const line of c.steps[provider]) expect(steps.replace(/ \\\n\s+/g, ' ')).toContain(line);
    for (const value of Object.values(c.provided[provider])) expect(res.stdout).not.toContain(value);

    if (!HAS_BASH) return;
    const run = provider === 'github' ? runGithubJobs : runGitlabJobs;
    const [job] = Object.values(run(dir, text, { secrets: c.provided[provider], probe: c.probe }));
    if (!job) throw new Error('no job');
    expect(job.stderr).toBe('');
    expect(job.status).toBe(0);
    const commands = job.calls.map((x) => x.command);
    expect(commands.indexOf('dvc pull')).toBeGreaterThan(-1);
    expect(commands.indexOf('dvc repro')).toBe(commands.indexOf('dvc pull') + 1);
    expect(job.atPull).toBe(c.atPull[provider]);
    // The remote's own settings are made before the pull (the remote is the default one: "$remote" is empty in the stand-in).
    const setting = c.kind === 'gdrive' ? /^dvc remote modify --local +gdrive_use_service_account true$/ : c.kind === 'ssh' ? /^dvc remote modify --local +keyfile \S+$/ : undefined;
    if (setting) expect(commands.findIndex((x) => setting.test(x))).toBe(commands.indexOf('dvc pull') - 1);
  });
});

describe('an SSH server on a private network', () => {
  it('is written, with a warning naming the line and the way out', async () => {
    const dir = makeFixture({ ...FIXTURES.sshServer, files: { ...FIXTURES.sshServer.files, '.dvc/config': "[core]\n    remote = nas\n['remote \"nas\"']\n    url = ssh://dvc@10.0.0.5/srv/dvc\n" } });
    made.push(dir);
    const res = await runMain(['--yes', '--dry-run'], dir);
    expect(res.code).toBe(0);
    expect(res.stderr).toContain('warning: .dvc/config:3: remote "nas" is at 10.0.0.5, a private network address');
    expect(res.stderr).toContain('--input runner=<label>');
    expect(parseHeader(res.stdout)?.template).toBe('dvc-ssh');
  });
});
