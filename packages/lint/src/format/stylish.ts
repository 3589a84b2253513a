/**
 * eslint-like "stylish" output: the file, then `  line:col  severity  message  rule-id`
 * per finding (columns aligned within a file), then `✖ N problems (E errors, W warnings)`.
 * Deterministic; colours only when asked; nothing at all when there is nothing to report.
 */
import type { FileResult, Severity } from '../model.js';
import type { FormatOptions } from './options.js';
import { escapeControl } from './escape.js';

const ansi = (code: string) => (s: string) => `\u001b[${code}m${s}\u001b[0m`;
const COLORS = { underline: ansi('4'), red: ansi('31'), yellow: ansi('33'), blue: ansi('34'), dim: ansi('2'), bold: ansi('1') };
const plain = (s: string): string => s;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatStylish(results: readonly FileResult[], options: FormatOptions = {}): string {
  const c = options.color ? COLORS : { underline: plain, red: plain, yellow: plain, blue: plain, dim: plain, bold: plain };
  const sevColor: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const counts = { error: 0, warning: 0, info: 0, fixable: 0 };
  const out: string[] = [];
  for (const group of byFile(results)) {
    const result = group;
    if (result.diagnostics.length === 0) continue;
    out.push(c.underline(escapeControl(result.file)));
    const pos = result.diagnostics.map((d) => `${d.line}:${d.column}`);
    // Widths by a loop: spreading 200,000 values into Math.max overflows the stack.
    const posWidth = widest(pos);
    const sevWidth = widest(result.diagnostics.map((d) => d.severity));
    const msgWidth = widest(result.diagnostics.map((d) => oneLine(d.message)));
    result.diagnostics.forEach((d, i) => {
      counts[d.severity]++;
      if (d.fix) counts.fixable++;
      const message = oneLine(d.message);
      out.push(`  ${c.dim(pos[i]!.padEnd(posWidth))}  ${sevColor[d.severity](d.severity.padEnd(sevWidth))}  ${message.padEnd(msgWidth)}  ${c.dim(d.ruleId)}`.trimEnd());
    });
    out.push('');
  }
  const total = counts.error + counts.warning + counts.info;
  if (total === 0) return '';
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  if (counts.info > 0) parts.push(`${counts.info} info`);
  const mark = counts.error > 0 ? c.red : counts.warning > 0 ? c.yellow : c.blue;
  out.push(mark(c.bold(`✖ ${plural(total, 'problem')} (${parts.join(', ')})`)));
  if (counts.fixable > 0) out.push(`  ${plural(counts.fixable, 'problem')} fixable with the \`--fix\` option.`);
  return `${out.join('\n')}\n`;
}

/**
 * Findings under the name of the file they are in: a finding in a GitLab file included by the
 * linted one is listed under the included file's name (its line numbers are that file's).
 */
function byFile(results: readonly FileResult[]): { file: string; diagnostics: FileResult['diagnostics'] }[] {
  const out: { file: string; diagnostics: FileResult['diagnostics'] }[] = [];
  for (const result of results) {
    const groups = new Map<string, FileResult['diagnostics']>([[result.file, []]]);
    for (const d of result.diagnostics) {
      const file = d.file === result.file || d.file === '' ? result.file : d.file;
      let list = groups.get(file);
      if (!list) groups.set(file, (list = []));
      list.push(d);
    }
    for (const [file, diagnostics] of groups) out.push({ file, diagnostics });
  }
  return out;
}

function widest(texts: readonly string[]): number {
  let width = 0;
  for (const t of texts) if (t.length > width) width = t.length;
  return width;
}

/** One line, control characters escaped (a message may quote a job key or a file name). */
function oneLine(message: string): string {
  return escapeControl(message.replace(/\s*\r?\n\s*/g, ' '));
}
