/** The checks the engine reports itself, configurable like rules: the one list of their ids and metadata. */
import type { Severity } from '../model.js';

export interface RuleInfo {
  id: string;
  description: string;
  defaultSeverity: Severity;
  fixable: boolean;
}

/** Findings the engine reports itself (configurable like rules). */
export const ENGINE_RULES: readonly RuleInfo[] = [
  { id: 'yaml-syntax', description: 'The file is valid YAML: no syntax errors, duplicate keys, binary content, alias bombs or extreme nesting.', defaultSeverity: 'error', fixable: false },
  { id: 'file-size', description: 'The file is small enough to run: at most 500 KB for a GitHub workflow; at most 2 MB, the largest file mlops-lint checks.', defaultSeverity: 'error', fixable: false },
  { id: 'empty-file', description: 'The file has a pipeline in it.', defaultSeverity: 'error', fixable: false },
  { id: 'schema', description: 'The file has the structure GitHub Actions or GitLab CI expects: known keys, right types, required keys.', defaultSeverity: 'error', fixable: false },
  { id: 'gitlab-resolve', description: 'GitLab include:, extends: and !reference resolve to something that exists.', defaultSeverity: 'error', fixable: false },
  { id: 'unused-disable', description: 'An inline disable comment suppresses a finding.', defaultSeverity: 'warning', fixable: false },
  { id: 'disable-reason', description: 'An inline disable comment says why (`-- reason`).', defaultSeverity: 'warning', fixable: false },
  { id: 'internal-error', description: 'mlops-lint could not check the file (a bug: please report it).', defaultSeverity: 'error', fixable: false },
];

/** The ids of {@link ENGINE_RULES}. */
export const ENGINE_RULE_IDS: readonly string[] = ENGINE_RULES.map((r) => r.id);
