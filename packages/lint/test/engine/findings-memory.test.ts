/**
 * Findings outlive the file they come from (a run keeps them until the report is printed).
 * A message built from a piece of the file must not keep the whole file text in memory.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { lintedText, lintFiles, lintFilesForFix } from '../../src/api/lint.js';
import { runRules } from '../../src/engine/rule-runner.js';
import { ownString } from '../../src/engine/own-string.js';
import type { Diagnostic, Rule, Workflow } from '../../src/model.js';
import { tempRepo } from '../rule-tester.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const FILES = 40;
const FILE_CHARS = 1_000_000;

/** Reports one finding quoting a job name and one fix replacing it, both cut out of `text`. */
function quoting(text: string): Rule {
  return {
    meta: { id: 'quoting', description: 'test', defaultSeverity: 'error', fixable: true, providers: ['github'] },
    check(ctx) {
      const name = text.slice(100, 140);
      ctx.report({
        span: { file: ctx.workflow.file, line: 1, column: 1, endLine: 1, endColumn: 2 },
        message: `job "${name}" is granted more than it needs`,
        fix: { file: ctx.workflow.file, start: 100, end: 140, text: text.slice(200, 240) },
      });
    },
  };
}

function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('findings of a large run', () => {
  it('keep their message and fix text but not the text of the file they were cut from', () => {
    const before = heapUsed();
    const kept: Diagnostic[] = [];
    for (let i = 0; i < FILES; i++) {
      const text = `# file ${i}\n${'x'.repeat(FILE_CHARS)}`;
      const workflow = { provider: 'github', file: `repo-${i}/.github/workflows/ci.yml` } as unknown as Workflow;
      kept.push(...runRules(workflow, [quoting(text)], () => undefined, { root: '/', templatesVersion: '0.0.0' }, false));
    }
    const retainedMB = (heapUsed() - before) / 1e6;
    expect(kept).toHaveLength(FILES);
    expect(kept[0]!.message).toBe(`job "${'x'.repeat(40)}" is granted more than it needs`);
    expect(kept[0]!.fix?.text).toBe('x'.repeat(40));
    // Holding the file texts would be FILES × FILE_CHARS bytes (40 MB).
    expect(retainedMB).toBeLessThan(8);
  });
});

describe('ownString', () => {
  it.each([
    ['short', 'job "a"'],
    ['long ASCII', 'job "build-and-test" is granted `contents: write`'],
    ['non-ASCII', 'étape « entraînement » — 模型 🚀 uses an unpinned image'],
    ['quotes, backslashes and control characters', 'run: echo "a\\b"\n\ttab \u0000 nul'],
    ['a lone surrogate', `broken \ud800 text and more characters`],
    ['empty', ''],
  ])('returns the same characters: %s', (_name, text) => {
    expect(ownString(text)).toBe(text);
  });
});

describe('file texts after a run', () => {
  // `./ml/**` matches nothing: a fixable path-from-root finding.
  const WORKFLOW = 'on:\n  push:\n    paths: [./ml/**]\njobs:\n  t:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ok\n';

  it('a lint run keeps none (a run over many files holds only its findings); a fix run keeps what its fixes apply to', async () => {
    const cwd = tempRepo({ '.github/workflows/ci.yml': WORKFLOW });
    const [linted] = await lintFiles(['.github/workflows/ci.yml'], { cwd, noConfig: true });
    const [fixing] = await lintFilesForFix(['.github/workflows/ci.yml'], { cwd, noConfig: true });
    expect(linted!.diagnostics.some((d) => d.fix)).toBe(true);
    expect(lintedText(linted!, '.github/workflows/ci.yml')).toBeUndefined();
    expect(lintedText(fixing!, '.github/workflows/ci.yml')).toBe(WORKFLOW);
  });
});
