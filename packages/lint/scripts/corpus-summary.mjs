#!/usr/bin/env node
/**
 * Runs the built CLI on a directory of real CI files (default: ../shared/corpus)
 * and prints a Markdown summary: findings per rule, files with findings.
 * Usage: node scripts/corpus-summary.mjs [corpus-dir]
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(process.argv[2] ?? path.join(pkgDir, '../../../shared/corpus'));
const files = ['github', 'gitlab'].flatMap((p) => {
  const dir = path.join(corpus, p);
  try {
    return readdirSync(dir).filter((f) => statSync(path.join(dir, f)).isFile()).sort().map((f) => path.join(p, f));
  } catch {
    return [];
  }
});
if (files.length === 0) {
  console.error(`corpus-summary: no CI files under ${corpus}`);
  process.exit(2);
}
const started = process.hrtime.bigint();
const r = spawnSync(process.execPath, [path.join(pkgDir, 'dist/cli.cjs'), '--format', 'json', '--no-config', ...files], { cwd: corpus, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
const ms = Number(process.hrtime.bigint() - started) / 1e6;
if (r.status === 2 || r.stderr) {
  console.error(`corpus-summary: mlops-lint exited ${r.status}: ${r.stderr}`);
  process.exit(2);
}
const results = JSON.parse(r.stdout);
const byRule = new Map();
let withFindings = 0;
const sev = { error: 0, warning: 0, info: 0 };
for (const res of results) {
  if (res.diagnostics.length > 0) withFindings++;
  for (const d of res.diagnostics) {
    const e = byRule.get(d.ruleId) ?? { count: 0, files: new Set() };
    e.count++;
    e.files.add(res.file);
    byRule.set(d.ruleId, e);
    sev[d.severity]++;
  }
}
const rows = [...byRule].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1));
console.log(`| rule | findings | files |\n|---|---:|---:|`);
for (const [id, e] of rows) console.log(`| \`${id}\` | ${e.count} | ${e.files.size} |`);
console.log(`\n${withFindings} of ${results.length} files have findings; ${sev.error} errors, ${sev.warning} warnings, ${sev.info} info (exit code ${r.status}, ${Math.round(ms)} ms for the whole corpus in one process).`);
