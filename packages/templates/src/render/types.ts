import type { TemplateDef } from '../model.js';
import type { Provider } from '../types.js';

/** What each provider renders from one template definition. */
export interface Renderer {
  provider: Provider;
  /** Standalone file with the inputs substituted; `header` lines come first. */
  vendored(template: TemplateDef, inputs: Record<string, unknown>, header: readonly string[]): string;
  /** The caller snippet pinning the published template at `ref` from `source`. */
  caller(template: TemplateDef, inputs: Record<string, unknown>, source: string, ref: string): string;
  /**
   * The published files (reusable workflows / CI/CD component), released under version tags,
   * with their repository-relative paths; the first is the template's main file.
   */
  publishedFiles(template: TemplateDef): Array<{ path: string; text: string }>;
  /** Where a vendored file goes in a user's repository. */
  vendoredPath(template: TemplateDef): string;
  /** Default `source` of pinned refs. */
  defaultSource: string;
}
