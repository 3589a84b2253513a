/**
 * mlops-lint's structure check agrees with GitHub's own parser (@actions/workflow-parser): on every
 * workflow of test/github-structure/cases.ts, the parser's verdict is the one the case states, and
 * mlops-lint reports a structural error exactly when the parser does. Where mlops-lint is
 * deliberately stricter than GitHub, it says so as a warning, never an error (STRICTER below).
 */
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { CASES } from './github-structure/cases.js';

/**
 * Where mlops-lint is stricter than GitHub on purpose (a warning, never an error):
 * - none yet: every structural finding GitHub does not raise is a false positive.
 */
const STRICTER: Record<string, string> = {};

async function parserErrors(content: string): Promise<string[]> {
  const result = parseWorkflow({ name: '.github/workflows/ci.yml', content }, new NoOperationTraceWriter());
  const errors = result.context.errors.getErrors().map((e) => e.message);
  if (errors.length === 0 && result.value) {
    await convertWorkflowTemplate(result.context, result.value);
    errors.push(...result.context.errors.getErrors().map((e) => e.message));
  }
  return errors;
}

async function structuralFindings(content: string): Promise<{ severity: string; text: string }[]> {
  const diagnostics = await lintText(content, '.github/workflows/ci.yml', { noConfig: true, provider: 'github' });
  return diagnostics.filter((d) => d.ruleId === 'schema' || d.ruleId === 'yaml-syntax').map((d) => ({ severity: d.severity, text: `${d.line}:${d.column} ${d.message}` }));
}

describe('structure checks agree with GitHub’s workflow parser', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const parser = await parserErrors(c.yaml);
    expect(parser.length === 0, `GitHub's parser on "${c.name}": ${parser.join(' | ') || 'accepts'}`).toBe(c.valid);
    const ours = await structuralFindings(c.yaml);
    const errors = ours.filter((f) => f.severity === 'error').map((f) => f.text);
    if (c.valid) {
      expect(errors, 'mlops-lint reports a structural error GitHub does not raise').toEqual([]);
      if (!STRICTER[c.name]) expect(ours.map((f) => f.text), 'a structural warning not listed in STRICTER').toEqual([]);
    } else {
      expect(errors.length, `GitHub refuses "${c.name}" (${parser[0] ?? ''}), mlops-lint reports no structural error`).toBeGreaterThan(0);
    }
  });

  it('covers valid and invalid workflows', () => {
    expect(CASES.filter((c) => c.valid).length).toBeGreaterThanOrEqual(10);
    expect(CASES.filter((c) => !c.valid).length).toBeGreaterThanOrEqual(10);
  });
});
