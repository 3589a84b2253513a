import type { FileResult } from '../index.js';

export type OutputFormat = 'stylish' | 'json' | 'sarif' | 'gitlab' | 'github';

export function formatResults(results: FileResult[], _format: OutputFormat): string {
  return JSON.stringify(results);
}
