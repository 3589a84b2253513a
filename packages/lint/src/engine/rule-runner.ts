/**
 * The rule runner: filters rules by provider and configured severity, hands each
 * a RuleContext, turns reports into Diagnostics and turns a throwing rule into
 * an `internal-error` diagnostic naming it (never a crash). A finding takes the
 * severity configured for its rule, else the one its report gives
 * (`RuleReport.severity`, for a rule's lesser problems), else the rule's default.
 */
import type { Diagnostic, RepoContext, Rule, RuleReport, Severity, Workflow } from '../model.js';
import { docsUrl } from './docs.js';
import { ownString } from './own-string.js';

export interface RuleSetting {
  severity: Severity | 'off';
  options: Record<string, unknown>;
}

export type RuleSettings = (ruleId: string) => RuleSetting | undefined;

export function runRules(workflow: Workflow, rules: readonly Rule[], settings: RuleSettings, repo: RepoContext, strict: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    if (!rule.meta.providers.includes(workflow.provider)) continue;
    const setting = settings(rule.meta.id);
    const configured = setting?.severity;
    const severity = configured ?? rule.meta.defaultSeverity;
    if (severity === 'off') continue;
    const ruleId = rule.meta.id;
    const url = docsUrl(ruleId);
    const report = (r: RuleReport): void => {
      const d: Diagnostic = {
        file: r.span.file,
        line: r.span.line,
        column: r.span.column,
        endLine: r.span.endLine,
        endColumn: r.span.endColumn,
        ruleId,
        severity: configured === undefined && r.severity !== undefined ? r.severity : severity,
        // Findings outlive their file: they hold no reference into its text.
        message: ownString(r.message),
        docsUrl: url,
      };
      if (r.fix) d.fix = { ...r.fix, text: ownString(r.fix.text) };
      out.push(d);
    };
    try {
      rule.check({ workflow, repo, options: setting?.options ?? {}, strict, report });
    } catch (error) {
      out.push(internalError(workflow.file, `Rule "${ruleId}" failed on this file: ${messageOf(error)}`));
    }
  }
  return out;
}

export function internalError(file: string, message: string): Diagnostic {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1, ruleId: 'internal-error', severity: 'error', message, docsUrl: docsUrl('internal-error') };
}

export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}

const severityOrder: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order: file, line, column, severity, rule id. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      severityOrder[a.severity] - severityOrder[b.severity] ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}
