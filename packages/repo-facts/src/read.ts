/**
 * Reading a small repository file without unbounded work: only a regular file (never a device
 * such as /dev/zero, a FIFO or a socket, even behind a link) of at most `max` bytes is read, and
 * opening never blocks. Anything else reads as absent.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Requirements files, `.dvc/config`: never this large. */
export const MAX_SMALL_FILE_BYTES = 1024 * 1024;

export function readSmallText(file: string, max = MAX_SMALL_FILE_BYTES): string | undefined {
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
