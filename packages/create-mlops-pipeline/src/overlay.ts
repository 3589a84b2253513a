import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A temporary view of a repository with some files replaced: every other entry is a symlink to the
 * original, so tools that read the repo (includes, .dvc/config, requirements) see it as it will be
 * once the files are written. The repository itself is never touched. Call `dispose` when done.
 */
export function overlay(repo: string, files: Record<string, string>): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mlops-pipeline-'));
  const planned = Object.keys(files);
  const link = (src: string, dst: string, prefix: string) => {
    let entries: string[];
    try {
      entries = readdirSync(src);
    } catch {
      return;
    }
    for (const entry of entries) {
      const rel = `${prefix}${entry}`;
      if (planned.includes(rel)) continue;
      if (planned.some((p) => p.startsWith(`${rel}/`))) {
        mkdirSync(path.join(dst, entry), { recursive: true });
        link(path.join(src, entry), path.join(dst, entry), `${rel}/`);
      } else symlinkSync(path.join(src, entry), path.join(dst, entry));
    }
  };
  try {
    link(repo, dir, '');
    for (const [rel, text] of Object.entries(files)) {
      const full = path.join(dir, ...rel.split('/'));
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
