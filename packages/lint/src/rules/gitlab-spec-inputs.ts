/**
 * GitLab CI/CD component inputs as GitLab checks them when a pipeline includes the component
 * (https://docs.gitlab.com/ci/inputs/; GitLab's `Gitlab::Ci::Config::Interpolation::Inputs`,
 * modelled by `specInputProblems` of @mlops-pipeline/templates):
 * - `spec:inputs`: `regex` must be RE2 (no lookaround, no backreferences) on a string input;
 *   `options` only on string and number inputs; a `default` must satisfy its own `type`,
 *   `options` and `regex` (an empty string never matches a regex). A default that fails breaks
 *   every include, whatever the caller passes.
 * - `include: inputs:` of a local component: each value must have the input's type, be one of
 *   its `options` and match its `regex`. (Unknown and missing required inputs are reported by
 *   `gitlab-resolve`, as GitLab refuses them while resolving includes.)
 * - `include: component:` of a published mlops-pipeline component at the installed templates
 *   version: the same, plus unknown input names and required inputs not passed.
 */
import { GITLAB_INPUT_TYPES, compileGitLabRegex, gitLabRegexMatches, specInputProblems } from '@mlops-pipeline/templates';
import type { SpecInputKey } from '@mlops-pipeline/templates';
import type { ComponentSpec, Include, InputDeclaration, KeyedValue, LocalInclude, Rule, RuleContext, Span } from '../model.js';

/** The input as GitLab reads it (plain data), for `specInputProblems`. */
function plainInput(input: InputDeclaration): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (input.type) out.type = input.type.value;
  if (input.regex) out.regex = input.regex.value;
  if (input.options) out.options = input.options.value;
  if (input.default) out.default = input.default.value;
  return out;
}

function spanOfKey(input: InputDeclaration, key: SpecInputKey): Span {
  return ({ regex: input.regex, default: input.default, options: input.options, type: input.type }[key]?.span) ?? input.span;
}

function checkSpec(ctx: RuleContext, spec: ComponentSpec): void {
  for (const input of spec.inputs.values()) {
    for (const problem of specInputProblems({ [input.name]: plainInput(input) })) {
      ctx.report({ span: spanOfKey(input, problem.key), message: `spec:inputs: ${problem.message}: GitLab refuses every pipeline that includes this component` });
    }
  }
}

function typeName(input: InputDeclaration): string {
  const type = input.type?.value ?? 'string';
  return (GITLAB_INPUT_TYPES as readonly string[]).includes(type) ? type : 'string';
}

function hasType(type: string, value: unknown): boolean {
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value);
  if (type === 'boolean') return typeof value === 'boolean';
  if (type === 'array') return Array.isArray(value);
  return typeof value === 'string';
}

/** Why GitLab refuses `value` for `input`, or undefined. */
function valueProblem(input: InputDeclaration, value: unknown): string | undefined {
  const type = typeName(input);
  if (!hasType(type, value)) return `is not ${type === 'array' ? 'an' : 'a'} ${type}`;
  const options = input.options?.value;
  if (options && (type === 'string' || type === 'number') && !options.includes(value)) return `\`${String(value)}\` is not one of its options (${options.map(String).join(', ')})`;
  if (input.regex && type === 'string' && typeof value === 'string') {
    const compiled = compileGitLabRegex(input.regex.value);
    if (compiled.ok && !gitLabRegexMatches(compiled.regex, value)) return value.trim() === '' ? 'is empty, and an empty value never matches its `regex`' : `\`${value}\` does not match its \`regex\` ${input.regex.value}`;
  }
  return undefined;
}

function checkInclude(ctx: RuleContext, include: LocalInclude): void {
  const spec = include.spec;
  if (!spec) return;
  for (const [name, passed] of include.inputs as Map<string, KeyedValue>) {
    const input = spec.inputs.get(name);
    if (!input) continue; // gitlab-resolve reports unknown inputs
    const problem = valueProblem(input, passed.value);
    if (problem) ctx.report({ span: passed.valueSpan, message: `include: input \`${name}\` of \`${include.file}\` ${problem}: GitLab refuses the include` });
  }
}

function checkPublished(ctx: RuleContext, include: Include): void {
  const spec = include.spec;
  if (!spec) return;
  const component = `${include.target}@${include.ref ?? ''}`;
  const passed = include.inputs ?? new Map<string, KeyedValue>();
  for (const [name, value] of passed) {
    const input = spec.inputs.get(name);
    if (!input) {
      ctx.report({ span: value.keySpan, message: `include: input \`${name}\` is not declared by component \`${component}\` (its inputs: ${[...spec.inputs.keys()].join(', ') || 'none'}): GitLab refuses the include` });
      continue;
    }
    const problem = valueProblem(input, value.value);
    if (problem) ctx.report({ span: value.valueSpan, message: `include: input \`${name}\` of component \`${component}\` ${problem}: GitLab refuses the include` });
  }
  for (const input of spec.inputs.values()) {
    if (input.required && !passed.has(input.name)) ctx.report({ span: include.span, message: `include: component \`${component}\` requires the input \`${input.name}\` (it has no default): pass it under \`inputs:\`` });
  }
}

export const gitlabSpecInputs: Rule = {
  meta: {
    id: 'gitlab-spec-inputs',
    description: 'Component `spec:inputs` GitLab accepts (RE2 `regex`, a `default` that passes its own type, options and regex) and `include:` inputs that satisfy the component\'s spec.',
    defaultSeverity: 'error',
    fixable: false,
    providers: ['gitlab'],
  },
  check(ctx) {
    const { workflow } = ctx;
    if (workflow.spec) checkSpec(ctx, workflow.spec);
    const seen = new Set<string>([workflow.file]);
    for (const include of workflow.localIncludes) {
      if (include.spec && !seen.has(include.file)) {
        seen.add(include.file);
        checkSpec(ctx, include.spec);
      }
      checkInclude(ctx, include);
    }
    for (const include of workflow.includes) checkPublished(ctx, include);
  },
};
