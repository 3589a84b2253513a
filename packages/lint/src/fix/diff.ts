/**
 * Unified diff of two texts (for `--fix-dry-run`), computed by jsdiff (`diff`) with 3 lines of
 * context: a patch `patch -p1` and `git apply` accept, `\ No newline at end of file` included.
 * Secrets in the texts are shown redacted, in context and changed lines alike.
 */
import { createTwoFilesPatch, FILE_HEADERS_ONLY, formatPatch, type StructuredPatch } from 'diff';
import { redactLines } from '../rules/util/secrets.js';

const CONTEXT = 3;
/** Beyond this many changed lines the diff is one hunk replacing the whole file (bounded time). */
const MAX_EDIT_LENGTH = 5_000;

/** The whole of `before` replaced by the whole of `after`, as one hunk. */
function replaceAll(oldName: string, newName: string, before: string, after: string): string {
  const lines = (text: string, sign: '-' | '+'): string[] => {
    if (text === '') return [];
    const out = text.replace(/\n$/, '').split('\n').map((l) => sign + l);
    if (!text.endsWith('\n')) out.push('\\ No newline at end of file');
    return out;
  };
  const count = (text: string): number => (text === '' ? 0 : text.replace(/\n$/, '').split('\n').length);
  const patch: StructuredPatch = {
    oldFileName: oldName,
    newFileName: newName,
    oldHeader: undefined,
    newHeader: undefined,
    hunks: [{ oldStart: count(before) === 0 ? 0 : 1, oldLines: count(before), newStart: count(after) === 0 ? 0 : 1, newLines: count(after), lines: [...lines(before, '-'), ...lines(after, '+')] }],
  };
  return formatPatch(patch, FILE_HEADERS_ONLY);
}

/**
 * `--- a/file` / `+++ b/file` unified diff; empty string when the texts are equal.
 * Secret values (keys, tokens, literal passwords) never appear: both texts are redacted
 * line by line before they are compared.
 */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  const a = redactLines(before);
  const b = redactLines(after);
  const names = [`a/${file}`, `b/${file}`] as const;
  const patch = createTwoFilesPatch(names[0], names[1], a, b, undefined, undefined, { context: CONTEXT, maxEditLength: MAX_EDIT_LENGTH, headerOptions: FILE_HEADERS_ONLY });
  const text = patch ?? replaceAll(names[0], names[1], a, b);
  return text.endsWith('\n') ? text : `${text}\n`;
}
