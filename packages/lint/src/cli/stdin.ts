/** Standard input as text: invalid UTF-8 and NUL bytes become a `yaml-syntax` finding, like files on disk. */
import type { Diagnostic } from '../model.js';
import { docsUrl } from '../engine/docs.js';
import { lineIndex } from '../line-index.js';

export function decodeStdin(bytes: Buffer, file: string): { text: string } | { diagnostic: Diagnostic } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text };
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const at = Math.max(0, text.indexOf('\uFFFD'));
    const { line, column } = lineIndex(text).positionAt(at);
    return {
      diagnostic: { file, line, column, endLine: line, endColumn: column + 1, ruleId: 'yaml-syntax', severity: 'error', message: 'File is not valid UTF-8', docsUrl: docsUrl('yaml-syntax') },
    };
  }
}
