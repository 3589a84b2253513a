import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requirementCandidates, requirementsNamedIn, usesHashes } from './requirement-candidates.js';

const dirs: string[] = [];
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'req-cand-'));
  dirs.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('requirementsNamedIn', () => {
  it('finds stage deps and pip install -r in commands, once each', () => {
    const yaml = 'stages:\n  setup:\n    cmd: pip install -r envs/requirements-train.txt\n  train:\n    cmd: python train.py\n    deps:\n      - envs/requirements-train.txt\n      - requirements.txt\n# requirements-old.txt\n';
    expect(requirementsNamedIn(yaml)).toEqual([
      { file: 'envs/requirements-train.txt', line: 3 },
      { file: 'requirements.txt', line: 8 },
    ]);
  });
});

describe('requirementCandidates', () => {
  it('the guide layout: src/requirements.txt', () => {
    expect(requirementCandidates(project({ 'dvc.yaml': 'stages: {}\n', 'src/requirements.txt': 'pandas\n' }))).toEqual([{ file: 'src/requirements.txt', origin: 'src' }]);
  });

  it('dvc.yaml first, then the root files, then src/; directories are skipped', () => {
    const dir = project({ 'dvc.yaml': 'stages:\n  t:\n    cmd: python t.py\n    deps: [ml/requirements.txt]\n', 'ml/requirements.txt': 'x\n', 'requirements-dev.txt': 'y\n', 'requirements.txt': 'z\n', 'src/requirements.txt': 'w\n' });
    mkdirSync(path.join(dir, 'requirements-docs.txt'));
    expect(requirementCandidates(dir).map((c) => c.file)).toEqual(['ml/requirements.txt', 'requirements.txt', 'requirements-dev.txt', 'src/requirements.txt']);
  });

  it('usesHashes: pip-compile --generate-hashes output', () => {
    const dir = project({ 'a.txt': 'pandas==2.2.2 \\\n    --hash=sha256:abc\n', 'b.txt': 'pandas==2.2.2\n' });
    expect(usesHashes(path.join(dir, 'a.txt'))).toBe(true);
    expect(usesHashes(path.join(dir, 'b.txt'))).toBe(false);
  });
});
