/**
 * GitHub Actions → provider-neutral model. Handles workflows
 * (`.github/workflows/*.yml`) and actions (`action.yml`, composite `runs.steps`
 * modelled as one job named after the file).
 */
import type { ActionUse, CallInterface, Job, Located, PathEntry, Permissions, RepoPath, SecretDeclaration, Span, Step, Trigger, Workflow } from '../model.js';
import type { Source } from '../parse/source.js';
import type { ScalarView, View } from '../parse/view.js';
import { createViewContext, get, spanOf, str, strList, toView } from '../parse/view.js';
import { scriptOf } from '../parse/script.js';
import { variablesOf } from '../parse/variables.js';
import { vendoredHeader } from '../engine/header.js';
import type { TemplatesApi } from '../engine/templates.js';
import { inputDeclarations, keyedValues } from '../keyed.js';
import { workflowLines } from '../line-index.js';

export function parseActionUse(raw: string, view: ScalarView): ActionUse {
  const span = spanOf(view);
  if (raw.startsWith('docker://') || raw.startsWith('./') || raw.startsWith('../')) {
    return { name: raw, ref: undefined, raw, span };
  }
  const at = raw.lastIndexOf('@');
  if (at < 0) return { name: raw, ref: undefined, raw, span };
  return { name: raw.slice(0, at), ref: raw.slice(at + 1) || undefined, raw, span };
}

export function buildGithubWorkflow(src: Source, isAction: boolean, templates: TemplatesApi): Workflow {
  const ctx = createViewContext(src);
  const root = toView(src.document.contents, ctx);
  const sources = new Map<string, string>();
  const on = get(root, 'on');
  const workflow: Workflow = {
    provider: 'github',
    kind: isAction ? 'action' : 'workflow',
    file: src.file,
    text: src.text,
    document: src.document,
    triggers: triggersOf(on),
    repoPaths: pathFilters(on),
    env: variablesOf(get(root, 'env'), 'workflow', 'github'),
    keySpans: keySpansOf(root),
    inputs: [],
    jobs: [],
    includes: [],
    localIncludes: [],
    hiddenJobs: [],
    redefinedJobs: [],
    sources,
    lines: workflowLines(src.file, src.text, sources),
  };
  for (const trigger of ['workflow_call', 'workflow_dispatch'] as const) {
    for (const input of inputDeclarations(get(get(on, trigger), 'inputs'), false).values()) workflow.inputs.push({ ...input, trigger });
  }
  const call = callInterface(on);
  if (call) workflow.call = call;
  const permissions = get(root, 'permissions');
  const declared = permissionsOf(permissions);
  if (declared) workflow.permissions = declared;
  const header = vendoredHeader(src, templates);
  if (header) workflow.header = header;
  if (isAction) {
    const runs = get(root, 'runs');
    if (runs) workflow.jobs.push(actionJob(runs, str(get(root, 'name'))));
    return workflow;
  }
  const jobs = get(root, 'jobs');
  if (jobs?.kind === 'map') {
    const defaults = get(get(root, 'defaults'), 'run');
    for (const [id, e] of jobs.entries) workflow.jobs.push(githubJob(id, e.keyView, e.value, permissions, str(get(defaults, 'working-directory')), str(get(defaults, 'shell'))));
  }
  return workflow;
}

function keySpansOf(view: View | undefined): Map<string, Span> {
  return new Map([...keyedValues(view)].map(([k, v]) => [k, v.keySpan]));
}

/** `permissions:` as written: a shorthand (`read-all`, `write-all`) or scope → level. */
export function permissionsOf(view: View | undefined): Permissions | undefined {
  if (!view?.node) return undefined;
  const out: Permissions = { span: spanOf(view), scopes: new Map() };
  if (view.kind === 'scalar') {
    if (view.value !== null) out.shorthand = String(view.value);
    return out;
  }
  if (view.kind !== 'map') return out;
  for (const [scope, e] of view.entries) {
    const level = str(e.value);
    if (level !== undefined) out.scopes.set(scope, { level, keySpan: spanOf(e.keyView), valueSpan: spanOf(e.value) });
  }
  return out;
}

/** `on: workflow_call` of a reusable workflow: the inputs and secrets a caller passes. */
function callInterface(on: View | undefined): CallInterface | undefined {
  const call = on?.kind === 'map' ? on.entries.get('workflow_call') : undefined;
  if (!call) {
    const listed = strList(on).find((s) => s.value === 'workflow_call');
    return listed ? { span: spanOf(listed), inputs: new Map(), secrets: new Map() } : undefined;
  }
  const secrets = new Map<string, SecretDeclaration>();
  const secretsView = get(call.value, 'secrets');
  if (secretsView?.kind === 'map') {
    for (const [name, e] of secretsView.entries) {
      const required = get(e.value, 'required');
      secrets.set(name, { name, span: spanOf(e.keyView), required: required?.kind === 'scalar' && (required.value === true || required.value === 'true') });
    }
  }
  return { span: spanOf(call.keyView), inputs: inputDeclarations(get(call.value, 'inputs'), false), secrets };
}

/** `on.<event>.paths` / `paths-ignore`: globs GitHub matches against changed files' paths from the repository's root. */
function pathFilters(on: View | undefined): RepoPath[] {
  const out: RepoPath[] = [];
  if (on?.kind !== 'map') return out;
  for (const [event, e] of on.entries) {
    for (const key of ['paths', 'paths-ignore'] as const) {
      for (const item of strList(get(e.value, key))) out.push({ path: String(item.value), span: spanOf(item), key: `on.${event}.${key}` });
    }
  }
  return out;
}

function triggersOf(view: View | undefined): Trigger[] {
  if (!view) return [];
  if (view.kind === 'map') return [...view.entries.values()].map((e) => ({ event: e.key, span: spanOf(e.keyView) }));
  return strList(view).map((s) => ({ event: String(s.value), span: spanOf(s) }));
}

function emptyJob(id: string, keyView: ScalarView, view: View): Job {
  return {
    id,
    span: spanOf(keyView),
    steps: [],
    env: [],
    images: [],
    runsOn: [],
    needs: [],
    cachePaths: [],
    artifactPaths: [],
    idTokens: [],
    checksOut: false,
    node: view.node,
  };
}

function actionJob(runs: View, name: string | undefined): Job {
  const keyView: ScalarView = { kind: 'scalar', node: runs.node, src: runs.src, value: 'runs' };
  const job = emptyJob('runs', keyView, runs);
  if (name) job.name = name;
  const image = str(get(runs, 'image'));
  if (image && image !== 'Dockerfile') job.images.push({ value: image.replace(/^docker:\/\//, ''), span: spanOf(get(runs, 'image')!) });
  fillSteps(job, get(runs, 'steps'));
  return job;
}

function githubJob(id: string, keyView: ScalarView, view: View, workflowPermissions: View | undefined, defaultWorkingDirectory: string | undefined, defaultShell: string | undefined): Job {
  const job = emptyJob(id, keyView, view);
  const keyed = keyedValues(view);
  job.config = Object.fromEntries([...keyed].map(([k, v]) => [k, v.value]));
  job.keySpans = new Map([...keyed].map(([k, v]) => [k, v.keySpan]));
  const name = str(get(view, 'name'));
  if (name) job.name = name;
  job.env = variablesOf(get(view, 'env'), 'job', 'github');
  const container = get(view, 'container');
  if (container) {
    const image = container.kind === 'map' ? get(container, 'image') : container;
    const value = str(image);
    if (value && image) job.images.push({ value, span: spanOf(image) });
    job.env.push(...variablesOf(get(container, 'env'), 'container', 'github'));
  }
  const services = get(view, 'services');
  if (services?.kind === 'map') {
    for (const e of services.entries.values()) {
      const image = e.value.kind === 'map' ? get(e.value, 'image') : e.value;
      const value = str(image);
      if (value && image) job.images.push({ value, span: spanOf(image) });
    }
  }
  const runsOn = get(view, 'runs-on');
  const labels = runsOn?.kind === 'map' ? [...strList(get(runsOn, 'group')), ...strList(get(runsOn, 'labels'))] : strList(runsOn);
  job.runsOn = labels.map((s) => ({ value: String(s.value), span: spanOf(s) }));
  const permissions = get(view, 'permissions');
  const declared = permissionsOf(permissions);
  if (declared) job.permissions = declared;
  if (grantsIdToken(permissions ?? workflowPermissions)) job.idTokens.push('id-token');
  const uses = get(view, 'uses');
  const usesText = str(uses);
  if (usesText && uses?.kind === 'scalar') {
    job.uses = parseActionUse(usesText, uses);
    if (keyed.has('with')) job.with = keyedValues(get(view, 'with'));
    const secrets = get(view, 'secrets');
    if (secrets?.kind === 'scalar' && secrets.value === 'inherit') job.secrets = { value: 'inherit', span: spanOf(secrets) };
    else if (secrets) job.secrets = keyedValues(secrets);
  }
  job.needs = strList(get(view, 'needs')).map((s) => String(s.value));
  const condition = get(view, 'if');
  if (condition && str(condition) !== undefined) job.condition = str(condition)!;
  fillSteps(job, get(view, 'steps'));
  // `defaults.run.working-directory` (job, then workflow) applies to run steps without their own.
  const wd = str(get(get(get(view, 'defaults'), 'run'), 'working-directory')) ?? defaultWorkingDirectory;
  if (wd !== undefined) for (const step of job.steps) if (step.run && step.workingDirectory === undefined) step.workingDirectory = wd;
  const shell = str(get(get(get(view, 'defaults'), 'run'), 'shell')) ?? defaultShell;
  if (shell !== undefined) for (const step of job.steps) if (step.run && step.shell === undefined) step.shell = shell;
  return job;
}

function grantsIdToken(permissions: View | undefined): boolean {
  if (!permissions) return false;
  if (permissions.kind === 'scalar') return permissions.value === 'write-all';
  return str(get(permissions, 'id-token')) === 'write';
}

function fillSteps(job: Job, steps: View | undefined): void {
  if (steps?.kind !== 'seq') return;
  steps.items.forEach((item, index) => {
    const step = githubStep(item, index);
    job.steps.push(step);
    const uses = step.uses;
    if (!uses) return;
    if (uses.name.startsWith('docker://')) job.images.push({ value: uses.name.slice('docker://'.length), span: uses.span });
    if (uses.name.toLowerCase() === 'actions/checkout') {
      job.checksOut = true;
      const depth = step.with.get('fetch-depth');
      if (depth && depth.value !== undefined) job.fetchDepth = depth as Located<string>;
    }
    if (uses.name.toLowerCase() === 'actions/cache' || uses.name.toLowerCase().startsWith('actions/cache/')) {
      job.cachePaths.push(...pathLines(item, 'path'));
    }
    if (uses.name.toLowerCase() === 'actions/upload-artifact') job.artifactPaths.push(...pathLines(item, 'path'));
  });
}

/** One PathEntry per non-empty line of a `with.<key>` input (paths are newline-separated). */
function pathLines(stepView: View, key: string): PathEntry[] {
  const value = get(get(stepView, 'with'), key);
  if (!value || value.kind !== 'scalar' || value.value === null) return [];
  return scriptOf(value).lines.map((l) => ({ path: l.text.trim(), span: l.span })).filter((p) => p.path !== '' && !p.path.startsWith('#'));
}

function githubStep(view: View, index: number): Step {
  const step: Step = { index, span: spanOf(view), with: new Map(), env: variablesOf(get(view, 'env'), 'step', 'github'), keys: keyedValues(view), node: view.node };
  const shell = str(get(view, 'shell'));
  if (shell !== undefined) step.shell = shell;
  const id = str(get(view, 'id'));
  if (id !== undefined) step.id = id;
  const name = str(get(view, 'name'));
  if (name !== undefined) step.name = name;
  const run = get(view, 'run');
  if (run?.kind === 'scalar' && run.value !== null) step.run = scriptOf(run);
  const uses = get(view, 'uses');
  const usesText = str(uses);
  if (usesText !== undefined && uses?.kind === 'scalar') step.uses = parseActionUse(usesText, uses);
  const withView = get(view, 'with');
  if (withView?.kind === 'map') {
    for (const [k, e] of withView.entries) step.with.set(k, { value: str(e.value), span: spanOf(e.value.node ? e.value : e.keyView) });
  }
  const condition = str(get(view, 'if'));
  if (condition !== undefined) step.condition = condition;
  const wd = str(get(view, 'working-directory'));
  if (wd !== undefined) step.workingDirectory = wd;
  return step;
}

