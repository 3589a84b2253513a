/**
 * Finding the CI files of a repository when no files are given:
 * `.github/workflows/*.{yml,yaml}`, `action.{yml,yaml}`, `.gitlab-ci.yml` and
 * `*.gitlab-ci.yml`, skipping dependency and VCS directories.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { kindFromPath } from '../engine/detect.js';

const SKIP = new Set(['.git', 'node_modules', '.dvc', '.venv', 'venv', '__pycache__', 'dist', '.tox', '.mypy_cache', '.pytest_cache', 'site-packages']);
const MAX_DEPTH = 12;

/** Absolute paths of CI files under `dir`, sorted. */
export function discoverFiles(dir: string): string[] {
  const root = path.resolve(dir);
  const out: string[] = [];
  const stack: { abs: string; depth: number }[] = [{ abs: root, depth: 0 }];
  while (stack.length > 0) {
    const { abs, depth } = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const child = path.join(abs, e.name);
      if (e.isDirectory()) {
        if (!SKIP.has(e.name) && depth < MAX_DEPTH) stack.push({ abs: child, depth: depth + 1 });
      } else if ((e.isFile() || e.isSymbolicLink()) && /\.ya?ml$/.test(e.name)) {
        if (kindFromPath(path.relative(root, child).split(path.sep).join('/')) !== undefined) out.push(child);
      }
    }
  }
  return out.sort();
}
