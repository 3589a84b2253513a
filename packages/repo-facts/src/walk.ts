/**
 * Walking a repository's tree, shared by mlops-lint (finding CI files) and the generator (finding
 * DVC projects): one list of directories never worth entering, links to directories never followed.
 */
import type { Dirent } from 'node:fs';
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Dependency, VCS, cache and build directories: no CI file or DVC project of the repository lives there. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['.git', 'node_modules', '.dvc', '.venv', 'venv', '__pycache__', 'dist', '.tox', '.mypy_cache', '.pytest_cache', 'site-packages']);

export interface WalkEntry {
  /** Absolute path. */
  path: string;
  dirent: Dirent;
  /** 1 for the entries of the root, 2 below them, … */
  depth: number;
}

/**
 * Visits every entry below `root` down to `maxDepth` levels (unreadable directories are skipped),
 * never entering {@link SKIPPED_DIRECTORIES} nor a link to a directory. For a directory, `visit`
 * returning false keeps the walk out of it.
 */
export function walkTree(root: string, maxDepth: number, visit: (entry: WalkEntry) => boolean | void): void {
  const stack: { dir: string; depth: number }[] = [{ dir: path.resolve(root), depth: 0 }];
  while (stack.length > 0) {
    const { dir, depth } = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const dirent of entries) {
      if (dirent.isDirectory() && SKIPPED_DIRECTORIES.has(dirent.name)) continue;
      const entry = { path: path.join(dir, dirent.name), dirent, depth: depth + 1 };
      const enter = visit(entry);
      if (dirent.isDirectory() && enter !== false && entry.depth < maxDepth) stack.push({ dir: entry.path, depth: entry.depth });
    }
  }
}
