/**
 * valid / invalid tables for rule tests: each case is linted with `lintText` and only the
 * rule under test is looked at.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { applyFixes } from '../src/fix/apply.js';
import type { Diagnostic, Rule, Severity } from '../src/model.js';

export interface ExpectedError {
  line: number;
  column: number;
  message?: string | RegExp;
  /** Checked when given (the finding's severity with no configuration). */
  severity?: Severity;
}

export interface ValidCase {
  code: string;
  /** Repository files written next to the workflow (e.g. `.dvc/config`, `requirements.txt`). */
  files?: Record<string, string>;
  strict?: boolean;
  name?: string;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** Text after applying this rule's fixes. */
  output?: string;
}

export interface Table {
  valid: (string | ValidCase)[];
  invalid: InvalidCase[];
}

export const FILENAMES = { github: '.github/workflows/ci.yml', gitlab: '.gitlab-ci.yml' } as const;

/** Removes the common indentation of a template literal (interpolated lines included; first empty line dropped). */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n').replace(/[ \t]+$/, '');
}

/** A fresh repository directory holding `files`. */
export function tempRepo(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlops-lint-rule-'));
  mkdirSync(join(dir, '.git'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** Lints with only `rule` enabled, in a fresh repository holding the case's files. */
export async function lintWithRule(rule: Rule, code: string, filename: string, c: ValidCase = { code }): Promise<Diagnostic[]> {
  const cwd = tempRepo(c.files);
  try {
    const all = await lintText(code, filename, { cwd, rules: [rule], ...(c.strict ? { strict: true } : {}) });
    return all.filter((d) => d.ruleId === rule.meta.id).sort((a, b) => a.line - b.line || a.column - b.column);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

/** The rule, seeing `templatesVersion` as the newest templates version. */
export function withTemplatesVersion(rule: Rule, templatesVersion: string): Rule {
  return { meta: rule.meta, check: (ctx) => rule.check({ ...ctx, repo: { ...ctx.repo, templatesVersion } }) };
}

function caseName(c: ValidCase, i: number): string {
  return c.name ?? `#${i} ${c.code.split('\n').find((l) => /run:|script|uses:|image:|- /.test(l))?.trim().slice(0, 60) ?? ''}`;
}

/** Registers the tests of one rule. */
export function ruleTester(rule: Rule, tables: Partial<Record<'github' | 'gitlab', Table>>): void {
  const id = rule.meta.id;
  for (const provider of ['github', 'gitlab'] as const) {
    const table = tables[provider];
    if (!table) continue;
    const filename = FILENAMES[provider];
    describe(`${id} (${provider})`, () => {
      table.valid.forEach((v, i) => {
        const c = typeof v === 'string' ? { code: v } : v;
        it(`valid ${caseName(c, i)}`, async () => {
          const found = await lintWithRule(rule, c.code, filename, c);
          expect(found.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([]);
        });
      });
      table.invalid.forEach((c, i) => {
        it(`invalid ${caseName(c, i)}`, async () => {
          const found = await lintWithRule(rule, c.code, filename, c);
          const lines = c.code.split('\n');
          const show = (l: number, col: number, msg = ''): string => `${l}:${col} ${msg}\n  ${lines[l - 1] ?? ''}\n  ${' '.repeat(Math.max(col - 1, 0))}^`;
          expect(found.map((d) => show(d.line, d.column, d.message)).join('\n'), 'found').toBe(
            c.errors.map((e, k) => show(e.line, e.column, found[k]?.message ?? '')).join('\n'),
          );
          c.errors.forEach((e, k) => {
            const d = found[k]!;
            if (typeof e.message === 'string') expect(d.message).toContain(e.message);
            else if (e.message) expect(d.message).toMatch(e.message);
            if (e.severity) expect(d.severity, `severity of ${e.line}:${e.column}`).toBe(e.severity);
          });
          if (c.output !== undefined) {
            expect(applyFixes(c.code, found.flatMap((d) => (d.fix ? [d.fix] : []))).output).toBe(c.output);
          }
        });
      });
    });
  }
}
