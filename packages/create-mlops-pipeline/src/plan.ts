import { existsSync } from 'node:fs';
import path from 'node:path';
import { isFile } from '@mlops-pipeline/repo-facts';
import type { Provider, RemoteKind, RenderMode } from '@mlops-pipeline/templates';
import type { CliOptions } from './args.js';
import { UserError } from './errors.js';
import type { RepoFacts } from './facts.js';
import { dvcProblem, isSupportedDvc, isSupportedPython, pythonProblem } from './versions.js';

export const PROVIDERS: readonly Provider[] = ['github', 'gitlab'];
export const REMOTE_KINDS: readonly RemoteKind[] = ['gcs', 'gcs-keyless', 's3', 's3-keyless', 'minio', 'azure', 'azure-keyless', 'gdrive', 'ssh', 'none'];
export const MODES: readonly RenderMode[] = ['vendored', 'pinned'];

/** Everything the pipeline is generated from. */
export interface Answers {
  provider: Provider;
  remote: RemoteKind;
  /** Python version; undefined: the template's default. */
  python?: string;
  /** Exact DVC version; undefined: the template's default. */
  dvc?: string;
  /** Requirements file to install with DVC; `pyproject.toml`: the project itself; '': DVC only. */
  requirements: string;
  /** The DVC remote to pull from by name, when it is not the default remote. */
  remoteName?: string;
  /** The tool of the project's lock file, installing it from the lock (pip when undefined). */
  installer?: 'poetry' | 'uv';
  branch: string;
  /** The DVC project's directory relative to the git checkout ('' or undefined: the checkout root). */
  workdir?: string;
  cml: boolean;
  mode: RenderMode;
  source?: string;
  ref?: string;
}

/** A row of the "what was inferred" table. */
export interface Row {
  key: keyof Answers;
  value: string;
  source: string;
}

export interface Plan {
  /** Values known (from flags, the repo or defaults); undefined where they must be asked. */
  partial: Partial<Answers>;
  rows: Row[];
  /** Flags for values that could not be inferred, with what to pass. */
  missing: Array<{ key: 'provider' | 'remote' | 'requirements'; hint: string; choices?: string[] }>;
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UserError(`--${flag} must be one of ${allowed.join(', ')} (got "${value}")`, 2);
  return value as T;
}

/** The templates' default Python and DVC versions, shown when the repo sets none. */
export interface TemplateDefaults {
  python?: string;
  dvc?: string;
}

/** Merges flags over the inferred facts; validates flag values. */
export function makePlan(facts: RepoFacts, opts: CliOptions, defaults: TemplateDefaults = {}): Plan {
  const partial: Partial<Answers> = {};
  const rows: Row[] = [];
  const missing: Plan['missing'] = [];

  const provider = oneOf('provider', opts.provider, PROVIDERS) ?? facts.provider.value;
  if (provider) {
    partial.provider = provider;
    rows.push({ key: 'provider', value: provider, source: opts.provider ? '--provider' : facts.provider.source });
  } else missing.push({ key: 'provider', hint: `--provider ${PROVIDERS.join('|')}` });

  let remote = oneOf('remote', opts.remote, REMOTE_KINDS) ?? facts.remote.value;
  if (remote && opts.keyless) {
    if (remote === 'gcs') remote = 'gcs-keyless';
    else if (remote === 's3') remote = 's3-keyless';
    else if (remote === 'azure') remote = 'azure-keyless';
  }
  if (opts.keyless && remote && !remote.endsWith('-keyless')) {
    throw new UserError(`--keyless works with Google Cloud Storage, Amazon S3 and Azure Blob Storage remotes, not "${remote}"`, 2);
  }
  if (remote) {
    partial.remote = remote;
    rows.push({ key: 'remote', value: remote, source: opts.remote ? '--remote' : facts.remote.source });
    if (facts.remoteByName && facts.dvcRemote) partial.remoteName = facts.dvcRemote.name;
  } else missing.push({ key: 'remote', hint: `--remote ${REMOTE_KINDS.join('|')}${facts.remoteProblem ? ` (${facts.remoteProblem})` : ''}` });

  if (opts.python !== undefined && !isSupportedPython(opts.python)) throw new UserError(pythonProblem('--python', opts.python), 2);
  // A version the repository names that the pipeline cannot use is shown and replaced by the default.
  const repoPython = facts.python.value !== undefined && isSupportedPython(facts.python.value) ? facts.python.value : undefined;
  const python = opts.python ?? repoPython;
  if (python) partial.python = python;
  const pythonSource = facts.python.value !== undefined && repoPython === undefined ? `template default; ${facts.python.source.replace(/^from /, '')} has ${facts.python.value}, not a supported version` : facts.python.source;
  rows.push({ key: 'python', value: python ?? defaults.python ?? '(template default)', source: opts.python ? '--python' : pythonSource });

  if (opts.dvc !== undefined && !isSupportedDvc(opts.dvc)) throw new UserError(dvcProblem('--dvc', opts.dvc), 2);
  const repoDvc = facts.dvc.value !== undefined && isSupportedDvc(facts.dvc.value) ? facts.dvc.value : undefined;
  const dvc = opts.dvc ?? repoDvc;
  if (dvc) partial.dvc = dvc;
  const dvcSource = facts.dvc.value !== undefined && repoDvc === undefined ? `template default; ${facts.dvc.source.replace(/^from /, '')} has ${facts.dvc.value}, not a supported version` : facts.dvc.source;
  rows.push({ key: 'dvc', value: dvc ?? defaults.dvc ?? '(template default)', source: opts.dvc ? '--dvc' : dvcSource });

  const requirements = opts.requirements ?? facts.requirements.value;
  if (opts.requirements && !isFile(path.join(facts.dir, opts.requirements))) {
    const what = existsSync(path.join(facts.dir, opts.requirements)) ? 'not a file' : 'no such file';
    throw new UserError(`--requirements ${opts.requirements}: ${what} in ${facts.dir} (the path is relative to the DVC project; pass --requirements '' to install DVC only)`, 2);
  }
  if (requirements !== undefined) partial.requirements = requirements;
  else {
    const choices = facts.requirements.candidates ?? [];
    missing.push({ key: 'requirements', hint: `--requirements ${choices.join('|')} (${facts.requirements.source}; '' installs DVC only)`, choices });
  }
  rows.push({ key: 'requirements', value: requirements === undefined ? '(to choose)' : requirements === '' ? '(none)' : requirements, source: opts.requirements !== undefined ? '--requirements' : facts.requirements.source });

  // A Poetry or uv project is installed from its lock file by its own tool.
  if (facts.lockFile !== undefined && requirements === 'pyproject.toml') {
    partial.installer = facts.lockFile === 'poetry.lock' ? 'poetry' : 'uv';
    rows.push({ key: 'installer', value: partial.installer, source: `from ${facts.lockFile}` });
  }

  partial.branch = opts.branch ?? facts.branch.value ?? 'main';
  rows.push({ key: 'branch', value: partial.branch, source: opts.branch ? '--branch' : facts.branch.source });

  if (facts.workdir !== '') {
    partial.workdir = facts.workdir;
    rows.push({ key: 'workdir', value: facts.workdir, source: 'the DVC project inside the git checkout' });
  }

  partial.cml = opts.cml ?? false;
  rows.push({ key: 'cml', value: partial.cml ? 'yes' : 'no', source: opts.cml === undefined ? 'default' : opts.cml ? '--cml' : '--no-cml' });

  const mode = oneOf('mode', opts.mode, MODES) ?? 'vendored';
  partial.mode = mode;
  rows.push({ key: 'mode', value: mode, source: opts.mode ? '--mode' : 'default' });
  if (opts.source) partial.source = opts.source;
  if (opts.ref) partial.ref = checkRef(opts.ref, provider);
  if (mode === 'vendored' && (opts.source || opts.ref)) throw new UserError('--source and --ref only apply to --mode pinned', 2);

  return { partial, rows, missing };
}

/**
 * A `--ref` in the project's tag scheme: `1.2.3` or `v1.2.3` (GitHub tag `v1.2.3`, GitLab component
 * version `1.2.3`), or a major version `1` / `v1` for GitHub's moving major tag. Returned without the `v`.
 */
export function checkRef(ref: string, provider: Provider | undefined): string {
  const m = /^v?(\d+)(\.\d+\.\d+)?$/.exec(ref);
  if (!m) throw new UserError(`--ref must be a version such as 1.2.3 (or v1.2.3)${provider === 'gitlab' ? '' : ', or a major version such as v1 on GitHub'} (got "${ref}")`, 2);
  if (m[2] === undefined && provider === 'gitlab') {
    throw new UserError(`--ref ${ref}: GitLab components are pinned to an exact version such as ${m[1]}.0.0 (the moving v${m[1]} tag exists on GitHub only)`, 2);
  }
  return ref.replace(/^v/, '');
}

/** Formats the inferred-values table: `provider  github  (from git remote origin)`; sources are whole phrases. */
export function formatRows(rows: Row[]): string {
  const width = Math.max(...rows.map((r) => r.key.length));
  const vwidth = Math.max(...rows.map((r) => r.value.length));
  return rows.map((r) => `${r.key.padEnd(width)}  ${r.value.padEnd(vwidth)}  (${r.source})`).join('\n');
}

/** The complete answers, or a usage error naming the flags to pass. */
export function requireComplete(plan: Plan, yes: boolean): Answers {
  if (plan.missing.length > 0) {
    const flags = plan.missing.map((m) => `pass ${m.hint}`).join('; ');
    const why = yes ? 'cannot infer every value' : 'cannot ask in a non-interactive shell';
    throw new UserError(`${why}; ${flags}${yes ? '' : ' (or --yes to accept inferred values)'}`, 2);
  }
  return plan.partial as Answers;
}
