import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, rmdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { writeTempFile } from '@mlops-pipeline/repo-facts';
import { fsReason, InterruptedError, UserError } from './errors.js';

export interface FileChange {
  /** Absolute path. */
  file: string;
  /** The new content; null removes the file (restored like the others on rollback). */
  content: string | null;
}

/** Thrown before anything is written when a path would write through a symbolic link. */
export class SymlinkInTheWayError extends Error {
  constructor(readonly link: string) {
    super(`${link} is a symbolic link`);
    this.name = 'SymlinkInTheWayError';
  }
}

/** Hooks for tests: called between the steps of a write. */
export interface WriteHooks {
  beforeRename?: () => void;
}

function lstatOrUndefined(p: string) {
  try {
    return lstatSync(p);
  } catch {
    return undefined;
  }
}

/**
 * Refuses a file whose own path, or any directory between `root` and it, is a symbolic link: a cloned
 * repository could ship `.github -> /somewhere/else` to make a write land outside the checkout.
 */
function assertNoSymlinks(file: string, root: string): void {
  const rel = path.relative(root, file);
  const parts = rel.startsWith('..') || path.isAbsolute(rel) ? [file] : rel.split(path.sep).map((_, i, all) => path.join(root, ...all.slice(0, i + 1)));
  for (const p of parts) {
    if (lstatOrUndefined(p)?.isSymbolicLink()) throw new SymlinkInTheWayError(p);
  }
}

/** Creates missing parent directories (never through a symlink); returns the ones it created, deepest first. */
function makeDirs(dir: string): string[] {
  const created: string[] = [];
  let d = dir;
  while (lstatOrUndefined(d) === undefined) {
    created.push(d);
    d = path.dirname(d);
  }
  for (const c of [...created].reverse()) mkdirSync(c);
  return created;
}

function tryUnlink(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

/** A new temp file next to `file` holding `content`, with the previous file's mode when given (repo-facts' one temp-file writer). */
function writeTemp(file: string, content: string, mode: number | undefined): string {
  return writeTempFile(file, Buffer.from(content, 'utf8'), mode);
}

/** The current content and mode of a regular file (read without following a symlink), or undefined when absent. */
function previousOf(file: string): { content: string; mode: number } | undefined {
  if (lstatOrUndefined(file) === undefined) return undefined;
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    return { content: readFileSync(fd, 'utf8'), mode: fstatSync(fd).mode & 0o777 };
  } finally {
    closeSync(fd);
  }
}

/** Lets a pending SIGINT/SIGTERM be delivered (signal listeners run between event loop turns). */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes every change or none: each file goes to a fresh temp file in its own directory first, then
 * all are renamed into place. On any error, or SIGINT/SIGTERM before the last rename, temp files are
 * removed, renamed files get their previous content back, directories created here are removed, and
 * the error (an {@link InterruptedError} for a signal) is thrown. Paths through symbolic links below
 * `root` are refused before anything is written.
 */
export async function writeAllOrNothing(changes: FileChange[], root: string, hooks: WriteHooks = {}): Promise<void> {
  for (const change of changes) assertNoSymlinks(change.file, root);
  const createdDirs: string[] = [];
  const temps: string[] = [];
  const done: Array<{ file: string; previous?: { content: string; mode: number } }> = [];
  let signal: NodeJS.Signals | undefined;
  const onSignal = (s: NodeJS.Signals) => {
    signal ??= s;
  };
  const rollback = () => {
    for (const t of temps) if (t !== '') tryUnlink(t);
    for (const d of done.reverse()) {
      if (d.previous === undefined) tryUnlink(d.file);
      else {
        try {
          renameSync(writeTemp(d.file, d.previous.content, d.previous.mode), d.file);
        } catch {
          // best effort: the rest is still rolled back
        }
      }
    }
    for (const dir of createdDirs) {
      try {
        rmdirSync(dir);
      } catch {
        // not empty or gone
      }
    }
  };
  const checkSignal = async () => {
    await turn();
    if (signal !== undefined) throw new InterruptedError(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  /** The file being written when something fails (reported by writeFilesOrFail). */
  let current: string | undefined;
  try {
    for (const change of changes) {
      current = change.file;
      createdDirs.push(...makeDirs(path.dirname(change.file)));
    }
    const previous = changes.map((change) => previousOf(change.file));
    for (const [i, change] of changes.entries()) {
      current = change.file;
      temps.push(change.content === null ? '' : writeTemp(change.file, change.content, previous[i]?.mode));
      await checkSignal();
    }
    hooks.beforeRename?.();
    for (const [i, change] of changes.entries()) {
      await checkSignal();
      current = change.file;
      // The file may have become a symlink since it was checked: rename replaces the link, never its target.
      if (change.content === null) unlinkSync(change.file);
      else renameSync(temps[i] as string, change.file);
      const entry: (typeof done)[number] = { file: change.file };
      const before = previous[i];
      if (before !== undefined) entry.previous = before;
      done.push(entry);
    }
    temps.length = 0;
    await checkSignal();
  } catch (err) {
    rollback();
    if (err && typeof err === 'object' && current !== undefined && !(err instanceof InterruptedError)) (err as { file?: string }).file = current;
    throw err;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

/**
 * {@link writeAllOrNothing} for the commands: a failure becomes one message naming the file (shown
 * relative to `from`) and the reason, e.g. `cannot write .github/workflows/mlops.yml: permission denied`.
 */
export async function writeFilesOrFail(changes: FileChange[], root: string, from: string, hooks: WriteHooks = {}): Promise<void> {
  const shown = (file: string) => path.relative(from, file).split(path.sep).join('/');
  try {
    await writeAllOrNothing(changes, root, hooks);
  } catch (err) {
    if (err instanceof InterruptedError) throw err;
    if (err instanceof SymlinkInTheWayError) {
      throw new UserError(`${shown(err.link)} is a symbolic link; create-mlops-pipeline does not write through links (replace it with a regular file or directory); nothing was written`);
    }
    const e = err as NodeJS.ErrnoException & { file?: string };
    const reason = (e.code === 'EISDIR' ? 'a directory is in the way' : e.code === 'ENOTDIR' ? 'a file is in the way of its directory' : fsReason(e)) ?? e.message.split('\n')[0] ?? 'write failed';
    const target = e.file ?? changes[0]?.file;
    throw new UserError(`cannot write ${target ? shown(target) : ''}: ${reason}; nothing was written`);
  }
}
