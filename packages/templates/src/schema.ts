/** JSON Schema (draft-07) of a template's inputs, built from the input definitions. */
import { appliesTo, defaultOf, type InputDef } from './inputs.js';
import type { TemplateDef } from './model.js';
import type { Provider } from './types.js';

export const SCHEMA_BASE_URL = 'https://raw.githubusercontent.com/mlops-pipeline/mlops-pipeline/main/schemas/templates';

export function schemaFileName(provider: Provider, name: string): string {
  return `${provider}-${name}.json`;
}

function propertySchema(def: InputDef, provider: Provider): Record<string, unknown> {
  const out: Record<string, unknown> = { description: def.description };
  const value: Record<string, unknown> = {};
  if (def.enum) value.enum = [...def.enum];
  if (def.pattern !== undefined) value.pattern = def.emptyAllowed ? `^$|${def.pattern}` : def.pattern;
  if (def.type === 'array') {
    out.type = 'array';
    out.items = def.items === 'object' ? { type: 'object' } : { type: 'string', ...value };
    if (def.items !== 'object') out.uniqueItems = true;
  } else {
    out.type = def.type;
    Object.assign(out, value);
    if (def.minimum !== undefined) out.minimum = def.minimum;
    if (def.maximum !== undefined) out.maximum = def.maximum;
  }
  const dflt = defaultOf(def, provider);
  if (dflt !== undefined) out.default = structuredClone(dflt);
  if (def.example !== undefined) out.examples = [def.example];
  if (def.type === 'array' && def.name === 'branches') out.minItems = 1;
  return out;
}

export function inputDefs(template: TemplateDef, provider: Provider): InputDef[] {
  return template.inputs.filter((d) => appliesTo(d, provider));
}

export function buildSchema(template: TemplateDef, provider: Provider): Record<string, unknown> {
  const defs = inputDefs(template, provider);
  const properties: Record<string, unknown> = {};
  for (const d of defs) properties[d.name] = propertySchema(d, provider);
  const required = defs.filter((d) => defaultOf(d, provider) === undefined).map((d) => d.name);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `${SCHEMA_BASE_URL}/${schemaFileName(provider, template.name)}`,
    title: `Inputs of the ${provider === 'github' ? 'GitHub' : 'GitLab'} template "${template.name}"`,
    description: template.description,
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  };
}
