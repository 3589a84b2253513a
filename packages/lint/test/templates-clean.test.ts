/**
 * What the product ships lints clean: every template × provider × mode the templates package
 * renders, the workflows in .github/workflows/ (the reusable dvc*.yml ones and the project's own
 * CI, which lints them) and the GitLab components in templates/<name>/template.yml produce no
 * finding at all (every rule, schema included).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import type { Diagnostic } from '../src/model.js';

const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

interface TemplatesModule {
  listTemplates?: (provider?: 'github' | 'gitlab') => { name: string; provider: 'github' | 'gitlab'; remote: string }[];
  render?: (provider: 'github' | 'gitlab', name: string, inputs: Record<string, unknown>, options?: { mode?: 'vendored' | 'pinned' }) => string;
  inputsSchema?: (provider: 'github' | 'gitlab', name: string) => Record<string, unknown>;
}

async function loadTemplates(): Promise<TemplatesModule> {
  try {
    return (await import('@mlops-pipeline/templates')) as TemplatesModule;
  } catch {
    return {};
  }
}

/** Plausible values for inputs whose schema constrains their shape. */
const SAMPLES: Record<string, string> = {
  'workload-identity-provider': 'projects/123456789/locations/global/workloadIdentityPools/ci/providers/gitlab',
  'service-account': 'dvc-ci@example-project.iam.gserviceaccount.com',
  'role-to-assume': 'arn:aws:iam::123456789012:role/dvc-ci',
  'endpoint-url': 'https://minio.example.com:9000',
};

/** A value for every required input: its default, first enum value or example, else a plausible string. */
function sampleInputs(schema: Record<string, unknown> | undefined): Record<string, unknown> {
  const props = (schema?.properties ?? {}) as Record<string, Record<string, unknown>>;
  const required = new Set((schema?.required ?? []) as string[]);
  const out: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(props)) {
    if (!required.has(name)) continue;
    if (p.default !== undefined) out[name] = p.default;
    else if (Array.isArray(p.enum) && p.enum.length > 0) out[name] = p.enum[0];
    else if (Array.isArray(p.examples) && p.examples.length > 0) out[name] = p.examples[0];
    else if (SAMPLES[name.replace(/_/g, '-')] !== undefined) out[name] = SAMPLES[name.replace(/_/g, '-')];
    else if (p.type === 'boolean') out[name] = false;
    else if (p.type === 'integer' || p.type === 'number') out[name] = 1;
    else out[name] = `example-${name}`;
  }
  return out;
}

const DVC_CONFIG: Record<string, string> = {
  gcs: 'gs://example-bucket/dvc',
  'gcs-keyless': 'gs://example-bucket/dvc',
  s3: 's3://example-bucket/dvc',
  's3-keyless': 's3://example-bucket/dvc',
  minio: 's3://example-bucket/dvc',
  azure: 'azure://example-container/dvc',
};

const EXTRA: Record<string, string> = { gcs: 'gs', 'gcs-keyless': 'gs', s3: 's3', 's3-keyless': 's3', minio: 's3', azure: 'azure' };

/** A repository like the one the template is generated for: its remote, and requirements pinning DVC. */
function repoFor(remote: string | undefined, dvcVersion?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlops-lint-templates-'));
  mkdirSync(join(dir, '.git'));
  if (remote && dvcVersion) writeFileSync(join(dir, 'requirements.txt'), `dvc${EXTRA[remote] ? `[${EXTRA[remote]}]` : ''}==${dvcVersion}\nscikit-learn==1.5.2\n`);
  const url = remote ? DVC_CONFIG[remote] : undefined;
  if (url) {
    mkdirSync(join(dir, '.dvc'));
    const endpoint = remote === 'minio' ? '\n    endpointurl = https://minio.example.com:9000' : '';
    writeFileSync(join(dir, '.dvc/config'), `[core]\n    remote = storage\n['remote "storage"']\n    url = ${url}${endpoint}\n`);
  }
  return dir;
}

function listing(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`);
}

async function lintFile(text: string, filename: string, cwd: string): Promise<string[]> {
  const target = join(cwd, filename);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  return listing(await lintText(text, filename, { cwd }));
}

const templates = await loadTemplates();
const listed = typeof templates.listTemplates === 'function' ? (() => { try { return templates.listTemplates!(); } catch { return []; } })() : [];
if (listed.length === 0) console.warn('templates-clean: @mlops-pipeline/templates lists no templates (not built yet?), skipping the rendered-template checks');

/** The required inputs, plus every optional boolean input switched on (CML reports, pushes…). */
function allOn(schema: Record<string, unknown> | undefined): Record<string, unknown> {
  const props = (schema?.properties ?? {}) as Record<string, Record<string, unknown>>;
  const out = sampleInputs(schema);
  for (const [name, p] of Object.entries(props)) if (p.type === 'boolean') out[name] = true;
  return out;
}

describe.skipIf(listed.length === 0)('rendered templates lint clean', () => {
  const cases = listed.flatMap((t) =>
    (['vendored', 'pinned'] as const).flatMap((mode) => (['defaults', 'all options on'] as const).map((inputs) => [t.provider, t.name, mode, inputs, t.remote] as const)),
  );
  it.each(cases)('%s %s (%s, %s)', async (provider, name, mode, inputs, remote) => {
    const schema = typeof templates.inputsSchema === 'function' ? templates.inputsSchema(provider, name) : undefined;
    const text = templates.render!(provider, name, inputs === 'defaults' ? sampleInputs(schema) : allOn(schema), { mode });
    const filename = provider === 'github' ? '.github/workflows/mlops.yml' : '.gitlab-ci.yml';
    expect(await lintFile(text, filename, repoFor(undefined))).toEqual([]);
    expect(await lintFile(text, filename, repoFor(remote))).toEqual([]);
    const props = (schema?.properties ?? {}) as Record<string, { default?: unknown }>;
    const dvcDefault = props['dvc-version']?.default ?? props.dvc_version?.default;
    if (typeof dvcDefault === 'string') expect(await lintFile(text, filename, repoFor(remote, dvcDefault))).toEqual([]);
  });
});

const workflows = existsSync(join(repoRoot, '.github/workflows')) ? readdirSync(join(repoRoot, '.github/workflows')).filter((f) => /\.ya?ml$/.test(f)).map((f) => `.github/workflows/${f}`) : [];
const components = existsSync(join(repoRoot, 'templates')) ? readdirSync(join(repoRoot, 'templates')).filter((d) => existsSync(join(repoRoot, 'templates', d, 'template.yml'))).map((d) => `templates/${d}/template.yml`) : [];
if (workflows.length + components.length === 0) console.warn('templates-clean: no .github/workflows/*.yml or templates/*/template.yml committed yet, skipping those checks');

describe.skipIf(workflows.length + components.length === 0)('committed reusable workflows and components lint clean', () => {
  it.each([...workflows, ...components])('%s', async (file) => {
    const text = readFileSync(join(repoRoot, file), 'utf8');
    expect(listing(await lintText(text, file, { cwd: repoRoot }))).toEqual([]);
  });
});
