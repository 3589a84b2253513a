/**
 * GitLab's load-time rules for a CI/CD component's `spec:inputs`, as GitLab
 * itself applies them when a pipeline includes the component (the input
 * classes under `Gitlab::Ci::Config::Interpolation::Inputs`):
 *
 * - an input's `type` is one of `array`, `boolean`, `number`, `string`
 *   (absent: `string`);
 * - `regex` is compiled with RE2 (no lookaround, no backreferences) and only
 *   string inputs may have one; a value matches when RE2 finds the pattern
 *   anywhere in it, and an empty string never matches (GitLab checks
 *   `text.present?` before matching);
 * - `options` only on string and number inputs;
 * - the `default` of an optional input is validated against `type`,
 *   `options` and `regex` whenever the component is included, even when the
 *   caller passes a value: a default that fails breaks every include.
 *
 * Messages are worded like GitLab's own errors.
 */
import { RE2JS } from 're2js';

export type SpecInputKey = 'regex' | 'default' | 'options' | 'type';

export interface SpecInputProblem {
  input: string;
  key: SpecInputKey;
  message: string;
}

export const GITLAB_INPUT_TYPES = ['array', 'boolean', 'number', 'string'] as const;
export type GitLabInputType = (typeof GITLAB_INPUT_TYPES)[number];

type Spec = Record<string, unknown>;

/** The RE2 program GitLab would build for `pattern`, or the reason it cannot. */
export function compileGitLabRegex(pattern: string): { ok: true; regex: RE2JS } | { ok: false; reason: string } {
  try {
    return { ok: true, regex: RE2JS.compile(pattern) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Whether GitLab accepts `value` for `regex` (an unanchored RE2 search; never on an empty string). */
export function gitLabRegexMatches(regex: RE2JS, value: string): boolean {
  return value.trim() !== '' && regex.test(value);
}

function typeOf(spec: Spec | null): GitLabInputType | undefined {
  if (spec === null || !('type' in spec) || spec.type === undefined || spec.type === null) return 'string';
  return GITLAB_INPUT_TYPES.find((name) => name === spec.type);
}

function isValueOf(type: GitLabInputType, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
  }
}

function article(type: GitLabInputType): string {
  return type === 'array' ? 'an' : 'a';
}

function problemsOfInput(input: string, raw: unknown): SpecInputProblem[] {
  const problems: SpecInputProblem[] = [];
  const at = (key: SpecInputKey, message: string): void => {
    problems.push({ input, key, message });
  };
  if (raw !== null && raw !== undefined && (typeof raw !== 'object' || Array.isArray(raw))) {
    at('type', `unknown input specification for \`${input}\` (valid types: ${GITLAB_INPUT_TYPES.join(', ')})`);
    return problems;
  }
  const spec = (raw ?? null) as Spec | null;
  const type = typeOf(spec);
  if (!type) {
    at('type', `unknown input specification for \`${input}\` (valid types: ${GITLAB_INPUT_TYPES.join(', ')})`);
    return problems;
  }
  const prefix = `\`${input}\` input: `;
  const options = spec?.options;
  const hasRegex = spec !== null && 'regex' in spec && spec.regex !== undefined;

  if (options !== undefined && options !== null && type !== 'string' && type !== 'number') {
    at('options', `${prefix}Options can only be used with string and number inputs`);
  }
  let regex: RE2JS | undefined;
  if (hasRegex) {
    if (type !== 'string') {
      at('regex', `${prefix}RegEx validation can only be used with string inputs`);
    } else if (typeof spec.regex !== 'string') {
      at('regex', `${prefix}invalid regular expression`);
    } else {
      const compiled = compileGitLabRegex(spec.regex);
      if (compiled.ok) regex = compiled.regex;
      else at('regex', `${prefix}invalid regular expression`);
    }
  }

  if (spec === null || !('default' in spec)) return problems;
  const value = spec.default;
  if (!isValueOf(type, value)) {
    at('default', `${prefix}default value is not ${article(type)} ${type}`);
  }
  if (Array.isArray(options) && (type === 'string' || type === 'number') && value !== null && value !== undefined && !options.includes(value)) {
    const list = type === 'number' ? 'the list of the allowed options' : 'the list of allowed options';
    at('options', `${prefix}\`${String(value)}\` cannot be used because it is not in ${list}`);
  }
  if (regex && typeof value === 'string' && !gitLabRegexMatches(regex, value)) {
    at('regex', `${prefix}default value does not match required RegEx pattern`);
  }
  return problems;
}

/**
 * Every problem GitLab reports for `spec:inputs` when the component is
 * included, whatever the caller passes (invalid specs, invalid regexes and
 * defaults that fail their own `type`, `options` or `regex`).
 */
export function specInputProblems(inputs: Record<string, unknown>): SpecInputProblem[] {
  return Object.entries(inputs).flatMap(([input, spec]) => problemsOfInput(input, spec));
}
