/**
 * Reading a repository file for facts without unbounded work: only a regular file (never a device
 * such as /dev/zero, a FIFO or a socket, even behind a link) of at most `max` bytes is read, it is
 * opened once without blocking and read up to the size fstat gave. With `within`, a file that is
 * (or leads through a link to) a file outside that directory is not read: repository facts come
 * only from the repository.
 */
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** Requirements, lock files, `.dvc/config`: never this large (a large `poetry.lock` is a few hundred KB). */
export const MAX_FACT_FILE_BYTES = 4 * 1024 * 1024;

/** Thrown for a path that is not a regular file (a directory, a device…) of at most `max` bytes, or that leads out of `within`; `code` says why. */
export class UnreadableFileError extends Error {
  constructor(
    readonly code: 'ENOTREG' | 'EISDIR' | 'EFBIG' | 'EOUTSIDE',
    file: string,
    max = MAX_FACT_FILE_BYTES,
  ) {
    super(code === 'EFBIG' ? `${file}: larger than ${max} bytes` : code === 'EOUTSIDE' ? `${file}: a link leading outside the repository` : code === 'EISDIR' ? `${file}: a directory` : `${file}: not a regular file`);
  }
}

/** The repository holding `dir`: the nearest directory with `.git` or `.dvc` (else `dir` itself). */
export function repositoryOf(dir: string): string {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (existsSync(path.join(d, '.git')) || existsSync(path.join(d, '.dvc'))) return d;
    if (path.dirname(d) === d) return path.resolve(dir);
  }
}

function realOrResolved(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/**
 * Where a repository's files really are: its directory (links followed) and, when its `.git` is a
 * link (a view of a checkout made of links to it, as the generator builds before writing), the
 * directory holding the `.git` linked to. A cloned repository cannot ship a `.git` link.
 */
export function repositoryDirs(root: string): string[] {
  const dirs = [realOrResolved(root)];
  const git = path.join(root, '.git');
  try {
    if (lstatSync(git).isSymbolicLink()) dirs.push(path.dirname(realpathSync(git)));
  } catch {
    // no .git, or a dangling link
  }
  return dirs;
}

/** `file`, links followed, lies inside the repository at `root` (a file that does not exist: judged by its path). */
export function liesInside(root: string, file: string): boolean {
  const real = realOrResolved(file);
  return repositoryDirs(root).some((dir) => {
    const rel = path.relative(dir, real);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  });
}

/**
 * The bytes of a regular file of at most `max` bytes (the one bounded reader: repository facts here,
 * CI files in mlops-lint). Throws the fs error, or an {@link UnreadableFileError}.
 */
export function readBoundedBytes(file: string, max = MAX_FACT_FILE_BYTES, within?: string): Buffer {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new UnreadableFileError('EISDIR', file, max);
    if (!stat.isFile()) throw new UnreadableFileError('ENOTREG', file, max);
    if (stat.size > max) throw new UnreadableFileError('EFBIG', file, max);
    if (within !== undefined && !liesInside(within, file)) throw new UnreadableFileError('EOUTSIDE', file, max);
    const bytes = Buffer.alloc(stat.size);
    let at = 0;
    while (at < bytes.length) {
      const n = readSync(fd, bytes, at, bytes.length - at, at);
      if (n === 0) break;
      at += n;
    }
    return at === bytes.length ? bytes : bytes.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

/** The text of a small regular file. Throws the fs error, or an {@link UnreadableFileError}. */
export function readBoundedText(file: string, max = MAX_FACT_FILE_BYTES, within?: string): string {
  return readBoundedBytes(file, max, within).toString('utf8');
}

/** {@link readBoundedText}, or undefined when the file cannot be read (absent, too large, not regular, outside). */
export function readSmallText(file: string, max = MAX_FACT_FILE_BYTES, within?: string): string | undefined {
  try {
    return readBoundedText(file, max, within);
  } catch {
    return undefined;
  }
}
