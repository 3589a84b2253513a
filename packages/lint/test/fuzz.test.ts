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

const SEED = 0x6d6c6f70;
const MUTATIONS_PER_FILE = 24;

/** mulberry32: a small deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOISE = ['\u0000', '\uFFFD', '"', "'", '{', '}', '[', ']', ':', '- ', '&a ', '*a', '!reference ', '${{', '}}', '$[[ inputs.x ]]', '\t', '#', '|', '>', '---\n', '<<: *a', '%YAML 1.1\n', '? ', '\r'];

function mutate(text: string, rand: () => number): string {
  const lines = text.split('\n');
  const pick = (): number => Math.floor(rand() * Math.max(lines.length, 1));
  const steps = 1 + Math.floor(rand() * 4);
  for (let s = 0; s < steps; s++) {
    const i = pick();
    switch (Math.floor(rand() * 6)) {
      case 0:
        lines.splice(i, 1);
        break;
      case 1:
        lines.splice(i, 0, lines[i] ?? '');
        break;
      case 2: {
        const j = pick();
        [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
        break;
      }
      case 3:
        lines[i] = rand() < 0.5 ? `  ${lines[i] ?? ''}` : (lines[i] ?? '').replace(/^ {1,2}/, '');
        break;
      case 4: {
        const line = lines[i] ?? '';
        const at = Math.floor(rand() * (line.length + 1));
        lines[i] = line.slice(0, at) + NOISE[Math.floor(rand() * NOISE.length)]! + line.slice(at);
        break;
      }
      default: {
        const line = lines[i] ?? '';
        const at = Math.floor(rand() * (line.length + 1));
        lines[i] = line.slice(0, at) + String.fromCharCode(Math.floor(rand() * 0x2fff)) + line.slice(at);
      }
    }
  }
  return lines.join('\n');
}

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
