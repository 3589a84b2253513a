/** The secrets / CI/CD variables a template needs, for given inputs. */
import type { TemplateDef } from './model.js';
import type { Provider, SecretRequirement } from './types.js';

const REPO_TOKEN: SecretRequirement = {
  name: 'REPO_TOKEN',
  description: 'Project access token with the `api` scope, used by CML to comment on merge requests (with `cml: true`).',
  masked: true,
  base64: false,
  required: false,
};

const SERVICE_PRINCIPAL = new Set(['AZURE_CLIENT_ID', 'AZURE_TENANT_ID', 'AZURE_CLIENT_SECRET']);

/** Every secret the template may use (optional ones marked `required: false`). */
export function allSecrets(template: TemplateDef, provider: Provider): SecretRequirement[] {
  const list = template.secrets[provider].map((s) => ({ ...s }));
  if (provider === 'gitlab') list.push({ ...REPO_TOKEN });
  return list;
}

/** The secrets needed with these inputs, each marked required. */
export function secretsForInputs(template: TemplateDef, provider: Provider, inputs: Record<string, unknown>): SecretRequirement[] {
  return allSecrets(template, provider)
    .filter((s) => {
      if (s.name === 'REPO_TOKEN') return inputs.cml === true;
      if (template.remote !== 'azure') return true;
      return SERVICE_PRINCIPAL.has(s.name) === (inputs['azure-auth'] === 'service-principal');
    })
    .map((s) => ({ ...s, required: true }));
}
