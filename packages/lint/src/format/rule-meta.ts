/** Metadata of every rule id a report can contain: the built-in rules plus the checks the engine itself reports. */
import type { Rule } from '../model.js';
import { ENGINE_RULES } from '../engine/engine-rules.js';
import type { RuleInfo } from '../engine/engine-rules.js';

import { rules as builtinRules } from '../rules/index.js';

export function ruleInfos(rules: readonly Rule[] = builtinRules): RuleInfo[] {
  return [
    ...rules.map((r) => ({ id: r.meta.id, description: r.meta.description, defaultSeverity: r.meta.defaultSeverity, fixable: r.meta.fixable })),
    ...ENGINE_RULES,
  ];
}
