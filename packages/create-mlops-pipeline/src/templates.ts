import type * as Templates from '@mlops-pipeline/templates';

export type TemplatesModule = typeof Templates;

let cached: Promise<TemplatesModule> | undefined;

/** Loads the installed @mlops-pipeline/templates on first use (keeps start-up light). */
export function loadTemplates(): Promise<TemplatesModule> {
  cached ??= import('@mlops-pipeline/templates');
  return cached;
}
