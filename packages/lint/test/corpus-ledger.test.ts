/**
 * The judged ledger of every finding mlops-lint reports on the real CI files of ../shared/corpus and
 * on test/corpus/patterns (test/corpus/ledger.tsv: file, line, rule, TP/FP, why). A finding judged a false positive that comes
 * back fails, a finding nobody judged fails, and a true positive that disappears fails: the ledger is
 * updated on purpose, never silently. Prints precision overall and per rule.
 *
 * `LEDGER_DUMP=1` prints the unjudged findings as ledger rows to judge.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { judge, parseLedger, precisionTable, type Finding, type LedgerEntry } from './corpus/ledger.js';

const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const corpus = resolve(repoRoot, process.env.MLOPS_SHARED_DIR ?? '../shared', 'corpus');
const present = existsSync(join(corpus, 'MANIFEST.tsv'));
if (!present) console.warn(`corpus-ledger: ${corpus} not found, skipping the judged corpus ledger`);

const ledgerText = readFileSync(fileURLToPath(new URL('corpus/ledger.tsv', import.meta.url)), 'utf8');
/** Ledger rows of the shared corpus (the others are about test/corpus/patterns). */
const shared = (): LedgerEntry[] => parseLedger(ledgerText).filter((e) => !e.file.startsWith('patterns/'));

const patterns = fileURLToPath(new URL('corpus/patterns', import.meta.url));

/** Every finding on the CI files of `root` (github/, gitlab/), keyed `<prefix><dir>/<file>`, in an empty repository. */
async function lintCorpus(root: string, prefix: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  // An empty repository: the files are linted without their repositories' .dvc/config.
  const cwd = mkdtempSync(join(tmpdir(), 'mlops-lint-ledger-'));
  try {
    mkdirSync(join(cwd, '.git'));
    const files = ['github', 'gitlab'].flatMap((dir) => readdirSync(join(root, dir)).map((f) => `${dir}/${f}`)).sort();
    for (const file of files) {
      const text = readFileSync(join(root, file), 'utf8');
      const filename = file.startsWith('gitlab/') ? '.gitlab-ci.yml' : '.github/workflows/ci.yml';
      for (const d of await lintText(text, filename, { cwd, noConfig: true })) findings.push({ file: `${prefix}${file}`, line: d.line, rule: d.ruleId, message: d.message });
    }
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
  return findings;
}

describe('the judged ledger of findings on the patterns of public pipelines (test/corpus/patterns)', () => {
  const findings: Finding[] = [];
  beforeAll(async () => {
    findings.push(...(await lintCorpus(patterns, 'patterns/')));
  }, 60_000);

  it('judges every finding, no judged false positive comes back, no true positive is lost', () => {
    const entries = parseLedger(ledgerText).filter((e) => e.file.startsWith('patterns/'));
    const verdict = judge(entries, findings);
    if (process.env.LEDGER_DUMP === '1') console.log(verdict.unjudged.map((f) => `${f.file}\t${f.line}\t${f.rule}\t?\t${f.message}`).join('\n'));
    console.log(precisionTable(verdict));
    expect(verdict.unjudged.map((f) => `${f.file}:${f.line} ${f.rule}: ${f.message}`), 'findings the ledger does not judge').toEqual([]);
    expect(verdict.falsePositives.map((f) => `${f.file}:${f.line} ${f.rule}: ${f.message}`), 'findings judged false positives').toEqual([]);
    expect(verdict.missed.map((e) => `${e.file}:${e.line} ${e.rule}: ${e.why}`), 'true positives no longer reported').toEqual([]);
  });
});

describe.skipIf(!present)('the judged ledger of findings on the real-world corpus', () => {
  const findings: Finding[] = [];

  beforeAll(async () => {
    findings.push(...(await lintCorpus(corpus, '')));
  }, 60_000);

  it('judges every finding, and no judged false positive comes back', () => {
    const verdict = judge(shared(), findings);
    if (process.env.LEDGER_DUMP === '1') console.log(verdict.unjudged.map((f) => `${f.file}\t${f.line}\t${f.rule}\t?\t${f.message}`).join('\n'));
    console.log(precisionTable(verdict));
    expect(verdict.unjudged.map((f) => `${f.file}:${f.line} ${f.rule}: ${f.message}`), 'findings the ledger does not judge').toEqual([]);
    expect(verdict.falsePositives.map((f) => `${f.file}:${f.line} ${f.rule}: ${f.message}`), 'findings judged false positives').toEqual([]);
  });

  it('still reports every finding judged a true positive', () => {
    const verdict = judge(shared(), findings);
    expect(verdict.missed.map((e) => `${e.file}:${e.line} ${e.rule}: ${e.why}`), 'true positives no longer reported').toEqual([]);
  });
});

describe('the ledger file', () => {
  it('has one well-formed row per finding key', () => {
    const entries = parseLedger(ledgerText);
    expect(entries.length).toBeGreaterThan(0);
    const keys = entries.map((e) => `${e.file}:${e.line}:${e.rule}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
});
