/**
 * Finding the CI files of a repository when no files are given:
 * `.github/workflows/*.{yml,yaml}`, `action.{yml,yaml}`, `.gitlab-ci.yml` and
 * `*.gitlab-ci.yml`, skipping dependency and VCS directories (repo-facts' one list), plus GitLab CI/CD
 * components (`templates/<name>.yml`, `templates/<name>/template.yml` at the top of
 * the searched directory) whose file starts with a `spec:` header.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { walkTree } from '@mlops-pipeline/repo-facts';
import { kindFromPath } from '../engine/detect.js';

/** CI files at most this many levels below the searched directory (dependency and VCS directories skipped: repo-facts' walkTree). */
const MAX_DEPTH = 13;
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
  walkTree(root, MAX_DEPTH, ({ path: child, dirent }) => {
    if (!(dirent.isFile() || dirent.isSymbolicLink()) || !/\.ya?ml$/.test(dirent.name)) return;
    const rel = path.relative(root, child).split(path.sep).join('/');
    // The whole path decides the kind: searching `.github/workflows` itself finds its workflows.
    if (kindFromPath(child.split(path.sep).join('/')) !== undefined || (COMPONENT.test(rel) && isComponent(child))) out.push(child);
  });
  return out.sort();
}
