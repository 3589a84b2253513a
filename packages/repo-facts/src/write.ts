/**
 * Putting a file in place without ever leaving it half-written, shared by mlops-lint's fixes and the
 * generator: the new bytes go to a temp file next to the target, which the caller then renames over it.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fchmodSync, openSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes `bytes` to a new temp file in `target`'s directory and returns its path. The file is created
 * exclusively (`O_EXCL | O_NOFOLLOW`: never an existing file, never through a planted link) under a
 * random, unpredictable name short enough for any directory (`.<name>.<random>.<suffix>`). With `mode`,
 * it is created readable by its owner only and then gets exactly `mode` (a replaced file keeps its
 * mode whatever the umask); without, it is a new file's usual `0o666` less the umask. A failed write
 * removes the temp file.
 */
export function writeTempFile(target: string, bytes: Uint8Array, mode?: number, suffix = 'tmp'): string {
  const temp = path.join(path.dirname(target), `.${path.basename(target).slice(0, 64)}.${randomBytes(8).toString('hex')}.${suffix}`);
  const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), mode === undefined ? 0o666 : 0o600);
  try {
    try {
      if (mode !== undefined) fchmodSync(fd, mode);
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    throw error;
  }
  return temp;
}
