/** `--list-rules`: a table (or JSON with --format json) of every rule. */
import type { RuleInfo } from '../engine/engine-rules.js';

export function listRules(infos: readonly RuleInfo[], json: boolean): string {
  if (json) return `${JSON.stringify(infos, null, 2)}\n`;
  const idWidth = Math.max(...infos.map((r) => r.id.length), 'rule'.length);
  const header = `${'rule'.padEnd(idWidth)}  severity  fixable  description`;
  const rows = infos.map((r) => `${r.id.padEnd(idWidth)}  ${r.defaultSeverity.padEnd(8)}  ${(r.fixable ? 'yes' : 'no').padEnd(7)}  ${r.description}`);
  return `${[header, ...rows].join('\n')}\n`;
}
