import { existsSync, lstatSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { overlay } from './overlay.js';
import { tempDir, writeFiles } from './test-helpers.js';

describe('overlay', () => {
  it('shows planned files over links to the rest of the repo, and leaves the repo alone', () => {
    const repo = tempDir();
    writeFiles(repo, { '.gitlab-ci.yml': 'old', '.gitlab/other.yml': 'x', '.dvc/config': 'c', 'requirements.txt': 'dvc' });
    const view = overlay(repo, { '.gitlab-ci.yml': 'new', '.gitlab/ci/mlops.yml': 'pipeline' });
    expect(readFileSync(path.join(view.dir, '.gitlab-ci.yml'), 'utf8')).toBe('new');
    expect(readFileSync(path.join(view.dir, '.gitlab/ci/mlops.yml'), 'utf8')).toBe('pipeline');
    expect(readFileSync(path.join(view.dir, '.gitlab/other.yml'), 'utf8')).toBe('x');
    expect(lstatSync(path.join(view.dir, '.dvc')).isSymbolicLink()).toBe(true);
    view.dispose();
    expect(existsSync(view.dir)).toBe(false);
    expect(readFileSync(path.join(repo, '.gitlab-ci.yml'), 'utf8')).toBe('old');
    expect(readdirSync(path.join(repo, '.gitlab'))).toEqual(['other.yml']);
    expect(readFileSync(path.join(repo, '.dvc/config'), 'utf8')).toBe('c');
  });
});
