/**
 * The facts tables in the rule docs are generated from the tables the rules read, so the docs
 * never claim what the code does not do. `UPDATE_RULE_DOCS=1` rewrites them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dvcSinceTable, dvcVersionFactsTable } from '../src/rules/util/dvc-facts.js';
import { permissionFactsTable } from '../src/rules/util/permission-facts.js';

const UPDATE = process.env.UPDATE_RULE_DOCS === '1';

const TABLES: Record<string, { doc: string; table: () => string }> = {
  permissions: { doc: 'permissions.md', table: permissionFactsTable },
  'dvc-version-pinned': { doc: 'dvc-version-pinned.md', table: dvcVersionFactsTable },
  'cml-deprecated': { doc: 'cml-deprecated.md', table: dvcSinceTable },
};

function withTable(text: string, id: string, table: string): string {
  const open = `<!-- facts:${id} -->`;
  const start = text.indexOf(open);
  const end = text.indexOf('<!-- /facts -->', start);
  if (start < 0 || end < 0) throw new Error(`no ${open} … <!-- /facts --> block`);
  return `${text.slice(0, start + open.length)}\n${table}\n${text.slice(end)}`;
}

describe('rule facts tables in the docs', () => {
  for (const [id, { doc, table }] of Object.entries(TABLES)) {
    it(`${doc} shows the ${id} facts the rule reads`, () => {
      const path = fileURLToPath(new URL(`../docs/rules/${doc}`, import.meta.url));
      const text = readFileSync(path, 'utf8');
      const expected = withTable(text, id, table());
      if (UPDATE) writeFileSync(path, expected);
      else expect(text).toBe(expected);
    });
  }
});
