import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import {
  findCiFiles,
  findDvcRequirement,
  findInRequirementsFile,
  findGitDirs,
  findLockedVersion,
  isDvcDir,
  isFile,
  providerFromCiFiles,
  readDvcConfig,
  readGitFactsDetail,
  readPythonVersionDetail,
  readSmallText,
  requirementCandidates,
  walkTree,
} from '@mlops-pipeline/repo-facts';
import type { DvcRemote, RemoteScheme } from '@mlops-pipeline/repo-facts';
import type { Provider, RemoteKind } from '@mlops-pipeline/templates';
import { fsReason, UserError } from './errors.js';

/** A value found in the repo and where it came from (shown to the user). */
export interface Fact<T> {
  value?: T;
  source: string;
}

export interface RepoFacts {
  dir: string;
  provider: Fact<Provider>;
  remote: Fact<RemoteKind>;
  /** The DVC remote the remote kind was inferred from. */
  dvcRemote?: DvcRemote;
  /** Why the remote could not be inferred (when remote.value is undefined). */
  remoteProblem?: string;
  /** Every remote of .dvc/config (the chosen one is dvcRemote). */
  dvcRemotes?: DvcRemote[];
  /** The chosen remote is picked by name (--remote-name) rather than being the default. */
  remoteByName?: boolean;
  /** .dvc/config as shown to the user (relative to the working directory). */
  dvcConfigShown?: string;
  /** Credentials committed in .dvc/config. */
  committedSecrets?: Array<{ remote: string; key: string; line: number }>;
  python: Fact<string>;
  dvc: Fact<string>;
  requirements: RequirementsFact;
  /** A lock file whose tool installs the project (poetry.lock, uv.lock). */
  lockFile?: 'poetry.lock' | 'uv.lock';
  branch: Fact<string>;
  /** Git remote URL (origin), for the repo slug in next steps. */
  gitRemoteUrl?: string;
  /** Name of that git remote (`origin`, else the first one). */
  gitRemoteName?: string;
  /** Top of the git checkout holding dir (CI files live there); dir itself outside a checkout. */
  root: string;
  /** dir relative to root ('' when they are the same): the pipeline's working directory. */
  workdir: string;
  /** Existing CI files, relative to root. */
  ciFiles: { github: string[]; gitlab: string[] };
}

/** What a DVC remote URL scheme maps to; undefined: no template authenticates it. */
export function remoteKindFor(scheme: RemoteScheme, endpointUrl: string | undefined, keyless: boolean): RemoteKind | undefined {
  switch (scheme) {
    case 'gs':
      return keyless ? 'gcs-keyless' : 'gcs';
    case 's3':
      if (endpointUrl) return 'minio';
      return keyless ? 's3-keyless' : 's3';
    case 'azure':
      return keyless ? 'azure-keyless' : 'azure';
    case 'gdrive':
      return 'gdrive';
    case 'ssh':
      return 'ssh';
    case 'local':
    case 'http':
    case 'https':
      return 'none';
    default:
      return undefined;
  }
}

function rel(dir: string, file: string): string {
  return path.relative(dir, file).split(path.sep).join('/');
}

/** DVC projects (directories holding `.dvc/`) below dir, up to `depth` levels, relative to dir; hidden and dependency directories skipped. */
export function dvcProjectsBelow(dir: string, depth = 3): string[] {
  const found: string[] = [];
  walkTree(dir, depth, ({ path: sub, dirent }) => {
    if (!dirent.isDirectory() || dirent.name.startsWith('.')) return false;
    if (!isDvcDir(sub)) return true;
    found.push(rel(dir, sub));
    return false;
  });
  return found.sort();
}

/** The directory itself or, as `dvc` does, the nearest parent inside the same git checkout holding `.dvc/`. */
export function dvcProjectAtOrAbove(start: string): string | undefined {
  const top = findGitDirs(start)?.root;
  for (let d = start; ; d = path.dirname(d)) {
    if (isDvcDir(d)) return d;
    if (d === top || path.dirname(d) === d || top === undefined) return undefined;
  }
}

/**
 * The DVC project for a directory: the directory itself or, as `dvc` does, the nearest parent holding
 * `.dvc/` inside the same git checkout. Fails with a message naming what to do (and the DVC projects
 * found below, for a monorepo).
 */
export function findDvcProject(start: string, shown: string = start): string {
  let stat;
  try {
    stat = statSync(start);
  } catch {
    throw new UserError(`directory not found: ${shown} (create-mlops-pipeline adds CI to an existing DVC project: clone it, or create it with \`git init && dvc init\`, first)`);
  }
  if (!stat.isDirectory()) throw new UserError(`not a directory: ${shown}`);
  try {
    accessSync(start, constants.R_OK | constants.X_OK);
  } catch {
    throw new UserError(`cannot read ${shown}: permission denied`);
  }
  const above = dvcProjectAtOrAbove(start);
  if (above !== undefined) return above;
  const below = dvcProjectsBelow(start);
  if (below.length > 0) {
    const list = below.slice(0, 5).join(', ') + (below.length > 5 ? `, … (${below.length} in all)` : '');
    const example = path.join(shown, below[0] ?? '').split(path.sep).join('/');
    throw new UserError(`no DVC project in ${shown} itself; found ${below.length === 1 ? 'one' : 'some'} below: ${list}. Run create-mlops-pipeline ${example}${below.length > 1 ? ', or pass --yes to write one pipeline per project' : ''}`);
  }
  throw new UserError(`no DVC project found in ${shown} (missing .dvc/): run \`dvc init\` first`);
}

/** A pyproject.toml that describes an installable project (PEP 621 `[project]` or Poetry), not only tool settings. */
export function isInstallablePyproject(text: string): boolean {
  return /^\s*\[\s*(project|tool\.poetry)\s*\]/m.test(text);
}

/** The requirements facts: the file to install (undefined when several fit equally), and every candidate. */
export interface RequirementsFact extends Fact<string> {
  /** Requirements files found (relative to the project), most telling first. */
  candidates?: string[];
}

/**
 * What the pipeline installs besides DVC, the way a person reading the project would pick it: the
 * requirements file that pins DVC, else the one file dvc.yaml names, else `requirements.txt` next to
 * dvc.yaml, else the only candidate (`src/requirements.txt` in DVC's guide layout); several equally
 * likely files leave the value undefined (asked on a terminal, else `--requirements`). Without any,
 * an installable pyproject.toml (`pip install .`), else nothing ('': DVC only).
 */
export function requirementsFact(dir: string, dvcPinFile?: string): RequirementsFact {
  const found = requirementCandidates(dir);
  const candidates = found.map((c) => c.file);
  const others = (file: string) => {
    const rest = candidates.filter((c) => c !== file);
    return rest.length > 0 ? `; also found ${rest.join(', ')} (--requirements chooses)` : '';
  };
  const pinRel = dvcPinFile === undefined ? undefined : rel(dir, dvcPinFile);
  if (pinRel !== undefined && candidates.includes(pinRel)) return { value: pinRel, source: `found, lists dvc${others(pinRel)}`, candidates };
  const named = found.filter((c) => c.origin === 'dvc.yaml');
  if (named.length === 1 && named[0]) return { value: named[0].file, source: `named in dvc.yaml:${named[0].line}${others(named[0].file)}`, candidates };
  if (named.length === 0 && candidates.includes('requirements.txt')) return { value: 'requirements.txt', source: `found${others('requirements.txt')}`, candidates };
  if (candidates.length === 1 && candidates[0]) return { value: candidates[0], source: found[0]?.origin === 'src' ? 'found under src/' : 'found', candidates };
  if (candidates.length > 1) {
    const list = (named.length > 1 ? named.map((c) => c.file) : candidates).join(', ');
    return { source: `several requirements files (${list}) and none pins dvc`, candidates };
  }
  const pyproject = readSmallText(path.join(dir, 'pyproject.toml'));
  if (pyproject !== undefined && isInstallablePyproject(pyproject)) return { value: 'pyproject.toml', source: 'installs the project: pip install .', candidates };
  return { value: '', source: 'no requirements*.txt or pyproject.toml: installs DVC only', candidates };
}

/**
 * Inspects a checkout: git remote, CI files, .dvc/config, requirements, Python version, branch.
 * Throws when the directory is not a DVC project.
 */
export function inspectRepo(start: string, keyless = false, shown: string = start, remoteName?: string): RepoFacts {
  const dir = findDvcProject(start, shown);
  const dvcConfig = readDvcConfig(dir);
  if (!dvcConfig) throw new UserError(`no DVC project found in ${shown} (missing .dvc/): run \`dvc init\` first`);
  const configShown = shownPath(shown, path.relative(start, path.join(dir, '.dvc', 'config')));
  if (dvcConfig.unreadable !== undefined) {
    throw new UserError(`cannot read ${configShown}: ${fsReason({ code: dvcConfig.unreadable }) ?? dvcConfig.unreadable}`);
  }
  const [garbage] = dvcConfig.problems;
  if (garbage) {
    throw new UserError(`${configShown}:${garbage.line}:1: ${garbage.message}: DVC cannot read this file, so the pipeline could not reach the remote; fix it (\`dvc remote list\` shows what DVC reads)`);
  }

  const git = readGitFactsDetail(dir);
  const root = git.root ?? dir;
  const workdir = rel(root, dir);
  const ciFiles = findCiFiles(root);
  const facts: RepoFacts = {
    dir,
    provider: { source: 'not found: no GitHub/GitLab git remote and no CI files' },
    remote: { source: 'not found in .dvc/config' },
    python: { source: 'template default; the repo sets no Python version' },
    dvc: { source: 'template default; the repo pins no DVC version' },
    requirements: { value: '', source: 'none', candidates: [] },
    branch: {
      value: git.defaultBranch ?? 'main',
      source: git.defaultBranchSource === 'origin-head' ? `from git ${git.remoteName ?? 'origin'}/HEAD` : git.defaultBranchSource === 'head' ? 'the checked-out branch; no origin/HEAD' : 'default',
    },
    root,
    workdir,
    ciFiles,
    dvcRemotes: dvcConfig.remotes,
    dvcConfigShown: configShown,
    committedSecrets: dvcConfig.committedSecrets,
  };
  if (git.remoteUrl) facts.gitRemoteUrl = git.remoteUrl;
  if (git.remoteName) facts.gitRemoteName = git.remoteName;
  if (git.provider) facts.provider = { value: git.provider, source: `from git remote ${git.remoteName ?? 'origin'}` };
  else {
    const fromCi = providerFromCiFiles(ciFiles);
    if (fromCi) facts.provider = { value: fromCi, source: `from ${fromCi === 'github' ? (ciFiles.github[0] ?? '.github/workflows') : (ciFiles.gitlab[0] ?? '.gitlab-ci.yml')}` };
  }

  const remotes = dvcConfig.remotes;
  const named = remoteName === undefined ? undefined : remotes.find((r) => r.name === remoteName);
  if (remoteName !== undefined && named === undefined) {
    throw new UserError(`--remote-name ${remoteName}: ${configShown} has no such remote (${remotes.length > 0 ? `remotes: ${remotes.map((r) => r.name).join(', ')}` : 'no remote is defined'})`, 2);
  }
  const chosen = named ?? dvcConfig.defaultRemote ?? (remotes.length === 1 && !dvcConfig.undefinedDefault ? remotes[0] : undefined);
  if (named !== undefined && !named.isDefault) facts.remoteByName = true;
  const undefinedDefault = named === undefined ? dvcConfig.undefinedDefault : undefined;
  if (undefinedDefault) {
    const where = undefinedDefault.line > 0 ? `${configShown}:${undefinedDefault.line}:1` : `${configShown}.local`;
    const defined = remotes.length > 0 ? `remotes defined: ${remotes.map((r) => r.name).join(', ')}` : 'no remote is defined';
    facts.remoteProblem = `${where}: [core] remote = ${undefinedDefault.name} names a remote that does not exist (${defined}); fix it with \`dvc remote default <name>\``;
    facts.remote = { source: facts.remoteProblem };
  } else if (remotes.length === 0) {
    facts.remote = { value: 'none', source: 'no remote in .dvc/config' };
  } else if (!chosen) {
    facts.remoteProblem = `.dvc/config has ${remotes.length} remotes (${remotes.map((r) => r.name).join(', ')}) and no [core] remote; pass --remote-name <name> to choose one`;
    facts.remote = { source: facts.remoteProblem };
  } else {
    facts.dvcRemote = chosen;
    const kind = remoteKindFor(chosen.scheme, chosen.endpointUrl, keyless);
    const where = `.dvc/config remote "${chosen.name}" (${chosen.scheme}${chosen.endpointUrl ? ' + endpointurl' : ''})`;
    if (kind) facts.remote = { value: kind, source: `from ${where}` };
    else {
      facts.remoteProblem = `remote "${chosen.name}" uses ${chosen.scheme}, which no template authenticates`;
      facts.remote = { source: facts.remoteProblem };
    }
  }

  const candidates = requirementCandidates(dir);
  // DVC pinned in a requirements file of the project (root, dvc.yaml's, src/), else in pyproject.toml.
  const req = findDvcRequirement(dir) ?? candidates.map((c) => findInRequirementsFile(path.join(dir, c.file))).find((r) => r !== undefined);
  const where = req ? `${rel(dir, req.file)}:${req.line}` : undefined;
  const locked = req?.version ? undefined : findLockedVersion(dir, 'dvc');
  if (req?.version) facts.dvc = { value: req.version, source: `from ${where}` };
  else if (locked && /^\d+\.\d+\.\d+$/.test(locked.version)) facts.dvc = { value: locked.version, source: `from ${locked.file}:${locked.line}${req ? ` (${where} has ${req.text})` : ''}` };
  else if (req) facts.dvc = { source: `template default; ${where} has ${req.text}, not an exact pin` };
  facts.requirements = requirementsFact(dir, req?.file);
  const lockFile = (['poetry.lock', 'uv.lock'] as const).find((f) => isFile(path.join(dir, f)));
  if (lockFile) facts.lockFile = lockFile;

  const python = readPythonVersionDetail(dir);
  if (python) facts.python = { value: python.version, source: `from ${python.source}` };
  return facts;
}

/** `shown` (a directory as the user gave it) joined with a relative path, with `/` separators. */
function shownPath(shown: string, relPath: string): string {
  return path.join(shown, relPath).split(path.sep).join('/');
}

/** `acme/ml` from `git@github.com:acme/ml.git` or `https://gitlab.com/group/sub/ml`. */
export function repoSlug(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?[^/]+\/|(?:[^@/\s]+@)?[^:/\s]+:)(.+?)(?:\.git)?\/?$/i.exec(url.trim());
  return m?.[1];
}
