import type { TemplateDef } from '../model.js';
import type { Provider } from '../types.js';

/** What each provider renders from one template definition. */
export interface Renderer {
  provider: Provider;
  /** Standalone file with the inputs substituted; `header` lines come first. */
  vendored(template: TemplateDef, inputs: Record<string, unknown>, header: readonly string[]): string;
  /** The caller snippet pinning the published template at `ref` from `source`. */
  caller(template: TemplateDef, inputs: Record<string, unknown>, source: string, ref: string): string;
  /** The published file (reusable workflow / CI/CD component), released under version tags. */
  published(template: TemplateDef): string;
  /** Repository-relative path of the published file. */
  publishedPath(template: TemplateDef): string;
  /** Where a vendored file goes in a user's repository. */
  vendoredPath(template: TemplateDef): string;
  /** Default `source` of pinned refs. */
  defaultSource: string;
}
