/** Template inputs beyond the answers: `--input name=value` flags and required inputs to ask for. */

export interface InputProperty {
  name: string;
  type: string;
  description: string;
  pattern?: string;
  enum?: string[];
}

interface RawProperty {
  type?: string;
  description?: string;
  pattern?: string;
  enum?: string[];
  items?: { pattern?: string; enum?: string[] };
}

function props(schema: Record<string, unknown>): Record<string, RawProperty> {
  const p = schema['properties'];
  return p && typeof p === 'object' ? (p as Record<string, RawProperty>) : {};
}

export function describeProperty(schema: Record<string, unknown>, name: string): InputProperty | undefined {
  const raw = props(schema)[name];
  if (!raw) return undefined;
  const out: InputProperty = { name, type: raw.type ?? 'string', description: raw.description ?? '' };
  const pattern = raw.pattern ?? raw.items?.pattern;
  if (pattern !== undefined) out.pattern = pattern;
  const en = raw.enum ?? raw.items?.enum;
  if (en) out.enum = en;
  return out;
}

/** Converts a flag string to the input's type: arrays split on commas, booleans and integers parsed. */
export function coerce(value: string, type: string): unknown {
  if (type === 'array') return value === '' ? [] : value.split(',').map((v) => v.trim());
  if (type === 'boolean' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  if (type === 'integer' && /^-?\d+$/.test(value)) return Number(value);
  return value;
}

/** Applies `--input` values (unknown names are left for the template's validation to report). */
export function withFlagInputs(inputs: Record<string, unknown>, flags: Record<string, string>, schema: Record<string, unknown>): Record<string, unknown> {
  const out = { ...inputs };
  for (const [name, value] of Object.entries(flags)) out[name] = coerce(value, describeProperty(schema, name)?.type ?? 'string');
  return out;
}

/** Required inputs of the schema that have no value yet. */
export function missingRequired(schema: Record<string, unknown>, inputs: Record<string, unknown>): InputProperty[] {
  const required = Array.isArray(schema['required']) ? (schema['required'] as string[]) : [];
  return required.filter((name) => inputs[name] === undefined || inputs[name] === '').map((name) => describeProperty(schema, name) ?? { name, type: 'string', description: '' });
}
