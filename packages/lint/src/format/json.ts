/**
 * JSON output: an array of `{ file, diagnostics, error?, notices? }`, one entry per file checked.
 * A fix's replacement text is redacted like messages (a fix never needs to show a secret).
 */
import type { FileResult } from '../model.js';
import { redactText } from '../rules/util/secrets.js';

export function formatJson(results: readonly FileResult[]): string {
  return `${JSON.stringify(results, (key, value: unknown) => (key === 'text' && typeof value === 'string' ? redactText(value) : value), 2)}\n`;
}
