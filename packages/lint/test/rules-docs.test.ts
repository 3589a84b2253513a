/**
 * Rule documentation stays true: every rule id a report can contain (rules and engine
 * checks) has a page and every page a rule; each page's "Bad" example, run through the
 * CLI (`mlops-lint <file>`, in-process, with every other rule turned off in
 * `.mlops-lint.json`), prints exactly its "Output" block and exits 1 when it shows an error;
 * its "Fix" example prints nothing and exits 0.
 * `UPDATE_RULE_DOCS=1 pnpm vitest run test/rules-docs.test.ts` rewrites the Output blocks
 * and the README table from the code.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { ENGINE_RULES } from '../src/engine/engine-rules.js';
import { ruleInfos } from '../src/format/rule-meta.js';
import { rules } from '../src/rules/index.js';
import { runCli as runBin } from './cli.helpers.js';

const DOCS = fileURLToPath(new URL('../docs/rules', import.meta.url));
const UPDATE = process.env.UPDATE_RULE_DOCS === '1';
/** Pages show template-outdated against this newest templates version (the CLI sees it as the installed one). */
const DOC_TEMPLATES_VERSION = vi.hoisted(() => '1.4.0');
vi.mock('@mlops-pipeline/templates', async (importOriginal) => ({ ...(await importOriginal<Record<string, unknown>>()), TEMPLATES_VERSION: DOC_TEMPLATES_VERSION }));

interface Block {
  lang: string;
  file?: string;
  body: string;
}

/** Fenced blocks of a Markdown section (`## Title` up to the next `## `). */
function section(md: string, title: string): Block[] {
  const start = md.indexOf(`\n## ${title}\n`);
  if (start < 0) return [];
  const end = md.indexOf('\n## ', start + 4);
  const text = md.slice(start, end < 0 ? md.length : end);
  const out: Block[] = [];
  const re = /```([a-z]*)([^\n]*)\n([\s\S]*?)```/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const file = /file=(\S+)/.exec(m[2]!)?.[1];
    out.push({ lang: m[1]!, body: m[3]!, ...(file ? { file } : {}) });
  }
  return out;
}

function isCiFile(file: string): boolean {
  return file === '.gitlab-ci.yml' || file.startsWith('.github/workflows/');
}

interface CliRun {
  file: string;
  /** What the CLI printed on stdout, trailing white space removed. */
  output: string;
  exitCode: number;
  stderr: string;
}

/** A fresh repository holding the blocks and a `.mlops-lint.json` that turns every rule but `ruleId` off. */
function writeExample(ruleId: string, blocks: Block[]): { dir: string; file: string } {
  const target = blocks.find((b) => b.file && isCiFile(b.file));
  if (!target?.file) throw new Error('no CI file block (```yaml file=.github/workflows/ci.yml)');
  const dir = mkdtempSync(join(tmpdir(), 'mlops-lint-doc-'));
  mkdirSync(join(dir, '.git'));
  for (const b of blocks) {
    if (!b.file) continue;
    mkdirSync(dirname(join(dir, b.file)), { recursive: true });
    writeFileSync(join(dir, b.file), b.body);
  }
  const others = ruleInfos().map((r) => r.id).filter((id) => id !== ruleId && id !== 'internal-error');
  writeFileSync(join(dir, '.mlops-lint.json'), JSON.stringify({ rules: Object.fromEntries(others.map((id) => [id, 'off'])) }));
  return { dir, file: target.file };
}

/** `mlops-lint <ci file>` (in-process) in the example's repository. */
async function runExample(ruleId: string, blocks: Block[]): Promise<CliRun> {
  const { dir, file } = writeExample(ruleId, blocks);
  let stdout = '';
  let stderr = '';
  const exitCode = await runCli([file], {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: () => Promise.resolve(Buffer.alloc(0)),
    isTTY: false,
    env: { NO_COLOR: '1' },
    cwd: dir,
  });
  return { file, output: stdout.trimEnd(), exitCode, stderr };
}

/** The same with the built bin (`dist/cli.cjs`) in a child process. */
function runExampleWithBin(ruleId: string, blocks: Block[]): CliRun {
  const { dir, file } = writeExample(ruleId, blocks);
  const r = runBin([file], { cwd: dir, env: { NO_COLOR: '1' } });
  return { file, output: r.stdout.trimEnd(), exitCode: r.status ?? -1, stderr: r.stderr };
}

/** Rewrites the page's Output block (UPDATE_RULE_DOCS=1). */
function updateOutput(path: string, text: string, output: string): string {
  const next = text.replace(/(\n## Output\n[\s\S]*?```text\n)[\s\S]*?(```)/, (_m, a: string, b: string) => `${a}${output}\n${b}`);
  writeFileSync(path, next);
  return next;
}

/** Engine checks with a page: all of them; internal-error (a defect) has no example to show. */
const ENGINE_CHECKS = ENGINE_RULES.map((r) => ({ id: r.id, severity: r.defaultSeverity, description: r.description, example: r.id !== 'internal-error' }));

function readme(): string {
  const rows = rules.map((r) => `| [\`${r.meta.id}\`](${r.meta.id}.md) | ${r.meta.defaultSeverity} | ${r.meta.fixable ? 'yes' : 'no'} | ${r.meta.providers.join(', ')} | ${r.meta.description.replace(/\|/g, '\\|')} |`);
  return [
    '# mlops-lint rules',
    '',
    'Every rule, its default severity, whether `mlops-lint --fix` repairs it, and the CI providers it applies to.',
    'Change a severity or turn a rule off in `.mlops-lint.yaml`; silence one finding with a disable comment that gives a reason.',
    '',
    '| rule | default severity | fixable | providers | what it checks |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    'Checks the engine runs on every file, around the rules:',
    '',
    '| check | default severity | what it checks |',
    '|---|---|---|',
    ...ENGINE_CHECKS.map((c) => `| [\`${c.id}\`](${c.id}.md) | ${c.severity} | ${c.description} |`),
    '',
  ].join('\n');
}

describe('rule docs', () => {
  const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.replace(/\.md$/, ''));

  it('every rule has a page and every page a rule', () => {
    expect([...pages].sort()).toEqual([...rules.map((r) => r.meta.id), ...ENGINE_CHECKS.map((c) => c.id)].sort());
  });

  it('README lists every rule with its meta', () => {
    const path = join(DOCS, 'README.md');
    if (UPDATE) writeFileSync(path, readme());
    expect(readFileSync(path, 'utf8')).toBe(readme());
  });

  for (const rule of rules) {
    const id = rule.meta.id;
    describe(id, () => {
      const path = join(DOCS, `${id}.md`);
      const md = (): string => readFileSync(path, 'utf8');

      it('starts with the rule id and states severity, fixability and providers', () => {
        const text = md();
        expect(text.startsWith(`# ${id}\n`)).toBe(true);
        expect(text).toContain(`default severity: **${rule.meta.defaultSeverity}**`);
        expect(text).toContain(`providers: ${rule.meta.providers.join(', ')}`);
      });

      it('Bad example: the CLI prints exactly the documented Output', async () => {
        let text = md();
        const run = await runExample(id, section(text, 'Bad'));
        // Notices (what was not checked, e.g. component includes) are not part of the documented output.
        expect(run.stderr.replace(/^mlops-lint: notice: .*\n/gm, '')).toBe('');
        expect(run.output).toContain(`  ${id}`);
        expect(run.exitCode).toBe(/^ {2}\d+:\d+ +error /m.test(run.output) ? 1 : 0);
        if (UPDATE) text = updateOutput(path, text, run.output);
        const documented = section(text, 'Output').find((b) => b.lang === 'text');
        expect(documented?.body.trimEnd()).toBe(run.output);
      });

      it('Fix example: the CLI prints nothing and exits 0', async () => {
        const fix = section(md(), 'Fix');
        const repoFiles = section(md(), 'Bad').filter((b) => b.file && !isCiFile(b.file) && !fix.some((f) => f.file === b.file));
        const run = await runExample(id, [...repoFiles, ...fix]);
        expect(run.output).toBe('');
        expect(run.exitCode).toBe(0);
      });
    });
  }

  // The bundled bin prints what the in-process CLI prints (pages whose output does not depend on
  // the installed templates version).
  it.each(['dvc-version-consistent', 'dvc-remote-credentials', 'secret-hardcoded', 'yaml-syntax', 'gitlab-resolve'])('%s: the built bin prints the page Output too', (id) => {
    const text = readFileSync(join(DOCS, `${id}.md`), 'utf8');
    const run = runExampleWithBin(id, section(text, 'Bad'));
    expect(run.output).toBe(section(text, 'Output').find((b) => b.lang === 'text')?.body.trimEnd());
    expect(run.exitCode).toBe(1);
  });

  for (const check of ENGINE_CHECKS) {
    describe(check.id, () => {
      const path = join(DOCS, `${check.id}.md`);
      const md = (): string => readFileSync(path, 'utf8');

      it('starts with the check id and states its severity', () => {
        expect(md().startsWith(`# ${check.id}\n`)).toBe(true);
        expect(md()).toContain(`default severity: **${check.severity}**`);
      });

      it.skipIf(!check.example)('Bad example: the CLI prints exactly the documented Output; Fix: nothing', async () => {
        let text = md();
        const run = await runExample(check.id, section(text, 'Bad'));
        expect(run.output).toContain(`  ${check.id}`);
        expect(run.exitCode).toBe(/^ {2}\d+:\d+ +error /m.test(run.output) ? 1 : 0);
        if (UPDATE) text = updateOutput(path, text, run.output);
        expect(section(text, 'Output').find((b) => b.lang === 'text')?.body.trimEnd()).toBe(run.output);
        const fixed = await runExample(check.id, section(text, 'Fix'));
        expect(fixed.output).toBe('');
        expect(fixed.exitCode).toBe(0);
      });
    });
  }
});
