/**
 * GitHub Actions → provider-neutral model. Handles workflows
 * (`.github/workflows/*.yml`) and actions (`action.yml`, composite `runs.steps`
 * modelled as one job named after the file).
 */
import type { ActionUse, Job, Located, PathEntry, Step, Trigger, Workflow } from '../model.js';
import type { Source } from '../parse/source.js';
import type { ScalarView, View } from '../parse/view.js';
import { createViewContext, get, spanOf, str, strList, toView } from '../parse/view.js';
import { scriptOf } from '../parse/script.js';
import { variablesOf } from '../parse/variables.js';
import { vendoredHeader } from '../engine/header.js';

export function parseActionUse(raw: string, view: ScalarView): ActionUse {
  const span = spanOf(view);
  if (raw.startsWith('docker://') || raw.startsWith('./') || raw.startsWith('../')) {
    return { name: raw, ref: undefined, raw, span };
  }
  const at = raw.lastIndexOf('@');
  if (at < 0) return { name: raw, ref: undefined, raw, span };
  return { name: raw.slice(0, at), ref: raw.slice(at + 1) || undefined, raw, span };
}

export function buildGithubWorkflow(src: Source, isAction: boolean): Workflow {
  const ctx = createViewContext(src);
  const root = toView(src.document.contents, ctx);
  const workflow: Workflow = {
    provider: 'github',
    file: src.file,
    text: src.text,
    document: src.document,
    triggers: triggersOf(get(root, 'on')),
    env: variablesOf(get(root, 'env'), 'workflow', 'github'),
    jobs: [],
    includes: [],
    sources: new Map(),
  };
  const permissions = get(root, 'permissions');
  if (permissions?.node) workflow.permissions = permissions.node;
  const header = vendoredHeader(src);
  if (header) workflow.header = header;
  if (isAction) {
    const runs = get(root, 'runs');
    if (runs) workflow.jobs.push(actionJob(runs, str(get(root, 'name'))));
    return workflow;
  }
  const jobs = get(root, 'jobs');
  if (jobs?.kind === 'map') {
    const wd = str(get(get(get(root, 'defaults'), 'run'), 'working-directory'));
    for (const [id, e] of jobs.entries) workflow.jobs.push(githubJob(id, e.keyView, e.value, permissions, wd));
  }
  return workflow;
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

function githubJob(id: string, keyView: ScalarView, view: View, workflowPermissions: View | undefined, defaultWorkingDirectory: string | undefined): Job {
  const job = emptyJob(id, keyView, view);
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
  if (permissions?.node) job.permissions = permissions.node;
  if (grantsIdToken(permissions ?? workflowPermissions)) job.idTokens.push('id-token');
  const uses = get(view, 'uses');
  const usesText = str(uses);
  if (usesText && uses?.kind === 'scalar') job.uses = parseActionUse(usesText, uses);
  job.needs = strList(get(view, 'needs')).map((s) => String(s.value));
  const condition = get(view, 'if');
  if (condition && str(condition) !== undefined) job.condition = str(condition)!;
  fillSteps(job, get(view, 'steps'));
  // `defaults.run.working-directory` (job, then workflow) applies to run steps without their own.
  const wd = str(get(get(get(view, 'defaults'), 'run'), 'working-directory')) ?? defaultWorkingDirectory;
  if (wd !== undefined) for (const step of job.steps) if (step.run && step.workingDirectory === undefined) step.workingDirectory = wd;
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
  const step: Step = { index, span: spanOf(view), with: new Map(), env: variablesOf(get(view, 'env'), 'step', 'github'), node: view.node };
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

