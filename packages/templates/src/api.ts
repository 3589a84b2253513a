/** The package API: catalogue look-ups, schemas, validation and rendering. */
import { TEMPLATES, findTemplate } from './catalogue.js';
import { TemplateInputError } from './errors.js';
import { headerLines } from './header.js';
import type { TemplateDef } from './model.js';
import { RENDERERS } from './render/index.js';
import { buildSchema } from './schema.js';
import { allSecrets, secretsForInputs } from './secrets.js';
import type { InputProblem, Provider, RemoteKind, RenderOptions, SecretRequirement, TemplateInfo } from './types.js';
import { validateTemplateInputs } from './validate.js';
import { TEMPLATES_VERSION } from './version.js';
import { PROVIDERS } from './types.js';

function info(template: TemplateDef, provider: Provider): TemplateInfo {
  return {
    name: template.name,
    provider,
    remote: template.remote,
    description: template.description,
    version: TEMPLATES_VERSION,
    secrets: allSecrets(template, provider),
  };
}

function isProvider(p: unknown): p is Provider {
  return p === 'github' || p === 'gitlab';
}

export function listTemplates(provider?: Provider): TemplateInfo[] {
  const providers = provider ? [provider] : PROVIDERS;
  return providers.flatMap((p) => TEMPLATES.map((t) => info(t, p)));
}

export function getTemplate(provider: Provider, name: string): TemplateInfo | undefined {
  const t = findTemplate(name);
  return t && isProvider(provider) ? info(t, provider) : undefined;
}

export function templateForRemote(provider: Provider, remote: RemoteKind): TemplateInfo {
  const t = TEMPLATES.find((x) => x.remote === remote);
  if (!t || !isProvider(provider)) throw new Error(`no template for provider "${String(provider)}" and remote "${String(remote)}"`);
  return info(t, provider);
}

function knownTemplate(provider: Provider, name: string): TemplateDef {
  const t = findTemplate(name);
  if (!t || !isProvider(provider)) {
    const known = TEMPLATES.map((x) => x.name).join(', ');
    throw new TemplateInputError(name, [{ input: '', message: `unknown template "${name}" for provider "${String(provider)}" (known: ${known})` }]);
  }
  return t;
}

export function inputsSchema(provider: Provider, name: string): Record<string, unknown> {
  return buildSchema(knownTemplate(provider, name), provider);
}

export function validateInputs(
  provider: Provider,
  name: string,
  inputs: Record<string, unknown>,
): { ok: true; inputs: Record<string, unknown> } | { ok: false; problems: InputProblem[] } {
  const t = findTemplate(name);
  if (!t || !isProvider(provider)) return { ok: false, problems: [{ input: '', message: `unknown template "${name}"` }] };
  return validateTemplateInputs(t, provider, inputs);
}

const VERSION_REF = /^v?[0-9]+(\.[0-9]+){0,2}$/;

/** Deterministic YAML text. Throws TemplateInputError (with .problems) on invalid inputs. */
export function render(provider: Provider, name: string, inputs: Record<string, unknown>, options: RenderOptions = {}): string {
  const t = knownTemplate(provider, name);
  if (options === null || typeof options !== 'object') throw new TemplateInputError(name, [{ input: 'options', message: 'must be an object such as { mode: "vendored" }' }]);
  if (options.mode !== undefined && options.mode !== 'vendored' && options.mode !== 'pinned') {
    throw new TemplateInputError(name, [{ input: 'mode', message: `${JSON.stringify(options.mode) ?? String(options.mode)} is not one of vendored, pinned` }]);
  }
  const checked = validateTemplateInputs(t, provider, inputs);
  if (!checked.ok) throw new TemplateInputError(name, checked.problems);
  const renderer = RENDERERS[provider];
  if ((options.mode ?? 'vendored') === 'pinned') {
    const ref = options.ref ?? TEMPLATES_VERSION;
    if (!VERSION_REF.test(ref)) throw new TemplateInputError(name, [{ input: 'ref', message: `"${ref}" is not a version such as 1.2.3, v1.2.3 or v1` }]);
    const source = options.source ?? renderer.defaultSource;
    if (!/^[A-Za-z0-9._-]+(\.[A-Za-z0-9-]+)*(\/[A-Za-z0-9._-]+)+$/.test(source)) {
      throw new TemplateInputError(name, [{ input: 'source', message: `"${source}" is not a repository path such as ${renderer.defaultSource}` }]);
    }
    return renderer.caller(t, checked.inputs, source, ref);
  }
  return renderer.vendored(t, checked.inputs, headerLines(name, provider, TEMPLATES_VERSION, checked.inputs));
}

/** The main published file of a template (reusable workflow / CI/CD component) and its repository path. */
export function renderPublished(provider: Provider, name: string): { path: string; text: string } {
  return renderPublishedFiles(provider, name)[0]!;
}

/**
 * Every published file of a template: GitHub, the experiment workflow and its CML report
 * workflow (`<name>-report.yml`); GitLab, the CI/CD component.
 */
export function renderPublishedFiles(provider: Provider, name: string): Array<{ path: string; text: string }> {
  return RENDERERS[provider].publishedFiles(knownTemplate(provider, name));
}

/** Where the vendored file of a template goes in a user's repository. */
export function vendoredPath(provider: Provider, name: string): string {
  return RENDERERS[provider].vendoredPath(knownTemplate(provider, name));
}

/** The secrets / CI/CD variables the user must create for these inputs (defaults filled in). */
export function requiredSecrets(provider: Provider, name: string, inputs: Record<string, unknown> = {}): SecretRequirement[] {
  const t = knownTemplate(provider, name);
  const checked = validateTemplateInputs(t, provider, inputs);
  if (checked.ok) return secretsForInputs(t, provider, checked.inputs);
  // A required input not given yet does not change the secrets; a wrong value does: it is an error.
  const wrong = checked.problems.filter((p) => !p.message.startsWith('is required'));
  if (wrong.length > 0) throw new TemplateInputError(name, wrong);
  return secretsForInputs(t, provider, inputs);
}
