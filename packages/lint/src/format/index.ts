/** Output formats of mlops-lint: one module each; `formatResults` picks one. */
import type { FileResult } from '../model.js';
import type { FormatOptions } from './options.js';
import { formatGithub } from './github.js';
import { formatGitlab } from './gitlab.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export type OutputFormat = 'stylish' | 'json' | 'sarif' | 'gitlab' | 'github';

export const FORMATS: readonly OutputFormat[] = ['stylish', 'json', 'sarif', 'gitlab', 'github'];

export type { FormatOptions } from './options.js';
export { formatGithub, formatGitlab, formatJson, formatSarif, formatStylish };

export function formatResults(results: FileResult[], format: OutputFormat, options: FormatOptions = {}): string {
  switch (format) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, options);
    case 'gitlab':
      return formatGitlab(results, options);
    case 'github':
      return formatGithub(results, options);
    default:
      return formatStylish(results, options);
  }
}
