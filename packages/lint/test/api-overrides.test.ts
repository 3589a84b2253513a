/** Linting a planned file set from memory: files that do not exist on disk yet, included ones too. */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixFiles, lintFiles } from '../src/index.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function emptyRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlops-lint-planned-'));
  mkdirSync(join(dir, '.git'));
  dirs.push(dir);
  return dir;
}

const main = 'include:\n  - local: ci/train.yml\n  - local: ci/jobs/*.yml\n';
const train = 'train:\n  image: python:3.12\n  only: [main]\n  script: [dvc repro]\n';
const evaluate = 'evaluate:\n  image: python:3.12\n  except: [tags]\n  script: [dvc metrics show]\n';

describe('in-memory overrides', () => {
  it('lint a planned GitLab pipeline whose local includes (plain and glob) exist only in memory', async () => {
    const cwd = emptyRepo();
    const overrides = new Map([
      [join(cwd, '.gitlab-ci.yml'), main],
      [join(cwd, 'ci/train.yml'), train],
      [join(cwd, 'ci/jobs/evaluate.yml'), evaluate],
    ]);
    const results = await lintFiles([], { cwd, overrides, config: { rules: { 'image-pinned': 'off' } } });
    expect(results.map((r) => r.file)).toEqual(['.gitlab-ci.yml']);
    const found = results[0]!.diagnostics.filter((d) => d.ruleId === 'gitlab-deprecated').map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`);
    expect(found).toEqual(['ci/jobs/evaluate.yml:3:3 gitlab-deprecated', 'ci/train.yml:3:3 gitlab-deprecated']);
    expect(readdirSync(cwd)).toEqual(['.git']);
  });

  it('reports a local include that is neither on disk nor in memory', async () => {
    const cwd = emptyRepo();
    const results = await lintFiles(['.gitlab-ci.yml'], { cwd, overrides: new Map([[join(cwd, '.gitlab-ci.yml'), 'include:\n  - ci/missing.yml\n']]) });
    expect(results[0]!.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`)).toEqual(['2:5 gitlab-resolve include: local file `ci/missing.yml` does not exist']);
  });

  it('fix a planned file in memory without writing it', async () => {
    const cwd = emptyRepo();
    const file = join(cwd, '.github/workflows/ci.yml');
    const text = 'on: push\npermissions: {}\njobs:\n  t:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/setup-python@v5\n        with:\n          python-version: 3.10\n';
    const outcome = await fixFiles([], { cwd, overrides: new Map([[file, text]]), config: { rules: { 'action-pinned': 'off' } } });
    expect(outcome.changes.map((c) => c.file)).toEqual(['.github/workflows/ci.yml']);
    expect(outcome.changes[0]!.after).toContain("python-version: '3.10'");
    expect(readdirSync(cwd)).toEqual(['.git']);
  });
});
