/**
 * Every rule over the real CI files in ../shared/corpus: no crash, and the problems the
 * corpus MANIFEST notes are found. Prints a rule → findings table.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import type { Diagnostic } from '../src/model.js';
import { rules } from '../src/rules/index.js';

const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const corpus = resolve(repoRoot, process.env.MLOPS_SHARED_DIR ?? '../shared', 'corpus');
const present = existsSync(join(corpus, 'MANIFEST.tsv'));
if (!present) console.warn(`corpus-rules: ${corpus} not found, skipping the corpus checks`);

/** Known problems (from MANIFEST.tsv notes): file name fragment → [rule, line] findings that must be present. */
const EXPECTED: [string, string, number][] = [
  ['tmsmks__mlops-guide', 'secret-inline', 40],
  ['tmsmks__mlops-guide', 'secret-inline', 50],
  ['tmsmks__mlops-guide', 'permissions', 10],
  ['Abjeee__logistics-ml-dvc-cml', 'cml-deprecated', 41],
  ['Abjeee__logistics-ml-dvc-cml', 'cml-deprecated', 42],
  ['Abjeee__logistics-ml-dvc-cml', 'dvc-version-pinned', 20],
  ['Asad-Ismail__cml_dvc_case', 'dvc-version-pinned', 16],
  ['iterative__example-repos-dev__example-cml_github_cml_cloud_case_azure', 'cml-deprecated', 22],
  ['magnetic-tiles-defect', 'dvc-version-pinned', 44],
  ['chapter-24-track-model-evolution', 'dvc-version-pinned', 42],
  ['gitlab/iterative__cml__', 'gitlab-deprecated', 2],
  ['gitlab/iterative__cml__', 'gitlab-deprecated', 11],
  ['deploy-model-template', 'secret-inline', 37],
  ['deploy-model-template', 'dvc-version-pinned', 31],
  ['gitlab/swiss-ai-center__a-guide-to-mlops__pages_the-guide_step-6', 'dvc-version-pinned', 17],
  ['github/swiss-ai-center__a-guide-to-mlops__pages_the-guide_step-7', 'cml-deprecated', 84],
  ['cloud-experiment.gitlab-ci.yml', 'gitlab-deprecated', -1],
  ['chapter-8-reproduce-the-ml-experiment-in-a-cicd-pipeline_index.md__BLOCK__.gitlab-ci.yml', 'secret-inline', -1],
  ['Asad-Ismail__cml_dvc_case', 'python-pinned', 20],
  ['deploy_on_release', 'image-pinned', 10],
  ['iterative__example-repos-dev__example-cml_github_cml_cloud_case_azure', 'image-pinned', -1],
  ['fabien-roth__a-guide-to-mlops', 'permissions', -1],
  ['run-studio-experiment', 'dvc-version-pinned', 41],
];

/** Correct CI the rules once reported: file name fragment → [rule, line] findings that must be absent. */
const NOT_EXPECTED: [string, string, number][] = [
  // `dvc plots diff --show-vega` still exists in DVC 3.
  ['Asad-Ismail__cml_dvc_case', 'cml-deprecated', 39],
  ['github/swiss-ai-center__a-guide-to-mlops__pages_the-guide_step-7', 'cml-deprecated', 103],
  // `gh label create` needs `issues: write`.
  ['part-4-monitor-and-maintain', 'permissions', 15],
];

interface Linted {
  name: string;
  diagnostics: Diagnostic[];
}

describe.skipIf(!present)('rules over the real-world corpus', () => {
  const files = present ? ['github', 'gitlab'].flatMap((dir) => readdirSync(join(corpus, dir)).map((f) => `${dir}/${f}`)).sort() : [];
  const results: Linted[] = [];
  // An empty repository: the corpus files are linted without their repositories' .dvc/config.
  const cwd = mkdtempSync(join(tmpdir(), 'mlops-lint-corpus-'));
  mkdirSync(join(cwd, '.git'));

  it('lints every corpus file without an internal error', async () => {
    for (const name of files) {
      const text = readFileSync(join(corpus, name), 'utf8');
      const filename = name.startsWith('gitlab/') ? '.gitlab-ci.yml' : '.github/workflows/ci.yml';
      const diagnostics = await lintText(text, filename, { cwd, rules });
      results.push({ name, diagnostics });
      expect(diagnostics.filter((d) => d.ruleId === 'internal-error').map((d) => `${name}: ${d.message}`)).toEqual([]);
    }
    expect(results.length).toBe(files.length);
  });

  it.each(EXPECTED)('%s → %s (line %i)', (fragment, ruleId, line) => {
    const file = results.find((r) => r.name.includes(fragment));
    expect(file, `no corpus file matches ${fragment}`).toBeDefined();
    const found = file!.diagnostics.filter((d) => d.ruleId === ruleId && (line < 0 || d.line === line));
    expect(found.length, `${ruleId} at line ${line} in ${file!.name}; found: ${file!.diagnostics.map((d) => `${d.line}:${d.ruleId}`).join(', ')}`).toBeGreaterThan(0);
  });

  it.each(NOT_EXPECTED)('%s → no %s (line %i)', (fragment, ruleId, line) => {
    const file = results.find((r) => r.name.includes(fragment));
    expect(file, `no corpus file matches ${fragment}`).toBeDefined();
    expect(file!.diagnostics.filter((d) => d.ruleId === ruleId && d.line === line).map((d) => d.message)).toEqual([]);
  });

  it('never repeats a secret from the corpus in a message', () => {
    for (const r of results) for (const d of r.diagnostics) expect(d.message).not.toMatch(/AKIA[0-9A-Z]{16}|ghp_[A-Za-z0-9]{36}|-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]+-----END/);
  });

  afterAll(() => {
    if (results.length === 0) return;
    const counts = new Map<string, number>();
    for (const r of results) for (const d of r.diagnostics) counts.set(d.ruleId, (counts.get(d.ruleId) ?? 0) + 1);
    if (process.env.CORPUS_FINDINGS === '1') for (const r of results) console.log([r.name, ...r.diagnostics.map((d) => `  ${d.line}:${d.column} ${d.ruleId} ${d.message}`)].join('\n'));
    const rows = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const filesWith = (id: string): number => results.filter((r) => r.diagnostics.some((d) => d.ruleId === id)).length;
    console.log(
      [`Findings over ${results.length} corpus files (rule | findings | files):`, '| rule | findings | files |', '|---|---|---|', ...rows.map(([id, n]) => `| ${id} | ${n} | ${filesWith(id)} |`)].join('\n'),
    );
  });
});
