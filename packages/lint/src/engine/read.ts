/** Reading files as strict UTF-8: invalid bytes and unreadable paths become messages, not exceptions. */
import { readFileSync } from 'node:fs';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** `invalidUtf8At`: the text was decoded with replacement characters; offset of the first one. */
export type ReadResult = { text: string; invalidUtf8At?: number } | { error: string };

/** Files larger than this are not linted (a CI file is never this big). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export function readText(absPath: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : ((error as Error).message.split('\n')[0] ?? 'unreadable');
    return { error: reason };
  }
  if (bytes.length > MAX_FILE_BYTES) return { error: `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    return { text, invalidUtf8At: Math.max(0, text.indexOf('\uFFFD')) };
  }
}
