import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixes, fixFiles, fixText, unifiedDiff } from '../../src/index.js';
import type { Rule } from '../../src/model.js';
import { tempRepo, quiet } from './helpers.js';

/** Pins `dvc` in script lines to 3.63.0, keeping everything else as written. */
const pinDvc: Rule = {
  meta: { id: 'pin-dvc', description: 'test', defaultSeverity: 'error', fixable: true, providers: ['github', 'gitlab'] },
  check(ctx) {
    for (const job of ctx.workflow.jobs) {
      for (const step of job.steps) {
        for (const line of step.run?.lines ?? []) {
          const idx = line.text.indexOf('pip install dvc ');
          if (idx < 0 && !line.text.endsWith('pip install dvc')) continue;
          const lines = ctx.workflow.text.split('\n');
          let start = 0;
          for (let i = 0; i < line.span.line - 1; i++) start += lines[i]!.length + 1;
          start += line.span.column - 1 + line.text.indexOf('dvc', line.text.indexOf('install')) + 3;
          ctx.report({ span: line.span, message: 'pin dvc', fix: { file: line.span.file, start, end: start, text: '==3.63.0' } });
        }
      }
    }
  },
};

const GH = `# comment kept
on: push   # trailing comment kept
jobs:
  a:
    runs-on: x
    steps:
      - run: |
          pip install dvc
          dvc repro
`;

describe('applyFixes', () => {
  it.each([
    ['single', 'abcdef', [{ start: 1, end: 3, text: 'X' }], 'aXdef'],
    ['unsorted', 'abcdef', [{ start: 4, end: 5, text: 'Y' }, { start: 0, end: 1, text: 'Z' }], 'ZbcdYf'],
    ['overlap skipped', 'abcdef', [{ start: 0, end: 3, text: 'X' }, { start: 2, end: 4, text: 'Y' }], 'Xdef'],
    ['duplicate applied once', 'abc', [{ start: 1, end: 1, text: '!' }, { start: 1, end: 1, text: '!' }], 'a!bc'],
    ['out of range ignored', 'abc', [{ start: 5, end: 9, text: '!' }], 'abc'],
  ])('%s', (_name, text, fixes, expected) => {
    expect(applyFixes(text, fixes.map((f) => ({ file: 'f', ...f }))).output).toBe(expected);
  });
});

describe('unifiedDiff', () => {
  it('prints hunks with context and correct ranges', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n';
    const after = 'a\nb\nc\nd\nE\nf\ng\nh\ni\nj\nk\n';
    expect(unifiedDiff('x.yml', before, after)).toBe(
      ['--- a/x.yml', '+++ b/x.yml', '@@ -2,9 +2,10 @@', ' b', ' c', ' d', '-e', '+E', ' f', ' g', ' h', ' i', ' j', '+k', ''].join('\n'),
    );
  });
  it('is empty when nothing changed', () => {
    expect(unifiedDiff('x', 'same\n', 'same\n')).toBe('');
  });
  it('shows secrets redacted on changed and context lines, with the real line numbers', () => {
    const before = 'env:\n  API_TOKEN: ghp_Z9y8X7w6V5Z9y8X7w6V5Z9y8X7w6V5u4T3s2\nrun: pip install dvc && curl -u ci:hunter2hunter2 https://e.example\n';
    const after = before.replace('pip install dvc', 'pip install dvc==3.63.0');
    const diff = unifiedDiff('x.yml', before, after);
    expect(diff).toBe(
      [
        '--- a/x.yml',
        '+++ b/x.yml',
        '@@ -1,3 +1,3 @@',
        ' env:',
        '   API_TOKEN: [redacted GitHub token "ghp_…" (40 characters)]',
        '-run: pip install dvc && curl -u ci:[redacted "hu…" (14 characters)] https://e.example',
        '+run: pip install dvc==3.63.0 && curl -u ci:[redacted "hu…" (14 characters)] https://e.example',
        '',
      ].join('\n'),
    );
  });
});

describe('fixFiles / fixText', () => {
  it('dry run returns the diff and leaves the file untouched', async () => {
    const dir = tempRepo({ '.github/workflows/a.yml': GH });
    const { changes, results } = await fixFiles([], { cwd: dir, config: quiet, rules: [pinDvc] });
    expect(changes.map((c) => c.file)).toEqual(['.github/workflows/a.yml']);
    expect(changes[0]!.diff).toContain('-          pip install dvc\n+          pip install dvc==3.63.0\n');
    expect(readFileSync(path.join(dir, '.github/workflows/a.yml'), 'utf8')).toBe(GH);
    expect(results[0]!.diagnostics).toEqual([]);
  });

  it('--fix writes the file in place keeping comments and formatting', async () => {
    const dir = tempRepo({ '.github/workflows/a.yml': GH });
    await fixFiles([], { cwd: dir, config: quiet, rules: [pinDvc] }, true);
    expect(readFileSync(path.join(dir, '.github/workflows/a.yml'), 'utf8')).toBe(GH.replace('pip install dvc\n', 'pip install dvc==3.63.0\n'));
  });

  it('fixText fixes stdin text', async () => {
    const { output, diagnostics } = await fixText(GH, '.github/workflows/a.yml', { config: quiet, rules: [pinDvc] });
    expect(output).toContain('pip install dvc==3.63.0');
    expect(diagnostics).toEqual([]);
  });

});
