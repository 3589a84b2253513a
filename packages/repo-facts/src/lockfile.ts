import path from 'node:path';
import { readBoundedText } from './read.js';

export interface LockedVersion {
  /** Lock file name: `poetry.lock` or `uv.lock`. */
  file: string;
  /** 1-based line of the package's `version = …`. */
  line: number;
  version: string;
}

/** Lock files whose `[[package]]` tables record the resolved versions, in the order they are looked at. */
export const LOCK_FILES = ['poetry.lock', 'uv.lock'] as const;

/** The version of `name` a `[[package]]` lock file (poetry.lock, uv.lock) resolved, if it lists one. */
export function lockedVersionIn(text: string, name: string): { line: number; version: string } | undefined {
  const want = name.toLowerCase().replace(/[-_.]+/g, '-');
  const lines = text.split(/\r?\n/);
  let inPackage = false;
  let current: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (/^\s*\[/.test(l)) {
      inPackage = /^\s*\[\[\s*package\s*\]\]/.test(l);
      current = undefined;
      continue;
    }
    if (!inPackage) continue;
    const n = /^\s*name\s*=\s*["']([^"']+)["']/.exec(l);
    if (n) current = (n[1] ?? '').toLowerCase().replace(/[-_.]+/g, '-');
    const v = /^\s*version\s*=\s*["']([^"']+)["']/.exec(l);
    if (v && current === want) return { line: i + 1, version: v[1] ?? '' };
  }
  return undefined;
}

/** The version of `name` resolved by the project's poetry.lock or uv.lock. */
export function findLockedVersion(repoDir: string, name: string): LockedVersion | undefined {
  for (const file of LOCK_FILES) {
    let text: string;
    try {
      text = readBoundedText(path.join(repoDir, file));
    } catch {
      continue;
    }
    const found = lockedVersionIn(text, name);
    if (found) return { file, ...found };
  }
  return undefined;
}
