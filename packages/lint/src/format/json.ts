/** JSON output: an array of `{ file, diagnostics, error? }`, one entry per file checked. */
import type { FileResult } from '../model.js';

export function formatJson(results: readonly FileResult[]): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}
