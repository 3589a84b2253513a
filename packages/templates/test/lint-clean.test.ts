/**
 * Every published reusable workflow and component, and every render case (each template ×
 * provider × mode × option set: SHA pinning, self-hosted
 * labels, GitLab runner tags, Azure service principal, CML and push on, `dvc repro --pull`,
 * keyless, a sub-directory project) passes mlops-lint with zero findings, in a repository
 * whose DVC remote matches the template and whose requirements pin the same DVC.
 * Uses the built linter (packages/lint/dist, built first by turbo: see this package's
 * turbo.json); skipped with a message when it is not built.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { getTemplate } from '../src/index.js';
import type { RemoteKind } from '../src/index.js';
import { publishedCases, renderCase, renderCases, repoRoot } from './helpers.js';

interface Finding {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  message: string;
}
type LintText = (text: string, filename: string, options: { cwd: string }) => Promise<Finding[]>;

const lintEntry = path.join(repoRoot, 'packages/lint/dist/index.js');

/** The built linter (turbo builds it before this package's tests: see turbo.json). */
async function loadLint(): Promise<LintText | undefined> {
  if (!existsSync(lintEntry)) return undefined;
  try {
    return ((await import(pathToFileURL(lintEntry).href)) as { lintText?: LintText }).lintText;
  } catch (err) {
    console.warn(`mlops-lint could not be loaded from ${lintEntry}: ${String(err)}`);
    return undefined;
  }
}

const lintText = await loadLint();
if (!lintText) console.warn(`SKIPPED: the mlops-lint check of every render case needs ${path.relative(repoRoot, lintEntry)} (pnpm --filter @mlops-pipeline/lint build)`);

const REMOTE_URL: Record<RemoteKind, string | undefined> = {
  gcs: 'gs://example-bucket/dvc',
  'gcs-keyless': 'gs://example-bucket/dvc',
  s3: 's3://example-bucket/dvc',
  's3-keyless': 's3://example-bucket/dvc',
  minio: 's3://example-bucket/dvc',
  azure: 'azure://example-container/dvc',
  'azure-keyless': 'azure://example-container/dvc',
  gdrive: 'gdrive://0AIac4JZqHhKmUk9PDA',
  ssh: 'ssh://dvc@storage.example.com/srv/dvc',
  none: undefined,
};
const EXTRA: Partial<Record<RemoteKind, string>> = { gcs: 'gs', 'gcs-keyless': 'gs', s3: 's3', 's3-keyless': 's3', minio: 's3', azure: 'azure', 'azure-keyless': 'azure', gdrive: 'gdrive', ssh: 'ssh' };

const work = lintText ? mkdtempSync(path.join(tmpdir(), 'templates-lint-')) : '';

/** A repository for the template: its DVC remote and requirements pinning the same DVC, in the working directory. */
function repoFor(id: string, remote: RemoteKind, inputs: Record<string, unknown>): string {
  const dir = path.join(work, id.replaceAll('/', '--'));
  const project = path.join(dir, String(inputs['working-directory'] ?? '.'));
  mkdirSync(path.join(dir, '.git'), { recursive: true });
  mkdirSync(path.join(project, '.dvc'), { recursive: true });
  const extra = EXTRA[remote];
  const requirements = String(inputs.requirements ?? 'requirements.txt');
  const pin = `dvc${extra ? `[${extra}]` : ''}==${String(inputs['dvc-version'] ?? '3.63.0')}\nscikit-learn==1.5.2\n`;
  if (requirements === 'pyproject.toml') {
    writeFileSync(path.join(project, 'pyproject.toml'), `[project]\nname = "example"\nversion = "0.1.0"\ndependencies = ["${pin.split('\n')[0]!}"]\n`);
  } else if (requirements !== '') {
    mkdirSync(path.dirname(path.join(project, requirements)), { recursive: true });
    writeFileSync(path.join(project, requirements), pin);
  }
  const url = REMOTE_URL[remote];
  const endpoint = remote === 'minio' ? '\n    endpointurl = https://minio.example.com:9000' : '';
  writeFileSync(path.join(project, '.dvc/config'), url ? `[core]\n    remote = storage\n['remote "storage"']\n    url = ${url}${endpoint}\n` : '[core]\n    autostage = true\n');
  return dir;
}

describe.skipIf(!lintText)('every render case lints clean with mlops-lint', () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const cases = renderCases();

  it('covers SHA pinning, Azure service principals, CML, push, keyless and repro --pull', () => {
    const has = (pred: (c: (typeof cases)[number]) => boolean) => cases.some(pred);
    expect(has((c) => c.inputs['pin-actions'] === 'sha')).toBe(true);
    expect(has((c) => c.inputs['azure-auth'] === 'service-principal')).toBe(true);
    expect(has((c) => c.inputs.cml === true && c.inputs.push === true)).toBe(true);
    expect(has((c) => c.template.endsWith('-keyless') && c.inputs.cml === true)).toBe(true);
    expect(has((c) => c.inputs['pull-strategy'] === 'with-repro')).toBe(true);
  });

  it.each(publishedCases().map((p) => [p.id, p] as const))('%s', async (id, p) => {
    const { path: file, text } = p;
    const cwd = repoFor(id, getTemplate(p.provider, p.template)!.remote, {});
    mkdirSync(path.dirname(path.join(cwd, file)), { recursive: true });
    writeFileSync(path.join(cwd, file), text);
    const findings = (await lintText!(text, file, { cwd })).map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`);
    expect(findings).toEqual([]);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', async (id, c) => {
    const remote = getTemplate(c.provider, c.template)!.remote;
    const cwd = repoFor(id, remote, c.inputs);
    const filename = c.provider === 'github' ? '.github/workflows/dvc.yml' : '.gitlab-ci.yml';
    const text = renderCase(c);
    mkdirSync(path.dirname(path.join(cwd, filename)), { recursive: true });
    writeFileSync(path.join(cwd, filename), text);
    const findings = (await lintText!(text, filename, { cwd })).map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`);
    expect(findings).toEqual([]);
  });
});
