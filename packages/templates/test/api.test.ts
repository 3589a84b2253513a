import { describe, expect, it } from 'vitest';
import { getTemplate, listTemplates, render, requiredSecrets, templateForRemote, TEMPLATES_VERSION } from '../src/index.js';
import type { Provider, RemoteKind } from '../src/index.js';
import { REQUIRED_INPUTS } from './helpers.js';
import pkg from '../package.json' with { type: 'json' };

const REMOTES: RemoteKind[] = ['gcs', 'gcs-keyless', 's3', 's3-keyless', 'minio', 'azure', 'azure-keyless', 'gdrive', 'ssh', 'none'];
const PROVIDERS: Provider[] = ['github', 'gitlab'];

describe('catalogue', () => {
  it('has one template per remote on each provider, with the package version', () => {
    expect(TEMPLATES_VERSION).toBe(pkg.version);
    for (const provider of PROVIDERS) {
      const list = listTemplates(provider);
      expect(list.map((t) => t.remote).sort()).toEqual([...REMOTES].sort());
      for (const t of list) expect(t).toMatchObject({ provider, version: TEMPLATES_VERSION, description: expect.any(String) });
    }
    expect(listTemplates()).toHaveLength(REMOTES.length * 2);
  });

  it.each(PROVIDERS.flatMap((p) => REMOTES.map((r) => [p, r] as const)))('templateForRemote(%s, %s)', (provider, remote) => {
    const t = templateForRemote(provider, remote);
    expect(t.remote).toBe(remote);
    expect(getTemplate(provider, t.name)).toEqual(t);
  });

  it('names the secrets each remote needs', () => {
    expect(getTemplate('github', 'dvc-gcs')!.secrets.map((s) => s.name)).toEqual(['GCP_SERVICE_ACCOUNT_KEY']);
    expect(getTemplate('gitlab', 'dvc-gcs')!.secrets.find((s) => s.name === 'GCP_SERVICE_ACCOUNT_KEY_B64')).toMatchObject({ masked: true, base64: true, required: true });
    expect(getTemplate('github', 'dvc-gcs-keyless')!.secrets).toEqual([]);
    expect(requiredSecrets('github', 'dvc-s3').map((s) => s.name)).toEqual(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']);
    expect(requiredSecrets('gitlab', 'dvc-azure', { 'azure-auth': 'service-principal', cml: true }).map((s) => s.name)).toEqual(['AZURE_CLIENT_ID', 'AZURE_TENANT_ID', 'AZURE_CLIENT_SECRET', 'REPO_TOKEN']);
    expect(requiredSecrets('gitlab', 'dvc').map((s) => s.name)).toEqual([]);
  });

  it.each(PROVIDERS.flatMap((p) => [
    [p, 'connection-string', ['AZURE_STORAGE_CONNECTION_STRING']],
    [p, 'service-principal', ['AZURE_CLIENT_ID', 'AZURE_TENANT_ID', 'AZURE_CLIENT_SECRET']],
    [p, undefined, ['AZURE_STORAGE_CONNECTION_STRING']],
  ] as const))('%s dvc-azure with azure-auth %s needs exactly %j', (provider, auth, names) => {
    const inputs = auth === undefined ? {} : { 'azure-auth': auth };
    expect(requiredSecrets(provider, 'dvc-azure', inputs).map((s) => s.name)).toEqual(names);
    const all = getTemplate(provider, 'dvc-azure')!.secrets.filter((s) => s.name.startsWith('AZURE_'));
    expect(all).toHaveLength(4);
    for (const s of all) expect(s).toMatchObject({ required: false, when: { input: 'azure-auth', equals: expect.any(String) } });
    for (const s of all) expect(s.description).toContain(`(with \`azure-auth: ${String(s.when!.equals)}\`)`);
  });

  it('says which input value needs an optional secret', () => {
    expect(getTemplate('gitlab', 'dvc')!.secrets).toEqual([expect.objectContaining({ name: 'REPO_TOKEN', required: false, when: { input: 'cml', equals: true } })]);
    expect(requiredSecrets('gitlab', 'dvc-s3', { cml: true }).map((s) => s.name)).toEqual(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'REPO_TOKEN']);
    expect(requiredSecrets('github', 'dvc-s3', { cml: true }).map((s) => s.name)).toEqual(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']);
  });

  it('returns undefined for unknown names and throws for unknown remotes', () => {
    expect(getTemplate('github', 'dvc-ftp')).toBeUndefined();
    expect(() => templateForRemote('github', 'ftp' as RemoteKind)).toThrow(/no template/);
  });
});

describe('pinned caller snippets use the release tag scheme', () => {
  // The refs Renovate's github-actions and gitlabci managers update.
  const GITHUB = /uses: mlops-pipeline\/mlops-pipeline\/\.github\/workflows\/(dvc[a-z0-9-]*)\.yml@v(\d+\.\d+\.\d+)$/m;
  const GITLAB = /- component: gitlab\.com\/mlops-pipeline\/components\/(dvc[a-z0-9-]*)@(\d+\.\d+\.\d+)$/m;

  it.each(listTemplates().map((t) => [`${t.provider}/${t.name}`, t] as const))('%s', (_id, t) => {
    const text = render(t.provider, t.name, REQUIRED_INPUTS[t.name] ?? {}, { mode: 'pinned' });
    const m = (t.provider === 'github' ? GITHUB : GITLAB).exec(text);
    expect(m?.[1]).toBe(t.name);
    expect(m?.[2]).toBe(TEMPLATES_VERSION);
  });

  it('accepts v-prefixed, bare and moving major refs', () => {
    expect(render('github', 'dvc', {}, { mode: 'pinned', ref: '1.2.3' })).toContain('dvc.yml@v1.2.3');
    expect(render('github', 'dvc', {}, { mode: 'pinned', ref: 'v2' })).toContain('dvc.yml@v2');
    expect(render('gitlab', 'dvc', {}, { mode: 'pinned', ref: 'v1.2.3' })).toContain('components/dvc@1.2.3');
    expect(render('gitlab', 'dvc', {}, { mode: 'pinned', source: 'gitlab.example.com/ml/ci' })).toContain('component: gitlab.example.com/ml/ci/dvc@');
  });

  it('grants the called workflow only the permissions it needs', () => {
    const keyless = render('github', 'dvc-s3-keyless', { 'role-to-assume': 'arn:aws:iam::123456789012:role/r', cml: true }, { mode: 'pinned' });
    expect(keyless).toMatch(/permissions:\n {6}contents: read\n {6}pull-requests: write\n {6}id-token: write\n/);
    expect(render('github', 'dvc-s3', {}, { mode: 'pinned' })).not.toMatch(/id-token|pull-requests/);
  });
});
