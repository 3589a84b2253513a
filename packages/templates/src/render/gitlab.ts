/**
 * GitLab CI renderer: vendored `.gitlab-ci.yml`, CI/CD component
 * (`spec: inputs:` + `---` + body) and the caller snippet, from one job builder.
 */
import { CML_VERSION } from '../actions.js';
import { DEFAULT_GITLAB_RULES, defaultOf, pinnedUse, type InputDef } from '../inputs.js';
import { GITLAB_DVC_CACHE_DIR, GITLAB_DVC_CACHE_STEP, REMOTE_DEFAULT_STEP, conditionParts, RESULTS_DIR, RESULTS_STEP, dvcSteps, inputChecks, reportStep, type Condition, type ScriptStep, type TemplateDef } from '../model.js';
import { inputDefs } from '../schema.js';
import { envName, holds, joinPath, resolveTokens, scriptText, toYaml, withHeader } from './common.js';
import { PROJECT_GITLAB_COMPONENTS } from '../template-ref.js';
import type { Renderer } from './types.js';

type Obj = Record<string, unknown>;

/** How values and conditions are written: literally (vendored) or from `$[[ inputs ]]` (component). */
interface Ctx {
  component: boolean;
  inputs: Record<string, unknown>;
  /** Job variables carrying inputs into scripts (component). */
  vars: Map<string, string>;
}

function interp(input: string): string {
  return `$[[ inputs.${input} ]]`;
}

function value(ctx: Ctx, input: string): string {
  return ctx.component ? interp(input) : String(ctx.inputs[input] ?? '');
}

/**
 * Job variable carrying an input: prefixed, because project and group CI/CD variables of
 * the same name would take precedence over the job's `variables:`.
 */
export function jobVariable(name: string): string {
  return `MLOPS_PIPELINE_${name}`;
}

function scriptValue(ctx: Ctx, input: string): string {
  if (!ctx.component) return String(ctx.inputs[input] ?? '');
  const name = jobVariable(envName(input));
  ctx.vars.set(name, interp(input));
  return `\${${name}}`;
}

function shellTest(ctx: Ctx, cond: Condition): string {
  return conditionParts(cond)
    .map((c) => {
      const ref = scriptValue(ctx, c.input);
      if ('notIn' in c) return c.notIn.map((v) => `[ "${ref}" != "${v}" ]`).join(' && ');
      return `[ "${ref}" = "${String(c.equals)}" ]`;
    })
    .join(' && ');
}

/**
 * Script entries of steps: vendored files keep the steps whose condition holds;
 * components wrap consecutive steps sharing a condition in one `if` block.
 */
function scriptEntries(ctx: Ctx, given: readonly ScriptStep[]): string[] {
  // Every script entry runs in one shell: an exported PATH reaches the next steps.
  const steps = given.map((s) => (s.addToPath === undefined ? s : { ...s, lines: [...s.lines, `export PATH="$PWD/${s.addToPath}:$PATH"`] }));
  const out: string[] = [];
  let i = 0;
  while (i < steps.length) {
    const step = steps[i]!;
    if (!step.when || !ctx.component) {
      i++;
      if (!holds(step.when, ctx.inputs)) continue;
      const text = scriptText(step, (input) => scriptValue(ctx, input));
      if (step.block) out.push(text);
      else out.push(...text.split('\n'));
      continue;
    }
    const group: ScriptStep[] = [];
    while (i < steps.length && steps[i]!.when && JSON.stringify(steps[i]!.when) === JSON.stringify(step.when)) group.push(steps[i++]!);
    const body = group.flatMap((s) => scriptText(s, (input) => scriptValue(ctx, input)).split('\n')).map((l) => `  ${l}`);
    out.push([`if ${shellTest(ctx, step.when)}; then`, ...body, 'fi'].join('\n'));
  }
  return out;
}

/** Job variables of the remote; a vendored file leaves out the ones that resolve to nothing. */
function authVariables(ctx: Ctx, template: TemplateDef): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(template.gitlab.variables)) {
    const resolved = resolveTokens(v, (input) => value(ctx, input));
    if (ctx.component || resolved !== '') out[k] = resolved;
  }
  return out;
}

function idTokens(ctx: Ctx, template: TemplateDef): Obj | undefined {
  const entries = Object.entries(template.gitlab.idTokens);
  if (entries.length === 0) return undefined;
  return Object.fromEntries(entries.map(([k, aud]) => [k, { aud: resolveTokens(aud, (input) => value(ctx, input)) }]));
}

/** `changes:` of a rule for the `paths` input (monorepos); nothing when it is empty. */
function changes(inputs: Record<string, unknown>): Obj {
  const paths = (inputs.paths as string[] | undefined) ?? [];
  return paths.length > 0 ? { changes: [...paths] } : {};
}

function branchRule(branches: readonly string[]): string {
  return `$CI_PIPELINE_SOURCE == "push" && (${branches.map((b) => `$CI_COMMIT_BRANCH == "${b}"`).join(' || ')})`;
}

const CML_SETUP: ScriptStep = {
  id: 'setup-cml',
  name: 'Install CML',
  lines: ['apt-get update -qq', 'apt-get install -y -qq --no-install-recommends nodejs npm', `npm install -g --no-fund --no-audit @dvcorg/cml@${CML_VERSION}`],
};

/** pip's cache key: the Python version, and the requirements file's content when there is one. */
function cacheKey(ctx: Ctx): unknown {
  const prefix = `pip-python-${value(ctx, 'python-version')}`;
  const dir = String(ctx.inputs['working-directory']);
  const file = String(ctx.inputs.requirements);
  if (ctx.component || file === '') return prefix;
  return { files: [joinPath(dir, file)], prefix };
}

/**
 * DVC's cache, keyed on the project's `dvc.lock` (the outputs it names). A component always declares it (an input cannot remove a `cache:`
 * entry): the folder exists only when `dvc-cache` points DVC at it, so otherwise nothing is kept.
 *
 * GitLab hashes the `cache:key:files` it finds at the pipeline's commit, by path from the project's root: `./dvc.lock` names no
 * file there (git refuses relative paths outside a work tree), so the component also lists `dvc.lock`. With the default
 * `working-directory` (`.`) that one is found; with a sub-folder, `<folder>/dvc.lock` is (GitLab allows two files).
 */
function dvcCache(ctx: Ctx): Obj {
  const prefix = `dvc-cache-${ctx.component ? interp('as') : String(ctx.inputs.as ?? 'dvc')}`;
  if (ctx.component) return { key: { files: [`${interp('working-directory')}/dvc.lock`, 'dvc.lock'], prefix }, paths: [GITLAB_DVC_CACHE_DIR] };
  return { key: { files: [joinPath(String(ctx.inputs['working-directory']), 'dvc.lock')], prefix }, paths: [GITLAB_DVC_CACHE_DIR] };
}

function cdStep(ctx: Ctx): ScriptStep[] {
  if (!ctx.component && (ctx.inputs['working-directory'] === '.' || ctx.inputs['working-directory'] === '')) return [];
  return [{ id: 'cd', name: 'Enter the working directory', lines: ['cd "@{working-directory}" || exit 1'] }];
}

const CML_REPORT = jobVariable('CML_REPORT');
const BASE_BRANCH = jobVariable('BASE_BRANCH');

/** The experiment job's rules: the `rules` input, or (vendored, left at its default) the branches and web runs. */
function reproRules(ctx: Ctx): unknown {
  if (ctx.component) return interp('rules');
  const rules = ctx.inputs.rules;
  if (Array.isArray(rules) && JSON.stringify(rules) !== JSON.stringify(DEFAULT_GITLAB_RULES)) return structuredClone(rules);
  return [{ if: branchRule(ctx.inputs.branches as string[]), ...changes(ctx.inputs) }, { if: '$CI_PIPELINE_SOURCE == "web"' }];
}

/** The name of a job: `<as>-repro` / `<as>-report`. */
function jobName(ctx: Ctx, kind: 'repro' | 'report'): string {
  return `${ctx.component ? interp('as') : String(ctx.inputs.as ?? 'dvc')}-${kind}`;
}

function job(ctx: Ctx, template: TemplateDef, kind: 'repro' | 'report'): Obj {
  const dvc = dvcSteps(template.dvcExtra);
  const out: Obj = {
    stage: ctx.component ? interp('stage') : String(ctx.inputs.stage ?? 'test'),
    image: `python:${value(ctx, 'python-version')}`,
  };
  if (ctx.component) out.tags = interp('runner');
  else if (((ctx.inputs.runner as string[] | undefined) ?? []).length > 0) out.tags = [...(ctx.inputs.runner as string[])];
  out.timeout = `${value(ctx, 'timeout-minutes')} minutes`;
  out.interruptible = ctx.component ? interp('cancel-in-progress') : ctx.inputs['cancel-in-progress'] === true;
  out.rules =
    kind === 'repro'
      ? reproRules(ctx)
      : // Merge requests from this project only: a fork's pipeline has none of the project's variables.
        [{ if: `${ctx.component ? `$${CML_REPORT} == "true" && ` : ''}$CI_PIPELINE_SOURCE == "merge_request_event" && $CI_MERGE_REQUEST_SOURCE_PROJECT_ID == $CI_PROJECT_ID`, ...(ctx.component ? {} : changes(ctx.inputs)) }];
  const tokens = idTokens(ctx, template);
  if (tokens) out.id_tokens = tokens;
  const setup: ScriptStep[] = [
    ...inputChecks(inputDefs(template, 'gitlab')).filter(() => ctx.component),
    ...cdStep(ctx),
    ...dvc.install,
    ...(kind === 'report' ? [CML_SETUP] : []),
    REMOTE_DEFAULT_STEP,
    GITLAB_DVC_CACHE_STEP,
    ...template.prepare,
    ...(template.gitlab.setup.length > 0 ? [{ id: 'auth', name: 'Write the credentials file', lines: template.gitlab.setup }] : []),
    ...(template.gitlab.steps ?? []),
  ];
  const script: ScriptStep[] = [...dvc.run, ...(kind === 'repro' ? [RESULTS_STEP, ...dvc.push] : [reportStep(true, BASE_BRANCH, 'CI_JOB_URL'), RESULTS_STEP])];
  const before = scriptEntries(ctx, setup);
  const main = scriptEntries(ctx, script);
  const variables: Obj = {
    PIP_CACHE_DIR: '$CI_PROJECT_DIR/.cache/pip',
    ...(kind === 'report' ? { GIT_DEPTH: '0', [BASE_BRANCH]: '$CI_MERGE_REQUEST_TARGET_BRANCH_NAME' } : {}),
    ...authVariables(ctx, template),
    ...Object.fromEntries([...ctx.vars.entries()].sort(([a], [b]) => a.localeCompare(b))),
  };
  if (ctx.component && kind === 'report') variables[CML_REPORT] = interp('cml');
  out.variables = variables;
  // pip's cache, keyed by the Python version and the requirements file's content; and DVC's (dvc-cache).
  const pip = { key: cacheKey(ctx), paths: ['.cache/pip'] };
  out.cache = ctx.component || ctx.inputs['dvc-cache'] === true ? [pip, dvcCache(ctx)] : pip;
  out.before_script = before;
  out.script = main;
  if (template.gitlab.cleanup.length > 0) out.after_script = [...template.gitlab.cleanup];
  // The metrics and plots of the experiment (and, for the report, the plots diff it links to), kept with the job.
  const dir = ctx.component ? interp('working-directory') : String(ctx.inputs['working-directory']);
  out.artifacts = { name: '$CI_JOB_NAME-results', paths: [joinPath(dir, `${RESULTS_DIR}/`)], expire_in: '30 days' };
  ctx.vars.clear();
  return out;
}

function specInput(def: InputDef): Obj {
  const out: Obj = { description: def.description };
  const type = def.type === 'integer' ? 'number' : def.type;
  if (type !== 'string') out.type = type;
  const dflt = defaultOf(def, 'gitlab');
  if (dflt !== undefined) out.default = structuredClone(dflt);
  if (def.enum) out.options = [...def.enum];
  // GitLab compiles `regex` with RE2 and never matches an empty string: inputs that may be empty are checked by the job.
  // Only string inputs may have a `regex` (array items are not checked by GitLab).
  if (type === 'string' && def.pattern !== undefined && !def.enum && !def.emptyAllowed) out.regex = def.pattern;
  return out;
}

function callerInputs(template: TemplateDef, inputs: Record<string, unknown>): Obj {
  const out: Obj = {};
  for (const def of inputDefs(template, 'gitlab')) {
    if (pinnedUse(def, 'gitlab') !== 'input') continue;
    const v = inputs[def.name];
    const always = def.name === 'python-version' || def.name === 'dvc-version';
    if (v === undefined || (!always && JSON.stringify(v) === JSON.stringify(defaultOf(def, 'gitlab')))) continue;
    out[def.name] = v;
  }
  return out;
}

function component(template: TemplateDef): string {
  const ctx: Ctx = { component: true, inputs: {}, vars: new Map() };
  const spec: Obj = {};
  for (const def of inputDefs(template, 'gitlab')) if (pinnedUse(def, 'gitlab') === 'input') spec[def.name] = specInput(def);
  const body: Obj = { [jobName(ctx, 'repro')]: job(ctx, template, 'repro'), [jobName(ctx, 'report')]: job(ctx, template, 'report') };
  const header = [
    `# CI/CD component "${template.name}" of @mlops-pipeline/templates: ${template.description}`,
    `# Include it at a release (X.Y.Z): include: - component: ${PROJECT_GITLAB_COMPONENTS}/${template.name}@X.Y.Z`,
    '# Generated from packages/templates/src: do not edit (pnpm --filter @mlops-pipeline/templates generate).',
  ];
  return withHeader(header, `${toYaml({ spec: { inputs: spec } })}---\n${toYaml(body)}`);
}

export const gitlabRenderer: Renderer = {
  provider: 'gitlab',
  defaultSource: PROJECT_GITLAB_COMPONENTS,

  vendoredPath: () => '.gitlab-ci.yml',

  vendored(template, inputs, header) {
    const ctx: Ctx = { component: false, inputs, vars: new Map() };
    const doc: Obj = { [jobName(ctx, 'repro')]: job(ctx, template, 'repro') };
    if (inputs.cml === true) doc[jobName(ctx, 'report')] = job(ctx, template, 'report');
    return withHeader(header, toYaml(doc));
  },

  publishedFiles(template) {
    return [{ path: `templates/${template.name}/template.yml`, text: component(template) }];
  },

  caller(template, inputs, source, ref) {
    const cml = inputs.cml === true;
    const version = ref.replace(/^v/, '');
    const include: Obj = { component: `${source}/${template.name}@${version}` };
    const w = callerInputs(template, inputs);
    if (Object.keys(w).length > 0) include.inputs = w;
    include.rules = [
      { if: branchRule(inputs.branches as string[]), ...changes(inputs) },
      { if: '$CI_PIPELINE_SOURCE == "web"' },
      ...(cml ? [{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"', ...changes(inputs) }] : []),
    ];
    const doc: Obj = { include: [include] };
    const header = [
      `# Runs the "${template.name}" CI/CD component of ${source} pinned at ${version}.`,
      '# Renovate (gitlabci manager) updates the version; the inputs are documented in the component.',
    ];
    return withHeader(header, toYaml(doc));
  },
};
