/**
 * Fuzzing: every corpus file mutated many times (seeded, so failures replay):
 * lines deleted, duplicated, swapped, re-indented, random bytes inserted.
 * lintText must never throw and must only return well-formed diagnostics.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { CORPUS } from './cli.helpers.js';
import { mutate, prng } from './fuzz.helpers.js';

const SEED = 0x6d6c6f70;
const MUTATIONS_PER_FILE = 24;

const hasCorpus = existsSync(CORPUS);
if (!hasCorpus) console.warn(`fuzz.test.ts: skipped: no corpus at ${CORPUS}`);

function corpusFiles(): { file: string; name: string }[] {
  return ['github', 'gitlab'].flatMap((provider) =>
    readdirSync(path.join(CORPUS, provider))
      .sort()
      .map((f) => ({ file: path.join(CORPUS, provider, f), name: provider === 'github' ? `.github/workflows/${f.slice(0, 40)}.yml` : `${f.slice(0, 40)}.gitlab-ci.yml` })),
  );
}

describe.skipIf(!hasCorpus)('fuzzing the corpus through lintText', () => {
  it(`${MUTATIONS_PER_FILE} mutations of each corpus file never throw`, async () => {
    const rand = prng(SEED);
    let cases = 0;
    const failures: string[] = [];
    for (const { file, name } of corpusFiles()) {
      const text = readFileSync(file, 'utf8');
      for (let m = 0; m < MUTATIONS_PER_FILE; m++) {
        const mutated = mutate(text, rand);
        cases++;
        try {
          const diagnostics = await lintText(mutated, name, { noConfig: true, cwd: CORPUS });
          for (const d of diagnostics) {
            if (!(d.line >= 1 && d.column >= 1 && typeof d.message === 'string' && d.message.length > 0 && d.ruleId)) failures.push(`${name}#${m}: malformed diagnostic ${JSON.stringify(d)}`);
            if (d.ruleId === 'internal-error') failures.push(`${name}#${m}: ${d.message}`);
          }
        } catch (error) {
          failures.push(`${name}#${m}: threw ${(error as Error).stack ?? String(error)}`);
        }
      }
    }
    expect(cases).toBeGreaterThanOrEqual(500);
    expect(failures, failures.slice(0, 5).join('\n')).toEqual([]);
  }, 120_000);
});
