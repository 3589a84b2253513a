/**
 * Choosing which ajv errors to show. With `allErrors`, a failed `oneOf`/`anyOf`
 * reports every branch; we keep the errors of the branches whose type matched
 * the value (the user's intent), or one "must be a X or a Y" when none did.
 * Values that are CI expressions (`${{ … }}`, `$[[ inputs.x ]]`) are only known
 * at run time, so type/value errors on them are dropped.
 */
import type { SchemaError } from './types.js';
import { valueAt } from './locate.js';
import { closest } from './suggest.js';

const VALUE_KEYWORDS = new Set(['type', 'enum', 'const', 'pattern', 'minimum', 'maximum', 'oneOf', 'anyOf', 'format']);

function isExpression(value: unknown): boolean {
  return typeof value === 'string' && (value.includes('${{') || value.includes('$[['));
}

function typesOf(params: Record<string, unknown>): string[] {
  const t = params.type;
  return Array.isArray(t) ? t.map(String) : typeof t === 'string' ? t.split(',') : [];
}

export function selectErrors(errors: readonly SchemaError[], data: unknown): SchemaError[] {
  let list = errors.filter((e) => {
    if (e.keyword === 'if' || (e.keyword === 'not' && e.schemaPath.includes('/propertyNames/'))) return false;
    const value = valueAt(data, e.instancePath);
    if (VALUE_KEYWORDS.has(e.keyword) && isExpression(value)) return false;
    // A list of scalar values cannot describe a mapping or a list: that branch simply did not apply.
    if ((e.keyword === 'enum' || e.keyword === 'const') && value !== null && typeof value === 'object') return false;
    return true;
  });
  const combos = list.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').sort((a, b) => a.instancePath.length - b.instancePath.length || a.schemaPath.length - b.schemaPath.length);
  const removed = new Set<SchemaError>();
  const synthetic: SchemaError[] = [];
  for (const combo of combos) {
    removed.add(combo);
    if (combo.params.passingSchemas) continue;
    const at = combo.instancePath;
    const under = list.filter((e) => e !== combo && !removed.has(e) && (e.instancePath === at || e.instancePath.startsWith(`${at}/`)));
    // The `${{ … }}` pattern branch failing on a plain value is a type miss too.
    const typeMisses = under.filter((e) => e.instancePath === at && (e.keyword === 'type' || (e.keyword === 'pattern' && String(e.params.pattern).includes('\\$\\{\\{'))));
    const others = under.filter((e) => !typeMisses.includes(e) && e.keyword !== 'oneOf' && e.keyword !== 'anyOf');
    for (const e of typeMisses) removed.add(e);
    if (others.length === 0 && typeMisses.length > 0) {
      const types = [...new Set(typeMisses.flatMap((e) => typesOf(e.params)))];
      synthetic.push({ instancePath: at, schemaPath: combo.schemaPath, keyword: 'type', params: { type: types } });
    }
  }
  list = [...list.filter((e) => !removed.has(e)), ...synthetic];
  // At one path, an unknown enum value explains a failed pattern/const branch.
  const enumAt = new Set(list.filter((e) => e.keyword === 'enum').map((e) => e.instancePath));
  list = list.filter((e) => !((e.keyword === 'pattern' || e.keyword === 'const') && enumAt.has(e.instancePath)));
  // A wrong type explains every other complaint about the same value.
  const typeAt = new Set(list.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  list = list.filter((e) => e.keyword === 'type' || !(VALUE_KEYWORDS.has(e.keyword) && typeAt.has(e.instancePath)));
  // `runs_on` written instead of `runs-on`: the unknown key explains the missing one.
  const unknownAt = list.filter((e) => e.keyword === 'additionalProperties');
  list = list.filter((e) => e.keyword !== 'required' || !unknownAt.some((u) => u.instancePath === e.instancePath && closest(String(u.params.additionalProperty), [String(e.params.missingProperty)]) !== undefined));
  const seen = new Set<string>();
  return list.filter((e) => {
    const key = `${e.instancePath}\0${e.keyword}\0${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
