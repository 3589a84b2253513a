import { describe, expect, it } from 'vitest';
import { hostOf, providerOf, readGitFacts, readGitFactsDetail } from './git.js';
import { findCiFiles, providerFromCiFiles } from './ci-files.js';
import { makeRepo } from '../test/helpers.js';

describe('providerOf', () => {
  it.each([
    ['git@github.com:acme/ml.git', 'github.com', 'github'],
    ['https://github.com/acme/ml.git', 'github.com', 'github'],
    ['ssh://git@github.com/acme/ml.git', 'github.com', 'github'],
    ['https://token@github.com/acme/ml', 'github.com', 'github'],
    ['git@gitlab.com:acme/ml.git', 'gitlab.com', 'gitlab'],
    ['ssh://git@gitlab.example.com:2222/ml/ml.git', 'gitlab.example.com', 'gitlab'],
    ['https://gitlab.internal.corp/ml/ml.git', 'gitlab.internal.corp', 'gitlab'],
    ['https://bitbucket.org/acme/ml.git', 'bitbucket.org', undefined],
    ['/srv/git/ml.git', undefined, undefined],
  ])('%s', (url, host, provider) => {
    expect(hostOf(url)).toBe(host);
    expect(providerOf(url)).toBe(provider);
  });
});

const config = (url: string, name = 'origin') => `[core]\n\trepositoryformatversion = 0\n[remote "${name}"]\n\turl = ${url}\n\tfetch = +refs/heads/*:refs/remotes/${name}/*\n`;

describe('readGitFacts', () => {
  it('reads origin, provider and the default branch from origin/HEAD', () => {
    const dir = makeRepo({
      '.git/config': config('git@github.com:acme/ml.git'),
      '.git/HEAD': 'ref: refs/heads/feature\n',
      '.git/refs/remotes/origin/HEAD': 'ref: refs/remotes/origin/develop\n',
    });
    expect(readGitFacts(dir)).toEqual({ remoteUrl: 'git@github.com:acme/ml.git', provider: 'github', defaultBranch: 'develop' });
    expect(readGitFactsDetail(dir)).toMatchObject({ remoteName: 'origin', defaultBranchSource: 'origin-head' });
  });

  it('falls back to HEAD, then to main', () => {
    const head = makeRepo({ '.git/config': config('https://gitlab.com/acme/ml.git'), '.git/HEAD': 'ref: refs/heads/trunk\n' });
    expect(readGitFacts(head)).toMatchObject({ provider: 'gitlab', defaultBranch: 'trunk' });
    const detached = makeRepo({ '.git/config': '', '.git/HEAD': '0123456789abcdef0123456789abcdef01234567\n' });
    expect(readGitFacts(detached)).toEqual({ defaultBranch: 'main' });
  });

  it('has only the default branch outside a checkout', () => {
    expect(readGitFacts(makeRepo({ 'x.txt': '' }))).toEqual({ defaultBranch: 'main' });
  });

  it('finds the checkout from a subdirectory', () => {
    const dir = makeRepo({ '.git/config': config('git@github.com:acme/ml.git'), '.git/HEAD': 'ref: refs/heads/main\n', 'ml/project/.dvc/config': '' });
    expect(readGitFactsDetail(`${dir}/ml/project`)).toMatchObject({ root: dir, provider: 'github', defaultBranch: 'main' });
  });

  it('uses the first remote when there is no origin', () => {
    const dir = makeRepo({ '.git/config': config('git@gitlab.com:a/b.git', 'upstream'), '.git/HEAD': 'ref: refs/heads/main\n' });
    expect(readGitFactsDetail(dir)).toMatchObject({ remoteName: 'upstream', provider: 'gitlab' });
  });

  it('follows a .git file to a worktree git dir and its common dir', () => {
    const dir = makeRepo({
      'main/.git/config': config('git@github.com:acme/ml.git'),
      'main/.git/worktrees/wt/HEAD': 'ref: refs/heads/wt-branch\n',
      'main/.git/worktrees/wt/commondir': '../..\n',
      'wt/.git': 'gitdir: ../main/.git/worktrees/wt\n',
    });
    expect(readGitFacts(`${dir}/wt`)).toEqual({ remoteUrl: 'git@github.com:acme/ml.git', provider: 'github', defaultBranch: 'wt-branch' });
  });
});

describe('findCiFiles', () => {
  it.each([
    [{ '.github/workflows/ci.yml': '', '.github/workflows/notes.txt': '' }, 'github', ['.github/workflows/ci.yml'], []],
    [{ '.gitlab-ci.yml': '' }, 'gitlab', [], ['.gitlab-ci.yml']],
    [{ '.gitlab-ci.yml': '', '.github/workflows/a.yaml': '' }, undefined, ['.github/workflows/a.yaml'], ['.gitlab-ci.yml']],
    [{ 'x': '' }, undefined, [], []],
  ])('%j → %s', (files, provider, github, gitlab) => {
    const found = findCiFiles(makeRepo(files));
    expect(found).toEqual({ github, gitlab });
    expect(providerFromCiFiles(found)).toBe(provider);
  });
});
