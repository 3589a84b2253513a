/** Model pieces every provider builds the same way from views: mappings with positions, input declarations. */
import type { InputDeclaration, KeyedValue } from './model.js';
import type { View } from './parse/view.js';
import { get, spanOf, str, toPlain } from './parse/view.js';

/** Every entry of a mapping view as plain data with the spans of its key and value (empty for anything else). */
export function keyedValues(view: View | undefined): Map<string, KeyedValue> {
  const out = new Map<string, KeyedValue>();
  if (view?.kind !== 'map') return out;
  for (const [key, e] of view.entries) out.set(key, { value: toPlain(e.value), keySpan: spanOf(e.keyView), valueSpan: spanOf(e.value.node ? e.value : e.keyView) });
  return out;
}

/**
 * One input declaration (`name: { type, required, default, description, regex, options }`).
 * `requiredWithoutDefault`: GitLab's rule (an input without `default:` is required);
 * GitHub's is the `required:` key.
 */
export function inputDeclaration(name: string, keyView: View, value: View, requiredWithoutDefault: boolean): InputDeclaration {
  const input: InputDeclaration = { name, span: spanOf(keyView), required: false };
  const type = get(value, 'type');
  if (type && str(type) !== undefined) input.type = { value: str(type)!, span: spanOf(type) };
  const def = value.kind === 'map' ? value.entries.get('default') : undefined;
  if (def) input.default = { value: toPlain(def.value), span: spanOf(def.value.node ? def.value : def.keyView) };
  const required = get(value, 'required');
  input.required = requiredWithoutDefault ? def === undefined : required?.kind === 'scalar' && (required.value === true || required.value === 'true');
  const description = str(get(value, 'description'));
  if (description !== undefined) input.description = description;
  const regex = get(value, 'regex');
  if (regex && str(regex) !== undefined) input.regex = { value: str(regex)!, span: spanOf(regex) };
  const options = get(value, 'options');
  if (options?.kind === 'seq') input.options = { value: toPlain(options) as unknown[], span: spanOf(options) };
  return input;
}

/** The declarations of an `inputs:` mapping. */
export function inputDeclarations(view: View | undefined, requiredWithoutDefault: boolean): Map<string, InputDeclaration> {
  const out = new Map<string, InputDeclaration>();
  if (view?.kind !== 'map') return out;
  for (const [name, e] of view.entries) out.set(name, inputDeclaration(name, e.keyView, e.value, requiredWithoutDefault));
  return out;
}
