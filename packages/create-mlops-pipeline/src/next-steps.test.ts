import { describe, expect, it } from 'vitest';
import { listTemplates, render, requiredSecrets, validateInputs } from '@mlops-pipeline/templates';
import type { Provider, RenderMode, SecretRequirement, TemplateInfo } from '@mlops-pipeline/templates';
import { awsSubjects, bucketOf } from './cloud-setup.js';
import { nextSteps } from './next-steps.js';

/** Commands continued with `\` on the next line, joined as the shell reads them. */
const oneLine = (text: string) => text.replace(/ \\\n\s+/g, ' ');

const WIF = 'projects/123456/locations/global/workloadIdentityPools/ci-pool/providers/ci-provider';
const SA = 'dvc@ml-proj.iam.gserviceaccount.com';
const ROLE = 'arn:aws:iam::123456789012:role/dvc-ci';

/** Inputs a template needs to render (its required identity inputs), plus the variant's own. */
function inputsFor(t: TemplateInfo, variant: Record<string, unknown>): Record<string, unknown> {
  const base: Record<string, unknown> = { ...variant };
  if (t.remote === 'gcs-keyless') Object.assign(base, { 'workload-identity-provider': WIF, 'service-account': SA });
  if (t.remote === 's3-keyless') base['role-to-assume'] = ROLE;
  if (t.remote === 'minio') base['endpoint-url'] = 'https://minio.example.com:9000';
  if (t.remote === 'azure-keyless') Object.assign(base, { 'azure-client-id': '11111111-2222-3333-4444-555555555555', 'azure-tenant-id': '66666666-7777-8888-9999-000000000000' });
  return base;
}

/** Every rendering a user can get: each template × provider × mode, with CML on and off, Azure with both auths. */
function cases(): Array<[string, Provider, TemplateInfo, RenderMode, Record<string, unknown>]> {
  const out: Array<[string, Provider, TemplateInfo, RenderMode, Record<string, unknown>]> = [];
  for (const t of listTemplates()) {
    const variants: Array<Record<string, unknown>> = [{ cml: false }, { cml: true }];
    if (t.remote === 'azure') variants.push({ 'azure-auth': 'service-principal' }, { 'azure-auth': 'service-principal', cml: true });
    for (const mode of ['vendored', 'pinned'] as const) {
      for (const v of variants) out.push([`${t.provider} ${t.name} ${mode} ${JSON.stringify(v)}`, t.provider, t, mode, inputsFor(t, v)]);
    }
  }
  return out;
}

/** Secret names a rendered file reads: `secrets.X` (GitHub) or `$X` / `${X}` of a known template secret (GitLab). */
function referencedSecrets(provider: Provider, text: string, known: SecretRequirement[]): string[] {
  const body = text.split('\n').filter((l) => !l.startsWith('#')).join('\n');
  if (provider === 'github') return [...new Set([...body.matchAll(/secrets\.([A-Z0-9_]+)/g)].map((m) => m[1] as string))].filter((n) => n !== 'GITHUB_TOKEN').sort();
  return known.filter((s) => new RegExp(`\\$\\{?${s.name}\\b`).test(body)).map((s) => s.name).sort();
}

describe('next steps name exactly the secrets the rendered pipeline reads', () => {
  it.each(cases())('%s', (_label, provider, t, mode, raw) => {
    const checked = validateInputs(provider, t.name, raw);
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    const text = render(provider, t.name, checked.inputs, { mode });
    const secrets = requiredSecrets(provider, t.name, checked.inputs);
    const steps = nextSteps({ provider, remote: t.remote, secrets, files: ['f'], slug: 'acme/ml', branch: 'main', inputs: checked.inputs, remoteUrl: 'gs://bucket/dvc' });
    const referenced = referencedSecrets(provider, text, t.secrets);
    // Everything the file reads is listed…
    for (const name of referenced) expect(secrets.map((s) => s.name)).toContain(name);
    // …and on GitHub, where a file names every secret it reads, nothing more is listed.
    if (provider === 'github') expect(secrets.map((s) => s.name).sort()).toEqual(referenced);
    for (const s of secrets) {
      expect(steps).toMatch(provider === 'github' ? new RegExp(`gh secret set ${s.name}\\b`) : new RegExp(`glab variable set ${s.name} --masked`));
    }
    for (const other of t.secrets.filter((s) => !secrets.some((x) => x.name === s.name))) expect(steps).not.toContain(other.name);
    if (secrets.length === 0 && !t.remote.endsWith('-keyless')) expect(steps).toContain('No secrets to create');
  });
});

const gcpKey: SecretRequirement = { name: 'GCP_SERVICE_ACCOUNT_KEY', description: 'Service-account JSON key.', masked: true, base64: false, required: true };
const gcpKeyB64: SecretRequirement = { name: 'GCP_SERVICE_ACCOUNT_KEY_B64', description: 'Service-account JSON key, base64-encoded.', masked: true, base64: true, required: true };
const awsId: SecretRequirement = { name: 'AWS_ACCESS_KEY_ID', description: 'Access key ID.', masked: true, base64: false, required: true };

describe('nextSteps', () => {
  it('GitHub, service-account key: create key.json, gh secret set < key.json, delete it, commit', () => {
    const text = nextSteps({ provider: 'github', remote: 'gcs', secrets: [gcpKey], files: ['.github/workflows/mlops.yml'], slug: 'acme/ml', branch: 'main', remoteUrl: 'gs://ml-data/dvc' });
    expect(text).toContain('gcloud iam service-accounts keys create key.json --iam-account=dvc-ci@PROJECT_ID.iam.gserviceaccount.com');
    expect(oneLine(text)).toContain('gcloud storage buckets add-iam-policy-binding gs://ml-data --member=serviceAccount:dvc-ci@PROJECT_ID.iam.gserviceaccount.com --role=roles/storage.objectViewer');
    expect(text).toContain('\n     gh secret set GCP_SERVICE_ACCOUNT_KEY < key.json\n     rm key.json\n');
    expect(text).toMatch(/^3\. Commit and push \(the pipeline runs on pushes to main\):\n {5}git add \.github\/workflows\/mlops\.yml\n {5}git commit -m "Run the DVC pipeline in CI"\n {5}git push origin HEAD$/m);
  });

  it('GitHub, typed values: gh secret set asks for each value; descriptions say what they are', () => {
    const text = nextSteps({ provider: 'github', remote: 's3', secrets: [awsId], files: ['f'], branch: 'main' });
    expect(text).toContain('`gh secret set` asks for the value');
    expect(text).toMatch(/^ {5}gh secret set AWS_ACCESS_KEY_ID$/m);
    expect(text).toContain('AWS_ACCESS_KEY_ID: Access key ID.');
  });

  it('GitLab: the base64 -w0 value, Masked, Protected, raw, via glab', () => {
    const text = nextSteps({ provider: 'gitlab', remote: 'gcs', secrets: [gcpKeyB64], files: ['.gitlab-ci.yml'], branch: 'main', inputs: { cml: false } });
    expect(text).toContain('glab variable set GCP_SERVICE_ACCOUNT_KEY_B64 --masked --protected --raw --value "$(base64 -w0 key.json)"');
    expect(text).toContain('the output of `base64 -w0 key.json`');
    expect(text).toContain('Visibility "Masked"');
    expect(text).toContain('"Protect variable" on');
  });

  it('GitLab with CML: variables are not protected (merge request pipelines need them)', () => {
    const text = nextSteps({ provider: 'gitlab', remote: 's3', secrets: [awsId], files: ['f'], branch: 'main', inputs: { cml: true } });
    expect(text).toContain('glab variable set AWS_ACCESS_KEY_ID --masked --raw --value "$AWS_ACCESS_KEY_ID"');
    expect(text).toContain('export AWS_ACCESS_KEY_ID in your shell first');
    expect(text).toContain('"Protect variable" off');
  });

  it('descriptions drop the template\'s "(with `input: value`)" conditions; REPO_TOKEN says where to create it', () => {
    const sp: SecretRequirement = { name: 'AZURE_CLIENT_ID', description: 'Service principal application (client) ID (with `azure-auth: service-principal`).', masked: true, base64: false, required: true };
    const token: SecretRequirement = { name: 'REPO_TOKEN', description: 'Project access token with the `api` scope (with `cml: true`).', masked: true, base64: false, required: true };
    const text = nextSteps({ provider: 'gitlab', remote: 'azure', secrets: [sp, token], files: ['f'], branch: 'main', inputs: { cml: true } });
    expect(text).toContain('AZURE_CLIENT_ID: Service principal application (client) ID.');
    expect(text).toContain('REPO_TOKEN: Project access token with the `api` scope; create it under Settings › Access tokens.');
    expect(text).not.toContain('(with `');
    expect(text).toContain('need them.');
  });

  it('Azure connection string: piped from az on both providers', () => {
    const cs: SecretRequirement = { name: 'AZURE_STORAGE_CONNECTION_STRING', description: 'x', masked: true, base64: false, required: true };
    expect(nextSteps({ provider: 'github', remote: 'azure', secrets: [cs], files: ['f'], branch: 'main' })).toContain(
      'az storage account show-connection-string --name STORAGE_ACCOUNT --query connectionString --output tsv | gh secret set AZURE_STORAGE_CONNECTION_STRING',
    );
    expect(nextSteps({ provider: 'gitlab', remote: 'azure', secrets: [cs], files: ['f'], branch: 'main' })).toContain(
      'glab variable set AZURE_STORAGE_CONNECTION_STRING --masked --protected --raw --value "$(az storage account show-connection-string --name STORAGE_ACCOUNT --query connectionString --output tsv)"',
    );
  });

  it.each([
    ['github', 'gcs-keyless', 'gitlab.com', ['gcloud iam workload-identity-pools create ci-pool --project=ml-proj --location=global', 'providers create-oidc ci-provider', '--issuer-uri=https://token.actions.githubusercontent.com', "assertion.repository=='acme/ml'", `add-iam-policy-binding ${SA}`, 'principalSet://iam.googleapis.com/projects/123456/locations/global/workloadIdentityPools/ci-pool/attribute.repository/acme/ml', `gcloud storage buckets add-iam-policy-binding gs://bucket --member=serviceAccount:${SA} --role=roles/storage.objectViewer`]],
    ['gitlab', 'gcs-keyless', 'gitlab.com', ['--issuer-uri=https://gitlab.com', "assertion.project_path=='acme/ml'", 'attribute.project_path/acme/ml']],
    ['gitlab', 'gcs-keyless', 'gitlab.example.com', ['--issuer-uri=https://gitlab.example.com']],
    ['github', 's3-keyless', 'gitlab.com', ['aws iam create-open-id-connect-provider --url https://token.actions.githubusercontent.com --client-id-list sts.amazonaws.com', 'aws iam create-role --role-name dvc-ci', '"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"', '"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"', '"token.actions.githubusercontent.com:sub": "repo:acme/ml:ref:refs/heads/main"', '"Resource": "arn:aws:s3:::bucket/*"']],
    ['gitlab', 's3-keyless', 'gitlab.example.com', ['--url https://gitlab.example.com --client-id-list sts.amazonaws.com', '"gitlab.example.com:aud": "sts.amazonaws.com"', '"gitlab.example.com:sub": "project_path:acme/ml:ref_type:branch:ref:main"']],
  ] as const)('%s %s (%s): the cloud-side set-up for the identity the template uses', (provider, remote, host, expected) => {
    const inputs = remote === 'gcs-keyless' ? { 'workload-identity-provider': WIF, 'service-account': SA } : { 'role-to-assume': ROLE };
    const text = nextSteps({ provider, remote, secrets: [], files: ['f'], slug: 'acme/ml', gitlabHost: host, branch: 'main', inputs, remoteUrl: remote === 'gcs-keyless' ? 'gs://bucket/p' : 's3://bucket/p' });
    for (const e of expected) expect(oneLine(text)).toContain(e);
    expect(text).not.toContain('No secrets to create');
  });

  it('the AWS trust policy is valid JSON once the shell quotes are removed', () => {
    const text = nextSteps({ provider: 'github', remote: 's3-keyless', secrets: [], files: ['f'], slug: 'acme/ml', branch: 'main', inputs: { 'role-to-assume': ROLE, cml: true, push: true }, remoteUrl: 's3://ml-data/p' });
    const docs = [...text.matchAll(/--(?:assume-role-)?policy-document '(\{[\s\S]*?\})'/g)].map((m) => JSON.parse(m[1] as string) as unknown);
    expect(docs).toHaveLength(2);
    const keys = nextSteps({ provider: 'gitlab', remote: 's3', secrets: [awsId], files: ['f'], branch: 'main', remoteUrl: 's3://ml-data/p' });
    expect(keys).toContain('aws iam create-access-key --user-name dvc-ci');
    expect(JSON.parse(/--policy-document '(\{[\s\S]*?\})'/.exec(keys)?.[1] ?? '')).toMatchObject({ Statement: [{ Resource: 'arn:aws:s3:::ml-data' }, { Action: 's3:GetObject' }] });
    expect(JSON.stringify(docs[0])).toContain('"repo:acme/ml:pull_request"');
    expect(JSON.stringify(docs[1])).toContain('s3:PutObject');
  });

  it.each([
    ['github', false, ['repo:acme/ml:ref:refs/heads/dev']],
    ['github', true, ['repo:acme/ml:ref:refs/heads/dev', 'repo:acme/ml:pull_request']],
    ['gitlab', false, ['project_path:acme/ml:ref_type:branch:ref:dev']],
    ['gitlab', true, ['project_path:acme/ml:ref_type:branch:ref:*']],
  ] as const)('%s (cml %s): OIDC subjects of the jobs that read the remote', (provider, cml, subjects) => {
    expect(awsSubjects({ provider, remote: 's3-keyless', slug: 'acme/ml', gitlabHost: 'gitlab.com', branch: 'dev', inputs: { cml } })).toEqual(subjects);
  });

  it.each([
    ['github', ['repo:acme/ml:ref:refs/heads/main', 'repo:acme/ml:ref:refs/heads/release/v2']],
    ['gitlab', ['project_path:acme/ml:ref_type:branch:ref:main', 'project_path:acme/ml:ref_type:branch:ref:release/v2']],
  ] as const)('%s: one OIDC subject per branch of the branches input', (provider, subjects) => {
    expect(awsSubjects({ provider, remote: 's3-keyless', slug: 'acme/ml', gitlabHost: 'gitlab.com', branch: 'main', inputs: { branches: ['main', 'release/v2'] } })).toEqual(subjects);
  });

  it.each([
    ['gs://bucket/path', 'bucket'],
    ['s3://my.bucket', 'my.bucket'],
    ['azure://c/p', undefined],
    ['s3://bucket;touch x/p', undefined],
    [undefined, undefined],
  ])('bucketOf(%s) = %s', (url, bucket) => {
    expect(bucketOf(url)).toBe(bucket);
  });

  it('pushes to the git remote the repository has', () => {
    const text = nextSteps({ provider: 'github', remote: 'none', secrets: [], files: ['f'], branch: 'trunk', gitRemote: 'upstream', inputs: { branches: ['trunk', 'release'] } });
    expect(text).toContain('Commit and push (the pipeline runs on pushes to trunk, release):');
    expect(text).toMatch(/git push upstream HEAD$/);
  });

  it('says when no secret is needed', () => {
    expect(nextSteps({ provider: 'github', remote: 'none', secrets: [], files: ['f'], branch: 'main' })).toContain('No secrets to create');
  });
});
