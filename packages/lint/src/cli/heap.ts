/**
 * Peak memory of runs over many files or large ones. When full collections are cheap, V8 lets
 * the heap grow to several times what is live before it collects again: linting a directory of
 * thousands of CI files, or one file of many thousand jobs, leaves mostly short-lived garbage
 * (parse trees, models), and the process would hold it until the next full collection. A
 * smaller growing factor makes V8 collect earlier; each full collection is short because
 * little is live.
 */
import { statSync } from 'node:fs';
import path from 'node:path';

/** The heap may grow to (1 + this / 100) × the live heap before the next full collection. */
export const HEAP_GROWING_PERCENT = 20;

/** More file arguments than this are a large run even without a directory among them. */
export const MANY_FILES = 20;

/** A file larger than this (bytes) is a large run on its own: about 8,000 lines of YAML. */
export const LARGE_FILE_BYTES = 256 * 1024;

/**
 * Whether linting `files` (from `cwd`) may need much memory: no argument (the whole repository),
 * a directory, a long list, or a file over LARGE_FILE_BYTES.
 */
export function mayNeedMuchMemory(files: readonly string[], cwd: string): boolean {
  if (files.length === 0 || files.length > MANY_FILES) return true;
  return files.some((file) => {
    try {
      const stats = statSync(path.resolve(cwd, file));
      return stats.isDirectory() || stats.size > LARGE_FILE_BYTES;
    } catch {
      return false;
    }
  });
}

/**
 * Bounds heap growth for the rest of the process. The `v8` module is loaded only here,
 * so a single-file run (the pre-commit case) does not pay for it.
 */
export async function boundHeapGrowth(percent = HEAP_GROWING_PERCENT): Promise<void> {
  const v8 = await import('node:v8');
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
