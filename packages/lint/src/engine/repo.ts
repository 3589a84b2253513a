/** Repository root lookup (nearest ancestor with `.git` or `.dvc`), cached per directory. */
import { existsSync } from 'node:fs';
import path from 'node:path';

const roots = new Map<string, string>();

export function findRepoRoot(cwd: string): string {
  const start = path.resolve(cwd);
  const cached = roots.get(start);
  if (cached) return cached;
  let dir = start;
  let found = start;
  for (;;) {
    if (existsSync(path.join(dir, '.git')) || existsSync(path.join(dir, '.dvc'))) {
      found = dir;
      break;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  roots.set(start, found);
  return found;
}

/** Path as shown in diagnostics: relative to cwd when inside it, with forward slashes. */
export function displayPath(cwd: string, abs: string): string {
  const rel = path.relative(cwd, abs);
  const shown = rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel;
  return shown.split(path.sep).join('/');
}
