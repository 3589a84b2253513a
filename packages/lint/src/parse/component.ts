/** GitLab CI/CD components: the body is linted with each `$[[ inputs.x ]]` replaced by the input's default. */
import type { Source } from './source.js';

/**
 * `$[[ inputs.name ]]` → the value an `include:` passes (`given`), else the input's default:
 * a component body is linted as its includer uses it, or with its defaults on its own.
 */
export function inputsSubstitution(header: Source['header'], given?: Record<string, string>): ((text: string) => string) | undefined {
  if (!header) return undefined;
  let spec: unknown;
  try {
    spec = header.toJS({ maxAliasCount: 1000 });
  } catch {
    return undefined;
  }
  const inputs = (spec as { spec?: { inputs?: unknown } } | null)?.spec?.inputs;
  const defaults = new Map<string, string>();
  if (inputs && typeof inputs === 'object') {
    for (const [name, def] of Object.entries(inputs as Record<string, unknown>)) {
      if (!def || typeof def !== 'object' || !('default' in def)) continue;
      const value = (def as { default: unknown }).default;
      defaults.set(name, typeof value === 'string' ? value : JSON.stringify(value));
    }
  }
  for (const [name, value] of Object.entries(given ?? {})) defaults.set(name, value);
  return (text) =>
    text.includes('$[[')
      ? text.replace(/\$\[\[\s*inputs\.([A-Za-z0-9_-]+)[^\]]*\]\]/g, (whole, name: string) => defaults.get(name) ?? whole)
      : text;
}
