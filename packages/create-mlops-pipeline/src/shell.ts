/**
 * Values from a repository (git remote slug, DVC remote bucket, branch, paths) end up in the shell
 * commands printed as next steps. Each is either checked against the shape its cloud accepts (and
 * replaced by a placeholder when it does not fit) or quoted as one shell word, so pasting the commands
 * never runs anything else.
 */

/** Characters that never need quoting in a POSIX shell word. */
const PLAIN_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One shell word: as is when plain, else in single quotes with each `'` written as `'\''`. */
export function shellWord(value: string): string {
  if (PLAIN_WORD.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `owner/repo` or `group/subgroup/project`: the characters GitHub and GitLab allow in paths. */
const SLUG = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)+$/;

/** A repository slug safe inside quoted command arguments and JSON, else undefined. */
export function safeSlug(slug: string | undefined): string | undefined {
  return slug !== undefined && SLUG.test(slug) && !slug.split('/').some((p) => p === '.' || p === '..') ? slug : undefined;
}

/** GCS and S3 bucket names: lower-case letters, digits, `.`, `-`, `_` (3 to 222 characters). */
const BUCKET = /^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/;

export function safeBucket(bucket: string | undefined): string | undefined {
  return bucket !== undefined && BUCKET.test(bucket) ? bucket : undefined;
}

/** A DNS host name, optionally with a port. */
const HOST = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.)*[A-Za-z0-9-]{1,63}(?::\d{1,5})?$/;

export function safeHost(host: string | undefined): string | undefined {
  return host !== undefined && HOST.test(host) ? host : undefined;
}

/** A git branch name without characters a shell, a JSON string or an OIDC subject would read specially. */
const BRANCH = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

export function safeBranch(branch: string | undefined): string | undefined {
  return branch !== undefined && BRANCH.test(branch) ? branch : undefined;
}
