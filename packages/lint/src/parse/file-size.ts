/**
 * How large a CI file may be: the platforms' own limits, and the largest file mlops-lint parses.
 * Every `file-size` finding is built here.
 */
import type { Diagnostic } from '../model.js';
import { docsUrl } from '../engine/docs.js';

/**
 * The largest CI file that is checked, in bytes: GitLab refuses a configuration file over 2 MB by
 * default (`max_yaml_size_bytes`), and GitHub starts no run for a workflow over 500 KB. Past it
 * the file gets one `file-size` finding and is not parsed, which bounds the time and memory any
 * single file costs.
 */
export const MAX_CHECKED_BYTES = 2 * 1024 * 1024;

/** GitHub starts no run for a workflow file larger than this (bytes; "500 KB" in GitHub's limits). */
export const GITHUB_WORKFLOW_MAX_BYTES = 512_000;

/** The UTF-8 size of `text` when it is over `limit` bytes, else undefined (short texts are not measured). */
function bytesOver(text: string, limit: number): number | undefined {
  // A UTF-16 code unit is at most 3 UTF-8 bytes.
  if (text.length * 3 <= limit) return undefined;
  const bytes = Buffer.byteLength(text);
  return bytes > limit ? bytes : undefined;
}

/** A finding on the first character of `file`. */
export function findingAtStart(file: string, ruleId: string, message: string): Diagnostic {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1, ruleId, severity: 'error', message, docsUrl: docsUrl(ruleId) };
}

/** The `file-size` finding of a file too large to check (`bytes` undefined: known only to exceed the limit). */
export function tooLargeToCheck(file: string, bytes?: number): Diagnostic {
  const size = bytes === undefined ? 'over 2 MB' : `${bytes.toLocaleString('en-US')} bytes`;
  return findingAtStart(file, 'file-size', `This file is not checked: it is ${size}, over the 2 MB mlops-lint checks (GitLab refuses a CI configuration file over 2 MB by default; GitHub starts no run for a workflow over 500 KB)`);
}

/** The `file-size` finding of a text over MAX_CHECKED_BYTES, if it is. */
export function uncheckedSize(file: string, text: string): Diagnostic | undefined {
  const bytes = bytesOver(text, MAX_CHECKED_BYTES);
  return bytes === undefined ? undefined : tooLargeToCheck(file, bytes);
}

/** The `file-size` finding of a GitHub workflow GitHub would not run because of its size, if it would not. */
export function githubWorkflowSize(file: string, text: string): Diagnostic | undefined {
  const bytes = bytesOver(text, GITHUB_WORKFLOW_MAX_BYTES);
  if (bytes === undefined) return undefined;
  return findingAtStart(
    file,
    'file-size',
    `The workflow is ${bytes.toLocaleString('en-US')} bytes: GitHub starts no run for a workflow file over 500 KB (${GITHUB_WORKFLOW_MAX_BYTES.toLocaleString('en-US')} bytes), and says nothing; move long scripts into files of the repository`,
  );
}
