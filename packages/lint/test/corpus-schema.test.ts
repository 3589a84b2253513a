/**
 * Cross-check of our structural schemas with the upstream ones on real CI files
 * (../shared/corpus): GitHub files against SchemaStore's workflow schema and
 * GitHub's own @actions/workflow-parser, GitLab files against GitLab's CI
 * schema. For every file, "ours rejects" must equal "upstream rejects" — on
 * the file as is, and on a copy with one misspelled keyword. Disagreements are
 * printed as a table; genuine upstream quirks are listed with a reason.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import { parseAllDocuments } from 'yaml';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { CORPUS, SHARED } from './cli.helpers.js';

const UPSTREAM = path.join(SHARED, 'schemas-upstream');
const ready = existsSync(CORPUS) && existsSync(UPSTREAM);
if (!ready) console.warn(`corpus-schema.test.ts: skipped: ${CORPUS} or ${UPSTREAM} is missing`);

/** Files where a disagreement is expected, with why. */
const EXPECTED_DISAGREEMENTS: Record<string, string> = {};

const referenceTag = { tag: '!reference', collection: 'seq' as const, default: false as const, resolve: (v: unknown) => v };

function upstreamValidator(name: string): ValidateFunction {
  const schema = JSON.parse(readFileSync(path.join(UPSTREAM, name), 'utf8')) as Record<string, unknown>;
  return new Ajv({ allErrors: false, strict: false, validateFormats: false }).compile(schema);
}

/** The document to validate: the last one (a component body after its `spec:` header), `$[[ inputs ]]` replaced by defaults. */
function dataOf(text: string): unknown {
  const docs = parseAllDocuments(text, { customTags: [referenceTag], uniqueKeys: false });
  if (!Array.isArray(docs) || docs.length === 0) return undefined;
  const body = docs[docs.length - 1]!.toJS({ maxAliasCount: 10_000 }) as unknown;
  const header = docs.length > 1 ? (docs[0]!.toJS() as { spec?: { inputs?: Record<string, { default?: unknown } | null> } }) : undefined;
  const defaults = Object.fromEntries(Object.entries(header?.spec?.inputs ?? {}).map(([k, v]) => [k, v?.default ?? 'x']));
  const sub = (node: unknown): unknown => {
    if (typeof node === 'string') {
      const whole = /^\$\[\[\s*inputs\.([\w-]+)[^\]]*\]\]$/.exec(node);
      if (whole) return defaults[whole[1]!];
      return node.replace(/\$\[\[\s*inputs\.([\w-]+)[^\]]*\]\]/g, (_, n: string) => String(defaults[n]));
    }
    if (Array.isArray(node)) return node.map(sub);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, sub(v)]));
    return node;
  };
  return sub(body);
}

async function githubParserErrors(name: string, content: string): Promise<string[]> {
  const result = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = result.context.errors.getErrors().map((e) => e.message);
  if (errors.length === 0 && result.value) {
    await convertWorkflowTemplate(result.context, result.value);
    errors.push(...result.context.errors.getErrors().map((e) => e.message));
  }
  return errors;
}

interface Verdict {
  file: string;
  ours: string[];
  upstream: string[];
}

async function judge(provider: 'github' | 'gitlab', file: string, text: string, validators: { gh: ValidateFunction; gl: ValidateFunction }): Promise<Verdict> {
  const name = provider === 'github' ? '.github/workflows/corpus.yml' : '.gitlab-ci.yml';
  const diagnostics = await lintText(text, name, { noConfig: true, cwd: CORPUS, provider });
  const ours = diagnostics.filter((d) => d.ruleId === 'schema' || d.ruleId === 'yaml-syntax').map((d) => `${d.line}:${d.column} ${d.message}`);
  const upstream: string[] = [];
  const data = dataOf(text);
  const validate = provider === 'github' ? validators.gh : validators.gl;
  if (!validate(data)) upstream.push(...(validate.errors ?? []).map((e) => `schema ${e.instancePath} ${e.message ?? e.keyword}`));
  if (provider === 'github') upstream.push(...(await githubParserErrors(name, text)).map((m) => `workflow-parser ${m}`));
  return { file, ours, upstream };
}

/** One misspelled keyword that every validator must reject. */
function misspell(provider: 'github' | 'gitlab', text: string): string | undefined {
  if (provider === 'github') return text.includes('runs-on:') ? text.replace('runs-on:', 'runs_on:') : undefined;
  const m = /^(\s+)script:/m.exec(text);
  return m ? text.replace(/^(\s+)script:/m, '$1scirpt:') : undefined;
}

function table(rows: Verdict[]): string {
  return rows.map((r) => `${r.file}\n    ours:     ${r.ours.length ? r.ours.slice(0, 3).join(' | ') : 'accepts'}\n    upstream: ${r.upstream.length ? r.upstream.slice(0, 3).join(' | ') : 'accepts'}`).join('\n');
}

describe.skipIf(!ready)('our schemas agree with the upstream schemas on the corpus', () => {
  const validators = ready ? { gh: upstreamValidator('github-workflow.json'), gl: upstreamValidator('gitlab-ci.json') } : undefined;
  const files = ready ? (['github', 'gitlab'] as const).flatMap((provider) => readdirSync(path.join(CORPUS, provider)).sort().map((f) => ({ provider, file: `${provider}/${f}` }))) : [];

  it('as written and with one misspelled keyword', async () => {
    const disagreements: Verdict[] = [];
    let checked = 0;
    let rejectedBoth = 0;
    for (const { provider, file } of files) {
      const text = readFileSync(path.join(CORPUS, file), 'utf8');
      const variants: [string, string][] = [[file, text]];
      const bad = misspell(provider, text);
      if (bad) variants.push([`${file} (misspelled)`, bad]);
      for (const [label, content] of variants) {
        const v = await judge(provider, label, content, validators!);
        checked++;
        if (v.ours.length > 0 && v.upstream.length > 0) rejectedBoth++;
        if (v.ours.length > 0 !== v.upstream.length > 0 && !EXPECTED_DISAGREEMENTS[label]) disagreements.push(v);
      }
    }
    if (disagreements.length > 0) console.log(`Disagreements with the upstream schemas:\n${table(disagreements)}`);
    expect(checked).toBeGreaterThanOrEqual(files.length);
    expect(rejectedBoth).toBeGreaterThan(0);
    expect(disagreements.map((d) => d.file)).toEqual([]);
  }, 120_000);
});
