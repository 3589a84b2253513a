/**
 * Text from files (file names, job keys, messages quoting them) reaches terminals and CI logs:
 * control characters are shown escaped (`\n`, `\r`, `\x1b`, `\u2028` …), so a name can neither
 * start a GitHub workflow command on a new line nor send terminal escapes.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
