import { redactUrlCredentials } from '@mlops-pipeline/repo-facts';
import type { RenderMode, TemplateInfo } from '@mlops-pipeline/templates';
import { withBodyHash } from './body-hash.js';
import { UserError } from './errors.js';
import type { InputProperty } from './extra-inputs.js';
import { missingRequired, withFlagInputs } from './extra-inputs.js';
import { templateInputs } from './inputs.js';
import type { Answers } from './plan.js';
import { loadTemplates } from './templates.js';

export interface Rendered {
  template: TemplateInfo;
  inputs: Record<string, unknown>;
  text: string;
  version: string;
}

/** Flag that sets each template input, for messages about invalid values. */
const INPUT_FLAGS: Array<[RegExp, string]> = [
  [/python/, '--python'],
  [/dvc/, '--dvc'],
  [/requirement/, '--requirements'],
  [/branch/, '--branch'],
  [/cml|report/, '--cml'],
  [/^endpoint-url$/, '.dvc/config endpointurl'],
  [/^source$/, '--source'],
  [/^ref$/, '--ref'],
];

/** How the user set an input: its flag (`--python`), else `--input name=…`. */
function flagFor(input: string): string {
  const flag = INPUT_FLAGS.find(([re]) => re.test(input))?.[1];
  return flag ? `${flag} (${input})` : `--input ${input}`;
}

interface ProblemError {
  problems: Array<{ input: string; message: string }>;
}

function isProblemError(err: unknown): err is ProblemError {
  return typeof err === 'object' && err !== null && Array.isArray((err as { problems?: unknown }).problems);
}

export { redactUrlCredentials };

function problemsError(problems: Array<{ input: string; message: string }>): UserError {
  const lines = problems.map((p) => `  ${flagFor(p.input)}: ${redactUrlCredentials(p.message)}`);
  return new UserError(`the template does not accept these values:\n${lines.join('\n')}`, 2);
}

export interface PipelineInputs {
  template: TemplateInfo;
  schema: Record<string, unknown>;
  inputs: Record<string, unknown>;
  /** Required inputs without a value: asked for on a terminal, else passed with --input. */
  missing: InputProperty[];
}

/** The template for the answers and its inputs (answers, then `--input` flags). */
export async function pipelineInputs(answers: Answers, endpointUrl: string | undefined, flags: Record<string, string>, paths?: string[], jobName?: string): Promise<PipelineInputs> {
  const t = await loadTemplates();
  const template = t.templateForRemote(answers.provider, answers.remote);
  const schema = t.inputsSchema(answers.provider, template.name);
  const inputs = withFlagInputs(templateInputs(answers, schema, endpointUrl, paths, jobName), flags, schema);
  return { template, schema, inputs, missing: missingRequired(schema, inputs) };
}

/** The usage error for required inputs nobody can answer in a non-interactive shell. */
export function missingInputsError(template: TemplateInfo, missing: InputProperty[]): UserError {
  const lines = missing.map((m) => `  --input ${m.name}=…   ${m.description}`);
  return new UserError(`the ${template.name} template needs values that cannot be inferred; pass:\n${lines.join('\n')}`, 2);
}

/** Renders a known template with explicit inputs (also used by upgrade). */
export async function renderWith(template: TemplateInfo, inputs: Record<string, unknown>, mode: RenderMode, source?: string, ref?: string): Promise<Rendered> {
  const t = await loadTemplates();
  const checked = t.validateInputs(template.provider, template.name, inputs);
  if (!checked.ok) throw problemsError(checked.problems);
  const options: { mode: RenderMode; source?: string; ref?: string } = { mode };
  if (source) options.source = source;
  if (ref) options.ref = ref;
  try {
    const text = withBodyHash(t.render(template.provider, template.name, checked.inputs, options));
    return { template, inputs: checked.inputs, text, version: ref ?? t.TEMPLATES_VERSION };
  } catch (err) {
    if (isProblemError(err)) throw problemsError(err.problems);
    throw err;
  }
}

/** The templates' default Python and DVC versions (shown when the repository sets none). */
export async function templateDefaults(): Promise<{ python?: string; dvc?: string }> {
  const t = await loadTemplates();
  const props = (t.inputsSchema('github', t.templateForRemote('github', 'none').name)['properties'] ?? {}) as Record<string, { default?: unknown } | undefined>;
  const out: { python?: string; dvc?: string } = {};
  const python = props['python-version']?.default;
  const dvc = props['dvc-version']?.default;
  if (typeof python === 'string') out.python = python;
  if (typeof dvc === 'string') out.dvc = dvc;
  return out;
}
