/**
 * GitLab Code Quality report (JSON array): description, check_name, fingerprint,
 * severity, location.path, location.lines.begin. The fingerprint is a SHA-256 of
 * the rule, path, position and occurrence: stable across runs, and never derived
 * from message text (which could quote a value).
 */
import { createHash } from 'node:crypto';
import type { FileResult, Severity } from '../model.js';
import type { FormatOptions } from './options.js';
import { relativePath } from './paths.js';

const SEVERITY: Record<Severity, 'info' | 'minor' | 'major' | 'critical' | 'blocker'> = { error: 'major', warning: 'minor', info: 'info' };

interface CodeQualityIssue {
  type: 'issue';
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number; end: number } };
}

export function formatGitlab(results: readonly FileResult[], options: FormatOptions = {}): string {
  const cwd = options.cwd ?? process.cwd();
  const issues: CodeQualityIssue[] = [];
  const seen = new Map<string, number>();
  for (const r of results) {
    const items = r.error ? [{ file: r.file, line: 1, column: 1, endLine: 1, ruleId: 'io-error', severity: 'error' as Severity, message: r.error.message }] : [];
    for (const d of [...items, ...r.diagnostics]) {
      const file = relativePath(d.file, cwd);
      const base = `${d.ruleId}\0${file}\0${d.line}\0${d.column}`;
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      issues.push({
        type: 'issue',
        description: `${d.message} (${d.ruleId})`,
        check_name: d.ruleId,
        fingerprint: createHash('sha256').update(`${base}\0${n}`).digest('hex'),
        severity: SEVERITY[d.severity],
        location: { path: file, lines: { begin: d.line, end: Math.max(d.endLine, d.line) } },
      });
    }
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
}
