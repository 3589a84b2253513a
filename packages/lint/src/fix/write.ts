/** Writing a file atomically: temp file in the same directory, then rename (never a half-written file). */
import { renameSync, statSync, unlinkSync, writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';

export function writeAtomic(absPath: string, text: string): void {
  const tmp = path.join(path.dirname(absPath), `.${path.basename(absPath)}.mlops-lint-${process.pid}.tmp`);
  let mode: number | undefined;
  try {
    mode = statSync(absPath).mode & 0o777;
  } catch {
    mode = undefined;
  }
  try {
    writeFileSync(tmp, text, 'utf8');
    if (mode !== undefined) chmodSync(tmp, mode);
    renameSync(tmp, absPath);
  } catch (error) {
    try {
      unlinkSync(tmp);
    } catch {
      // the temp file was never created
    }
    throw error;
  }
}
