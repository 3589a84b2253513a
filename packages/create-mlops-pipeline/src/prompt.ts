import path from 'node:path';
import type * as ClackModule from '@clack/prompts';
import { isFile } from '@mlops-pipeline/repo-facts';
import type { Provider, RemoteKind, RenderMode } from '@mlops-pipeline/templates';
import { CancelledError } from './errors.js';
import type { InputProperty } from './extra-inputs.js';
import type { Answers, Plan } from './plan.js';
import { formatRows, MODES, PROVIDERS, REMOTE_KINDS } from './plan.js';
import { dvcProblem, isSupportedDvc, isSupportedPython, pythonProblem } from './versions.js';

type Clack = typeof ClackModule;

let clack: Clack | undefined;

/** @clack/prompts, loaded only when a prompt is shown. */
async function load(): Promise<Clack> {
  clack ??= await import('@clack/prompts');
  return clack;
}

function check<T>(c: Clack, value: T): Exclude<T, symbol> {
  if (c.isCancel(value)) {
    c.cancel('Cancelled; nothing was written.');
    throw new CancelledError();
  }
  return value as Exclude<T, symbol>;
}

const REMOTE_LABELS: Record<RemoteKind, string> = {
  gcs: 'Google Cloud Storage, service-account key',
  'gcs-keyless': 'Google Cloud Storage, keyless (Workload Identity Federation)',
  s3: 'Amazon S3, access keys',
  's3-keyless': 'Amazon S3, keyless (OIDC role)',
  minio: 'MinIO / S3-compatible (endpointurl)',
  azure: 'Azure Blob Storage',
  'azure-keyless': 'Azure Blob Storage, keyless (workload identity federation)',
  gdrive: 'Google Drive, service account',
  ssh: 'SSH server, private key',
  none: 'no credentials (local, HTTP or no remote)',
};

/** Writes a message inside the prompt session's frame (or with `fallback` before any prompt ran). */
export function say(message: string, fallback: (text: string) => void): void {
  if (clack) clack.log.message(message);
  else fallback(message);
}

let introShown = false;

/** Opens the prompt session (once per run). */
export async function intro(title: string): Promise<void> {
  if (introShown) return;
  introShown = true;
  (await load()).intro(title);
}

export async function outro(message: string): Promise<void> {
  (await load()).outro(message);
}

async function askProvider(c: Clack, initial: Provider | undefined): Promise<Provider> {
  const opts: Parameters<Clack['select']>[0] = { message: 'Where does CI run?', options: PROVIDERS.map((p) => ({ value: p, label: p === 'github' ? 'GitHub Actions' : 'GitLab CI' })) };
  if (initial) opts.initialValue = initial;
  return check(c, await c.select(opts)) as Provider;
}

async function askRemote(c: Clack, initial: RemoteKind | undefined): Promise<RemoteKind> {
  const opts: Parameters<Clack['select']>[0] = { message: 'How does CI reach the DVC remote?', options: REMOTE_KINDS.map((r) => ({ value: r, label: r, hint: REMOTE_LABELS[r] })) };
  if (initial) opts.initialValue = initial;
  return check(c, await c.select(opts)) as RemoteKind;
}

async function askText(c: Clack, message: string, initial: string | undefined, validate?: (v: string) => string | undefined): Promise<string> {
  const value = check(
    c,
    await c.text({
      message,
      initialValue: initial ?? '',
      validate: (v) => (validate ? validate((v ?? '').trim()) : undefined),
    }),
  );
  return value.trim();
}

/** Which DVC remote the pipeline pulls from, when .dvc/config has several and no default. */
export async function askRemoteName(remotes: Array<{ name: string; url: string }>): Promise<string> {
  const c = await load();
  const options = remotes.map((r) => ({ value: r.name, label: r.name, hint: r.url.replace(/\/\/[^@/]*@/, '//***@') }));
  return check(c, await c.select({ message: '.dvc/config has several remotes and no default. Which one does CI pull from?', options })) as string;
}

async function askRequirements(c: Clack, choices: string[]): Promise<string> {
  const options = [...choices.map((f) => ({ value: f, label: f })), { value: '', label: 'none', hint: 'install DVC only' }];
  return check(c, await c.select({ message: 'Which requirements file does `dvc repro` need installed?', options })) as string;
}

const python = (v: string) => (v === '' || isSupportedPython(v) ? undefined : pythonProblem('Python', v));
const dvcVersion = (v: string) => (v === '' || isSupportedDvc(v) ? undefined : dvcProblem('DVC', v));

/**
 * Shows the inferred values, asks what is missing and lets the user change the rest.
 * Any cancel (Ctrl-C, Esc) throws CancelledError before anything is written.
 */
export async function askAnswers(plan: Plan, dir: string, projectDir: string): Promise<Answers> {
  const c = await load();
  const a = { ...plan.partial };
  if (plan.rows.length > 0) c.note(formatRows(plan.rows), `Found in ${dir}`);
  for (const m of plan.missing) {
    if (m.key === 'provider') a.provider = await askProvider(c, undefined);
    else if (m.key === 'remote') a.remote = await askRemote(c, undefined);
    else a.requirements = await askRequirements(c, m.choices ?? []);
  }
  const keep = check(c, await c.confirm({ message: plan.missing.length > 0 ? 'Keep the other values shown above?' : 'Generate the pipeline with these values?', initialValue: true }));
  if (!keep) {
    a.provider = await askProvider(c, a.provider);
    a.remote = await askRemote(c, a.remote);
    const py = await askText(c, 'Python version (empty: the template default)', a.python, python);
    if (py) a.python = py;
    else delete a.python;
    const dvc = await askText(c, 'DVC version (exact; empty: the template default)', a.dvc, dvcVersion);
    if (dvc) a.dvc = dvc;
    else delete a.dvc;
    a.requirements = await askText(c, 'Requirements file, or pyproject.toml to pip install the project (empty: DVC only)', a.requirements, (v) =>
      v === '' || isFile(path.join(projectDir, v)) ? undefined : `no such file in ${dir}`,
    );
    a.branch = await askText(c, 'Branch that runs the pipeline', a.branch, (v) => (v === '' ? 'a branch name' : undefined));
    a.cml = check(c, await c.confirm({ message: 'Post a CML report on pull/merge requests?', initialValue: a.cml ?? false }));
    a.mode = check(
      c,
      await c.select({
        message: 'Vendor the full pipeline, or pin the published template?',
        options: MODES.map((m) => ({ value: m, label: m, hint: m === 'vendored' ? 'full file with a version header' : 'thin caller of the versioned template' })),
        initialValue: a.mode ?? 'vendored',
      }),
    ) as RenderMode;
  }
  return a as Answers;
}

/** Asks for one template input (a select for enums, else text checked by `problem`, the templates' own message, or the input's pattern). */
export async function askInput(prop: InputProperty, problem?: (value: string) => string | undefined): Promise<string> {
  const c = await load();
  if (prop.enum) {
    return check(c, await c.select({ message: `${prop.name}: ${prop.description}`, options: prop.enum.map((v) => ({ value: v, label: v })) })) as string;
  }
  const re = prop.pattern === undefined ? undefined : new RegExp(prop.pattern);
  return askText(c, `${prop.name}: ${prop.description}`, undefined, (v) => (v === '' ? 'required' : (problem?.(v) ?? (re && !re.test(v) ? `does not match ${prop.pattern}` : undefined))));
}

export async function confirm(message: string, initialValue = false): Promise<boolean> {
  const c = await load();
  return check(c, await c.confirm({ message, initialValue }));
}

export type ExistingCiChoice = 'keep' | 'replace' | 'cancel';

/** CI that already runs the experiment: keep it next to the new pipeline, replace it, or stop. */
export async function chooseExistingCi(files: string[], canReplace: boolean): Promise<ExistingCiChoice> {
  const c = await load();
  const options: Array<{ value: ExistingCiChoice; label: string; hint?: string }> = [{ value: 'keep', label: 'Keep it and add the pipeline', hint: 'every push runs the experiment twice' }];
  if (canReplace) options.push({ value: 'replace', label: `Replace it (remove ${files.join(', ')})`, hint: 'in the same all-or-nothing write' });
  options.push({ value: 'cancel', label: 'Cancel', hint: 'write nothing' });
  return check(c, await c.select({ message: `${files.join(', ')} already run${files.length === 1 ? 's' : ''} the experiment. What should happen to ${files.length === 1 ? 'it' : 'them'}?`, options, initialValue: 'keep' })) as ExistingCiChoice;
}

export type GitlabExistingChoice = 'include' | 'replace';

export async function chooseGitlabExisting(file: string): Promise<GitlabExistingChoice> {
  const c = await load();
  return check(
    c,
    await c.select({
      message: `${file} already exists. What should happen to it?`,
      options: [
        { value: 'include', label: 'Add an include: to it', hint: 'keeps your jobs; the pipeline goes to its own file' },
        { value: 'replace', label: 'Replace it', hint: 'shows the diff first' },
      ],
      initialValue: 'include',
    }),
  ) as GitlabExistingChoice;
}

/** The project on a self-managed GitLab that mirrors the published components (pinned mode). */
export async function askSource(host: string): Promise<string> {
  const c = await load();
  return askText(c, `Project on ${host} mirroring gitlab.com/mlops-pipeline/components (GitLab includes components only from its own instance)`, `${host}/mlops-pipeline/components`, (v) =>
    /^[A-Za-z0-9.-]+(\/[A-Za-z0-9._-]+)+$/.test(v) ? undefined : `a project path such as ${host}/mlops-pipeline/components`,
  );
}

/** The SSH server of the remote (`host` or `host:port`), for the host keys the next steps record. */
export async function askSshServer(valid: (v: string) => boolean): Promise<string> {
  const c = await load();
  return askText(c, 'SSH server of the DVC remote (host or host:port), whose host keys the pipeline trusts', undefined, (v) => (valid(v) ? undefined : 'a host name such as storage.example.com, optionally with :port'));
}
