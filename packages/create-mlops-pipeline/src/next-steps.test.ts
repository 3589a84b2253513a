import { describe, expect, it } from 'vitest';
import type { SecretRequirement } from '@mlops-pipeline/templates';
import { nextSteps } from './next-steps.js';

const gcpKey: SecretRequirement = { name: 'GCP_SERVICE_ACCOUNT_KEY', description: 'Google service account key (JSON)', masked: true, base64: true, required: true };
const awsId: SecretRequirement = { name: 'AWS_ACCESS_KEY_ID', description: 'access key id', masked: true, base64: false, required: true };

describe('nextSteps', () => {
  it('GitHub: gh secret set with the key file, then commit', () => {
    const text = nextSteps({ provider: 'github', remote: 'gcs', secrets: [gcpKey], files: ['.github/workflows/mlops.yml'], slug: 'acme/ml', branch: 'main' });
    expect(text).toContain('gh secret set GCP_SERVICE_ACCOUNT_KEY < google-service-account-key.json');
    expect(text).toContain('git add .github/workflows/mlops.yml');
    expect(text).toContain('git push origin main');
  });

  it('GitLab: base64 value, Masked, glab command', () => {
    const text = nextSteps({ provider: 'gitlab', remote: 'gcs', secrets: [gcpKey, awsId], files: ['.gitlab-ci.yml'], branch: 'main' });
    expect(text).toContain('`base64 -w0 google-service-account-key.json`');
    expect(text).toContain('Masked');
    expect(text).toContain('glab variable set GCP_SERVICE_ACCOUNT_KEY --masked --value "$(base64 -w0 google-service-account-key.json)"');
    expect(text).toContain('glab variable set AWS_ACCESS_KEY_ID --masked --value "<value>"');
  });

  it.each([
    ['github', 'gcs-keyless', ['gcloud iam workload-identity-pools create', '--issuer-uri=https://token.actions.githubusercontent.com', "assertion.repository=='acme/ml'"]],
    ['gitlab', 'gcs-keyless', ['--issuer-uri=https://gitlab.com', "assertion.project_path=='acme/ml'"]],
    ['github', 's3-keyless', ['token.actions.githubusercontent.com:sub = repo:acme/ml:ref:refs/heads/main', 'sts:AssumeRoleWithWebIdentity']],
    ['gitlab', 's3-keyless', ['gitlab.com:sub = project_path:acme/ml:ref_type:branch:ref:main']],
  ] as const)('%s %s: the cloud-side set-up', (provider, remote, expected) => {
    const text = nextSteps({ provider, remote, secrets: [], files: ['f'], slug: 'acme/ml', branch: 'main' });
    for (const e of expected) expect(text).toContain(e);
  });

  it('lists an optional secret only when its input is set', () => {
    const token: SecretRequirement = { name: 'REPO_TOKEN', description: 'Token used by CML (with `cml: true`).', masked: true, base64: false, required: false };
    const off = nextSteps({ provider: 'gitlab', remote: 'gcs', secrets: [gcpKey, token], files: ['f'], branch: 'main', inputs: { cml: false } });
    expect(off).not.toContain('REPO_TOKEN');
    const on = nextSteps({ provider: 'gitlab', remote: 'gcs', secrets: [gcpKey, token], files: ['f'], branch: 'main', inputs: { cml: true } });
    expect(on).toContain('glab variable set REPO_TOKEN --masked --value "<value>"   # optional');
  });

  it('says when no secret is needed', () => {
    expect(nextSteps({ provider: 'github', remote: 'none', secrets: [], files: ['f'], branch: 'main' })).toContain('No secrets to create');
  });
});
