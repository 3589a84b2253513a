/**
 * Unified diff of two texts (for `--fix-dry-run`): common prefix/suffix
 * trimmed, an LCS over the changed lines, hunks with 3 lines of context.
 * Secrets in the texts are shown redacted, in context and changed lines alike.
 */
import { redactLines } from '../rules/util/secrets.js';

const CONTEXT = 3;
const MAX_CELLS = 4_000_000;

type Op = { kind: ' ' | '-' | '+'; line: string };

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function lcsOps(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_CELLS) return [...a.map((line) => ({ kind: '-' as const, line })), ...b.map((line) => ({ kind: '+' as const, line }))];
  const table: Uint32Array[] = [];
  for (let i = 0; i <= n; i++) table.push(new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i]! });
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) ops.push({ kind: '-', line: a[i++]! });
    else ops.push({ kind: '+', line: b[j++]! });
  }
  while (i < n) ops.push({ kind: '-', line: a[i++]! });
  while (j < m) ops.push({ kind: '+', line: b[j++]! });
  return ops;
}

/**
 * `--- a/file` / `+++ b/file` unified diff; empty string when the texts are equal.
 * Secret values (keys, tokens, literal passwords) never appear: both texts are redacted
 * line by line before they are compared.
 */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  const a = splitLines(redactLines(before));
  const b = splitLines(redactLines(after));
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const ops: Op[] = [
    ...a.slice(0, prefix).map((line) => ({ kind: ' ' as const, line })),
    ...lcsOps(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix)),
    ...a.slice(a.length - suffix).map((line) => ({ kind: ' ' as const, line })),
  ];
  const out = [`--- a/${file}`, `+++ b/${file}`];
  // Line numbers (1-based) before each op, in the old and new text.
  const oldAt: number[] = [];
  const newAt: number[] = [];
  let o = 1;
  let n = 1;
  for (const op of ops) {
    oldAt.push(o);
    newAt.push(n);
    if (op.kind !== '+') o++;
    if (op.kind !== '-') n++;
  }
  const changes = ops.flatMap((op, idx) => (op.kind === ' ' ? [] : [idx]));
  let g = 0;
  while (g < changes.length) {
    let last = g;
    while (last + 1 < changes.length && changes[last + 1]! - changes[last]! <= CONTEXT * 2 + 1) last++;
    const start = Math.max(0, changes[g]! - CONTEXT);
    const end = Math.min(ops.length, changes[last]! + CONTEXT + 1);
    const hunk = ops.slice(start, end);
    const oldCount = hunk.filter((op) => op.kind !== '+').length;
    const newCount = hunk.filter((op) => op.kind !== '-').length;
    const oldStart = oldCount === 0 ? oldAt[start]! - 1 : oldAt[start]!;
    const newStart = newCount === 0 ? newAt[start]! - 1 : newAt[start]!;
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`);
    for (const op of hunk) out.push(op.kind + op.line);
    g = last + 1;
  }
  const noEolBefore = before !== '' && !before.endsWith('\n');
  const noEolAfter = after !== '' && !after.endsWith('\n');
  if (noEolBefore !== noEolAfter) out.push('\\ No newline at end of file');
  return out.join('\n') + '\n';
}
