/** Which CI provider a file belongs to: from its path first, then its content. */
import type { Provider } from '../model.js';

export type FileKind = 'github-workflow' | 'github-action' | 'gitlab';

export function kindFromPath(file: string): FileKind | undefined {
  const p = file.replace(/\\/g, '/');
  const base = p.slice(p.lastIndexOf('/') + 1);
  if (/(^|\/)action\.ya?ml$/.test(p)) return 'github-action';
  if (/(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(p)) return 'github-workflow';
  if (base === '.gitlab-ci.yml' || base === '.gitlab-ci.yaml' || /\.gitlab-ci\.ya?ml$/.test(base)) return 'gitlab';
  return undefined;
}

/** Top-level keys decide when the path does not: GitHub has `on:` + `jobs:`, actions `runs:`, GitLab anything else with scripts. */
export function kindFromKeys(keys: ReadonlySet<string>, hasSpecHeader: boolean): FileKind {
  if (hasSpecHeader) return 'gitlab';
  if (keys.has('jobs') && (keys.has('on') || keys.has('true'))) return 'github-workflow';
  if (keys.has('runs') && (keys.has('name') || keys.has('description') || keys.has('inputs'))) return 'github-action';
  if (keys.has('jobs') && !keys.has('stages')) return 'github-workflow';
  return 'gitlab';
}

export function detectKind(file: string, keys: ReadonlySet<string>, hasSpecHeader: boolean, provider?: Provider): FileKind {
  const fromPath = kindFromPath(file);
  if (provider === 'gitlab') return 'gitlab';
  if (provider === 'github') {
    if (fromPath === 'github-action') return fromPath;
    const k = kindFromKeys(keys, false);
    return k === 'github-action' ? k : 'github-workflow';
  }
  return fromPath ?? kindFromKeys(keys, hasSpecHeader);
}
