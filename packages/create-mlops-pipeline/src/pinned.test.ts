import { describe, expect, it } from 'vitest';
import * as templates from '@mlops-pipeline/templates';
import { listTemplates, TEMPLATES_VERSION } from '@mlops-pipeline/templates';
import { parseCli } from './args.js';
import { findPinnedRef } from './pipeline-files.js';
import { checkRef } from './plan.js';
import { renderWith } from './render.js';
import { compareTemplateVersion } from '@mlops-pipeline/templates';
import { isMajorRef, upgradeRef } from './semver.js';
import { replacePinnedRef } from './upgrade.js';
import { mirrorHostNeeded } from './pinned-source.js';
import { makeRepo, runMain } from '../test/helpers.js';

const IDENTITY = {
  'workload-identity-provider': 'projects/1/locations/global/workloadIdentityPools/p/providers/q',
  'service-account': 'dvc@proj.iam.gserviceaccount.com',
  'role-to-assume': 'arn:aws:iam::123456789012:role/dvc-ci',
  'endpoint-url': 'https://minio.example.com',
};

const AZURE_ID = '11111111-2222-3333-4444-555555555555';

function inputsOf(name: string): Record<string, unknown> {
  if (name.includes('gcs-keyless')) return { 'workload-identity-provider': IDENTITY['workload-identity-provider'], 'service-account': IDENTITY['service-account'] };
  if (name.includes('s3-keyless')) return { 'role-to-assume': IDENTITY['role-to-assume'] };
  if (name.includes('minio')) return { 'endpoint-url': IDENTITY['endpoint-url'] };
  if (name.includes('azure-keyless')) return { 'azure-client-id': AZURE_ID, 'azure-tenant-id': AZURE_ID };
  return {};
}

describe('pinned callers use the tag scheme: v1.2.3 on GitHub, 1.2.3 for GitLab components', () => {
  it.each(listTemplates().map((t) => [t.provider, t.name, t] as const))('%s %s', async (provider, name, t) => {
    for (const [given, expected] of [
      [checkRef('1.2.3', provider), provider === 'github' ? '@v1.2.3' : '@1.2.3'],
      [checkRef('v1.2.3', provider), provider === 'github' ? '@v1.2.3' : '@1.2.3'],
      [undefined, provider === 'github' ? `@v${TEMPLATES_VERSION}` : `@${TEMPLATES_VERSION}`],
    ] as const) {
      const { text } = await renderWith(t, inputsOf(name), 'pinned', undefined, given);
      const line = text.split('\n').find((l) => /uses:|component:/.test(l)) ?? '';
      expect(line).toContain(provider === 'github' ? `mlops-pipeline/mlops-pipeline/.github/workflows/${name}.yml${expected}` : `gitlab.com/mlops-pipeline/components/${name}${expected}`);
      expect(line.endsWith(expected)).toBe(true);
      expect(findPinnedRef(templates, text)).toMatchObject({ template: name, ref: given ?? TEMPLATES_VERSION });
    }
  });
});

describe('checkRef', () => {
  it.each([
    ['1.2.3', 'github', '1.2.3'],
    ['v1.2.3', 'gitlab', '1.2.3'],
    ['v1', 'github', '1'],
    ['1', undefined, '1'],
  ] as const)('%s (%s) → %s', (ref, provider, expected) => {
    expect(checkRef(ref, provider)).toBe(expected);
  });

  it.each([
    ['1.2', 'github', '--ref must be a version such as 1.2.3 (or v1.2.3), or a major version such as v1 on GitHub (got "1.2")'],
    ['main', 'github', '(got "main")'],
    ['v1', 'gitlab', '--ref v1: GitLab components are pinned to an exact version such as 1.0.0'],
    ['1.2.3-rc.1', 'gitlab', '--ref must be a version such as 1.2.3 (or v1.2.3) (got "1.2.3-rc.1")'],
  ] as const)('rejects %s (%s) with exit 2', (ref, provider, message) => {
    expect(() => checkRef(ref, provider)).toThrow(expect.objectContaining({ exitCode: 2, message: expect.stringContaining(message) }));
  });

  it('is applied to --ref by the plan', async () => {
    const { makePlan } = await import('./plan.js');
    const facts = { dir: '/r', root: '/r', workdir: '', provider: { value: 'gitlab' as const, source: 'x' }, remote: { value: 'gcs' as const, source: 'x' }, python: { source: 'x' }, dvc: { source: 'x' }, requirements: { value: '', source: 'x' }, branch: { value: 'main', source: 'x' }, ciFiles: { github: [], gitlab: [] } };
    expect(() => makePlan(facts, parseCli(['--mode', 'pinned', '--ref', '2']))).toThrow('GitLab components are pinned to an exact version');
  });
});

describe('moving major tags', () => {
  it.each([
    ['1', '1.4.0', 0, '1'],
    ['1', '2.0.0', -1, '2'],
    ['2', '1.4.0', 1, '1'],
    ['1.3.0', '1.4.0', -1, '1.4.0'],
    ['1.4.0', '1.4.0', 0, '1.4.0'],
  ])('%s against newest %s: compare %i, upgrade to %s', (from, newest, cmp, to) => {
    expect(compareTemplateVersion(from, newest)).toBe(cmp);
    expect(upgradeRef(from, newest)).toBe(to);
    expect(isMajorRef(from)).toBe(!from.includes('.'));
  });
});

describe('replacePinnedRef', () => {
  const [gh] = listTemplates('github');
  const [gl] = listTemplates('gitlab');
  it('moves only the reference and its comment in a GitHub caller', () => {
    if (!gh) throw new Error('no template');
    const text = `# Runs the "${gh.name}" template of acme/t pinned at v1.0.0.\non: push\njobs:\n  dvc:\n    uses: acme/t/.github/workflows/${gh.name}.yml@v1.0.0 # pinned\n  other:\n    uses: acme/t/.github/workflows/other.yml@v1.0.0\n`;
    expect(replacePinnedRef(text, gh, '1.2.0')).toBe(text.replace('pinned at v1.0.0', 'pinned at v1.2.0').replace(`${gh.name}.yml@v1.0.0`, `${gh.name}.yml@v1.2.0`));
  });

  it('moves the component version in a GitLab include', () => {
    if (!gl) throw new Error('no template');
    const text = `include:\n  - component: gitlab.com/acme/c/${gl.name}@1.0.0\n    inputs:\n      python-version: '3.11'\n  - local: other.yml\n`;
    expect(replacePinnedRef(text, gl, '1.2.0')).toBe(text.replace('@1.0.0', '@1.2.0'));
  });
});

describe('pinned GitLab components on a self-managed instance', () => {
  it.each([
    [{ provider: 'gitlab', mode: 'pinned' }, 'gitlab.example.com', 'gitlab.example.com'],
    [{ provider: 'gitlab', mode: 'pinned' }, 'gitlab.com', undefined],
    [{ provider: 'gitlab', mode: 'pinned', source: 'gitlab.example.com/ci/components' }, 'gitlab.example.com', undefined],
    [{ provider: 'gitlab', mode: 'vendored' }, 'gitlab.example.com', undefined],
    [{ provider: 'github', mode: 'pinned' }, 'github.com', undefined],
    [{ provider: 'gitlab', mode: 'pinned' }, undefined, undefined],
  ] as const)('%j on %s needs a mirror on %s', (answers, host, expected) => {
    expect(mirrorHostNeeded(answers, host)).toBe(expected);
  });

  it('outside a terminal, names --source (exit 2)', async () => {
    const dir = makeRepo({ origin: 'git@gitlab.example.com:acme/ml.git' });
    const res = await runMain(['--yes', '--mode', 'pinned'], dir);
    expect(res.stderr).toContain('create-mlops-pipeline: --mode pinned on gitlab.example.com: GitLab includes CI/CD components only from its own instance, so mirror gitlab.com/mlops-pipeline/components to gitlab.example.com and pass --source gitlab.example.com/<group>/components');
    expect(res.code).toBe(2);
    const ok = await runMain(['--yes', '--mode', 'pinned', '--source', 'gitlab.example.com/ci/components', '--dry-run'], dir);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('- component: gitlab.example.com/ci/components/dvc-gcs@');
  });
});
