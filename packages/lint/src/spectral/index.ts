/** Custom rules written as Spectral rulesets (loaded only when `rulesets:` is configured). */
import type { Diagnostic, Workflow } from '../model.js';
import type { RuleSettings } from '../engine/run.js';

export async function runRulesets(_rulesets: string[], _workflow: Workflow, _settings: RuleSettings): Promise<Diagnostic[]> {
  return [];
}
