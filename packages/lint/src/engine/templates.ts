/**
 * Lazy access to @mlops-pipeline/templates (newest templates version, vendored
 * header parsing). Loaded once, on first lint, handed to the engine with each
 * run's context, and guarded so a templates
 * package without these exports never breaks linting.
 */
export interface TemplatesApi {
  version: string;
  parseHeader?: (text: string) => { template: string; version: string; inputs: Record<string, unknown> } | undefined;
}

let loaded: Promise<TemplatesApi> | undefined;

export function loadTemplates(): Promise<TemplatesApi> {
  loaded ??= import('@mlops-pipeline/templates')
    .then((mod: Record<string, unknown>) => {
      const api: TemplatesApi = { version: typeof mod.TEMPLATES_VERSION === 'string' ? mod.TEMPLATES_VERSION : '0.0.0' };
      if (typeof mod.parseHeader === 'function') api.parseHeader = mod.parseHeader as TemplatesApi['parseHeader'];
      return api;
    })
    .catch((): TemplatesApi => ({ version: '0.0.0' }));
  return loaded;
}
