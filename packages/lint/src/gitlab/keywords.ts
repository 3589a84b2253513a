/** GitLab CI top-level keywords (everything else at the top level is a job). */
export const GLOBAL_KEYWORDS = new Set([
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
  'types',
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
