/**
 * Reading files as strict UTF-8: invalid bytes and unreadable paths become messages, not
 * exceptions. Work is bounded before any byte is read: only regular files (never a device such
 * as /dev/zero, a FIFO or a socket, even behind a link) of at most MAX_FILE_BYTES are read, and
 * opening never blocks.
 */
import { readBoundedBytes, UnreadableFileError } from '@mlops-pipeline/repo-facts';
import { MAX_CHECKED_BYTES } from '../parse/file-size.js';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Why a file is not read: `limit` past a limit (too large, not a regular file), `tooLarge` past the size limit. */
type NotRead = { error: string; limit?: true; tooLarge?: true };

/** `invalidUtf8At`: the text was decoded with replacement characters; offset of the first one. */
export type ReadResult = { text: string; invalidUtf8At?: number } | NotRead;

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return (error as Error).message.split('\n')[0] ?? 'unreadable';
}

/** The bytes of a regular file of at most `max` bytes (repo-facts' bounded reader), or why it is not read. */
export function readBounded(absPath: string, max = MAX_CHECKED_BYTES): { bytes: Buffer } | NotRead {
  try {
    return { bytes: readBoundedBytes(absPath, max) };
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) return { error: reasonOf(error) };
    if (error.code === 'EISDIR') return { error: 'is a directory' };
    if (error.code === 'EFBIG') return { error: `file is larger than ${max / 1024 / 1024} MB: not read`, limit: true, tooLarge: true };
    return { error: 'not a regular file (a device, FIFO or socket): not read', limit: true };
  }
}

export function readText(absPath: string, max = MAX_CHECKED_BYTES): ReadResult {
  const read = readBounded(absPath, max);
  if ('error' in read) return read;
  try {
    return { text: decoder.decode(read.bytes) };
  } catch {
    const text = new TextDecoder('utf-8').decode(read.bytes);
    return { text, invalidUtf8At: Math.max(0, text.indexOf('\uFFFD')) };
  }
}
