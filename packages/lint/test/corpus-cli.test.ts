/** The built CLI on every real CI file of ../shared/corpus at once: no crash, no internal error, findings reported. */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileResult } from '../src/index.js';
import { CORPUS, hasStackTrace, runCli } from './cli.helpers.js';

const hasCorpus = existsSync(CORPUS);
if (!hasCorpus) console.warn(`corpus-cli.test.ts: skipped: no corpus at ${CORPUS}`);

describe.skipIf(!hasCorpus)('mlops-lint on the corpus', () => {
  const files = hasCorpus ? ['github', 'gitlab'].flatMap((p) => readdirSync(path.join(CORPUS, p)).sort().map((f) => `${p}/${f}`)) : [];

  it('lints every file in one run with findings and no internal error', () => {
    const r = runCli(['--format', 'json', '--no-config', ...files], { cwd: CORPUS });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const results = JSON.parse(r.stdout) as FileResult[];
    expect(results.map((x) => x.file)).toEqual(files);
    const all = results.flatMap((x) => x.diagnostics);
    expect(all.filter((d) => d.ruleId === 'internal-error')).toEqual([]);
    expect(results.filter((x) => x.diagnostics.length > 0).length).toBeGreaterThan(files.length / 2);
    for (const format of ['stylish']) {
      const out = runCli(['--format', format, '--no-config', ...files], { cwd: CORPUS });
      expect(out.status, `${format}: ${out.stderr}`).toBe(1);
      expect(hasStackTrace(out.stderr)).toBe(false);
    }
  }, 120_000);
});
