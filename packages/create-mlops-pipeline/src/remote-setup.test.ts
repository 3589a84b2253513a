import { describe, expect, it } from 'vitest';
import { requiredSecrets } from '@mlops-pipeline/templates';
import { nextSteps } from './next-steps.js';
import { driveFolderOf, sshTargetOf } from './remote-setup.js';

const CLIENT_ID = '11111111-2222-3333-4444-555555555555';

describe('set-up of Google Drive, SSH and keyless Azure remotes', () => {
  it.each([
    ['gdrive://1AbCdEfGhIjKlMnOpQr/dvc', '1AbCdEfGhIjKlMnOpQr'],
    ['gdrive://root/dvc', undefined],
    ['gdrive://appDataFolder', undefined],
    ['gdrive://1AbCdEfGhIj;touch x/dvc', undefined],
    [undefined, undefined],
  ])('driveFolderOf(%s) = %s', (url, folder) => {
    expect(driveFolderOf(url)).toBe(folder);
  });

  it.each([
    ['ssh://dvc@storage.example.com:2222/srv/dvc', { user: 'dvc', host: 'storage.example.com', port: '2222' }],
    ['ssh://storage.example.com/srv/dvc', { host: 'storage.example.com' }],
    ["ssh://a'b@host;x/p", {}],
    ['ssh://u$(x)@example.com:99999/p', { host: 'example.com' }],
    ['gs://bucket', {}],
  ])('sshTargetOf(%s)', (url, target) => {
    expect(sshTargetOf(url)).toEqual(target);
  });

  it('SSH without a host to read: placeholders the user replaces', () => {
    const text = nextSteps({ provider: 'github', remote: 'ssh', secrets: requiredSecrets('github', 'dvc-ssh'), files: ['f'], branch: 'main' });
    expect(text).toContain('ssh-copy-id -i dvc-ci-key.pub USER@HOST');
    expect(text).toContain('ssh-keyscan -H HOST > dvc-ci-known-hosts');
    expect(text).toContain('rm dvc-ci-key\n');
  });

  it('Google Drive with push: the folder is shared as Editor; GitLab stores the key base64-encoded', () => {
    const text = nextSteps({ provider: 'gitlab', remote: 'gdrive', secrets: requiredSecrets('gitlab', 'dvc-gdrive', { push: true }), files: ['f'], branch: 'main', inputs: { push: true }, remoteUrl: 'gdrive://1AbCdEfGhIjKlMnOpQr' });
    expect(text).toContain('https://drive.google.com/drive/folders/1AbCdEfGhIjKlMnOpQr with dvc-ci@PROJECT_ID.iam.gserviceaccount.com as Editor');
    expect(text).toContain('glab variable set GDRIVE_CREDENTIALS_DATA_B64 --masked --protected --raw --value "$(base64 -w0 key.json)"');
    expect(text).toContain('GDRIVE_CREDENTIALS_DATA_B64 holds the output of `base64 -w0 key.json`');
  });

  it('keyless Azure with CML on GitHub: a federated credential for pushes and one for pull requests, write access with push', () => {
    const inputs = { 'azure-client-id': CLIENT_ID, cml: true, push: true, 'azure-storage-account': 'acmeml' };
    const text = nextSteps({ provider: 'github', remote: 'azure-keyless', secrets: [], files: ['f'], slug: 'acme/ml', branch: 'main', inputs, remoteUrl: 'azure://data/dvc' });
    expect(text).toContain('"subject": "repo:acme/ml:ref:refs/heads/main"');
    expect(text).toContain('"name": "dvc-ci-pull-request", "issuer": "https://token.actions.githubusercontent.com", "subject": "repo:acme/ml:pull_request"');
    expect(text).toContain('--role "Storage Blob Data Contributor"');
    expect(text).toContain('storageAccounts/acmeml/blobServices/default/containers/data');
    expect(text).not.toContain('gh secret set');
    expect(text).toContain('For a user-assigned managed identity instead of an app registration: `az identity federated-credential create');
  });

  it('keyless Azure with CML on GitLab: exact subjects only, and a note for merge request branches', () => {
    const text = nextSteps({ provider: 'gitlab', remote: 'azure-keyless', secrets: requiredSecrets('gitlab', 'dvc-azure-keyless', { cml: true }), files: ['f'], slug: 'acme/ml', gitlabHost: 'gitlab.example.com', branch: 'main', inputs: { 'azure-client-id': CLIENT_ID, cml: true } });
    expect(text).toContain('"issuer": "https://gitlab.example.com", "subject": "project_path:acme/ml:ref_type:branch:ref:main"');
    expect(text).not.toContain('ref:*');
    expect(text).toContain('add a federated credential with the subject project_path:acme/ml:ref_type:branch:ref:BRANCH');
    // The CML report's token is the one secret.
    expect(text).toContain('glab variable set REPO_TOKEN');
  });

  it('keyless Azure with a client ID and an account of the wrong shape: placeholders', () => {
    const text = nextSteps({ provider: 'github', remote: 'azure-keyless', secrets: [], files: ['f'], branch: 'main', inputs: { 'azure-client-id': "x';touch y;'" }, storageAccount: 'a;touch y' });
    expect(text).toContain('az ad sp create --id CLIENT_ID');
    expect(text).toContain('storageAccounts/STORAGE_ACCOUNT');
    expect(text).not.toContain('touch y');
  });
});
