/**
 * GitLab CI → provider-neutral model, from the resolved pipeline: each
 * non-hidden job becomes a Job whose `before_script`/`script`/`after_script`
 * entries are Steps with `run`, images from `image`/`services`, variables,
 * cache/artifact paths, id_tokens, tags (runsOn), GIT_DEPTH (fetchDepth) and
 * GIT_STRATEGY (checksOut).
 */
import type { HiddenJob, Job, JobDefinition, Located, LocalInclude, PathEntry, Script, Span, Step, Trigger, Variable, Workflow } from '../model.js';
import type { Source } from '../parse/source.js';
import type { ScalarView, View } from '../parse/view.js';
import { get, spanOf, str, strList, toPlain } from '../parse/view.js';
import { scriptOf } from '../parse/script.js';
import { variablesOf } from '../parse/variables.js';
import { vendoredHeader } from '../engine/header.js';
import type { TemplatesApi } from '../engine/templates.js';
import { keyedValues } from '../keyed.js';
import { workflowLines } from '../line-index.js';
import { GLOBAL_KEYWORDS } from './keywords.js';
import type { Resolved, ResolvedJob } from './resolve.js';
import { componentSpec } from './spec.js';
import { repoPathsOf, uniqueBySpan } from './repo-paths.js';

const SECTIONS: NonNullable<Script['section']>[] = ['before_script', 'script', 'after_script'];

export function buildGitlabWorkflow(src: Source, resolved: Resolved, templates: TemplatesApi): Workflow {
  const env = variablesOf(get(resolved.root, 'variables'), 'workflow', 'gitlab');
  const workflow: Workflow = {
    provider: 'gitlab',
    kind: src.header ? 'component' : 'gitlab-ci',
    file: src.file,
    text: src.text,
    document: src.document,
    triggers: pipelineSources(resolved),
    repoPaths: uniqueBySpan([...repoPathsOf(get(resolved.root, 'workflow')), ...resolved.jobs.flatMap((j) => repoPathsOf(j.view))]),
    env,
    keySpans: new Map([...keyedValues(resolved.root)].map(([k, v]) => [k, v.keySpan])),
    inputs: [],
    jobs: resolved.jobs.map((j) => gitlabJob(j, env)),
    includes: resolved.includes,
    localIncludes: resolved.loaded.map(localInclude),
    hiddenJobs: hiddenJobs(resolved),
    redefinedJobs: redefinedJobs(resolved),
    sources: resolved.sources,
    lines: workflowLines(src.file, src.text, resolved.sources),
  };
  if (resolved.incomplete) workflow.incomplete = true;
  const stages = get(resolved.root, 'stages');
  if (stages) workflow.stages = strList(stages).map((s) => ({ value: String(s.value), span: spanOf(s) }));
  const header = vendoredHeader(src, templates);
  if (header) workflow.header = header;
  const spec = componentSpec(src);
  if (spec) workflow.spec = spec;
  return workflow;
}

function localInclude(loaded: Resolved['loaded'][number]): LocalInclude {
  const out: LocalInclude = { include: loaded.include, file: loaded.source.file, inputs: loaded.inputs?.entries ?? new Map() };
  const spec = componentSpec(loaded.source);
  if (spec) out.spec = spec;
  return out;
}

function isJobName(key: string): boolean {
  return !GLOBAL_KEYWORDS.has(key);
}

/** Hidden jobs (`.name`) of the merged pipeline, as written. */
function hiddenJobs(resolved: Resolved): HiddenJob[] {
  const out: HiddenJob[] = [];
  for (const [id, e] of resolved.root.entries) {
    if (!id.startsWith('.') || e.value.kind !== 'map') continue;
    out.push({ id, span: spanOf(e.keyView), keySpans: new Map([...e.value.entries].map(([k, v]) => [k, spanOf(v.keyView)])) });
  }
  return out;
}

/** Job names (hidden ones included) written in more than one of the merged files, each place in merge order. */
function redefinedJobs(resolved: Resolved): JobDefinition[] {
  const spans = new Map<string, Span[]>();
  const seenFiles = new Set<string>();
  for (const layer of resolved.layers) {
    if (layer.kind !== 'map' || seenFiles.has(layer.src.file)) continue;
    seenFiles.add(layer.src.file);
    for (const [id, e] of layer.entries) {
      if (!isJobName(id) || e.value.kind !== 'map') continue;
      spans.set(id, [...(spans.get(id) ?? []), spanOf(e.keyView)]);
    }
  }
  return [...spans].filter(([, s]) => s.length > 1).map(([id, s]) => ({ id, spans: s }));
}

const PIPELINE_SOURCE = /\$CI_PIPELINE_SOURCE\s*==\s*["']([a-z_]+)["']/g;

/**
 * Triggers of a GitLab pipeline: the `$CI_PIPELINE_SOURCE == "…"` values its
 * `workflow: rules:` accept (none when there is no workflow rule: every source).
 */
function pipelineSources(resolved: Resolved): Trigger[] {
  const out: Trigger[] = [];
  const rules = get(get(resolved.root, 'workflow'), 'rules');
  for (const rule of rules?.kind === 'seq' ? rules.items : []) {
    const cond = get(rule, 'if');
    const text = str(cond);
    if (!text || !cond || str(get(rule, 'when')) === 'never') continue;
    for (const m of text.matchAll(PIPELINE_SOURCE)) out.push({ event: m[1]!, span: spanOf(cond) });
  }
  return out;
}

/** Script entries, flattening nested lists (what `!reference` inside a script produces). */
function scriptEntries(view: View | undefined, out: ScalarView[] = [], depth = 0): ScalarView[] {
  if (!view || depth > 10) return out;
  if (view.kind === 'scalar') {
    if (view.value !== null) out.push(view);
  } else if (view.kind === 'seq') {
    for (const item of view.items) scriptEntries(item, out, depth + 1);
  }
  return out;
}

function imageOf(view: View | undefined): Located<string> | undefined {
  const image = view?.kind === 'map' ? get(view, 'name') : view;
  const value = str(image);
  return value !== undefined && image ? { value, span: spanOf(image) } : undefined;
}

function pathsOf(view: View | undefined): PathEntry[] {
  const entries = view?.kind === 'seq' ? view.items : view ? [view] : [];
  const out: PathEntry[] = [];
  for (const e of entries) out.push(...strList(get(e, 'paths')).map((p) => ({ path: String(p.value), span: spanOf(p) })));
  return out;
}

function findVariable(name: string, ...scopes: Variable[][]): Variable | undefined {
  for (const vars of scopes) {
    const v = vars.find((x) => x.name === name);
    if (v) return v;
  }
  return undefined;
}

/** Global variables a job sees: all, none (`inherit: variables: false`) or the listed ones. */
function inheritedVariables(job: View, globalEnv: Variable[]): Variable[] {
  const inherit = get(get(job, 'inherit'), 'variables');
  if (inherit?.kind === 'scalar' && inherit.value === false) return [];
  if (inherit?.kind === 'seq') {
    const names = new Set(strList(inherit).map((s) => String(s.value)));
    return globalEnv.filter((v) => names.has(v.name));
  }
  return globalEnv;
}

function gitlabJob(resolved: ResolvedJob, globalEnv: Variable[]): Job {
  const view = resolved.view;
  const env = variablesOf(get(view, 'variables'), 'job', 'gitlab');
  const job: Job = {
    id: resolved.id,
    span: spanOf(resolved.keyView),
    steps: [],
    env,
    images: [],
    runsOn: strList(get(view, 'tags')).map((t) => ({ value: String(t.value), span: spanOf(t) })),
    needs: [],
    cachePaths: pathsOf(get(view, 'cache')),
    artifactPaths: pathsOf(get(view, 'artifacts')),
    idTokens: [],
    checksOut: true,
    node: view.node,
  };
  const image = imageOf(get(view, 'image'));
  if (image) job.images.push(image);
  const services = get(view, 'services');
  for (const s of services?.kind === 'seq' ? services.items : []) {
    const svc = imageOf(s);
    if (svc) job.images.push(svc);
  }
  for (const section of SECTIONS) {
    for (const entry of scriptEntries(get(view, section))) {
      const step: Step = { index: job.steps.length, span: spanOf(entry), run: scriptOf(entry, section), with: new Map(), env: [], keys: new Map(), node: entry.node };
      job.steps.push(step);
    }
  }
  const needs = get(view, 'needs');
  for (const n of needs?.kind === 'seq' ? needs.items : []) {
    const name = n.kind === 'map' ? str(get(n, 'job')) : str(n);
    if (name !== undefined) job.needs.push(name);
  }
  const idTokens = get(view, 'id_tokens');
  if (idTokens?.kind === 'map') job.idTokens = [...idTokens.entries.keys()];
  const inherited = inheritedVariables(view, globalEnv);
  job.inheritedEnv = inherited;
  if (view.kind === 'map') {
    job.config = toPlain(view) as Record<string, unknown>;
    job.keySpans = new Map([...view.entries].map(([k, e]) => [k, spanOf(e.keyView)]));
    job.valueSpans = new Map([...view.entries].map(([k, e]) => [k, spanOf(e.value.node ? e.value : e.keyView)]));
  }
  const depth = findVariable('GIT_DEPTH', env, inherited);
  if (depth?.value !== undefined) job.fetchDepth = { value: depth.value, span: depth.valueSpan };
  const strategy = findVariable('GIT_STRATEGY', env, inherited);
  if (strategy?.value === 'none') job.checksOut = false;
  return job;
}
