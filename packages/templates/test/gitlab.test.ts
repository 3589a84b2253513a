import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CML_VERSION } from '../src/index.js';
import { componentDocuments, gitlabSchema, gitlabSchemaPath, parseYaml, publishedCases, REQUIRED_INPUTS, renderCase, renderCases } from './helpers.js';

type Obj = Record<string, unknown>;

const cases = renderCases().filter((c) => c.provider === 'gitlab');
const published = publishedCases().filter((c) => c.provider === 'gitlab');
const hasSchema = existsSync(gitlabSchemaPath);
if (!hasSchema) console.warn(`SKIPPED: GitLab CI schema checks need ${gitlabSchemaPath} (../shared is not present)`);

/**
 * Findings of the editor schema that GitLab itself does not enforce, overruled:
 * - `tags: []` (the component's default: any runner): the schema asks for at least one tag,
 *   GitLab's `Entry::Tags` only for an array of strings (at most 50).
 */
const OVERRULED = [/^\/[^/]+\/tags must NOT have fewer than 1 items$/];

function schemaErrors(doc: unknown): string[] {
  const validate = gitlabSchema()!;
  const errors = validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  return errors.filter((e) => !OVERRULED.some((re) => re.test(e)));
}

describe.skipIf(!hasSchema)("GitLab files are valid against GitLab's CI JSON Schema", () => {
  it('the schema rejects an invalid job (guard)', () => {
    expect(schemaErrors({ job: { script: 'x', only: 3, when: 'sometimes' } }).length).toBeGreaterThan(0);
  });
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    expect(schemaErrors(parseYaml(renderCase(c)))).toEqual([]);
  });
  it.each(published.map((c) => [c.id, c] as const))('%s (spec and body with inputs substituted)', (_id, c) => {
    const { spec, body } = componentDocuments(c.text, REQUIRED_INPUTS[c.template]);
    expect(schemaErrors(spec)).toEqual([]);
    expect(schemaErrors(body)).toEqual([]);
    expect(JSON.stringify(body)).not.toContain('$[[');
  });
});

describe('GitLab secure defaults', () => {
  const files = [
    ...cases.filter((c) => c.mode === 'vendored').map((c) => ({ id: c.id, template: c.template, doc: parseYaml(renderCase(c)) })),
    ...published.map((p) => ({ id: p.id, template: p.template, doc: componentDocuments(p.text, REQUIRED_INPUTS[p.template]).body })),
  ];

  it.each(files.map((f) => [f.id, f] as const))('%s: pinned image, interruptible, rules, credentials outside the project', (_id, f) => {
    for (const job of Object.values(f.doc) as Obj[]) {
      expect(String(job.image)).toMatch(/^python:3\.\d+(\.\d+)?$/);
      expect(job.rules).toBeInstanceOf(Array);
      expect(job.only).toBeUndefined();
      expect(job.except).toBeUndefined();
      expect(typeof job.interruptible).toBe('boolean');
      const vars = job.variables as Record<string, string>;
      for (const [name, value] of Object.entries(vars)) {
        if (/CREDENTIALS|TOKEN_FILE|KEY_FILE/.test(name)) {
          expect(value.startsWith('/tmp/')).toBe(true);
          expect((job.after_script as string[]).join('\n')).toContain(`$${name}`);
        }
      }
      // pip's cache, and DVC's: declared in every component, filled only when dvc-cache points DVC at it.
      const caches = ([] as Obj[]).concat(job.cache as Obj | Obj[]);
      const dvcCache = f.id.endsWith('/published') || f.id.includes('-cache/');
      expect(caches.map((c) => c.paths)).toEqual(dvcCache ? [['.cache/pip'], ['.cache/dvc']] : [['.cache/pip']]);
      if (dvcCache) expect(((caches[1]!.key as Obj).files as string[])[0]).toMatch(/(^|\/)dvc\.lock$/);
      expect(JSON.stringify(job)).not.toMatch(/set -x|send-comment|:latest/);
    }
  });

  // GitLab reads cache:key:files at the pipeline's commit by their path from the project's root; `./dvc.lock` names
  // nothing there (git: "relative path syntax can't be used outside working tree"), and the key would fall back to `default`.
  it.each([
    ['.', 'dvc.lock'],
    ['models/churn', 'models/churn/dvc.lock'],
  ])('the DVC cache key of every component lists dvc.lock by its path from the project root (working-directory %s)', (dir, lock) => {
    for (const p of published) {
      const body = componentDocuments(p.text, { ...REQUIRED_INPUTS[p.template], 'working-directory': dir }).body;
      for (const job of Object.values(body) as Obj[]) {
        const files = ((([] as Obj[]).concat(job.cache as Obj | Obj[]))[1]!.key as Obj).files as string[];
        expect(files, p.id).toContain(lock);
        expect(files.length, p.id).toBeLessThanOrEqual(2);
      }
    }
  });

  it('the GCS key is a base64 masked variable decoded into a private file', () => {
    const doc = parseYaml(renderCase(cases.find((c) => c.id === 'gitlab/dvc-gcs/defaults/vendored')!));
    const job = doc['dvc-repro'] as Obj;
    // Outside the project directory, under a job variable no project CI/CD variable can override.
    expect((job.variables as Obj).MLOPS_PIPELINE_GCP_KEY_FILE).toBe('/tmp/gcp-key-${CI_JOB_ID}.json');
    expect(job.before_script).toContain('export GOOGLE_APPLICATION_CREDENTIALS="$MLOPS_PIPELINE_GCP_KEY_FILE"');
    expect(job.before_script).toContain('printf \'%s\' "$GCP_SERVICE_ACCOUNT_KEY_B64" | base64 -d > "$GOOGLE_APPLICATION_CREDENTIALS"');
    expect(job.after_script).toEqual(['rm -f "$MLOPS_PIPELINE_GCP_KEY_FILE"']);
  });

  it('keyless templates request id_tokens with the provider audience', () => {
    const gcs = parseYaml(renderCase(cases.find((c) => c.id === 'gitlab/dvc-gcs-keyless/defaults/vendored')!));
    expect((gcs['dvc-repro'] as Obj).id_tokens).toEqual({ GCP_ID_TOKEN: { aud: `https://iam.googleapis.com/${String(REQUIRED_INPUTS['dvc-gcs-keyless']!['workload-identity-provider'])}` } });
    const s3 = parseYaml(renderCase(cases.find((c) => c.id === 'gitlab/dvc-s3-keyless/defaults/vendored')!));
    expect((s3['dvc-repro'] as Obj).id_tokens).toEqual({ AWS_ID_TOKEN: { aud: 'sts.amazonaws.com' } });
  });

  it('CML merge request reports get the full history and the target branch', () => {
    const doc = parseYaml(renderCase(cases.find((c) => c.id === 'gitlab/dvc-gcs/full/vendored')!));
    const report = doc['dvc-report'] as Obj;
    expect(report.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event" && $CI_MERGE_REQUEST_SOURCE_PROJECT_ID == $CI_PROJECT_ID' }]);
    expect(report.variables).toMatchObject({ GIT_DEPTH: '0', MLOPS_PIPELINE_BASE_BRANCH: '$CI_MERGE_REQUEST_TARGET_BRANCH_NAME' });
    const post = (report.script as string[]).find((line) => line.includes('cml comment update'))!;
    expect(post).toContain('cml comment update --target=pr dvc-report.md');
    expect(post).toContain('in the artifacts of ${CI_JOB_URL}');
    // Merge request pipelines fetch only the merge request ref: the target branch is fetched with the job's credentials.
    expect(post).toMatch(/^git fetch --no-tags origin "\+refs\/heads\/\$\{MLOPS_PIPELINE_BASE_BRANCH\}:refs\/remotes\/origin\/\$\{MLOPS_PIPELINE_BASE_BRANCH\}"\n/);
    expect(report.before_script).toContain(`npm install -g --no-fund --no-audit @dvcorg/cml@${CML_VERSION}`);
    expect((doc['dvc-repro'] as Obj).rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "push" && ($CI_COMMIT_BRANCH == "main" || $CI_COMMIT_BRANCH == "release/v2")' }, { if: '$CI_PIPELINE_SOURCE == "web"' }]);
  });

  it.each([
    ['defaults', 'unset AZURE_CLIENT_ID AZURE_TENANT_ID AZURE_CLIENT_SECRET', undefined],
    ['service-principal', 'unset AZURE_STORAGE_CONNECTION_STRING', 'examplestorage'],
  ])('dvc-azure %s: only the chosen auth mode\'s variables reach DVC', (variant, unset, account) => {
    const job = parseYaml(renderCase(cases.find((c) => c.id === `gitlab/dvc-azure/${variant}/vendored`)!))['dvc-repro'] as Obj;
    expect((job.before_script as string[]).filter((l) => l.startsWith('unset'))).toEqual([unset]);
    expect((job.variables as Obj).MLOPS_PIPELINE_AZURE_STORAGE_ACCOUNT).toBe(account);
    const component = componentDocuments(published.find((p) => p.template === 'dvc-azure')!.text).body['dvc-repro'] as Obj;
    expect((component.before_script as string[]).join('\n')).toContain(`if [ "\${MLOPS_PIPELINE_AZURE_AUTH_MODE}" = "${variant === 'defaults' ? 'connection-string' : 'service-principal'}" ]; then\n  ${unset}\nfi`);
  });

  it('component inputs are declared with types, options and regexes', () => {
    const { spec } = componentDocuments(published.find((p) => p.template === 'dvc-minio')!.text, REQUIRED_INPUTS['dvc-minio']);
    const inputs = (spec.spec as Obj).inputs as Record<string, Obj>;
    expect(inputs['pull-strategy']).toMatchObject({ default: 'separate', options: ['separate', 'with-repro'] });
    expect(inputs['timeout-minutes']).toMatchObject({ type: 'number', default: 60 });
    expect(inputs['endpoint-url']!.default).toBeUndefined();
    expect(inputs['endpoint-url']!.regex).toEqual(expect.any(String));
    expect(inputs.branches).toBeUndefined();
  });
});

describe('the experiment and report jobs keep their metrics and plots', () => {
  it('as a job artifact from the working directory', () => {
    const doc = parseYaml(renderCase(cases.find((c) => c.id === 'gitlab/dvc-gcs/full/vendored')!));
    expect((doc['dvc-repro'] as Obj).artifacts).toEqual({ name: '$CI_JOB_NAME-results', paths: ['ml/experiment/dvc-results/'], expire_in: '30 days' });
    // The report keeps the plots diff its comment points at.
    expect((doc['dvc-report'] as Obj).artifacts).toEqual({ name: '$CI_JOB_NAME-results', paths: ['ml/experiment/dvc-results/'], expire_in: '30 days' });
  });
});
