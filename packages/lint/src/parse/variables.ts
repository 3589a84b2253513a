/** Environment variables / CI variables with the secrets and variables they reference. */
import type { Provider, Variable, VariableScope } from '../model.js';
import type { View } from './view.js';
import { spanOf, str, get } from './view.js';

const GITHUB_SECRET = /\bsecrets\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_-]*)|\[\s*['"]([^'"]+)['"]\s*\])/g;
const EXPRESSION = /\$\{\{([\s\S]*?)\}\}/g;
const SHELL_VAR = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** Names of `secrets.X` used inside `${{ }}` expressions. */
export function githubSecretRefs(text: string): string[] {
  const out = new Set<string>();
  for (const expr of text.matchAll(EXPRESSION)) {
    for (const m of (expr[1] ?? '').matchAll(GITHUB_SECRET)) out.add((m[1] ?? m[2])!);
  }
  return [...out];
}

/** Names of `$X` / `${X}` variables referenced (GitLab, shell). */
export function variableRefs(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(SHELL_VAR)) out.add((m[1] ?? m[2])!);
  return [...out];
}

export function variablesOf(view: View | undefined, scope: VariableScope, provider: Provider): Variable[] {
  if (!view || view.kind !== 'map') return [];
  const out: Variable[] = [];
  for (const [name, e] of view.entries) {
    // GitLab: `VAR: { value: "...", description: "..." }`.
    const valueView = e.value.kind === 'map' && provider === 'gitlab' ? (get(e.value, 'value') ?? e.value) : e.value;
    const value = str(valueView);
    out.push({
      name,
      value,
      scope,
      span: spanOf(e.keyView),
      valueSpan: spanOf(valueView),
      secretRefs: value === undefined ? [] : provider === 'github' ? githubSecretRefs(value) : variableRefs(value),
    });
  }
  return out;
}
