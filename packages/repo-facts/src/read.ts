import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Repository files read for facts are small; anything larger (or a device, a FIFO) is not read. */
export const MAX_FACT_FILE_BYTES = 4 * 1024 * 1024;

/** Thrown for a path that is not a regular file of at most {@link MAX_FACT_FILE_BYTES}; `code` says why. */
export class UnreadableFileError extends Error {
  constructor(
    readonly code: 'ENOTREG' | 'EFBIG',
    file: string,
  ) {
    super(code === 'EFBIG' ? `${file}: larger than ${MAX_FACT_FILE_BYTES} bytes` : `${file}: not a regular file`);
  }
}

/**
 * Reads a regular file of at most `max` bytes as UTF-8: opened once, checked with fstat, read up to
 * the size it had (so a symlink to /dev/zero or a FIFO never blocks or grows without bound).
 * Throws the fs error, or an {@link UnreadableFileError}.
 */
export function readBoundedText(file: string, max = MAX_FACT_FILE_BYTES): string {
  const fd = openSync(file, 'r');
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new UnreadableFileError('ENOTREG', file);
    if (stat.size > max) throw new UnreadableFileError('EFBIG', file);
    const buf = Buffer.alloc(stat.size);
    let at = 0;
    while (at < stat.size) {
      const n = readSync(fd, buf, at, stat.size - at, at);
      if (n === 0) break;
      at += n;
    }
    return buf.subarray(0, at).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** {@link readBoundedText}, or undefined when the file cannot be read. */
export function readTextOrUndefined(file: string): string | undefined {
  try {
    return readBoundedText(file);
  } catch {
    return undefined;
  }
}
