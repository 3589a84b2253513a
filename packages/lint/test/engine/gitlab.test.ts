import { describe, expect, it } from 'vitest';
import { lintFiles, lintText } from '../../src/index.js';
import { at, finder, modelOf, tempRepo, quiet } from './helpers.js';

const PIPELINE = `variables:
  GIT_DEPTH: "0"
  TOKEN: $CML_PAT
default:
  image: python:3.12
  before_script:
    - pip install dvc==3.63.0
  tags: [docker]
.dvc:
  variables:
    REMOTE: gcs
  script:
    - dvc pull
    - dvc repro
.report:
  after_script:
    - cml comment create report.md
train:
  extends: [.dvc, .report]
  variables:
    EXTRA: "1"
  services:
    - name: minio/minio:latest
  cache:
    paths: [.cache/pip]
  artifacts:
    paths:
      - metrics.json
  id_tokens:
    GCP_ID_TOKEN:
      aud: https://iam.googleapis.com
no-clone:
  image: alpine:3.20
  inherit:
    default: [tags]
  variables:
    GIT_STRATEGY: none
  script:
    - !reference [.dvc, script]
    - echo done
`;

describe('GitLab model and resolution', () => {
  it('merges extends (several parents), default: and global variables', async () => {
    const wf = await modelOf(PIPELINE, '.gitlab-ci.yml');
    expect(wf.provider).toBe('gitlab');
    expect(wf.jobs.map((j) => j.id)).toEqual(['train', 'no-clone']);
    const train = wf.jobs[0]!;
    expect(train.steps.map((s) => [s.run?.section, s.run?.text])).toEqual([
      ['before_script', 'pip install dvc==3.63.0'],
      ['script', 'dvc pull'],
      ['script', 'dvc repro'],
      ['after_script', 'cml comment create report.md'],
    ]);
    expect(train.env.map((v) => [v.name, v.value, v.scope])).toEqual([
      ['REMOTE', 'gcs', 'job'],
      ['EXTRA', '1', 'job'],
    ]);
    expect(wf.env.map((v) => [v.name, v.scope, v.secretRefs])).toEqual([
      ['GIT_DEPTH', 'workflow', []],
      ['TOKEN', 'workflow', ['CML_PAT']],
    ]);
    expect(train.images.map((i) => [i.value, i.span.line])).toEqual([
      ['python:3.12', 5],
      ['minio/minio:latest', 23],
    ]);
    expect(train.runsOn.map((r) => r.value)).toEqual(['docker']);
    expect(train.cachePaths.map((p) => [p.path, p.span.line])).toEqual([['.cache/pip', 25]]);
    expect(train.artifactPaths.map((p) => [p.path, p.span.line])).toEqual([['metrics.json', 28]]);
    expect(train.idTokens).toEqual(['GCP_ID_TOKEN']);
    expect(train.fetchDepth).toMatchObject({ value: '0', span: { line: 2 } });
    expect(train.checksOut).toBe(true);
    expect(train.span.line).toBe(18);
  });

  it('points inherited script lines at the hidden job / default: that wrote them', async () => {
    const wf = await modelOf(PIPELINE, '.gitlab-ci.yml');
    for (const step of wf.jobs[0]!.steps) {
      const line = step.run!.lines[0]!;
      expect(at(PIPELINE, line.span.line, line.span.column, line.text.length)).toBe(line.text);
    }
    expect(wf.jobs[0]!.steps.map((s) => s.span.line)).toEqual([7, 13, 14, 17]);
  });

  it('resolves !reference inside scripts, inherit: default and GIT_STRATEGY none', async () => {
    const wf = await modelOf(PIPELINE, '.gitlab-ci.yml');
    const job = wf.jobs[1]!;
    expect(job.steps.map((s) => [s.run?.text, s.span.line])).toEqual([
      ['dvc pull', 13],
      ['dvc repro', 14],
      ['echo done', 40],
    ]);
    expect(job.images.map((i) => i.value)).toEqual(['alpine:3.20']);
    expect(job.runsOn.map((r) => r.value)).toEqual(['docker']);
    expect(job.checksOut).toBe(false);
  });

  it('keeps the resolved job configuration with where each key was written, and inherit: variables', async () => {
    const text = `variables:
  GIT_DEPTH: "0"
  A: "1"
.base:
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  when: manual
job:
  extends: .base
  inherit:
    variables: [A]
  script: [echo]
other:
  inherit:
    variables: false
  script: [echo]
`;
    const wf = await modelOf(text, '.gitlab-ci.yml');
    const [job, other] = wf.jobs;
    expect(job!.config).toMatchObject({ when: 'manual', rules: [{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }] });
    expect(job!.keySpans?.get('rules')?.line).toBe(5);
    expect(job!.keySpans?.get('script')?.line).toBe(12);
    expect(job!.inheritedEnv?.map((v) => v.name)).toEqual(['A']);
    expect(job!.fetchDepth).toBeUndefined();
    expect(other!.inheritedEnv).toEqual([]);
    expect(wf.jobs.map((j) => j.id)).toEqual(['job', 'other']);
  });

  it('a rule finding in a hidden job points at the hidden job line', async () => {
    const d = await lintText(PIPELINE, '.gitlab-ci.yml', { config: quiet, rules: [finder('dvc repro')] });
    expect(d.map((x) => [x.ruleId, x.line, x.column, x.file])).toEqual([
      ['find', 14, 7, '.gitlab-ci.yml'],
      ['find', 14, 7, '.gitlab-ci.yml'],
    ]);
  });

  it.each([
    ['unknown extends parent', 'job:\n  extends: .missing\n  script: [echo]\n', 2, '`.missing` is not defined'],
    ['extends cycle', '.a:\n  extends: .b\n.b:\n  extends: .a\njob:\n  extends: .a\n  script: [echo]\n', 4, 'extends cycle'],
    ['broken !reference', 'job:\n  script:\n    - !reference [.nothing, script]\n', 3, '`.nothing` is not defined'],
  ])('%s is reported as gitlab-resolve', async (_name, text, line, message) => {
    const d = await lintText(text, '.gitlab-ci.yml', { config: quiet, rules: [] });
    const found = d.filter((x) => x.ruleId === 'gitlab-resolve');
    expect(found).toHaveLength(1);
    expect(found[0]!.line).toBe(line);
    expect(found[0]!.message).toContain(message);
    expect(found[0]!.severity).toBe('error');
  });

  it('reads pipeline sources accepted by workflow: rules as triggers', async () => {
    const text = `workflow:
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_PIPELINE_SOURCE == 'schedule'
      when: never
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH || $CI_PIPELINE_SOURCE == "web"
job:
  script: [echo]
`;
    const wf = await modelOf(text, '.gitlab-ci.yml');
    expect(wf.triggers.map((t) => [t.event, t.span.line])).toEqual([
      ['merge_request_event', 3],
      ['web', 6],
    ]);
  });

  it('does not call a parent unknown when it may come from a template, project or component include', async () => {
    const text = 'include:\n  - template: Jobs/SAST.gitlab-ci.yml\nsast:\n  extends: .sast-analyzer\n  script:\n    - !reference [.sast-analyzer, script]\n';
    const d = await lintText(text, '.gitlab-ci.yml', { config: quiet, rules: [] });
    expect(d).toEqual([]);
  });

  it('lints a CI/CD component body with input defaults substituted', async () => {
    const text = `spec:
  inputs:
    dvc_version:
      default: "3.63.0"
    stage:
      default: test
---
dvc-repro:
  stage: $[[ inputs.stage ]]
  script:
    - pip install dvc==$[[ inputs.dvc_version ]]
    - dvc repro
`;
    const wf = await modelOf(text, 'templates/dvc/template.yml', { provider: 'gitlab' });
    expect(wf.jobs.map((j) => j.id)).toEqual(['dvc-repro']);
    expect(wf.jobs[0]!.steps[0]!.run!.text).toBe('pip install dvc==3.63.0');
    expect(wf.jobs[0]!.steps[0]!.span.line).toBe(11);
    expect(wf.kind).toBe('component');
    expect(wf.spec?.inputs.get('stage')).toMatchObject({ required: false, default: { value: 'test', span: { line: 6 } } });
  });
});

describe('GitLab local include', () => {
  const main = `include:
  - local: ci/dvc.yml
  - /ci/templates/*.yml
  - component: gitlab.com/mlops-pipeline/components/dvc-gcs@1.2.3
  - project: group/other
    ref: v2
    file: /ci.yml
train:
  extends: .dvc
`;
  const repo = () =>
    tempRepo({
      '.gitlab-ci.yml': main,
      'ci/dvc.yml': '.dvc:\n  image: python:3.12\n  script:\n    - dvc pull\n    - dvc repro\n',
      'ci/templates/report.yml': 'report:\n  script:\n    - cml comment create report.md\n',
    });

  it('merges included files and names the included file in findings', async () => {
    const dir = repo();
    const results = await lintFiles(['.gitlab-ci.yml'], { cwd: dir, config: quiet, rules: [finder('dvc repro'), finder('cml')] });
    expect(results).toHaveLength(1);
    const d = results[0]!.diagnostics.filter((x) => x.ruleId === 'find');
    expect(d.map((x) => [x.file, x.line, x.column, x.message])).toEqual([
      ['ci/dvc.yml', 5, 7, 'found dvc repro in train'],
      ['ci/templates/report.yml', 3, 7, 'found cml in report'],
    ]);
  });

  it('records every include kind in the model', async () => {
    const dir = repo();
    const wf = await modelOf(main, '.gitlab-ci.yml', { cwd: dir });
    expect(wf.includes.map((i) => [i.kind, i.target, i.ref ?? null])).toEqual([
      ['local', 'ci/dvc.yml', null],
      ['local', '/ci/templates/*.yml', null],
      ['component', 'gitlab.com/mlops-pipeline/components/dvc-gcs', '1.2.3'],
      ['project', 'group/other:/ci.yml', 'v2'],
    ]);
    expect([...wf.sources.keys()].sort()).toEqual(['ci/dvc.yml', 'ci/templates/report.yml']);
  });

  it('reports a missing include at the include line', async () => {
    const dir = tempRepo({ '.gitlab-ci.yml': 'include:\n  - local: ci/nope.yml\njob:\n  script: [echo]\n' });
    const [result] = await lintFiles(['.gitlab-ci.yml'], { cwd: dir, config: quiet, rules: [] });
    const d = result!.diagnostics.filter((x) => x.ruleId === 'gitlab-resolve');
    expect(d.map((x) => [x.line, x.message])).toEqual([[2, 'include: local file `ci/nope.yml` does not exist']]);
  });

  it('skips includes whose path uses CI/CD variables', async () => {
    const dir = tempRepo({ '.gitlab-ci.yml': 'include:\n  - local: ci/$DEPLOY_ENV.yml\njob:\n  extends: .deploy\n' });
    const [result] = await lintFiles(['.gitlab-ci.yml'], { cwd: dir, config: quiet, rules: [] });
    expect(result!.diagnostics).toEqual([]);
  });

  it('reports an include cycle instead of looping', async () => {
    const dir = tempRepo({
      '.gitlab-ci.yml': 'include: a.yml\njob:\n  script: [echo]\n',
      'a.yml': 'include: b.yml\n',
      'b.yml': 'include: a.yml\n',
    });
    const [result] = await lintFiles(['.gitlab-ci.yml'], { cwd: dir, config: quiet, rules: [] });
    const d = result!.diagnostics.filter((x) => x.ruleId === 'gitlab-resolve');
    expect(d).toHaveLength(1);
    expect(d[0]!.file).toBe('b.yml');
    expect(d[0]!.message).toBe('include cycle: a.yml → b.yml → a.yml');
  });

  it('reports YAML errors inside an included file with that file name', async () => {
    const dir = tempRepo({ '.gitlab-ci.yml': 'include: bad.yml\njob:\n  script: [echo]\n', 'bad.yml': 'a: 1\na: 2\n' });
    const [result] = await lintFiles(['.gitlab-ci.yml'], { cwd: dir, config: quiet, rules: [] });
    expect(result!.diagnostics.map((x) => [x.file, x.line, x.ruleId])).toEqual([['bad.yml', 2, 'yaml-syntax']]);
  });
});

describe('GitLab included files on the command line', () => {
  it('reports findings in an included file once, through the includer, and honours its disables', async () => {
    const dir = tempRepo({
      '.gitlab-ci.yml': 'include: ci/jobs.gitlab-ci.yml\ntrain:\n  extends: .dvc\n',
      'ci/jobs.gitlab-ci.yml': '.dvc:\n  script:\n    # mlops-lint-disable-next-line find -- checked upstream\n    - dvc pull\n    - dvc repro\n',
    });
    const results = await lintFiles([], { cwd: dir, config: quiet, rules: [finder('dvc')] });
    expect(results.map((r) => [r.file, r.diagnostics.map((d) => [d.file, d.line, d.ruleId])])).toEqual([
      ['.gitlab-ci.yml', [['ci/jobs.gitlab-ci.yml', 5, 'find']]],
      ['ci/jobs.gitlab-ci.yml', []],
    ]);
  });
});

describe('GitLab keywords', () => {
  it('a job may be called `types` (no longer a reserved keyword) and is linted like any job', async () => {
    const wf = await modelOf('types:\n  script:\n    - npm run types\n', '.gitlab-ci.yml');
    expect(wf.jobs.map((j) => j.id)).toEqual(['types']);
  });
});
