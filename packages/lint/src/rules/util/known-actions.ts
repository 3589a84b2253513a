/**
 * Full versions `action-pinned --fix` writes for a branch or missing ref. The actions the
 * templates use come from @mlops-pipeline/templates, so a fix and a fresh render agree.
 */
import { ACTIONS } from '@mlops-pipeline/templates';

const OTHERS: Readonly<Record<string, string>> = {
  'actions/checkout': 'v5.0.0',
  'actions/setup-node': 'v6.5.0',
  'actions/setup-python': 'v6.0.0',
  'actions/cache': 'v5.0.1',
  'actions/upload-artifact': 'v6.0.0',
  'actions/download-artifact': 'v7.0.0',
  'pnpm/action-setup': 'v6.0.9',
  'changesets/action': 'v1.9.0',
  'treeverse/setup-dvc': 'v2.0.0',
  'iterative/setup-cml': 'v2.0.1',
  'google-github-actions/auth': 'v3.0.0',
  'google-github-actions/setup-gcloud': 'v3.0.1',
  'aws-actions/configure-aws-credentials': 'v5.0.0',
  'azure/login': 'v2.3.0',
};

export const KNOWN_ACTION_VERSIONS: Readonly<Record<string, string>> = {
  ...OTHERS,
  ...Object.fromEntries(Object.values(ACTIONS).map((a) => [a.repo.toLowerCase(), a.version])),
};

/** Branch-like refs that move with every push. */
export function isBranchRef(ref: string): boolean {
  if (/^[0-9a-f]{40}$/i.test(ref)) return false;
  if (/^v?\d+(\.\d+){0,2}([-+][0-9A-Za-z.-]+)?$/.test(ref)) return false;
  return true;
}

export function isFullSha(ref: string): boolean {
  return /^[0-9a-f]{40}$/i.test(ref);
}
