import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHeader } from '@mlops-pipeline/templates';
import type { Provider, RemoteKind } from '@mlops-pipeline/templates';
import { REMOTE_KINDS } from '../src/plan.js';
import { makeRepo, runMain } from './helpers.js';
import { githubErrors, gitlabSchemaErrors } from './real-clients.js';

const URL: Record<RemoteKind, string> = {
  gcs: 'gs://bucket/dvc',
  'gcs-keyless': 'gs://bucket/dvc',
  s3: 's3://bucket/dvc',
  's3-keyless': 's3://bucket/dvc',
  minio: 's3://bucket/dvc\n    endpointurl = https://minio.example.com:9000',
  azure: 'azure://container/dvc',
  'azure-keyless': 'azure://container/dvc',
  gdrive: 'gdrive://0AIac4JZqHhKmUk9PDA',
  ssh: 'ssh://dvc@storage.example.com/srv/dvc',
  none: '/mnt/shared/dvc',
};
const EXTRA: Record<RemoteKind, string> = { gcs: '[gs]', 'gcs-keyless': '[gs]', s3: '[s3]', 's3-keyless': '[s3]', minio: '[s3]', azure: '[azure]', 'azure-keyless': '[azure]', gdrive: '[gdrive]', ssh: '[ssh]', none: '' };
const IDENTITY: Partial<Record<RemoteKind, string[]>> = {
  'gcs-keyless': ['--input', 'workload-identity-provider=projects/1/locations/global/workloadIdentityPools/p/providers/q', '--input', 'service-account=dvc@proj.iam.gserviceaccount.com'],
  's3-keyless': ['--input', 'role-to-assume=arn:aws:iam::123456789012:role/dvc-ci'],
  'azure-keyless': ['--input', 'azure-client-id=11111111-2222-3333-4444-555555555555', '--input', 'azure-tenant-id=66666666-7777-8888-9999-000000000000'],
};

const cases: Array<[Provider, RemoteKind, 'vendored' | 'pinned', boolean]> = [];
for (const provider of ['github', 'gitlab'] as const) {
  for (const remote of REMOTE_KINDS) for (const mode of ['vendored', 'pinned'] as const) cases.push([provider, remote, mode, remote === 'gcs']);
}

describe('every generated file passes mlops-lint with no problem (remote × provider × mode)', () => {
  it.each(cases)('%s %s %s (cml: %s too)', async (provider, remote, mode, withCml) => {
    const dir = makeRepo({
      // Pinned components come from gitlab.com, so a pinned GitLab project is on gitlab.com (self-managed needs a mirror).
      origin: provider === 'github' ? 'git@github.com:acme/ml.git' : mode === 'pinned' ? 'git@gitlab.com:acme/ml.git' : 'git@gitlab.example.com:acme/ml.git',
      dvcConfig: `[core]\n    remote = storage\n['remote "storage"']\n    url = ${URL[remote]}\n`,
      files: { 'requirements.txt': `pandas==2.2.3\ndvc${EXTRA[remote]}==3.63.0\n` },
    });
    for (const cml of withCml ? [false, true] : [false]) {
      const res = await runMain(['--yes', '--dry-run', '--lint', '--remote', remote, '--mode', mode, ...(cml ? ['--cml'] : []), ...(IDENTITY[remote] ?? [])], dir);
      expect(res.stderr).toContain('mlops-lint: no problems');
      expect(res.code).toBe(0);
      expect(parseHeader(res.stdout)).toMatchObject({ provider });
      if (provider === 'github') expect(await githubErrors(res.stdout)).toEqual([]);
      else expect(gitlabSchemaErrors(res.stdout)).toEqual([]);
    }
  });
});

describe('an include: added to an existing .gitlab-ci.yml lints clean with the included pipeline', () => {
  it.each(['vendored', 'pinned'])('%s', async (mode) => {
    const dir = makeRepo({
      origin: 'git@gitlab.com:acme/ml.git',
      files: { '.gitlab-ci.yml': 'stages:\n  - build\n  - deploy\nbuild:\n  stage: build\n  script:\n    - make\n' },
    });
    const res = await runMain(['--yes', '--gitlab-include', '--mode', mode], dir);
    expect(res.stdout).toContain('wrote .gitlab/ci/mlops.yml (new file');
    expect(res.stdout).toContain('wrote .gitlab-ci.yml (changed)');
    expect(res.stdout).toContain('mlops-lint: no problems');
    expect(res.code).toBe(0);
    const main = readFileSync(path.join(dir, '.gitlab-ci.yml'), 'utf8');
    expect(main).toMatch(/^include:\n {2}- local: \.gitlab\/ci\/mlops\.yml\n/);
    expect(main).toContain('stages:\n  - build\n  - test\n  - deploy\n');
    expect(gitlabSchemaErrors(main)).toEqual([]);
    expect(gitlabSchemaErrors(readFileSync(path.join(dir, '.gitlab/ci/mlops.yml'), 'utf8'))).toEqual([]);
  });
});
