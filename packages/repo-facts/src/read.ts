/**
 * Reading a small repository file without unbounded work: only a regular file (never a device
 * such as /dev/zero, a FIFO or a socket, even behind a link) of at most `max` bytes is read, and
 * opening never blocks. Anything else reads as absent.
 */
import { closeSync, constants, existsSync, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** Requirements files, `.dvc/config`: never this large. */
export const MAX_SMALL_FILE_BYTES = 1024 * 1024;

/** The repository holding `dir`: the nearest directory with `.git` or `.dvc` (else `dir` itself). */
export function repositoryOf(dir: string): string {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (existsSync(path.join(d, '.git')) || existsSync(path.join(d, '.dvc'))) return d;
    if (path.dirname(d) === d) return path.resolve(dir);
  }
}

/** `file`, links followed, lies inside `root` (links followed too). */
export function liesInside(root: string, file: string): boolean {
  try {
    const rel = path.relative(realpathSync(root), realpathSync(file));
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  } catch {
    return true; // missing: reads as absent anyway
  }
}

/**
 * The text of a small regular file, or undefined. With `within`, a file that is (or leads through a
 * link to) a file outside that directory reads as absent too: repository facts come only from the
 * repository.
 */
export function readSmallText(file: string, max = MAX_SMALL_FILE_BYTES, within?: string): string | undefined {
  if (within !== undefined && !liesInside(within, file)) return undefined;
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > max) return undefined;
    const bytes = Buffer.alloc(stat.size);
    let at = 0;
    while (at < bytes.length) {
      const n = readSync(fd, bytes, at, bytes.length - at, at);
      if (n === 0) break;
      at += n;
    }
    return bytes.subarray(0, at).toString('utf8');
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
