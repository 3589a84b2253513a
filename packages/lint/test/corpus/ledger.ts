/** The judged corpus ledger: parsing, matching findings against it, and precision per rule. */

export type Judgement = 'TP' | 'FP';

export interface LedgerEntry {
  file: string;
  line: number;
  rule: string;
  verdict: Judgement;
  why: string;
}

export interface Finding {
  file: string;
  line: number;
  rule: string;
  message: string;
}

export interface Verdict {
  /** Findings with no ledger row. */
  unjudged: Finding[];
  /** Findings whose ledger row says FP. */
  falsePositives: Finding[];
  /** Findings whose ledger row says TP. */
  truePositives: Finding[];
  /** TP rows no finding matches any more. */
  missed: LedgerEntry[];
}

/** Rows: file, line, rule, TP|FP, why (tab-separated); `#` starts a comment line. */
export function parseLedger(text: string): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    const [file, line, rule, verdict, why] = raw.split('\t');
    if (!file || !rule || !why || (verdict !== 'TP' && verdict !== 'FP') || !/^\d+$/.test(line ?? '')) throw new Error(`ledger.tsv:${i + 1}: expected file, line, rule, TP|FP, why separated by tabs`);
    entries.push({ file, line: Number(line), rule, verdict, why });
  }
  return entries;
}

const keyOf = (x: { file: string; line: number; rule: string }): string => `${x.file}\t${x.line}\t${x.rule}`;

export function judge(entries: readonly LedgerEntry[], findings: readonly Finding[]): Verdict {
  const byKey = new Map(entries.map((e) => [keyOf(e), e]));
  const seen = new Set<string>();
  const verdict: Verdict = { unjudged: [], falsePositives: [], truePositives: [], missed: [] };
  for (const f of findings) {
    const entry = byKey.get(keyOf(f));
    seen.add(keyOf(f));
    if (!entry) verdict.unjudged.push(f);
    else if (entry.verdict === 'FP') verdict.falsePositives.push(f);
    else verdict.truePositives.push(f);
  }
  verdict.missed = entries.filter((e) => e.verdict === 'TP' && !seen.has(keyOf(e)));
  return verdict;
}

/** Markdown table: rule, findings, true positives, precision. */
export function precisionTable(v: Verdict): string {
  const rows = new Map<string, { tp: number; all: number }>();
  for (const [list, tp] of [[v.truePositives, 1], [v.falsePositives, 0], [v.unjudged, 0]] as const) {
    for (const f of list) {
      const row = rows.get(f.rule) ?? { tp: 0, all: 0 };
      row.all += 1;
      row.tp += tp;
      rows.set(f.rule, row);
    }
  }
  const pct = (tp: number, all: number): string => (all === 0 ? '-' : `${Math.round((1000 * tp) / all) / 10} %`);
  const total = [...rows.values()].reduce((a, r) => ({ tp: a.tp + r.tp, all: a.all + r.all }), { tp: 0, all: 0 });
  return [
    '| rule | findings | true positives | precision |',
    '|---|---|---|---|',
    ...[...rows].sort((a, b) => a[0].localeCompare(b[0])).map(([rule, r]) => `| ${rule} | ${r.all} | ${r.tp} | ${pct(r.tp, r.all)} |`),
    `| all | ${total.all} | ${total.tp} | ${pct(total.tp, total.all)} |`,
  ].join('\n');
}
