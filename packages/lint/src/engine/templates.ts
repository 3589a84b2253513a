/**
 * Lazy access to @mlops-pipeline/templates (newest templates version, vendored
 * header parsing, published workflows and components). Loaded once, the first time
 * a file refers to the templates (see `refersToTemplates`), and guarded so a
 * templates package without these exports never breaks linting. Files that do not
 * refer to them never pay for loading the package and its YAML library.
 */
export interface TemplatesApi {
  version: string;
  parseHeader?: (text: string) => { template: string; version: string; inputs: Record<string, unknown> } | undefined;
  /** The published reusable workflow at `path` (`.github/workflows/dvc.yml`) as this templates version renders it. */
  publishedWorkflow?: (path: string) => string | undefined;
  /** The published GitLab CI/CD component `name` (`dvc`) as this templates version renders it. */
  publishedComponent?: (name: string) => string | undefined;
  /** `ref` names this templates version (an exact `v1.4.0` or a moving `v1` that includes it). */
  isCurrentRef?: (ref: string) => boolean;
}

interface TemplatesModule {
  TEMPLATES_VERSION?: unknown;
  parseHeader?: unknown;
  listTemplates?: unknown;
  renderPublished?: unknown;
  renderPublishedFiles?: unknown;
  compareTemplateVersion?: unknown;
}

/** Published GitLab components by name, rendered on first use. */
function publishedComponents(mod: TemplatesModule): ((name: string) => string | undefined) | undefined {
  const { listTemplates, renderPublishedFiles } = mod;
  if (typeof listTemplates !== 'function' || typeof renderPublishedFiles !== 'function') return undefined;
  const known = new Map<string, string | undefined>();
  return (name) => {
    if (!known.has(name)) {
      let text: string | undefined;
      try {
        if ((listTemplates('gitlab') as { name: string }[]).some((t) => t.name === name)) text = (renderPublishedFiles('gitlab', name) as { text: string }[])[0]?.text;
      } catch {
        text = undefined;
      }
      known.set(name, text);
    }
    return known.get(name);
  };
}

/** Published GitHub workflows by path, rendered once on first use. */
function publishedWorkflows(mod: TemplatesModule): ((path: string) => string | undefined) | undefined {
  const { listTemplates, renderPublished, renderPublishedFiles } = mod;
  if (typeof listTemplates !== 'function' || typeof renderPublished !== 'function') return undefined;
  // Every published file of a template (a workflow and its report workflow), else its main one.
  const filesOf = (name: string): { path: string; text: string }[] =>
    typeof renderPublishedFiles === 'function' ? (renderPublishedFiles('github', name) as { path: string; text: string }[]) : [renderPublished('github', name) as { path: string; text: string }];
  let byPath: Map<string, string> | undefined;
  return (path) => {
    if (!byPath) {
      byPath = new Map();
      try {
        for (const t of listTemplates('github') as { name: string }[]) {
          for (const published of filesOf(t.name)) byPath.set(published.path, published.text);
        }
      } catch {
        // A templates package that cannot render leaves calls to published workflows unchecked.
      }
    }
    return byPath.get(path);
  };
}

/** What a file that does not refer to the templates gets: nothing to compare with. */
export const NO_TEMPLATES: TemplatesApi = { version: '0.0.0' };

/**
 * Whether linting these texts (a file and what it includes) may need the templates: a vendored
 * header, a published workflow or component, or the project's own actions all name
 * `mlops-pipeline`; a local reusable workflow (`./.github/workflows/…`) may call a published one.
 */
export function refersToTemplates(texts: Iterable<string>): boolean {
  for (const text of texts) if (text.includes('mlops-pipeline') || text.includes('./.github/workflows/')) return true;
  return false;
}

let loaded: Promise<TemplatesApi> | undefined;

export function loadTemplatesApi(): Promise<TemplatesApi> {
  loaded ??= import('@mlops-pipeline/templates')
    .then((mod: TemplatesModule) => {
      const api: TemplatesApi = { version: typeof mod.TEMPLATES_VERSION === 'string' ? mod.TEMPLATES_VERSION : '0.0.0' };
      if (typeof mod.parseHeader === 'function') api.parseHeader = mod.parseHeader as TemplatesApi['parseHeader'];
      const published = publishedWorkflows(mod);
      if (published) api.publishedWorkflow = published;
      const components = publishedComponents(mod);
      if (components) api.publishedComponent = components;
      const compare = mod.compareTemplateVersion;
      if (typeof compare === 'function') api.isCurrentRef = (ref) => compare(ref, api.version) === 0;
      return api;
    })
    .catch((): TemplatesApi => NO_TEMPLATES);
  return loaded;
}
