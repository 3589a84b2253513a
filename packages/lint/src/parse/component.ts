/** GitLab CI/CD components: the body is linted with each `$[[ inputs.x ]]` replaced by the input's default. */
import type { Source } from './source.js';

/** The inputs a component's `spec:` header declares: name → its default as text (undefined: required). */
export function declaredInputs(header: Source['header']): Map<string, string | undefined> | undefined {
  if (!header) return undefined;
  let spec: unknown;
  try {
    spec = header.toJS({ maxAliasCount: 1000 });
  } catch {
    return undefined;
  }
  const inputs = (spec as { spec?: { inputs?: unknown } } | null)?.spec?.inputs;
  const out = new Map<string, string | undefined>();
  if (inputs && typeof inputs === 'object') {
    for (const [name, def] of Object.entries(inputs as Record<string, unknown>)) {
      if (!def || typeof def !== 'object' || !('default' in def)) {
        out.set(name, undefined);
        continue;
      }
      const value = (def as { default: unknown }).default;
      out.set(name, typeof value === 'string' ? value : JSON.stringify(value));
    }
  }
  return out;
}

/**
 * `$[[ inputs.name ]]` → the value an `include:` passes (`given`), else the input's default:
 * a component body is linted as its includer uses it, or with its defaults on its own.
 */
export function inputsSubstitution(header: Source['header'], given?: Record<string, string>): ((text: string) => string) | undefined {
  const declared = declaredInputs(header);
  if (!declared) return undefined;
  const values = new Map<string, string>();
  for (const [name, value] of declared) if (value !== undefined) values.set(name, value);
  for (const [name, value] of Object.entries(given ?? {})) values.set(name, value);
  return (text) =>
    text.includes('$[[')
      ? text.replace(/\$\[\[\s*inputs\.([A-Za-z0-9_-]+)[^\]]*\]\]/g, (whole, name: string) => values.get(name) ?? whole)
      : text;
}
