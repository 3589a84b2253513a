/**
 * GitLab keys whose paths GitLab matches against the project's files, named by their path from
 * the project's root: `rules:changes` and `rules:exists` (lists, or `paths:` of a map), the
 * deprecated `only:changes` / `except:changes`, and `cache:key:files` / `cache:key:files_commits`.
 */
import type { RepoPath } from '../model.js';
import type { View } from '../parse/view.js';
import { get, spanOf, str } from '../parse/view.js';
import { spanKey } from '../span-key.js';

function listOrPaths(view: View | undefined): View[] {
  const list = view?.kind === 'map' ? get(view, 'paths') : view;
  return list?.kind === 'seq' ? list.items : [];
}

function collect(items: View[], key: string, out: RepoPath[]): void {
  for (const item of items) {
    const path = str(item);
    if (path !== undefined) out.push({ path, span: spanOf(item), key });
  }
}

/** The paths of one `rules:` list (a job's, or `workflow:`'s). */
function rulesPaths(rules: View | undefined, out: RepoPath[]): void {
  for (const rule of rules?.kind === 'seq' ? rules.items : []) {
    collect(listOrPaths(get(rule, 'changes')), 'rules:changes', out);
    collect(listOrPaths(get(rule, 'exists')), 'rules:exists', out);
  }
}

/** Paths a job (as merged: with `extends:`, `!reference` and includes) or `workflow:` matches against the project's files. */
export function repoPathsOf(job: View | undefined, out: RepoPath[] = []): RepoPath[] {
  if (!job) return out;
  rulesPaths(get(job, 'rules'), out);
  for (const key of ['only', 'except'] as const) collect(listOrPaths(get(get(job, key), 'changes')), `${key}:changes`, out);
  const cache = get(job, 'cache');
  for (const entry of cache?.kind === 'seq' ? cache.items : cache ? [cache] : []) {
    const key = get(entry, 'key');
    if (key?.kind !== 'map') continue;
    for (const name of ['files', 'files_commits'] as const) collect(listOrPaths(get(key, name)), `cache:key:${name}`, out);
  }
  return out;
}

/** Each place a path is written once (a hidden job's `rules:` is merged into every job that extends it). */
export function uniqueBySpan(paths: RepoPath[]): RepoPath[] {
  const seen = new Set<string>();
  return paths.filter((p) => {
    const at = spanKey(p.span);
    if (seen.has(at)) return false;
    seen.add(at);
    return true;
  });
}
