import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { walkTree } from '../src/walk.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tree(files: string[]): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'repo-facts-walk-'));
  dirs.push(root);
  for (const f of files) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    writeFileSync(path.join(root, f), '');
  }
  return root;
}

function visited(root: string, maxDepth: number, visit: (rel: string, isDir: boolean) => boolean | void = () => undefined): string[] {
  const out: string[] = [];
  walkTree(root, maxDepth, (e) => {
    const rel = path.relative(root, e.path).split(path.sep).join('/');
    if (!e.dirent.isDirectory()) out.push(rel);
    return visit(rel, e.dirent.isDirectory());
  });
  return out.sort();
}

describe('walkTree', () => {
  it('visits files below the root, never in dependency and VCS directories', () => {
    const root = tree(['a.yml', '.github/workflows/ci.yml', 'node_modules/x/ci.yml', '.git/config', 'src/venv/lib.yml', 'src/app.yml']);
    expect(visited(root, 10)).toEqual(['.github/workflows/ci.yml', 'a.yml', 'src/app.yml']);
  });

  it('stops at maxDepth levels', () => {
    const root = tree(['1.yml', 'a/2.yml', 'a/b/3.yml', 'a/b/c/4.yml']);
    expect(visited(root, 3)).toEqual(['1.yml', 'a/2.yml', 'a/b/3.yml']);
  });

  it('stays out of a directory the visitor refuses, and never follows a link to a directory', () => {
    const root = tree(['keep/1.yml', 'skip/2.yml']);
    symlinkSync(path.join(root, 'keep'), path.join(root, 'link'));
    expect(visited(root, 5, (rel, isDir) => !(isDir && rel === 'skip'))).toEqual(['keep/1.yml', 'link']);
  });
});
