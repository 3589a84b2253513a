import { describe, expect, it } from 'vitest';
import { inspectRepo, repoSlug } from './facts.js';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { EXAMPLE, makeRepo, writeFiles } from '../test/helpers.js';

describe('inspectRepo', () => {
  it.each([
    ['gs', "['remote \"d\"']\n  url = gs://b/p\n[core]\n  remote = d\n", false, 'gcs'],
    ['gs keyless', "['remote \"d\"']\n  url = gs://b/p\n", true, 'gcs-keyless'],
    ['s3', "['remote \"d\"']\n  url = s3://b/p\n", false, 's3'],
    ['s3 keyless', "['remote \"d\"']\n  url = s3://b/p\n", true, 's3-keyless'],
    ['minio', "['remote \"d\"']\n  url = s3://b/p\n  endpointurl = https://minio.local:9000\n", false, 'minio'],
    ['azure', "['remote \"d\"']\n  url = azure://c/p\n", false, 'azure'],
    ['local', "['remote \"d\"']\n  url = /mnt/dvc\n", false, 'none'],
    ['https', "['remote \"d\"']\n  url = https://example.com/dvc\n", false, 'none'],
    ['no remote', '[core]\n  autostage = true\n', false, 'none'],
    ['azure keyless', "['remote \"d\"']\n  url = azure://c/p\n", true, 'azure-keyless'],
    ['gdrive', "['remote \"d\"']\n  url = gdrive://1AbCdEfGhIjKlMnOpQr/dvc\n", false, 'gdrive'],
    ['gdrive keyless (no keyless kind: the service account)', "['remote \"d\"']\n  url = gdrive://1AbCdEfGhIjKlMnOpQr\n", true, 'gdrive'],
    ['ssh', "['remote \"d\"']\n  url = ssh://host/dvc\n", false, 'ssh'],
    ['hdfs', "['remote \"d\"']\n  url = hdfs://user@example.com/dvc\n", false, undefined],
    ['two remotes, no default', "['remote \"a\"']\n  url = gs://a\n['remote \"b\"']\n  url = s3://b\n", false, undefined],
  ])('%s → %s', (_label, config, keyless, kind) => {
    const facts = inspectRepo(makeRepo({ dvcConfig: config }), keyless);
    expect(facts.remote.value).toBe(kind);
    if (kind === undefined) expect(facts.remoteProblem).toBeTruthy();
  });

  it('reads the example project', () => {
    const facts = inspectRepo(makeRepo({ origin: 'git@gitlab.com:acme/ml.git' }));
    const python = readFileSync(path.join(EXAMPLE, '.python-version'), 'utf8').trim();
    const dvc = /dvc\[gs\]==(\S+)/.exec(readFileSync(path.join(EXAMPLE, 'requirements.txt'), 'utf8'))?.[1];
    expect(facts).toMatchObject({
      provider: { value: 'gitlab', source: 'from git remote origin' },
      remote: { value: 'gcs' },
      python: { value: python, source: 'from .python-version' },
      dvc: { value: dvc, source: expect.stringMatching(/^from requirements\.txt:\d+$/) },
      requirements: { value: 'requirements.txt' },
      branch: { value: 'main' },
    });
  });

  const PEP621 = '[project]\nname = "ml"\nversion = "0.1.0"\nrequires-python = ">=3.11"\ndependencies = ["pandas", "dvc[gs]==3.60.1"]\n';
  const POETRY = '[tool.poetry]\nname = "ml"\n\n[tool.poetry.dependencies]\npython = "^3.10"\ndvc = {version = "3.59.0", extras = ["gs"]}\n';
  it.each([
    ['requirements.txt', { 'requirements.txt': 'dvc[gs]==3.61.0\n' }, { requirements: 'requirements.txt', dvc: '3.61.0', python: undefined }],
    ['the requirements*.txt that pins dvc', { 'requirements.txt': 'pandas\n', 'requirements-ci.txt': 'dvc[gs]==3.62.0\n' }, { requirements: 'requirements-ci.txt', dvc: '3.62.0' }],
    ['requirements.txt, dvc pinned in pyproject', { 'requirements.txt': 'pandas\n', 'pyproject.toml': PEP621 }, { requirements: 'requirements.txt', dvc: '3.60.1', python: '3.11' }],
    ['PEP 621 pyproject.toml only', { 'pyproject.toml': PEP621 }, { requirements: 'pyproject.toml', dvc: '3.60.1', python: '3.11' }],
    ['Poetry pyproject.toml only', { 'pyproject.toml': POETRY }, { requirements: 'pyproject.toml', dvc: '3.59.0', python: '3.10' }],
    ['a Poetry range resolved by poetry.lock', { 'pyproject.toml': POETRY.replace('version = "3.59.0"', 'version = "^3.50"'), 'poetry.lock': '[[package]]\nname = "dvc"\nversion = "3.58.1"\n' }, { requirements: 'pyproject.toml', dvc: '3.58.1' }],
    ['uv.lock when nothing declares dvc', { 'uv.lock': 'version = 1\n[[package]]\nname = "dvc"\nversion = "3.57.0"\n' }, { requirements: '', dvc: '3.57.0' }],
    ['an exact pin wins over the lock', { 'requirements.txt': 'dvc==3.61.0\n', 'uv.lock': '[[package]]\nname = "dvc"\nversion = "3.57.0"\n' }, { requirements: 'requirements.txt', dvc: '3.61.0' }],
    ['a pyproject.toml of tool settings only', { 'pyproject.toml': '[tool.black]\nline-length = 100\n' }, { requirements: '', dvc: undefined }],
    ['nothing', {}, { requirements: '', dvc: undefined, python: undefined }],
  ])('requirements and versions: %s', (_label, files, expected) => {
    const dir = makeRepo({ dvcConfig: '' });
    for (const f of ['requirements.txt', '.python-version']) rmSync(path.join(dir, f), { force: true });
    writeFiles(dir, files);
    const facts = inspectRepo(dir);
    expect({ requirements: facts.requirements.value, dvc: facts.dvc.value, python: facts.python.value }).toMatchObject(expected);
  });

  it.each([
    ['a github.com remote', { origin: 'https://github.com/acme/ml.git' }, 'github', 'from git remote origin'],
    ['a self-hosted GitLab remote', { origin: 'git@gitlab.corp.example:ml/churn.git' }, 'gitlab', 'from git remote origin'],
    ['no remote, a .gitlab-ci.yml', { files: { '.gitlab-ci.yml': 'x: 1\n' } }, 'gitlab', 'from .gitlab-ci.yml'],
    ['no remote, a GitHub workflow', { files: { '.github/workflows/ci.yml': 'on: push\n' } }, 'github', 'from .github/workflows/ci.yml'],
    ['an unknown host, no CI files', { origin: 'git@git.corp.example:ml/churn.git' }, undefined, 'not found: no GitHub/GitLab git remote and no CI files'],
    ['CI files of both providers', { files: { '.gitlab-ci.yml': 'x: 1\n', '.github/workflows/ci.yml': 'on: push\n' } }, undefined, 'not found: no GitHub/GitLab git remote and no CI files'],
  ])('provider: %s', (_label, spec, provider, source) => {
    expect(inspectRepo(makeRepo(spec)).provider).toEqual({ ...(provider ? { value: provider } : {}), source });
  });

  it('branch: origin/HEAD first, then the checked-out branch', () => {
    const dir = makeRepo({ origin: 'git@github.com:acme/ml.git' });
    spawnSync('git', ['-C', dir, 'checkout', '-q', '-b', 'feature']);
    expect(inspectRepo(dir).branch).toEqual({ value: 'feature', source: 'the checked-out branch; no origin/HEAD' });
    writeFiles(dir, { '.git/refs/remotes/origin/HEAD': 'ref: refs/remotes/origin/trunk\n' });
    expect(inspectRepo(dir).branch).toEqual({ value: 'trunk', source: 'from git origin/HEAD' });
  });

  it('fails clearly without .dvc/', () => {
    const dir = makeRepo({ dvcConfig: null });
    expect(() => inspectRepo(dir)).toThrow(`no DVC project found in ${dir} (missing .dvc/): run \`dvc init\` first`);
  });
});

describe('repoSlug', () => {
  it.each([
    ['git@github.com:acme/ml.git', 'acme/ml'],
    ['https://github.com/acme/ml', 'acme/ml'],
    ['ssh://git@gitlab.example.com:2222/group/sub/ml.git', 'group/sub/ml'],
    ['https://oauth2:tok@gitlab.com/group/ml.git', 'group/ml'],
    [undefined, undefined],
  ])('%s → %s', (url, slug) => {
    expect(repoSlug(url)).toBe(slug);
  });
});
