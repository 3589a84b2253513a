/** GitHub Actions workflow commands: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<rule>::message`. */
import type { FileResult, Severity } from '../model.js';
import type { FormatOptions } from './options.js';
import { relativePath } from './paths.js';
import { escapeControl } from './escape.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escaping of the message part of a workflow command (other control characters, e.g. ESC, shown escaped). */
export function escapeData(s: string): string {
  return escapeControl(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** Escaping of a property value (also `:` and `,`). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(results: readonly FileResult[], options: FormatOptions = {}): string {
  const cwd = options.cwd ?? process.cwd();
  const lines: string[] = [];
  for (const r of results) {
    const file = escapeProperty(relativePath(r.file, cwd));
    if (r.error) lines.push(`::error file=${file},title=mlops-lint::${escapeData(r.error.message)}`);
    for (const d of r.diagnostics) {
      const props = [`file=${escapeProperty(relativePath(d.file, cwd))}`, `line=${d.line}`, `col=${d.column}`, `endLine=${d.endLine}`, `endColumn=${d.endColumn}`, `title=${escapeProperty(d.ruleId)}`];
      lines.push(`::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(`${d.message} (${d.ruleId}: ${d.docsUrl})`)}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
