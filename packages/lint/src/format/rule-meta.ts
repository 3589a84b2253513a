/** Metadata of every rule id a report can contain: the built-in rules plus the checks the engine itself reports. */
import type { Rule, Severity } from '../model.js';
import { rules as builtinRules } from '../rules/index.js';

export interface RuleInfo {
  id: string;
  description: string;
  defaultSeverity: Severity;
  fixable: boolean;
}

/** Findings the engine reports itself (configurable like rules). */
export const ENGINE_RULES: readonly RuleInfo[] = [
  { id: 'yaml-syntax', description: 'The file is valid YAML: no syntax errors, duplicate keys, binary content, alias bombs or extreme nesting.', defaultSeverity: 'error', fixable: false },
  { id: 'empty-file', description: 'The file has a pipeline in it.', defaultSeverity: 'error', fixable: false },
  { id: 'schema', description: 'The file has the structure GitHub Actions or GitLab CI expects: known keys, right types, required keys.', defaultSeverity: 'error', fixable: false },
  { id: 'gitlab-resolve', description: 'GitLab include:, extends: and !reference resolve to something that exists.', defaultSeverity: 'error', fixable: false },
  { id: 'unused-disable', description: 'An inline disable comment suppresses a finding.', defaultSeverity: 'warning', fixable: false },
  { id: 'disable-reason', description: 'An inline disable comment says why (`-- reason`).', defaultSeverity: 'warning', fixable: false },
  { id: 'internal-error', description: 'mlops-lint could not check the file (a bug: please report it).', defaultSeverity: 'error', fixable: false },
];

export function ruleInfos(rules: readonly Rule[] = builtinRules): RuleInfo[] {
  return [
    ...rules.map((r) => ({ id: r.meta.id, description: r.meta.description, defaultSeverity: r.meta.defaultSeverity, fixable: r.meta.fixable })),
    ...ENGINE_RULES,
  ];
}
