/**
 * GitHub Actions renderer: vendored workflow, reusable workflow
 * (`on: workflow_call`) and the caller snippet, from one job builder.
 */
import { ACTIONS, CML_VERSION, actionRef, type PinStyle } from '../actions.js';
import { defaultOf, pinnedUse, type InputDef } from '../inputs.js';
import { REMOTE_DEFAULT_STEP, conditionParts, RESULTS_DIR, RESULTS_STEP, dvcSteps, inputChecks, reportStep, type Condition, type GithubActionStep, type ScriptStep, type TemplateDef } from '../model.js';
import { inputDefs } from '../schema.js';
import { secretsForInputs } from '../secrets.js';
import { envName, holds, joinPath, resolveTokens, scriptText, toYaml, withHeader } from './common.js';
import { PROJECT_GITHUB_REPOSITORY } from '../template-ref.js';
import type { Renderer } from './types.js';

type Obj = Record<string, unknown>;

/** How values and conditions are written: literally (vendored) or from `inputs` (reusable). */
interface Ctx {
  reusable: boolean;
  inputs: Record<string, unknown>;
  pin: PinStyle;
  /** Inputs the reusable workflow passes to scripts through the job environment. */
  jobEnv: Map<string, string>;
}

function value(ctx: Ctx, input: string): string {
  return ctx.reusable ? `\${{ inputs.${input} }}` : String(ctx.inputs[input] ?? '');
}

function scriptValue(ctx: Ctx, input: string): string {
  if (!ctx.reusable) return String(ctx.inputs[input] ?? '');
  const name = envName(input);
  ctx.jobEnv.set(name, `\${{ inputs.${input} }}`);
  return `\${${name}}`;
}

function withValue(ctx: Ctx, raw: string): string {
  if (raw.startsWith('secret:')) return `\${{ secrets.${raw.slice('secret:'.length)} }}`;
  return resolveTokens(raw, (input) => value(ctx, input));
}

function condExpr(cond: Condition): string {
  return conditionParts(cond)
    .map((c) => {
      if ('notIn' in c) return c.notIn.map((v) => `inputs.${c.input} != '${v}'`).join(' && ');
      return typeof c.equals === 'boolean' ? `${c.equals ? '' : '!'}inputs.${c.input}` : `inputs.${c.input} == '${c.equals}'`;
    })
    .join(' && ');
}

/** Vendored: keep or drop; reusable: an `if:` expression (undefined: always). */
function gate(ctx: Ctx, cond: Condition | undefined): { keep: boolean; if?: string } {
  if (!cond) return { keep: true };
  if (!ctx.reusable) return { keep: holds(cond, ctx.inputs) };
  return { keep: true, if: condExpr(cond) };
}

function actionStep(ctx: Ctx, step: GithubActionStep): Obj | undefined {
  const g = gate(ctx, step.when);
  if (!g.keep) return undefined;
  const out: Obj = { name: step.name };
  if (g.if) out.if = g.if;
  out.uses = actionRef(step.action, ctx.pin).uses;
  const w: Obj = {};
  for (const [k, v] of Object.entries(step.with)) w[k] = withValue(ctx, v);
  if (Object.keys(w).length > 0) out.with = w;
  return out;
}

/**
 * Environment of the steps that use the remote. Vendored: only the entries whose condition
 * holds. Reusable: a secret with a condition is passed only when it holds (else empty), so
 * the inputs choose the credentials even when the caller passes more secrets.
 */
function remoteEnv(ctx: Ctx, template: TemplateDef): Obj | undefined {
  const env: Obj = {};
  for (const e of template.github.remoteEnv) {
    if (!ctx.reusable && !holds(e.when, ctx.inputs)) continue;
    const secret = e.value.startsWith('secret:') ? e.value.slice('secret:'.length) : undefined;
    env[e.name] = ctx.reusable && e.when && secret ? `\${{ ${condExpr(e.when)} && secrets.${secret} || '' }}` : withValue(ctx, e.value);
  }
  return Object.keys(env).length > 0 ? env : undefined;
}

function runStep(ctx: Ctx, template: TemplateDef, step: ScriptStep, extraEnv?: Obj): Obj | undefined {
  if (step.publishedOnly && !ctx.reusable) return undefined;
  const g = gate(ctx, step.when);
  if (!g.keep) return undefined;
  const out: Obj = { name: step.name };
  if (['pull', 'pull-run-cache', 'repro', 'repro-pull', 'push'].includes(step.id)) out.id = step.id;
  if (g.if) out.if = g.if;
  const own = step.env ? Object.fromEntries(Object.entries(step.env).map(([k, v]) => [k, withValue(ctx, v)])) : undefined;
  const env = { ...(step.usesRemote ? remoteEnv(ctx, template) : undefined), ...own, ...extraEnv };
  if (Object.keys(env).length > 0) out.env = env;
  const text = scriptText(step, (input) => scriptValue(ctx, input));
  // The next steps find the folder's commands first.
  out.run = step.addToPath === undefined ? text : `${text}\necho "$PWD/${step.addToPath}" >> "$GITHUB_PATH"`;
  return out;
}

function compact(steps: Array<Obj | undefined>): Obj[] {
  return steps.filter((s): s is Obj => s !== undefined);
}

/** Steps shared by the experiment and report jobs: set up, authenticate, pull and reproduce. */
function experimentSteps(ctx: Ctx, template: TemplateDef, fullHistory: boolean): Obj[] {
  const dvc = dvcSteps(template.dvcExtra);
  const checkout: Obj = { name: 'Check out the repository', uses: actionRef('checkout', ctx.pin).uses, with: { 'persist-credentials': false, ...(fullHistory ? { 'fetch-depth': 0 } : {}) } };
  const wd = ctx.reusable ? '${{ inputs.working-directory }}' : String(ctx.inputs['working-directory']);
  const req = ctx.reusable ? '${{ inputs.requirements }}' : String(ctx.inputs.requirements);
  // pip's cache is keyed by the requirements file (or pyproject.toml); without one, or with Poetry or uv, there is nothing to key it by.
  const cache: Obj = ctx.reusable
    ? { cache: "${{ inputs.installer == 'pip' && inputs.requirements != '' && 'pip' || '' }}", 'cache-dependency-path': `${wd}/${req}` }
    : req === '' || ctx.inputs.installer !== 'pip'
      ? {}
      : { cache: 'pip', 'cache-dependency-path': joinPath(wd, req) };
  const python: Obj = {
    name: 'Set up Python',
    uses: actionRef('setup-python', ctx.pin).uses,
    with: { 'python-version': value(ctx, 'python-version'), ...cache },
  };
  return compact([
    checkout,
    ...inputChecks(inputDefs(template, 'github')).map((s) => runStep(ctx, template, s)),
    python,
    ...dvc.install.map((s) => runStep(ctx, template, s)),
    ...[REMOTE_DEFAULT_STEP, ...template.prepare].map((s) => runStep(ctx, template, s)),
    ...template.github.steps.map((s) => actionStep(ctx, s)),
    ...(template.github.scripts ?? []).map((s) => runStep(ctx, template, s)),
    dvcCacheStep(ctx, template),
    ...dvc.run.map((s) => runStep(ctx, template, s)),
  ]);
}

/**
 * `dvc-cache`: DVC's cache (`.dvc/cache` of the project) restored before `dvc pull` and saved after
 * the job, keyed on `dvc.lock`; without an exact match, the latest cache of the project is restored.
 */
function dvcCacheStep(ctx: Ctx, template: TemplateDef): Obj | undefined {
  const g = gate(ctx, { input: 'dvc-cache', equals: true });
  if (!g.keep) return undefined;
  const wd = ctx.reusable ? '${{ inputs.working-directory }}' : String(ctx.inputs['working-directory']);
  const lock = ctx.reusable ? "${{ hashFiles(format('{0}/dvc.lock', inputs.working-directory)) }}" : `\${{ hashFiles('${joinPath(wd, 'dvc.lock')}') }}`;
  const prefix = `dvc-cache-${template.name}-${wd}-`;
  const out: Obj = { name: 'Keep the DVC cache between runs (dvc-cache)' };
  if (g.if) out.if = g.if;
  out.uses = actionRef('cache', ctx.pin).uses;
  out.with = { path: joinPath(wd, '.dvc/cache'), key: `${prefix}${lock}`, 'restore-keys': prefix };
  return out;
}

function permissions(template: TemplateDef, extra: Obj = {}): Obj {
  return { contents: 'read', ...extra, ...(template.github.idToken ? { 'id-token': 'write' } : {}) };
}

function runsOn(ctx: Ctx): unknown {
  if (ctx.reusable) return '${{ fromJSON(inputs.runner) }}';
  const labels = ctx.inputs.runner as string[];
  return labels.length === 1 ? labels[0] : labels;
}

function timeout(ctx: Ctx): unknown {
  return ctx.reusable ? '${{ inputs.timeout-minutes }}' : ctx.inputs['timeout-minutes'];
}

/** Inputs the steps read, passed as job environment (reusable workflow; empty when vendored). */
function jobEnv(ctx: Ctx): Obj | undefined {
  if (ctx.jobEnv.size === 0) return undefined;
  return Object.fromEntries([...ctx.jobEnv.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * CML at an exact version, installed with npm into the runner's temporary directory (the
 * setup-cml action runs on node16, a runtime GitHub no longer supports).
 */
function cmlSetupStep(): Obj {
  return {
    name: 'Install CML',
    run: [
      `npm install --prefix "\${RUNNER_TEMP}/cml" --no-save --no-fund --no-audit "@dvcorg/cml@${CML_VERSION}"`,
      'echo "${RUNNER_TEMP}/cml/node_modules/.bin" >> "${GITHUB_PATH}"',
    ].join('\n'),
  };
}

type JobKind = 'experiment' | 'report';

/** The address of the run, where its artifacts are. */
const RUN_URL = '${{ github.server_url }}/${{ github.repository }}/actions/runs/${{ github.run_id }}';

/**
 * Metrics and plots kept as an artifact. The artifact name is unique per call of a reusable
 * workflow (template, working directory, concurrency group), as artifact names must be in a run.
 */
function resultsSteps(ctx: Ctx, template: TemplateDef): Obj[] {
  const collect = runStep(ctx, template, RESULTS_STEP)!;
  const wd = ctx.reusable ? '${{ inputs.working-directory }}' : String(ctx.inputs['working-directory']);
  const steps: Obj[] = [collect];
  let name = 'dvc-results';
  if (ctx.reusable) {
    steps.push({
      name: 'Name the results artifact',
      id: 'results-name',
      run: `printf 'name=dvc-results-${template.name}-%s\\n' "$(printf '%s-%s' "\${WORKING_DIRECTORY}" "\${CONCURRENCY_GROUP}" | tr -c 'A-Za-z0-9._\\n-' '-')" >> "\${GITHUB_OUTPUT}"`,
    });
    ctx.jobEnv.set('WORKING_DIRECTORY', '${{ inputs.working-directory }}');
    ctx.jobEnv.set('CONCURRENCY_GROUP', '${{ inputs.concurrency-group }}');
    name = '${{ steps.results-name.outputs.name }}';
  }
  steps.push({
    name: 'Keep the metrics and plots',
    uses: actionRef('upload-artifact', ctx.pin).uses,
    with: { name, path: joinPath(wd, RESULTS_DIR), 'if-no-files-found': 'warn' },
  });
  return steps;
}

function defaultsOf(ctx: Ctx): Obj {
  return { run: { shell: 'bash', 'working-directory': ctx.reusable ? '${{ inputs.working-directory }}' : ctx.inputs['working-directory'] } };
}

/**
 * The experiment job (pull, repro, optional push) and the CML report job (pull, repro,
 * comment on the pull request). Steps are built before the job so that the inputs they
 * read are collected in ctx.jobEnv; inputs reach scripts through the job environment,
 * never as ${{ }} inside run:.
 */
function job(ctx: Ctx, template: TemplateDef, kind: JobKind): Obj {
  const dvc = dvcSteps(template.dvcExtra);
  const steps =
    kind === 'experiment'
      ? [...experimentSteps(ctx, template, false), ...resultsSteps(ctx, template), ...compact(dvc.push.map((s) => runStep(ctx, template, s)))]
      : [
          ...experimentSteps(ctx, template, true),
          cmlSetupStep(),
          ...compact([runStep(ctx, template, reportStep(false, 'BASE_BRANCH', 'RUN_URL'), { BASE_BRANCH: '${{ github.base_ref }}', REPO_TOKEN: '${{ secrets.GITHUB_TOKEN }}', RUN_URL: RUN_URL })]),
          // The plots diff the comment points at, with the metrics and plots of the change.
          ...resultsSteps(ctx, template),
        ];
  // Credentials files are removed whatever happened before.
  for (const step of template.github.cleanup ?? []) steps.push(withIf(runStep(ctx, template, step)!, 'always()'));
  const env = jobEnv(ctx);
  return {
    name: kind === 'experiment' ? 'Reproduce the DVC pipeline' : 'Report metrics on the pull request (CML)',
    'runs-on': runsOn(ctx),
    'timeout-minutes': timeout(ctx),
    permissions: permissions(template, kind === 'report' ? { 'pull-requests': 'write' } : {}),
    defaults: defaultsOf(ctx),
    ...(env ? { env } : {}),
    steps,
  };
}

/** Puts `if:` first after `name:`, as people write it. */
function withIf(jobDef: Obj, condition: string): Obj {
  const { name, ...rest } = jobDef;
  return { name, if: condition, ...rest };
}

/** The vendored workflow: the experiment and, with CML, the report job on pull requests. */
function vendoredJobs(ctx: Ctx, template: TemplateDef): Obj {
  const cml = ctx.inputs.cml === true;
  const experiment = job(ctx, template, 'experiment');
  if (!cml) return { experiment };
  return { experiment: withIf(experiment, "github.event_name != 'pull_request'"), report: withIf(job(ctx, template, 'report'), REPORT_CONDITION) };
}

/**
 * Pull requests from this repository, not opened by Dependabot: a fork's pull request and a
 * Dependabot run get neither the remote's secrets nor a token that may comment, so their
 * report could only fail.
 */
const REPORT_CONDITION =
  "github.event_name == 'pull_request' && github.event.pull_request.head.repo.full_name == github.repository && github.actor != 'dependabot[bot]'";

function concurrency(ctx: Ctx, kind: JobKind, template: TemplateDef): Obj {
  // Unique per call: a caller may call several templates, or one template for several
  // DVC projects (working directories); `concurrency-group` separates anything else.
  const group = ctx.reusable
    ? `mlops-pipeline-\${{ github.workflow }}-\${{ github.ref }}-${template.name}${kind === 'report' ? '-report' : ''}-\${{ inputs.working-directory }}-\${{ inputs.concurrency-group }}`
    : `mlops-pipeline-\${{ github.workflow }}-\${{ github.ref }}${ctx.inputs['concurrency-group'] ? `-${String(ctx.inputs['concurrency-group'])}` : ''}`;
  // Only pull requests are cancelled: every run on a branch (the default branch above all) completes.
  const cancel = ctx.reusable
    ? "${{ inputs.cancel-in-progress && github.event_name == 'pull_request' }}"
    : ctx.inputs['cancel-in-progress'] === true && ctx.inputs.cml === true
      ? "${{ github.event_name == 'pull_request' }}"
      : false;
  return { group, 'cancel-in-progress': cancel };
}

/** The caller's triggers: pushes to `branches` (and pull requests with CML), limited to `paths` when given. */
function triggers(inputs: Record<string, unknown>): Obj {
  const branches = inputs.branches as string[];
  const paths = (inputs.paths as string[] | undefined) ?? [];
  const filter = (): Obj => ({ branches: [...branches], ...(paths.length > 0 ? { paths: [...paths] } : {}) });
  return {
    push: filter(),
    workflow_dispatch: {},
    ...(inputs.cml === true ? { pull_request: filter() } : {}),
  };
}

/** Appends `# v1.2.3` to SHA-pinned `uses:` lines. */
function annotateShas(text: string): string {
  const byRef = new Map<string, string>(Object.values(ACTIONS).flatMap((a) => (a.sha ? [[`${a.repo}@${a.sha}`, a.version] as [string, string]] : [])));
  return text.replace(/^(\s*(?:- )?uses: )(\S+)$/gm, (line, prefix: string, ref: string) => {
    const version = byRef.get(ref);
    return version ? `${prefix}${ref} # ${version}` : line;
  });
}

function reusableInput(def: InputDef): Obj {
  const dflt = defaultOf(def, 'github');
  if (def.type === 'array') return { description: `${def.description} A JSON array, e.g. '["self-hosted","linux"]'.`, type: 'string', required: false, default: JSON.stringify(dflt) };
  const type = def.type === 'integer' ? 'number' : def.type;
  return { description: def.enum ? `${def.description} One of: ${def.enum.join(', ')}.` : def.description, type, required: dflt === undefined, ...(dflt !== undefined ? { default: dflt } : {}) };
}

function callerInputs(template: TemplateDef, inputs: Record<string, unknown>): Obj {
  const out: Obj = {};
  for (const def of inputDefs(template, 'github')) {
    if (pinnedUse(def, 'github') !== 'input') continue;
    const v = inputs[def.name];
    const dflt = defaultOf(def, 'github');
    const always = def.name === 'python-version' || def.name === 'dvc-version';
    if (v === undefined || (!always && JSON.stringify(v) === JSON.stringify(dflt))) continue;
    out[def.name] = Array.isArray(v) ? JSON.stringify(v) : v;
  }
  return out;
}

function publishedWorkflow(template: TemplateDef, kind: JobKind): string {
  const ctx: Ctx = { reusable: true, inputs: {}, pin: 'sha', jobEnv: new Map() };
  const body = { [kind]: kind === 'report' ? withIf(job(ctx, template, 'report'), REPORT_CONDITION) : job(ctx, template, 'experiment') };
  const inputs: Obj = {};
  for (const def of inputDefs(template, 'github')) if (pinnedUse(def, 'github') === 'input') inputs[def.name] = reusableInput(def);
  const secrets: Obj = {};
  for (const s of template.secrets.github) secrets[s.name] = { description: s.description, required: s.required };
  const doc: Obj = {
    name: kind === 'report' ? `${template.title}: CML report` : template.title,
    on: { workflow_call: { inputs, ...(Object.keys(secrets).length > 0 ? { secrets } : {}) } },
    permissions: { contents: 'read' },
    concurrency: concurrency(ctx, kind, template),
    jobs: body,
  };
  const file = publishedFileName(template, kind);
  const header = [
    kind === 'report'
      ? `# Reusable workflow "${template.name}-report" of @mlops-pipeline/templates: on a pull request, reproduces the pipeline and posts the metrics diff with CML. Its caller grants pull-requests: write.`
      : `# Reusable workflow "${template.name}" of @mlops-pipeline/templates: ${template.description}`,
    `# Call it at a release tag (vX.Y.Z or the moving vX): uses: ${PROJECT_GITHUB_REPOSITORY}/.github/workflows/${file}@vX.Y.Z`,
    '# Generated from packages/templates/src: do not edit (pnpm --filter @mlops-pipeline/templates generate).',
  ];
  return withHeader(header, annotateShas(toYaml(doc)));
}

function publishedFileName(template: TemplateDef, kind: JobKind): string {
  return `${template.name}${kind === 'report' ? '-report' : ''}.yml`;
}

/** The calling job of one published workflow: exactly the permissions its jobs request. */
function callingJob(template: TemplateDef, kind: JobKind, inputs: Record<string, unknown>, source: string, tag: string): Obj {
  const out: Obj = {
    name: kind === 'report' ? `${template.title}: CML report` : template.title,
    permissions: permissions(template, kind === 'report' ? { 'pull-requests': 'write' } : {}),
    uses: `${source}/.github/workflows/${publishedFileName(template, kind)}@${tag}`,
  };
  const w = callerInputs(template, inputs);
  if (Object.keys(w).length > 0) out.with = w;
  const secrets: Obj = {};
  for (const s of secretsForInputs(template, 'github', inputs)) secrets[s.name] = `\${{ secrets.${s.name} }}`;
  if (Object.keys(secrets).length > 0) out.secrets = secrets;
  return out;
}

export const githubRenderer: Renderer = {
  provider: 'github',
  defaultSource: PROJECT_GITHUB_REPOSITORY,

  vendoredPath: (t) => `.github/workflows/${t.name}.yml`,

  vendored(template, inputs, header) {
    const ctx: Ctx = { reusable: false, inputs, pin: inputs['pin-actions'] === 'sha' ? 'sha' : 'version', jobEnv: new Map() };
    const doc: Obj = {
      name: template.title,
      on: triggers(inputs),
      permissions: { contents: 'read' },
      concurrency: concurrency(ctx, 'experiment', template),
      jobs: vendoredJobs(ctx, template),
    };
    return withHeader(header, annotateShas(toYaml(doc)));
  },

  /** The experiment workflow, and the CML report as its own workflow so that only its caller grants pull-requests: write. */
  publishedFiles(template) {
    return (['experiment', 'report'] as const).map((kind) => ({ path: `.github/workflows/${publishedFileName(template, kind)}`, text: publishedWorkflow(template, kind) }));
  },

  caller(template, inputs, source, ref) {
    const cml = inputs.cml === true;
    const tag = /^v/.test(ref) ? ref : `v${ref}`;
    const jobs: Obj = cml
      ? {
          dvc: withIf(callingJob(template, 'experiment', inputs, source, tag), "github.event_name != 'pull_request'"),
          report: withIf(callingJob(template, 'report', inputs, source, tag), "github.event_name == 'pull_request'"),
        }
      : { dvc: callingJob(template, 'experiment', inputs, source, tag) };
    const doc: Obj = {
      name: template.title,
      on: triggers(inputs),
      permissions: { contents: 'read' },
      jobs,
    };
    const header = [
      `# Runs the "${template.name}" template of ${source} pinned at ${tag}.`,
      '# Each job grants exactly the token permissions of the workflow it calls.',
      '# Renovate (github-actions manager) and Dependabot update the ref; the inputs are documented in the template.',
    ];
    return withHeader(header, toYaml(doc));
  },
};
