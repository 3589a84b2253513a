/** Shared test fixtures: the render matrix, parsers of real clients and script extraction. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse, parseAllDocuments } from 'yaml';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { listTemplates, render, renderPublishedFiles } from '../src/index.js';
import type { Provider, RenderMode } from '../src/index.js';

export const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = path.resolve(packageDir, '../..');
export const sharedDir = path.resolve(repoRoot, '../shared');
/** GitLab's CI JSON Schema from `../shared` (MLOPS_SHARED_DIR points elsewhere, e.g. a worktree outside the usual layout). */
export const gitlabSchemaPath = process.env.MLOPS_SHARED_DIR ? path.join(process.env.MLOPS_SHARED_DIR, 'schemas-upstream/gitlab-ci.json') : path.join(sharedDir, 'schemas-upstream/gitlab-ci.json');

/** Values for inputs that have no default. */
export const REQUIRED_INPUTS: Record<string, Record<string, unknown>> = {
  'dvc-gcs-keyless': {
    'workload-identity-provider': 'projects/123456789/locations/global/workloadIdentityPools/ci/providers/forge',
    'service-account': 'dvc-ci@my-project.iam.gserviceaccount.com',
  },
  'dvc-s3-keyless': { 'role-to-assume': 'arn:aws:iam::123456789012:role/dvc-ci' },
  'dvc-minio': { 'endpoint-url': 'https://minio.example.com:9000' },
  'dvc-azure-keyless': { 'azure-client-id': '11111111-2222-3333-4444-555555555555', 'azure-tenant-id': '66666666-7777-8888-9999-000000000000' },
};

/** Option sets every template is rendered with. */
export const VARIANTS: Record<string, Record<string, unknown>> = {
  defaults: {},
  full: {
    cml: true,
    push: true,
    'pull-strategy': 'with-repro',
    'working-directory': 'ml/experiment',
    'requirements': 'requirements/ci.txt',
    branches: ['main', 'release/v2'],
    'timeout-minutes': 120,
    'cancel-in-progress': false,
    'python-version': '3.11.9',
  },
};

export interface Case {
  id: string;
  provider: Provider;
  template: string;
  mode: RenderMode;
  inputs: Record<string, unknown>;
}

function variantsFor(provider: Provider, template: string): Array<[string, Record<string, unknown>]> {
  const out = Object.entries(VARIANTS);
  if (provider === 'github') {
    out.push(['sha-self-hosted', { 'pin-actions': 'sha', runner: ['self-hosted', 'linux', 'gpu'], cml: true }]);
  } else {
    out.push(['tagged-runner', { runner: ['saas-linux-small-amd64'], cml: true }]);
  }
  if (template === 'dvc-azure') out.push(['service-principal', { 'azure-auth': 'service-principal', 'azure-storage-account': 'examplestorage', cml: true, push: true }]);
  if (template === 'dvc-minio') out.push(['named-remote', { 'dvc-remote': 'storage' }]);
  if (template === 'dvc') {
    out.push(
      ['monorepo', { 'working-directory': 'ml', paths: ['ml/**', 'requirements.txt'], cml: true }],
      ['poetry-cache', { installer: 'poetry', requirements: 'pyproject.toml', 'dvc-cache': true, push: true, 'working-directory': 'ml', cml: true }],
      ['uv', { installer: 'uv', requirements: 'pyproject.toml' }],
    );
  }
  if (template === 'dvc-gcs') out.push(['pyproject', { requirements: 'pyproject.toml', cml: true }], ['dvc-only', { requirements: '', 'working-directory': 'ml' }]);
  return out;
}

export function renderCases(): Case[] {
  const cases: Case[] = [];
  for (const info of listTemplates()) {
    for (const [variant, extra] of variantsFor(info.provider, info.name)) {
      for (const mode of ['vendored', 'pinned'] as const) {
        const inputs = { ...REQUIRED_INPUTS[info.name], ...extra };
        cases.push({ id: `${info.provider}/${info.name}/${variant}/${mode}`, provider: info.provider, template: info.name, mode, inputs });
      }
    }
  }
  return cases;
}

export function renderCase(c: Case): string {
  return render(c.provider, c.template, c.inputs, { mode: c.mode, ref: '1.2.3' });
}

/** Every published file: reusable workflows (experiment, then CML report) and components. */
export function publishedCases(): Array<{ id: string; provider: Provider; template: string; path: string; text: string }> {
  return listTemplates().flatMap((t) =>
    renderPublishedFiles(t.provider, t.name).map((f, i) => ({ id: `${t.provider}/${t.name}/published${i === 0 ? '' : `/${path.basename(f.path)}`}`, provider: t.provider, template: t.name, path: f.path, text: f.text })),
  );
}

/** Errors reported by GitHub's own workflow parser (parse + conversion). */
export async function githubErrors(name: string, content: string): Promise<string[]> {
  const result = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = result.context.errors.getErrors().map((e) => e.message);
  if (errors.length === 0 && result.value) {
    await convertWorkflowTemplate(result.context, result.value);
    errors.push(...result.context.errors.getErrors().map((e) => e.message));
  }
  return errors;
}

let gitlabValidator: ValidateFunction | undefined;

/** ajv validator of GitLab's CI JSON Schema (undefined when ../shared is absent). */
export function gitlabSchema(): ValidateFunction | undefined {
  if (!existsSync(gitlabSchemaPath)) return undefined;
  if (!gitlabValidator) {
    const schema = JSON.parse(readFileSync(gitlabSchemaPath, 'utf8')) as Record<string, unknown>;
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    gitlabValidator = ajv.compile(schema);
  }
  return gitlabValidator;
}

const INTERP = /\$\[\[\s*inputs\.([A-Za-z0-9_-]+)\s*\]\]/g;

function substitute(node: unknown, values: Record<string, unknown>): unknown {
  if (typeof node === 'string') {
    const whole = /^\$\[\[\s*inputs\.([A-Za-z0-9_-]+)\s*\]\]$/.exec(node);
    if (whole) return values[whole[1]!];
    return node.replace(INTERP, (_, name: string) => String(values[name]));
  }
  if (Array.isArray(node)) return node.map((n) => substitute(n, values));
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [substitute(k, values) as string, substitute(v, values)]));
  return node;
}

/** A component's spec and its body with `$[[ inputs.x ]]` replaced by defaults (or `samples`). */
export function componentDocuments(text: string, samples: Record<string, unknown> = {}): { spec: Record<string, unknown>; body: Record<string, unknown> } {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs) || docs.length !== 2) throw new Error(`expected spec and body documents, got ${Array.isArray(docs) ? docs.length : 'none'}`);
  const spec = docs[0]!.toJS() as { spec: { inputs: Record<string, { default?: unknown }> } };
  const values: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(spec.spec.inputs)) values[name] = samples[name] ?? def.default;
  return { spec: spec as unknown as Record<string, unknown>, body: substitute(docs[1]!.toJS(), values) as Record<string, unknown> };
}

export interface ExtractedScript {
  where: string;
  text: string;
}

type Obj = Record<string, unknown>;

/** Every `run:` (GitHub) or before_script/script/after_script (GitLab) block of a file. */
export function extractScripts(provider: Provider, doc: Obj): ExtractedScript[] {
  const out: ExtractedScript[] = [];
  if (provider === 'github') {
    for (const [jobId, job] of Object.entries((doc.jobs ?? {}) as Record<string, Obj>)) {
      for (const [i, step] of ((job.steps ?? []) as Obj[]).entries()) {
        if (typeof step.run === 'string') out.push({ where: `jobs.${jobId}.steps[${i}]`, text: step.run });
      }
    }
    return out;
  }
  for (const [jobId, job] of Object.entries(doc)) {
    if (!job || typeof job !== 'object' || Array.isArray(job)) continue;
    // before_script and script run in one shell; after_script in another.
    const main = ['before_script', 'script'].flatMap((k) => ((job as Obj)[k] as string[] | undefined) ?? []);
    if (main.length > 0) out.push({ where: `${jobId}.script`, text: main.join('\n') });
    const after = ((job as Obj).after_script as string[] | undefined) ?? [];
    if (after.length > 0) out.push({ where: `${jobId}.after_script`, text: after.join('\n') });
  }
  return out;
}

export function parseYaml(text: string): Obj {
  return parse(text) as Obj;
}
