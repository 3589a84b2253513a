import path from 'node:path';

/** One file the run would create or change. */
export interface PlannedFile {
  /** Repo-relative path with forward slashes. */
  rel: string;
  /** Current content; undefined for a new file. */
  before?: string;
  after: string;
  /** The user asked for this change explicitly (e.g. --gitlab-include): no overwrite confirmation needed. */
  requested?: boolean;
}

export function isChanged(f: PlannedFile): boolean {
  return f.before !== f.after;
}

export function absolute(dir: string, f: PlannedFile): string {
  return path.join(dir, ...f.rel.split('/'));
}

/** `path (new file, 49 lines)`; the path is shown relative to `from` (the working directory). */
export function describe(f: PlannedFile, dir: string, from: string): string {
  const shown = path.relative(from, absolute(dir, f)).split(path.sep).join('/');
  if (f.before === undefined) return `${shown} (new file, ${f.after.split('\n').length - (f.after.endsWith('\n') ? 1 : 0)} lines)`;
  return f.before === f.after ? `${shown} (unchanged)` : `${shown} (changed)`;
}
