/** The secrets / CI/CD variables a template needs, for given inputs. */
import { defaultOf } from './inputs.js';
import type { TemplateDef } from './model.js';
import type { Provider, SecretRequirement } from './types.js';

const REPO_TOKEN: SecretRequirement = {
  name: 'REPO_TOKEN',
  description: 'Project access token with the `api` scope, used by CML to comment on merge requests (with `cml: true`).',
  masked: true,
  base64: false,
  required: false,
  when: { input: 'cml', equals: true },
};

function copy(s: SecretRequirement): SecretRequirement {
  return { ...s, ...(s.when ? { when: { ...s.when } } : {}) };
}

/** Every secret the template may use (optional ones marked `required: false`, with the input value that needs them). */
export function allSecrets(template: TemplateDef, provider: Provider): SecretRequirement[] {
  const list = template.secrets[provider].map(copy);
  if (provider === 'gitlab') list.push(copy(REPO_TOKEN));
  return list;
}

/** The secrets needed with these inputs (an input not given counts at its default), each marked required. */
export function secretsForInputs(template: TemplateDef, provider: Provider, inputs: Record<string, unknown>): SecretRequirement[] {
  const valueOf = (input: string): unknown => {
    if (input in inputs) return inputs[input];
    const def = template.inputs.find((d) => d.name === input);
    return def ? defaultOf(def, provider) : undefined;
  };
  return allSecrets(template, provider)
    .filter((s) => s.when === undefined || valueOf(s.when.input) === s.when.equals)
    .map((s) => ({ ...s, required: true }));
}
