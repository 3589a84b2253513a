/**
 * GitLab CI top-level keywords (everything else at the top level is a job): the one list the
 * resolver, the model and the structure messages share. `types` (the old name of `stages`) is
 * no longer reserved: a job may be called `types`
 * (https://docs.gitlab.com/ci/yaml/#global-keywords; gitlab-org/gitlab#467170).
 */
export const GLOBAL_KEYWORDS: ReadonlySet<string> = new Set([
  'default',
  'include',
  'stages',
  'variables',
  'workflow',
  'spec',
  'image',
  'services',
  'cache',
  'before_script',
  'after_script',
]);

/** Keys a job inherits from `default:` (and legacy top-level globals) when it does not set them. */
export const DEFAULT_KEYS = [
  'after_script',
  'artifacts',
  'before_script',
  'cache',
  'hooks',
  'id_tokens',
  'image',
  'interruptible',
  'retry',
  'services',
  'tags',
  'timeout',
] as const;

/** Legacy global keywords that act like `default:` entries. */
export const LEGACY_GLOBALS = ['image', 'services', 'cache', 'before_script', 'after_script'] as const;
