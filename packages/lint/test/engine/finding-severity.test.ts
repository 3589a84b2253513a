/** A rule may give one finding its own severity; the user's configured severity wins. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/index.js';
import type { Rule } from '../../src/model.js';
import { quiet } from './helpers.js';

/** Reports line 1 with the rule's default severity and line 2 as a warning. */
const mixed: Rule = {
  meta: { id: 'mixed', description: 'test', defaultSeverity: 'error', fixable: false, providers: ['github', 'gitlab'] },
  check(ctx) {
    const span = (line: number) => ({ file: ctx.workflow.file, line, column: 1, endLine: line, endColumn: 2 });
    ctx.report({ span: span(1), message: 'the main problem' });
    ctx.report({ span: span(2), message: 'a lesser problem', severity: 'warning' });
    ctx.report({ span: span(3), message: 'worth knowing', severity: 'info' });
  },
};

const CODE = 'on: push\njobs:\n  t:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo hi\n';

async function severities(rules: Record<string, unknown>): Promise<string[]> {
  const found = await lintText(CODE, '.github/workflows/ci.yml', { rules: [mixed], config: { rules: { ...quiet.rules, ...rules } as never }, cwd: mkdtempSync(join(tmpdir(), 'mlops-lint-severity-')) });
  return found.filter((d) => d.ruleId === 'mixed').map((d) => `${d.line} ${d.severity}`);
}

describe('per-finding severity', () => {
  it.each([
    ['no configuration: each finding keeps the severity its rule gave it', {}, ['1 error', '2 warning', '3 info']],
    ['configured `warn`: every finding is a warning', { mixed: 'warn' }, ['1 warning', '2 warning', '3 warning']],
    ['configured `error`: every finding is an error', { mixed: 'error' }, ['1 error', '2 error', '3 error']],
    ['configured `off`: no finding', { mixed: 'off' }, []],
  ])('%s', async (_name, rules, expected) => {
    expect(await severities(rules)).toEqual(expected);
  });
});
