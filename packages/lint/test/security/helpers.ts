/** Hostile repositories built at test time in temp dirs, removed after each test. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temp directory holding `repo/` (a git repository with `files`) and room around it for outside files. */
export function hostileRepo(files: Record<string, string | Buffer>): { root: string; outside: string } {
  const base = mkdtempSync(path.join(os.tmpdir(), 'mlops-lint-sec-'));
  made.push(base);
  const root = path.join(base, 'repo');
  const outside = path.join(base, 'outside');
  mkdirSync(path.join(root, '.git'), { recursive: true });
  mkdirSync(outside);
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return { root, outside };
}
