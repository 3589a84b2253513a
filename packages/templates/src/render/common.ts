/** Helpers shared by the provider renderers. */
import { stringify } from 'yaml';
import { conditionParts, type Condition, type ScriptStep } from '../model.js';

const TOKEN = /@\{([a-z0-9-]+)\}/g;

/** Replaces `@{input}` tokens with `resolve(input)`. */
export function resolveTokens(text: string, resolve: (input: string) => string): string {
  return text.replace(TOKEN, (_, name: string) => resolve(name));
}

/** `DVC_VERSION` for `dvc-version`: the environment variable carrying an input into scripts. */
export function envName(input: string): string {
  return ENV_NAMES[input] ?? input.toUpperCase().replace(/-/g, '_');
}

/** Inputs whose plain upper-case name would be ambiguous in a job environment. */
const ENV_NAMES: Record<string, string> = {
  push: 'DVC_PUSH',
  cml: 'CML_REPORT',
  'pull-strategy': 'DVC_PULL_STRATEGY',
  requirements: 'REQUIREMENTS_FILE',
  // DVC reads DVC_* settings of its own: a name it does not know.
  'dvc-cache': 'DVC_CACHE_REUSE',
  // A name ending in _MODE reads as a setting, not as a credential.
  'azure-auth': 'AZURE_AUTH_MODE',
};

/** A condition evaluated against concrete inputs (vendored files). */
export function holds(cond: Condition | undefined, inputs: Record<string, unknown>): boolean {
  if (cond === undefined) return true;
  return conditionParts(cond).every((c) => {
    const v = inputs[c.input];
    return 'equals' in c ? v === c.equals : !c.notIn.includes(String(v));
  });
}

export function scriptText(step: ScriptStep, resolve: (input: string) => string): string {
  return step.lines.map((l) => resolveTokens(l, resolve)).join('\n');
}

/** Deterministic YAML: insertion key order, no line folding, no anchors. */
export function toYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0, aliasDuplicateObjects: false, singleQuote: true, indentSeq: true });
}

/** Joins header comment lines and a YAML body. */
export function withHeader(header: readonly string[], body: string): string {
  return `${header.join('\n')}\n${body.endsWith('\n') ? body : `${body}\n`}`;
}

/** `file` in the working directory `dir` (`.` or empty: the repository's root, with no `./`). */
export function joinPath(dir: string, file: string): string {
  return dir === '.' || dir === '' ? file : `${dir.replace(/\/+$/, '')}/${file}`;
}
