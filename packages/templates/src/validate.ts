/**
 * Input validation with ajv: every problem, each with the input it concerns.
 * The schemas are compiled by ajv at build time (src/generated/validators.js),
 * so loading the package compiles nothing.
 */
import { validators, type CompiledError, type CompiledValidator } from './generated/validators.js';
import { defaultOf, type InputDef } from './inputs.js';
import type { TemplateDef } from './model.js';
import { inputDefs } from './schema.js';
import type { InputProblem, Provider } from './types.js';

type ErrorObject = CompiledError;

function validator(template: TemplateDef, provider: Provider): CompiledValidator {
  const fn = validators[`${provider}/${template.name}`];
  if (!fn) throw new Error(`no compiled validator for ${provider}/${template.name}: run pnpm --filter @mlops-pipeline/templates build`);
  return fn;
}

function describe(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function problemOf(err: ErrorObject, defs: InputDef[], inputs: Record<string, unknown>): InputProblem {
  const segments = err.instancePath.split('/').slice(1);
  let input = segments[0] ?? '';
  if (err.keyword === 'required') input = String(err.params.missingProperty);
  if (err.keyword === 'additionalProperties') {
    input = String(err.params.additionalProperty);
    const known = defs.map((d) => d.name).join(', ');
    return { input, message: `unknown input (this template takes: ${known})` };
  }
  const def = defs.find((d) => d.name === input);
  const value = segments.length > 1 ? (inputs[input] as unknown[] | undefined)?.[Number(segments[1])] : inputs[input];
  switch (err.keyword) {
    case 'required':
      return { input, message: `is required: ${def?.description ?? ''}`.trim() };
    case 'pattern':
      return { input, message: `${describe(value)} is not ${def?.patternHint ?? `matching ${err.params.pattern}`}` };
    case 'enum':
      return { input, message: `${describe(value)} is not one of ${(def?.enum ?? []).join(', ')}` };
    case 'type':
      return { input, message: `${describe(value)} must be ${def?.type === 'array' && segments.length === 1 ? `a list of ${def.items === 'object' ? 'objects' : 'strings'}` : `a ${err.params.type}`}` };
    case 'minimum':
    case 'maximum':
      return { input, message: `${describe(value)} must be ${err.keyword === 'minimum' ? '>=' : '<='} ${err.params.limit}` };
    case 'minItems':
      return { input, message: 'must list at least one value' };
    case 'uniqueItems':
      return { input, message: 'lists a value twice' };
    default:
      return { input, message: err.message ?? 'is invalid' };
  }
}

/** Inputs with defaults filled in, or every problem found. */
export function validateTemplateInputs(
  template: TemplateDef,
  provider: Provider,
  inputs: Record<string, unknown>,
): { ok: true; inputs: Record<string, unknown> } | { ok: false; problems: InputProblem[] } {
  if (inputs === null || typeof inputs !== 'object' || Array.isArray(inputs)) {
    return { ok: false, problems: [{ input: '', message: 'inputs must be an object of input names to values' }] };
  }
  // An input given as undefined is an input not given.
  inputs = Object.fromEntries(Object.entries(inputs).filter(([, v]) => v !== undefined));
  const defs = inputDefs(template, provider);
  const fn = validator(template, provider);
  if (!fn(inputs)) {
    const seen = new Set<string>();
    const problems: InputProblem[] = [];
    for (const err of fn.errors ?? []) {
      const p = problemOf(err, defs, inputs);
      const key = `${p.input}\0${p.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(p);
    }
    return { ok: false, problems };
  }
  const out: Record<string, unknown> = {};
  for (const d of defs) {
    const v = d.name in inputs ? inputs[d.name] : defaultOf(d, provider);
    if (v !== undefined) out[d.name] = Array.isArray(v) ? [...(v as unknown[])] : v;
  }
  return { ok: true, inputs: out };
}
