/**
 * Vitest global setup shared by every package: the whole run writes its temporary
 * files under one directory, removed when the run ends, so a test run leaves nothing
 * behind in the system's temporary directory whatever its tests forget to clean.
 *
 * The directory is readable and traversable by every user (mode 755, like /tmp
 * itself without the sticky bit), so tests that run a CLI as `nobody` can reach
 * the fixtures they create there.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'mlops-pipeline-test-'));
  chmodSync(runDir, 0o755);
  // Test workers and the processes they start inherit it; os.tmpdir() reads it on every call.
  process.env.TMPDIR = runDir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
  };
}
