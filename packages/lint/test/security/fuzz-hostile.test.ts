/**
 * Fuzzing under attack: mutated corpus files and generated hostile structures (aliases,
 * references, includes, huge maps, control characters, planted secrets), each in a temp
 * repository next to an "outside" directory, through every output format, `--fix-dry-run` and
 * `--fix`. Asserted: no internal error, no exit 134, no secret value in any output, no write
 * outside the repository, no temp file left. Seeded (failures replay); bounded by a case budget.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixFiles, formatResults } from '../../src/index.js';
import { CORPUS, hasStackTrace, runCli } from '../cli.helpers.js';
import { mutate, prng } from '../fuzz.helpers.js';
import { hostileRepo } from './helpers.js';

const SEED = 0x5ec0de;
const FORMATS = ['stylish', 'json', 'sarif', 'gitlab', 'github'] as const;

/** Planted secrets: shapes recognised wherever they stand. */
const SECRETS = {
  github: `ghp_${'Fz9Qy8Xw7V'.repeat(3)}u4T3s2`,
  gitlab: 'glpat-Hq2Wn5Rt8Yk3Lp6Zx9Cv',
  aws: 'AKIAQWERTYUIOPASDFGH',
  urlPassword: `p4ss'w"o/rd with space`,
  urlToken: 'oauth2TOKENc0ffee1234567890',
};
const SECRET_VALUES = Object.values(SECRETS);

const DVC_CONFIG = `[core]\n    remote = storage\n['remote "storage"']\n    url = s3://bucket/data\n    endpointurl = https://admin:${SECRETS.urlPassword}@minio.example.com\n`;
const REQUIREMENTS = `dvc @ git+https://oauth2:${SECRETS.urlToken}@gitlab.example.com/iterative/dvc.git\n`;

function secretWorkflow(): string {
  return `on: push
permissions:
  contents: read
env:
  GH_TOKEN: ${SECRETS.github}
  AWS_ACCESS_KEY_ID: ${SECRETS.aws}
jobs:
  "train\\u001b[2J\\r":
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - run: pip install -r requirements.txt
      - run: |
          git clone https://ci:${SECRETS.gitlab}@gitlab.example.com/data.git
          dvc pull
      - run: cml-send-comment report.md
`;
}

/** Generated hostile GitLab pipelines (files by path). */
function hostileGitlab(rand: () => number): Record<string, string> {
  const kind = Math.floor(rand() * 7);
  const n = 5 + Math.floor(rand() * 20);
  switch (kind) {
    case 0: {
      const lines = ['.l0:', `  script: [${Array.from({ length: n }, () => `echo ${SECRETS.gitlab}`).join(', ')}]`];
      for (let i = 1; i <= 10; i++) lines.push(`.l${i}:`, `  script: [${Array.from({ length: n }, () => `!reference [.l${i - 1}, script]`).join(', ')}]`);
      lines.push('boom:', '  script: [!reference [.l10, script]]');
      return { '.gitlab-ci.yml': `${lines.join('\n')}\n` };
    }
    case 1: {
      const files: Record<string, string> = { '.gitlab-ci.yml': 'include:\n  - local: ci/f0.yml\n  - local: ../outside/sentinel.yml\n' };
      for (let i = 0; i < n; i++) files[`ci/f${i}.yml`] = `include:\n  - local: ci/f${(i + 1) % n}.yml\n  - local: ci/f${Math.min(i + 1, n - 1)}.yml\nj${i}:\n  script: [cml-send-comment r.md]\n`;
      return files;
    }
    case 2: {
      const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
      for (let i = 1; i < n; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
      lines.push('job:', `  script: *a${n - 1}`);
      return { '.gitlab-ci.yml': `${lines.join('\n')}\n` };
    }
    case 3:
      return { '.gitlab-ci.yml': `variables:\n${Array.from({ length: 2000 * n }, (_, i) => `  V${i}: "${i}"`).join('\n')}\njob:\n  script: [echo]\n` };
    case 4: {
      const lines = ['.j0:', '  script: [echo]'];
      for (let i = 1; i <= 50 * n; i++) lines.push(`.j${i}:`, `  extends: [.j${i - 1}, .j${Math.floor(i / 2)}]`);
      lines.push('job:', `  extends: .j${50 * n}`);
      return { '.gitlab-ci.yml': `${lines.join('\n')}\n` };
    }
    case 5:
      return { '.gitlab-ci.yml': `${'['.repeat(200 * n)}${']'.repeat(200 * n)}\n` };
    default:
      return { '.gitlab-ci.yml': `"job\\e[31m\\r\\n::error::x":\n  script:\n    - docker login -p ${SECRETS.github} registry\n    - curl -H "Authorization: Bearer ${SECRETS.gitlab}" https://x\n` };
  }
}

function corpusFiles(): { text: string; name: string }[] {
  if (!existsSync(CORPUS)) return [];
  return ['github', 'gitlab'].flatMap((provider) =>
    readdirSync(path.join(CORPUS, provider))
      .sort()
      .map((f) => ({ text: readFileSync(path.join(CORPUS, provider, f), 'utf8'), name: provider === 'github' ? '.github/workflows/ci.yml' : '.gitlab-ci.yml' })),
  );
}

const corpus = corpusFiles();
if (corpus.length === 0) console.warn(`fuzz-hostile.test.ts: corpus mutations skipped: no corpus at ${CORPUS}`);

/** Every file under `dir` with its content (for "nothing written there" checks). */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const abs = path.join(d, e.name);
      if (e.isDirectory()) walk(abs);
      else out.set(abs, e.isFile() ? `${statSync(abs).mtimeMs}:${readFileSync(abs, 'utf8')}` : 'special');
    }
  };
  walk(dir);
  return out;
}

function leftovers(dir: string): string[] {
  return [...snapshot(dir).keys()].filter((f) => f.endsWith('.tmp'));
}

interface Case {
  label: string;
  files: Record<string, string>;
}

function cases(): Case[] {
  const rand = prng(SEED);
  const out: Case[] = [];
  const base = { '.dvc/config': DVC_CONFIG, 'requirements.txt': REQUIREMENTS };
  for (let i = 0; i < 40; i++) {
    out.push({ label: `secret workflow mutation #${i}`, files: { ...base, '.github/workflows/ci.yml': i === 0 ? secretWorkflow() : mutate(secretWorkflow(), rand) } });
    const gitlab = hostileGitlab(rand);
    const main = gitlab['.gitlab-ci.yml']!;
    out.push({ label: `hostile GitLab #${i}`, files: { ...base, ...gitlab, '.gitlab-ci.yml': i % 3 === 0 && main.length < 50_000 ? mutate(main, rand) : main } });
  }
  corpus.forEach(({ text, name }, i) => {
    for (let m = 0; m < 3; m++) out.push({ label: `corpus #${i} mutation ${m}`, files: { ...base, [name]: `${mutate(text, rand)}\n# ${SECRETS.github}\n` } });
  });
  return out;
}

function expectNoSecret(text: string, where: string): void {
  for (const value of SECRET_VALUES) expect(text.includes(value), `secret printed in ${where}`).toBe(false);
}

describe('fuzzing hostile repositories', () => {
  it('every format and --fix: no internal error, no secret, no write outside the repository', async () => {
    const failures: string[] = [];
    for (const c of cases()) {
      const { root, outside } = hostileRepo(c.files);
      writeFileSync(path.join(outside, 'sentinel.yml'), 'evil:\n  script: [cml-send-comment r.md]\n');
      const before = snapshot(outside);
      try {
        const { results, changes } = await fixFiles([], { cwd: root }, true);
        for (const r of results) for (const d of r.diagnostics) if (d.ruleId === 'internal-error') failures.push(`${c.label}: ${d.message}`);
        for (const format of FORMATS) expectNoSecret(formatResults(results, format, { cwd: root }), `${c.label} --format ${format}`);
        for (const change of changes) expectNoSecret(change.diff, `${c.label} diff`);
      } catch (error) {
        failures.push(`${c.label}: threw ${(error as Error).message}`);
      }
      expect(snapshot(outside), `${c.label}: wrote outside the repository`).toEqual(before);
      expect(leftovers(root), `${c.label}: temp files left`).toEqual([]);
    }
    expect(failures, failures.slice(0, 5).join('\n')).toEqual([]);
  }, 300_000);

  it('the CLI on hostile repositories: never exit 134, never a stack trace, never a secret', () => {
    const rand = prng(SEED + 1);
    for (let i = 0; i < 8; i++) {
      const files = { '.dvc/config': DVC_CONFIG, 'requirements.txt': REQUIREMENTS, ...hostileGitlab(rand), '.github/workflows/ci.yml': mutate(secretWorkflow(), rand) };
      const { root, outside } = hostileRepo(files);
      const before = snapshot(outside);
      for (const args of [['--format', FORMATS[i % FORMATS.length]!], ['--fix-dry-run'], ['--fix']]) {
        const r = runCli(args, { cwd: root });
        expect([0, 1, 2], `${args.join(' ')}: exit ${r.status} ${r.stderr.slice(0, 200)}`).toContain(r.status);
        expect(r.stderr).not.toContain('internal error');
        expect(hasStackTrace(r.stderr)).toBe(false);
        expectNoSecret(r.stdout + r.stderr, `case ${i} ${args.join(' ')}`);
      }
      expect(snapshot(outside)).toEqual(before);
      expect(leftovers(root)).toEqual([]);
    }
  }, 300_000);
});
