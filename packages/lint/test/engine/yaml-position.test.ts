/** A YAML syntax error at the end of the file points at the last line, never past it. */
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/index.js';
import { quiet } from './helpers.js';

const HEAD = 'on: push\njobs:\n  a:\n';

describe('yaml-syntax positions at the end of the file', () => {
  it.each([
    ['unclosed double quote, final newline', `${HEAD}    runs-on: "ubuntu\n`, 4, 21, 'Missing closing "quote'],
    ['unclosed double quote, CRLF', `${HEAD.replace(/\n/g, '\r\n')}    runs-on: "ubuntu\r\n`, 4, 21, 'Missing closing "quote'],
    ['unclosed single quote, no final newline', `${HEAD}    runs-on: 'ubuntu`, 4, 21, "Missing closing 'quote"],
    ['unclosed flow mapping, final newline', `${HEAD}    runs-on: {os: ubuntu\n`, 4, 25, 'end with a }'],
    ['unclosed flow sequence, trailing blank lines', `${HEAD}    runs-on: [ubuntu\n\n  \n`, 4, 21, 'end with a ]'],
  ])('%s', async (_name, code, line, column, message) => {
    const found = (await lintText(code, '.github/workflows/ci.yml', { config: quiet })).filter((d) => d.ruleId === 'yaml-syntax');
    expect(found.length).toBeGreaterThan(0);
    const lines = code.split(/\r?\n/).length - (/\n$/.test(code) ? 1 : 0);
    for (const d of found) {
      expect(d.line).toBeLessThanOrEqual(lines);
      expect(d.endLine).toBeLessThanOrEqual(lines);
    }
    expect(`${found[0]!.line}:${found[0]!.column} ${found[0]!.message}`).toContain(`${line}:${column} `);
    expect(found[0]!.message).toContain(message);
  });
});
