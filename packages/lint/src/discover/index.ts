/**
 * Finding the CI files of a repository when no files are given:
 * `.github/workflows/*.{yml,yaml}`, `action.{yml,yaml}`, `.gitlab-ci.yml` and
 * `*.gitlab-ci.yml`, skipping dependency and VCS directories, plus GitLab CI/CD
 * components (`templates/<name>.yml`, `templates/<name>/template.yml` at the top of
 * the searched directory) whose file starts with a `spec:` header.
 */
import { closeSync, openSync, readSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { kindFromPath } from '../engine/detect.js';

const SKIP = new Set(['.git', 'node_modules', '.dvc', '.venv', 'venv', '__pycache__', 'dist', '.tox', '.mypy_cache', '.pytest_cache', 'site-packages']);
const MAX_DEPTH = 12;
const COMPONENT = /^templates\/([^/]+\.ya?ml|[^/]+\/template\.ya?ml)$/;

/** A GitLab component has a `spec:` document before `---` (only the file's start is read). */
function isComponent(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buf = Buffer.alloc(4096);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const head = buf.subarray(0, n).toString('utf8');
    return /^spec:/m.test(head) && /^---\s*$/m.test(head);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

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
        const rel = path.relative(root, child).split(path.sep).join('/');
        // The whole path decides the kind: searching `.github/workflows` itself finds its workflows.
        if (kindFromPath(child.split(path.sep).join('/')) !== undefined || (COMPONENT.test(rel) && isComponent(child))) out.push(child);
      }
    }
  }
  return out.sort();
}
