/**
 * A hash of the rendered file, written under the version header, so `upgrade` can tell a file the
 * generator wrote from one edited by hand since (`# mlops-pipeline-body: sha256:<hex>`).
 */
import { createHash } from 'node:crypto';

const PREFIX = '# mlops-pipeline-body: sha256:';
const HEADER_LINE = /^# mlops-pipeline: \{/;

function digest(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex').slice(0, 32);
}

/** The text without its body-hash line. */
export function withoutBodyHash(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.startsWith(PREFIX))
    .join('\n');
}

/** The rendered text with the hash of itself under the `# mlops-pipeline:` header line (unchanged without one). */
export function withBodyHash(rendered: string): string {
  const body = withoutBodyHash(rendered);
  const lines = body.split('\n');
  const at = lines.findIndex((l) => HEADER_LINE.test(l));
  if (at === -1) return body;
  lines.splice(at + 1, 0, `${PREFIX}${digest(body)}`);
  return lines.join('\n');
}

/** `intact`: the file is what was rendered; `edited`: changed since; `unknown`: no hash recorded. */
export function bodyState(text: string): 'intact' | 'edited' | 'unknown' {
  const line = text.split('\n').find((l) => l.startsWith(PREFIX));
  if (line === undefined) return 'unknown';
  return line.slice(PREFIX.length).trim() === digest(withoutBodyHash(text)) ? 'intact' : 'edited';
}
