import { statSync } from 'node:fs';
import path from 'node:path';
import { parseIni, subsection } from './ini.js';
import { readSmallText } from './read.js';
import type { GitFacts } from './types.js';
import type { Provider } from '@mlops-pipeline/templates/project';

export interface GitDirs {
  /** The checkout's top directory (holds `.git`). */
  root: string;
  /** Per-worktree directory (holds HEAD). */
  gitDir: string;
  /** Shared directory (holds config and refs/remotes). */
  commonDir: string;
}

function gitDirAt(dir: string): string | undefined {
  const dotGit = path.join(dir, '.git');
  try {
    if (statSync(dotGit).isDirectory()) return dotGit;
    const m = /^gitdir:\s*(.+)$/m.exec(readSmallText(dotGit) ?? '');
    return m ? path.resolve(dir, (m[1] ?? '').trim()) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Locates the git directories of the checkout containing repoDir (searching parent directories, as
 * git does), following `.git` files (worktrees, submodules).
 */
export function findGitDirs(repoDir: string): GitDirs | undefined {
  let dir = path.resolve(repoDir);
  for (;;) {
    const gitDir = gitDirAt(dir);
    if (gitDir) {
      const common = readSmallText(path.join(gitDir, 'commondir'))?.trim();
      return { root: dir, gitDir, commonDir: common ? path.resolve(gitDir, common) : gitDir };
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Host of a git remote URL: `git@host:path`, `ssh://user@host:port/path`, `https://host/path`. */
export function hostOf(url: string): string | undefined {
  const u = url.trim();
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/\/)/.exec(u);
  if (scp && !/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(u)) return (scp[1] ?? '').toLowerCase();
  const std = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/(?:[^@/]*@)?([^:/?#]+)/.exec(u);
  return std ? (std[1] ?? '').toLowerCase() : undefined;
}

/** github.com (and hosts naming github) → github; gitlab.com and hosts containing "gitlab" → gitlab. */
export function providerOf(url: string): Provider | undefined {
  const host = hostOf(url);
  if (!host) return undefined;
  if (host === 'github.com' || host.endsWith('.github.com') || host.includes('github')) return 'github';
  if (host.includes('gitlab')) return 'gitlab';
  return undefined;
}

/** Branch name from a symbolic ref file: `ref: refs/heads/main` or `ref: refs/remotes/origin/main`. */
function branchFromRef(text: string | undefined, prefix: string): string | undefined {
  const m = /^ref:\s*(\S+)/.exec(text?.trim() ?? '');
  const ref = m?.[1];
  return ref?.startsWith(prefix) ? ref.slice(prefix.length) : undefined;
}

export interface GitFactsDetail extends GitFacts {
  /** Top directory of the checkout, when repoDir is inside one. */
  root?: string;
  /** Name of the remote the URL came from (`origin`, else the first remote). */
  remoteName?: string;
  /** Where defaultBranch came from. */
  defaultBranchSource: 'origin-head' | 'head' | 'default';
}

/** Git facts read from files only (no `git` process): remote URL, provider, default branch. */
export function readGitFactsDetail(repoDir: string): GitFactsDetail {
  const dirs = findGitDirs(repoDir);
  if (!dirs) return { defaultBranch: 'main', defaultBranchSource: 'default' };
  const facts: GitFactsDetail = { root: dirs.root, defaultBranchSource: 'default' };
  const remotes: Array<{ name: string; url: string }> = [];
  for (const s of parseIni(readSmallText(path.join(dirs.commonDir, 'config')) ?? '')) {
    const name = subsection(s.name, 'remote');
    const url = s.values.get('url');
    if (name !== undefined && url !== undefined) remotes.push({ name, url });
  }
  const remote = remotes.find((r) => r.name === 'origin') ?? remotes[0];
  if (remote) {
    facts.remoteName = remote.name;
    facts.remoteUrl = remote.url;
    const provider = providerOf(remote.url);
    if (provider) facts.provider = provider;
  }
  const remoteName = remote?.name ?? 'origin';
  const fromOrigin = branchFromRef(readSmallText(path.join(dirs.commonDir, 'refs', 'remotes', remoteName, 'HEAD')), `refs/remotes/${remoteName}/`);
  const fromHead = branchFromRef(readSmallText(path.join(dirs.gitDir, 'HEAD')), 'refs/heads/');
  if (fromOrigin) {
    facts.defaultBranch = fromOrigin;
    facts.defaultBranchSource = 'origin-head';
  } else if (fromHead) {
    facts.defaultBranch = fromHead;
    facts.defaultBranchSource = 'head';
  } else facts.defaultBranch = 'main';
  return facts;
}

/** The contract shape of {@link readGitFactsDetail}. */
export function readGitFacts(repoDir: string): GitFacts {
  const { remoteName: _r, defaultBranchSource: _s, root: _root, ...facts } = readGitFactsDetail(repoDir);
  return facts;
}
