/** Stand-in for the Spectral runner in the single-file pre-commit build, which ships without Spectral. */
import type { Diagnostic, Workflow } from '../model.js';
import type { RuleSettings } from '../engine/run.js';
import { ConfigError } from '../config/errors.js';

export async function runRulesets(_rulesets: string[], _workflow: Workflow, _settings: RuleSettings): Promise<Diagnostic[]> {
  throw new ConfigError('custom rulesets (`rulesets:` in .mlops-lint.yaml) need the npm package: run `npx @mlops-pipeline/lint` instead of the pre-commit build');
}
