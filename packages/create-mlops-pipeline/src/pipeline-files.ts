import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Provider } from '@mlops-pipeline/templates';
import type { TemplatesModule } from './templates.js';

/** Where the generator writes, per provider. */
export const GITHUB_FILE = '.github/workflows/mlops.yml';
export const GITLAB_FILE = '.gitlab-ci.yml';
/** The pipeline's own file when it is included from an existing .gitlab-ci.yml. */
export const GITLAB_INCLUDED_FILE = '.gitlab/ci/mlops.yml';

/** The pipeline file for a provider: `.github/workflows/mlops.yml`, or the `mlops.yaml` a checkout already has (never both). */
export function targetFile(provider: Provider, root?: string): string {
  if (provider !== 'github') return GITLAB_FILE;
  const yaml = GITHUB_FILE.replace(/\.yml$/, '.yaml');
  return root !== undefined && existsSync(path.join(root, yaml)) && !existsSync(path.join(root, GITHUB_FILE)) ? yaml : GITHUB_FILE;
}

export interface PinnedRef {
  /** GitHub `owner/repo` or GitLab `host/group/project`. */
  source: string;
  template: string;
  ref: string;
}

/**
 * The reusable-workflow `uses:` or `component:` reference of a pinned caller (any source), read by the
 * installed templates' parser; `ref` without the `v` of GitHub tags.
 */
export function findPinnedRef(templates: Pick<TemplatesModule, 'findTemplateRef'>, text: string): PinnedRef | undefined {
  const found = templates.findTemplateRef(text);
  return found?.version === undefined ? undefined : { source: found.source, template: found.template, ref: found.version };
}

/** Candidate pipeline files of a checkout, in the order they are looked at. */
export function candidateFiles(dir: string, githubWorkflows: string[]): string[] {
  const list = [GITHUB_FILE, GITLAB_INCLUDED_FILE, GITLAB_FILE, ...githubWorkflows];
  return [...new Set(list)].filter((f) => existsSync(path.join(dir, f)));
}
