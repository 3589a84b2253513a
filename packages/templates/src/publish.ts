/**
 * The files this repository publishes from the template source: reusable
 * workflows, GitLab CI/CD components and the JSON Schemas of the inputs.
 * Paths are relative to the repository root.
 */
import { inputsSchema, renderPublishedFiles } from './api.js';
import { PROVIDERS } from './types.js';
import { TEMPLATES } from './catalogue.js';
import { schemaFileName } from './schema.js';

export interface PublishedFile {
  path: string;
  text: string;
}

export function publishedFiles(): PublishedFile[] {
  const files: PublishedFile[] = [];
  for (const provider of PROVIDERS) {
    for (const t of TEMPLATES) {
      files.push(...renderPublishedFiles(provider, t.name));
      files.push({ path: `schemas/templates/${schemaFileName(provider, t.name)}`, text: `${JSON.stringify(inputsSchema(provider, t.name), null, 2)}\n` });
    }
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/** The package README; its `generated:` sections come from the template source (see docs.ts). */
export const README_PATH = 'packages/templates/README.md';

/** Published locations that may only hold generated files (stale ones are reported). */
export const PUBLISHED_DIRS = ['templates', 'schemas/templates'] as const;

/** Components in the published locations that no template generates: mlops-lint's own, written by hand. */
export const HAND_WRITTEN = ['templates/mlops-lint/template.yml'] as const;
