/**
 * Rule documentation stays true: every rule has a page and every page a rule; each page's
 * "Bad" example produces exactly its "Output" block, and its "Fix" example produces no
 * finding of that rule. `UPDATE_RULE_DOCS=1 pnpm vitest run test/rules-docs.test.ts`
 * rewrites the Output blocks and the README table from the code.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatResults, lintText } from '../src/index.js';
import type { Diagnostic, Rule } from '../src/model.js';
import { rules } from '../src/rules/index.js';
import { withTemplatesVersion } from '../src/rules/util/test-table.js';

const DOCS = fileURLToPath(new URL('../docs/rules', import.meta.url));
const UPDATE = process.env.UPDATE_RULE_DOCS === '1';
/** Pages show template-outdated against this newest templates version. */
const DOC_TEMPLATES_VERSION = '1.4.0';

/** Stylish output (colours off); a plain line format while the stylish formatter is not there. */
function stylish(file: string, diagnostics: Diagnostic[]): string {
  // eslint-disable-next-line no-control-regex
  const text = formatResults([{ file, diagnostics }], 'stylish').replace(/\x1b\[[0-9;]*m/g, '');
  if (!text.trimStart().startsWith('[') && !text.trimStart().startsWith('{')) return text.trimEnd();
  return [file, ...diagnostics.map((d) => `  ${d.line}:${d.column}  ${d.severity}  ${d.message}  ${d.ruleId}`)].join('\n');
}

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

async function lintExample(rule: Rule | string, blocks: Block[]): Promise<{ file: string; output: string; count: number }> {
  const ruleId = typeof rule === 'string' ? rule : rule.meta.id;
  const target = blocks.find((b) => b.file && isCiFile(b.file));
  if (!target?.file) throw new Error('no CI file block (```yaml file=.github/workflows/ci.yml)');
  const dir = mkdtempSync(join(tmpdir(), 'mlops-lint-doc-'));
  mkdirSync(join(dir, '.git'));
  for (const b of blocks) {
    if (!b.file) continue;
    mkdirSync(dirname(join(dir, b.file)), { recursive: true });
    writeFileSync(join(dir, b.file), b.body);
  }
  const options = typeof rule === 'string' ? { cwd: dir } : { cwd: dir, rules: [ruleId === 'template-outdated' ? withTemplatesVersion(rule, DOC_TEMPLATES_VERSION) : rule] };
  const diagnostics = (await lintText(target.body, target.file, options)).filter((d) => d.ruleId === ruleId);
  return { file: target.file, output: stylish(target.file, diagnostics), count: diagnostics.length };
}

/** Checks the engine runs around the rules: documented here too, so every `docsUrl` resolves. */
const ENGINE_CHECKS: { id: string; severity: string; description: string; example: boolean }[] = [
  { id: 'schema', severity: 'error', description: 'The file has the structure GitHub Actions or GitLab CI expects (keys, types, required keys).', example: true },
  { id: 'yaml-syntax', severity: 'error', description: 'The file is valid YAML whose top level is a mapping.', example: true },
  { id: 'unused-disable', severity: 'warning', description: 'A disable comment suppresses something.', example: true },
  { id: 'disable-reason', severity: 'warning', description: 'A disable comment says why (`-- <reason>`).', example: true },
  { id: 'internal-error', severity: 'error', description: 'A check failed on this file (a defect of mlops-lint, reported instead of crashing).', example: false },
];

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

      it('Bad example produces exactly the documented Output', async () => {
        let text = md();
        const { output, count } = await lintExample(rule, section(text, 'Bad'));
        expect(count).toBeGreaterThan(0);
        if (UPDATE) {
          text = text.replace(/(\n## Output\n[\s\S]*?```text\n)[\s\S]*?(```)/, (_m, a: string, b: string) => `${a}${output}\n${b}`);
          writeFileSync(path, text);
        }
        const documented = section(text, 'Output').find((b) => b.lang === 'text');
        expect(documented?.body.trimEnd()).toBe(output);
      });

      it('Fix example has no finding of this rule', async () => {
        const fix = section(md(), 'Fix');
        const repoFiles = section(md(), 'Bad').filter((b) => b.file && !isCiFile(b.file) && !fix.some((f) => f.file === b.file));
        const blocks = [...repoFiles, ...fix];
        const { output, count } = await lintExample(rule, blocks);
        expect(count, output).toBe(0);
      });
    });
  }

  for (const check of ENGINE_CHECKS) {
    describe(check.id, () => {
      const path = join(DOCS, `${check.id}.md`);
      const md = (): string => readFileSync(path, 'utf8');

      it('starts with the check id and states its severity', () => {
        expect(md().startsWith(`# ${check.id}\n`)).toBe(true);
        expect(md()).toContain(`default severity: **${check.severity}**`);
      });

      it.skipIf(!check.example)('Bad example produces exactly the documented Output, Fix none', async () => {
        let text = md();
        const { output, count } = await lintExample(check.id, section(text, 'Bad'));
        expect(count).toBeGreaterThan(0);
        if (UPDATE) {
          text = text.replace(/(\n## Output\n[\s\S]*?```text\n)[\s\S]*?(```)/, (_m, a: string, b: string) => `${a}${output}\n${b}`);
          writeFileSync(path, text);
        }
        expect(section(text, 'Output').find((b) => b.lang === 'text')?.body.trimEnd()).toBe(output);
        const fixed = await lintExample(check.id, section(text, 'Fix'));
        expect(fixed.count, fixed.output).toBe(0);
      });
    });
  }
});
