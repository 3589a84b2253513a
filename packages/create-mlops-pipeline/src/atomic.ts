import { existsSync, mkdirSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from './errors.js';

export interface FileChange {
  /** Absolute path. */
  file: string;
  content: string;
}

/** Creates missing parent directories; returns the ones it created, deepest first. */
function makeDirs(dir: string): string[] {
  const created: string[] = [];
  let d = dir;
  while (!existsSync(d)) {
    created.push(d);
    d = path.dirname(d);
  }
  if (created.length > 0) mkdirSync(dir, { recursive: true });
  return created;
}

function tryUnlink(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

/**
 * Writes every change or none: each file goes to a temp file in its own directory first, then all are
 * renamed into place. On any error (or SIGINT while writing) temp files are removed, renamed files are
 * restored to their previous content, and directories created here are removed again.
 */
export function writeAllOrNothing(changes: FileChange[]): void {
  const createdDirs: string[] = [];
  const temps: string[] = [];
  const done: Array<{ file: string; previous?: string; mode?: number }> = [];
  const rollback = () => {
    for (const t of temps) tryUnlink(t);
    for (const d of done.reverse()) {
      if (d.previous === undefined) tryUnlink(d.file);
      else writeFileSync(d.file, d.previous, d.mode === undefined ? undefined : { mode: d.mode });
    }
    for (const dir of createdDirs) {
      try {
        rmdirSync(dir);
      } catch {
        // not empty or gone
      }
    }
  };
  const onSignal = () => {
    rollback();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  /** The file being written when something fails (reported by writeFilesOrFail). */
  let current: string | undefined;
  try {
    for (const change of changes) {
      current = change.file;
      createdDirs.push(...makeDirs(path.dirname(change.file)));
    }
    for (const change of changes) {
      current = change.file;
      const temp = path.join(path.dirname(change.file), `.${path.basename(change.file)}.${process.pid}.tmp`);
      temps.push(temp);
      let mode: number | undefined;
      if (existsSync(change.file)) mode = statSync(change.file).mode & 0o777;
      writeFileSync(temp, change.content, mode === undefined ? undefined : { mode });
    }
    changes.forEach((change, i) => {
      current = change.file;
      const entry: { file: string; previous?: string; mode?: number } = { file: change.file };
      if (existsSync(change.file)) {
        entry.previous = readFileSync(change.file, 'utf8');
        entry.mode = statSync(change.file).mode & 0o777;
      }
      renameSync(temps[i] as string, change.file);
      done.push(entry);
    });
    temps.length = 0;
  } catch (err) {
    rollback();
    if (err && typeof err === 'object' && current !== undefined) (err as { file?: string }).file = current;
    throw err;
  } finally {
    process.removeListener('SIGINT', onSignal);
  }
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EISDIR: 'a directory is in the way',
  ENOTDIR: 'a file is in the way of its directory',
};

/**
 * {@link writeAllOrNothing} for the commands: a failure becomes one message naming the file (shown
 * relative to `from`) and the reason, e.g. `cannot write .github/workflows/mlops.yml: permission denied`.
 */
export function writeFilesOrFail(changes: FileChange[], from: string): void {
  try {
    writeAllOrNothing(changes);
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { file?: string };
    const reason = REASONS[e.code ?? ''] ?? e.message.split('\n')[0] ?? 'write failed';
    const target = e.file ?? changes[0]?.file;
    const shown = target ? path.relative(from, target).split(path.sep).join('/') : '';
    throw new UserError(`cannot write ${shown}: ${reason}; nothing was written`);
  }
}
