/**
 * Per-finding severities: a rule may report one finding with a severity other than
 * its default (`RuleReport.severity`). The user's configured severity for the rule
 * always wins; otherwise the finding keeps the severity its rule gave it.
 */
import type { Diagnostic, RepoContext, Rule, Severity, Workflow } from '../model.js';
import type { RuleSettings } from './run.js';
import { runRules } from './run.js';

function findingKey(ruleId: string, file: string, line: number, column: number, message: string): string {
  return `${ruleId}\u0000${file}\u0000${line}\u0000${column}\u0000${message}`;
}

/** Runs the rules like `runRules`, then applies the severities rules gave single findings. */
export function runRulesWithFindingSeverity(workflow: Workflow, rules: readonly Rule[], settings: RuleSettings, repo: RepoContext, strict: boolean): Diagnostic[] {
  const own = new Map<string, Severity>();
  const wrapped = rules.map(
    (rule): Rule => ({
      meta: rule.meta,
      check(ctx) {
        const configured = settings(rule.meta.id)?.severity !== undefined;
        rule.check({
          ...ctx,
          report(r) {
            if (r.severity !== undefined && !configured) own.set(findingKey(rule.meta.id, r.span.file, r.span.line, r.span.column, r.message), r.severity);
            ctx.report(r);
          },
        });
      },
    }),
  );
  const diagnostics = runRules(workflow, wrapped, settings, repo, strict);
  if (own.size === 0) return diagnostics;
  for (const d of diagnostics) {
    const severity = own.get(findingKey(d.ruleId, d.file, d.line, d.column, d.message));
    if (severity !== undefined) d.severity = severity;
  }
  return diagnostics;
}
