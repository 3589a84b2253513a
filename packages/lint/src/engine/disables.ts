/**
 * Inline disable comments:
 *   # mlops-lint-disable-next-line rule-a, rule-b -- reason
 *   # mlops-lint-disable-line rule -- reason        (trailing comment, same line)
 *   # mlops-lint-disable rule -- reason             (from here to `# mlops-lint-enable` or end of file)
 *   # mlops-lint-enable [rule]
 * No rule list means every rule. A directive that suppresses nothing is reported
 * as `unused-disable`; one without a `-- reason` as `disable-reason`.
 */
import type { Diagnostic, Severity } from '../model.js';
import { docsUrl } from './docs.js';

export interface Directive {
  kind: 'next-line' | 'line' | 'block';
  rules: string[] | 'all';
  reason: string;
  line: number;
  column: number;
  endColumn: number;
  /** Last line covered (inclusive). */
  toLine: number;
  used: boolean;
}

const DIRECTIVE = /(^|\s)#\s*mlops-lint-(disable-next-line|disable-line|disable|enable)(?=\s|$)(.*)$/;

export function parseDirectives(text: string): Directive[] {
  if (!text.includes('mlops-lint-')) return [];
  const out: Directive[] = [];
  const open: Directive[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (!raw.includes('mlops-lint-')) continue;
    const m = DIRECTIVE.exec(raw.replace(/\r$/, ''));
    if (!m) continue;
    const column = m.index + (m[1] ?? '').length + 1;
    const rest = m[3] ?? '';
    const sep = rest.indexOf('--');
    const list = (sep >= 0 ? rest.slice(0, sep) : rest).split(/[\s,]+/).filter(Boolean);
    const reason = sep >= 0 ? rest.slice(sep + 2).trim() : '';
    const line = i + 1;
    const rules = list.length === 0 ? 'all' : list;
    const endColumn = raw.replace(/\r$/, '').length + 1;
    if (m[2] === 'enable') {
      for (const d of open.splice(0)) {
        if (rules === 'all' || d.rules === 'all' || d.rules.every((r) => rules.includes(r))) d.toLine = line - 1;
        else open.push(d);
      }
      continue;
    }
    const kind = m[2] === 'disable-next-line' ? 'next-line' : m[2] === 'disable-line' ? 'line' : 'block';
    const d: Directive = { kind, rules, reason, line, column, endColumn, toLine: kind === 'next-line' ? line + 1 : kind === 'line' ? line : Number.MAX_SAFE_INTEGER, used: false };
    out.push(d);
    if (kind === 'block') open.push(d);
  }
  return out;
}

const UNSUPPRESSIBLE = new Set(['yaml-syntax', 'internal-error', 'unused-disable']);

export interface DisableSettings {
  unusedSeverity: Severity | 'off';
  reasonSeverity: Severity | 'off';
  /** Rule ids that exist (when known): an unused directive naming another id is called a typo. */
  knownRules?: ReadonlySet<string>;
}

/**
 * Drop diagnostics covered by a directive in their file; add unused/reason
 * diagnostics. `texts` maps each file name to its text.
 */
export function applyDirectives(diagnostics: Diagnostic[], texts: Map<string, string>, settings: DisableSettings): Diagnostic[] {
  const byFile = new Map<string, Directive[]>();
  for (const [file, text] of texts) byFile.set(file, parseDirectives(text));
  const kept: Diagnostic[] = [];
  for (const d of diagnostics) {
    const directives = byFile.get(d.file);
    if (!directives || directives.length === 0 || UNSUPPRESSIBLE.has(d.ruleId)) {
      kept.push(d);
      continue;
    }
    let suppressed = false;
    for (const dir of directives) {
      const from = dir.kind === 'next-line' ? dir.line + 1 : dir.line;
      if (d.line < from || d.line > dir.toLine) continue;
      if (dir.rules !== 'all' && !dir.rules.includes(d.ruleId)) continue;
      dir.used = true;
      suppressed = true;
    }
    if (!suppressed) kept.push(d);
  }
  for (const [file, directives] of byFile) {
    for (const dir of directives) {
      const at = { file, line: dir.line, column: dir.column, endLine: dir.line, endColumn: dir.endColumn };
      if (!dir.used && settings.unusedSeverity !== 'off') {
        const what = dir.rules === 'all' ? 'any rule' : dir.rules.join(', ');
        const unknown = dir.rules === 'all' || !settings.knownRules ? [] : dir.rules.filter((r) => !settings.knownRules!.has(r));
        const message =
          unknown.length > 0
            ? `Disable comment names unknown rule${unknown.length > 1 ? 's' : ''} ${unknown.map((r) => `\`${r}\``).join(', ')}`
            : `Unused disable comment: no ${what} finding to suppress here`;
        kept.push({ ...at, ruleId: 'unused-disable', severity: settings.unusedSeverity, message, docsUrl: docsUrl('unused-disable') });
      }
      if (dir.reason === '' && settings.reasonSeverity !== 'off') {
        kept.push({ ...at, ruleId: 'disable-reason', severity: settings.reasonSeverity, message: 'Disable comment without a reason: add `-- <why>` after the rule names', docsUrl: docsUrl('disable-reason') });
      }
    }
  }
  return kept;
}
