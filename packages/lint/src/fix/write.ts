/**
 * Writing a fixed file: never a half-written file, never through a planted link, never
 * outside the repository, never over an edit made meanwhile.
 *
 * The new text goes to a temp file created exclusively (`O_CREAT | O_EXCL | O_NOFOLLOW`, a
 * random name) in the same directory (repo-facts' `writeTempFile`, shared with the generator),
 * then is renamed over the file. A workflow that is a
 * symbolic link is fixed in its target when the target lies inside the repository, and
 * refused otherwise. When the text the fixes were computed from is given, the file is
 * re-read first and left alone if it changed. A UTF-8 byte order mark is kept.
 */
import { realpathSync, renameSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { liesInside, writeTempFile } from '@mlops-pipeline/repo-facts';
import { readBounded } from '../engine/read.js';

export interface WriteOptions {
  /** The text the fixes were computed from: the write is refused when the file holds something else now. */
  expected?: string;
  /** The repository: the file (or the target of a link to it) must lie inside it. */
  root?: string;
}

/** The file was not written, for a reason the user can act on (it is left as it was). */
export class WriteRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriteRefused';
  }
}

/** Temp files being written, removed when the process is interrupted. */
const pending = new Set<string>();

/** Remove the temp files of writes still in progress (signal handlers call this before exiting). */
export function removePendingTempFiles(): void {
  for (const tmp of pending) {
    try {
      unlinkSync(tmp);
    } catch {
      // already renamed or removed
    }
  }
  pending.clear();
}

function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/** The path to write: the file itself, or the target of the link it is, inside the repository. */
function writeTarget(absPath: string, root: string | undefined): string {
  let real: string;
  try {
    real = realpathSync(absPath);
  } catch {
    real = path.join(realOrSelf(path.dirname(absPath)), path.basename(absPath)); // a new file
  }
  if (root !== undefined && !liesInside(root, real)) throw new WriteRefused('it leads outside the repository (through a symbolic link): not fixed');
  return real;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const decoder = new TextDecoder('utf-8', { ignoreBOM: false });

export function writeAtomic(absPath: string, text: string, options: WriteOptions = {}): void {
  const target = writeTarget(absPath, options.root);
  let current: Buffer | undefined;
  let mode: number | undefined;
  try {
    const stat = statSync(target);
    if (!stat.isFile()) throw new WriteRefused('it is not a regular file: not fixed');
    mode = stat.mode & 0o777;
    const read = readBounded(target);
    current = 'bytes' in read ? read.bytes : undefined;
  } catch (error) {
    if (error instanceof WriteRefused) throw error;
    current = undefined;
  }
  if (options.expected !== undefined && (current === undefined || decoder.decode(current) !== options.expected)) {
    throw new WriteRefused('it changed since it was read: not fixed (run the fix again)');
  }
  const keepBom = current !== undefined && current.subarray(0, 3).equals(BOM) && !text.startsWith('\uFEFF');
  const data = keepBom ? Buffer.concat([BOM, Buffer.from(text, 'utf8')]) : Buffer.from(text, 'utf8');
  const tmp = writeTempFile(target, data, mode ?? 0o644, 'mlops-lint.tmp');
  pending.add(tmp);
  try {
    renameSync(tmp, target);
  } catch (error) {
    try {
      unlinkSync(tmp);
    } catch {
      // the temp file is gone already
    }
    throw error;
  } finally {
    pending.delete(tmp);
  }
}
