/**
 * Real layouts and existing CI: a remote the templates cannot use yet, several remotes without a default,
 * committed credentials, private endpoints, CI that already runs the experiment, GitLab files whose
 * `workflow: rules` would stop the new job, and the user's own lint findings in include mode.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { parseHeader } from '@mlops-pipeline/templates';
import { runMain } from './helpers.js';
import { pushPipelineBlocked } from '../src/workflow-rules.js';
import { FIXTURES, makeFixture, removeFixture } from './fixture-repos.js';
import type { FixtureRepo } from './fixture-repos.js';
import { githubErrors, gitlabSchemaErrors } from './real-clients.js';
import { HAS_BASH, runGithubJobs } from './standin-run.js';

const made: string[] = [];
function fixture(f: FixtureRepo, extra: Record<string, string> = {}): string {
  const dir = makeFixture({ ...f, files: { ...f.files, ...extra } });
  made.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of made) removeFixture(d);
});
const read = (dir: string, rel: string) => readFileSync(path.join(dir, rel), 'utf8');

describe('remotes', () => {
  it('HDFS: said before any question, naming the way out', async () => {
    const res = await runMain([], fixture(FIXTURES.hdfs));
    expect(res.stderr).toContain('.dvc/config:3: remote "cluster" is HDFS (hdfs://), which no template authenticates yet');
    expect(res.stderr).toContain('--remote none');
    expect(res.stdout).toBe('');
    expect(res.code).toBe(1);
  });

  it('two remotes without a default: --remote-name is named, then picks the remote and its kind', async () => {
    const dir = fixture(FIXTURES.twoRemotes);
    const refused = await runMain(['--yes'], dir);
    expect(refused.stderr).toContain('.dvc/config has 2 remotes (minio, archive) and no [core] remote; pass --remote-name <name> to choose one');
    expect(refused.code).toBe(2);
    const res = await runMain(['--yes', '--remote-name', 'minio'], dir);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/remote +minio +\(from \.dvc\/config remote "minio" \(s3 \+ endpointurl\)\)/);
    const text = read(dir, '.gitlab-ci.yml');
    expect(parseHeader(text)?.inputs['dvc-remote']).toBe('minio');
    expect(gitlabSchemaErrors(text)).toEqual([]);
  });

  it('--remote-name reaches dvc pull through the dvc-remote input (the default remote of the CI job)', async () => {
    const res = await runMain(['--yes', '--dry-run', '--remote-name', 'archive'], fixture(FIXTURES.twoRemotes));
    expect(res.code).toBe(0);
    expect(parseHeader(res.stdout)?.inputs['dvc-remote']).toBe('archive');
    expect(res.stdout).toMatch(/dvc remote default --local "?archive"?/);
    expect(res.stderr).not.toContain('make "archive" the default');
  });

  it('an unknown --remote-name lists the remotes', async () => {
    const res = await runMain(['--yes', '--remote-name', 'nope'], fixture(FIXTURES.twoRemotes));
    expect(res.stderr).toContain('--remote-name nope: .dvc/config has no such remote (remotes: minio, archive)');
    expect(res.code).toBe(2);
  });

  it('credentials committed in .dvc/config and a private endpoint: warnings with file:line, no value shown', async () => {
    const config = "[core]\n    remote = m\n['remote \"m\"']\n    url = s3://ml/dvc\n    endpointurl = http://192.168.1.20:9000\n    access_key_id = AKIAEXAMPLE\n    secret_access_key = Zm9vYmFyc2VjcmV0\n";
    const res = await runMain(['--yes', '--dry-run', '--remote', 'minio', '--input', 'endpoint-url=https://minio.example.com'], fixture(FIXTURES.twoRemotes, { '.dvc/config': config }));
    expect(res.stderr).toContain('warning: .dvc/config:6: remote "m" has access_key_id committed in .dvc/config');
    expect(res.stderr).toContain('warning: .dvc/config:7: remote "m" has secret_access_key committed');
    expect(res.stderr).toContain('warning: .dvc/config:3: remote "m" is at 192.168.1.20, a private network address');
    expect(res.stdout + res.stderr).not.toContain('Zm9vYmFyc2VjcmV0');
    expect(res.stdout + res.stderr).not.toContain('AKIAEXAMPLE');
  });
});

describe('existing CI', () => {
  it('a workflow already running dvc repro and CML: named with its line and secrets; mlops.yaml is the file, never mlops.yml next to it', async () => {
    const dir = fixture(FIXTURES.existingCml);
    const res = await runMain(['--yes', '--force'], dir);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('note: .github/workflows/cml.yaml:8 already runs CML and dvc repro and reads AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY');
    expect(res.stdout).toContain('AWS_ACCESS_KEY_ID is already read by .github/workflows/cml.yaml: when it exists, skip creating it (the new pipeline reads it too).');
    expect(existsSync(path.join(dir, '.github/workflows/mlops.yml'))).toBe(false);
    expect(parseHeader(read(dir, '.github/workflows/mlops.yaml'))).toMatchObject({ provider: 'github' });
    expect(await githubErrors(read(dir, '.github/workflows/mlops.yaml'), '.github/workflows/mlops.yaml')).toEqual([]);
  });
});

describe('GitLab include mode on real files', () => {
  it('workflow: rules that create no push pipeline: explained with the rule to add', async () => {
    const dir = fixture(FIXTURES.gitlabWorkflowRules);
    const res = await runMain(['--yes', '--gitlab-include'], dir);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('warning: .gitlab-ci.yml:4: workflow: rules create no pipeline for a push to main, so the DVC job would never run; add this rule above it:\n  - if: $CI_PIPELINE_SOURCE == "push" && $CI_COMMIT_BRANCH == "main"');
    expect(gitlabSchemaErrors(read(dir, '.gitlab-ci.yml'))).toEqual([]);
  });

  it('findings in the user\'s own jobs are reported as theirs and do not stop the run', async () => {
    const own = 'stages: [test]\n\nunit:\n  stage: test\n  script:\n    - pip install dvc\n    - dvc pull\n';
    const dir = fixture(FIXTURES.gitlabWorkflowRules, { '.gitlab-ci.yml': own });
    const res = await runMain(['--yes', '--gitlab-include'], dir);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('mlops-lint: findings in lines of yours (not from the generated pipeline; they do not stop the run):');
    expect(res.stdout).toMatch(/mlops-lint: (no problems|\d+ warning\(s\), no errors)/);
  });

  it.each([
    ['only merge requests', '    - if: $CI_PIPELINE_SOURCE == "merge_request_event"\n', true],
    ['the default branch', '    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH\n', false],
    ['never on pushes, then always', '    - if: $CI_PIPELINE_SOURCE == "push"\n      when: never\n    - when: always\n', true],
    ['a regular expression on the branch', '    - if: $CI_COMMIT_BRANCH =~ /^(main|release)$/\n', false],
    ['a variable it cannot know', '    - if: $DEPLOY == "yes"\n', undefined],
  ])('workflow rules: %s', (_label, rules, blocked) => {
    expect(pushPipelineBlocked(`workflow:\n  rules:\n${rules}`, 'main', 'main')?.blocked).toBe(blocked);
  });
});

describe('a monorepo of three DVC projects', () => {
  it('--yes: one workflow per project, each running in its folder', async () => {
    const dir = fixture(FIXTURES.monorepo);
    const res = await runMain(['--yes'], dir);
    expect(res.code).toBe(0);
    const expected: Array<[string, string, string]> = [
      ['.github/workflows/mlops-forecast.yml', 'forecast', 'dvc'],
      ['.github/workflows/mlops-churn.yml', 'projects/churn', 'dvc-s3'],
      ['.github/workflows/mlops-fraud.yml', 'projects/fraud', 'dvc-gcs'],
    ];
    for (const [file, workdir, template] of expected) {
      const text = read(dir, file);
      expect(parseHeader(text)).toMatchObject({ template, inputs: { 'working-directory': workdir } });
      expect(await githubErrors(text, file)).toEqual([]);
    }
    expect(parseHeader(read(dir, '.github/workflows/mlops-fraud.yml'))?.inputs['requirements']).toBe('src/requirements.txt');
    expect(parseHeader(read(dir, '.github/workflows/mlops-fraud.yml'))?.inputs['paths']).toEqual(['projects/fraud/**']);
    if (HAS_BASH) {
      const [job] = Object.values(runGithubJobs(dir, read(dir, '.github/workflows/mlops-fraud.yml')));
      expect(job?.calls.map((c) => `${c.command.replace(/"/g, '')} @ ${c.dir}`)).toEqual([
        'pip install -r src/requirements.txt @ projects/fraud',
        'pip install dvc[gs]==3.63.0 @ projects/fraud',
        'dvc version @ projects/fraud',
        'dvc pull @ projects/fraud',
        'dvc repro @ projects/fraud',
        'dvc metrics show --json @ projects/fraud',
        'dvc plots show --out dvc-results/plots @ projects/fraud',
      ]);
    }
    expect(existsSync(path.join(dir, '.github/workflows/mlops.yml'))).toBe(false);
  });

  it('outside a terminal without --yes: exit 2 naming the projects and the flag', async () => {
    const res = await runMain([], fixture(FIXTURES.monorepo));
    expect(res.stderr).toContain('found 3 DVC projects (forecast, projects/churn, projects/fraud) and none in . itself; pass --yes to write one pipeline per project');
    expect(res.code).toBe(2);
  });

  it('GitLab: an included file per project with its own job names, each run only when its folder changes', async () => {
    const dir = fixture({ ...FIXTURES.monorepo, origin: 'git@gitlab.com:acme/ml-monorepo.git' });
    const res = await runMain(['--yes'], dir);
    expect(res.code).toBe(0);
    const main = read(dir, '.gitlab-ci.yml');
    for (const name of ['forecast', 'churn', 'fraud']) expect(main).toContain(`  - local: .gitlab/ci/mlops-${name}.yml`);
    expect(gitlabSchemaErrors(main)).toEqual([]);
    const jobs = ['forecast', 'churn', 'fraud'].flatMap((name) => {
      const text = read(dir, `.gitlab/ci/mlops-${name}.yml`);
      expect(gitlabSchemaErrors(text)).toEqual([]);
      expect(parseHeader(text)?.inputs['paths']).toEqual([name === 'forecast' ? 'forecast/**' : `projects/${name}/**`]);
      return Object.keys(parse(text) as Record<string, unknown>);
    });
    expect(new Set(jobs).size).toBe(jobs.length);
  });
});

describe('replacing CI that already runs the experiment', () => {
  it('--replace-ci removes the old workflow in the same write; --dry-run says so and keeps it', async () => {
    const dir = fixture(FIXTURES.existingCml);
    const dry = await runMain(['--yes', '--force', '--replace-ci', '--dry-run'], dir);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toContain('would remove .github/workflows/cml.yaml');
    expect(existsSync(path.join(dir, '.github/workflows/cml.yaml'))).toBe(true);
    const res = await runMain(['--yes', '--force', '--replace-ci'], dir);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('removed .github/workflows/cml.yaml (the new pipeline runs the experiment)');
    expect(res.stdout).toMatch(/git add \.github\/workflows\/mlops\.yaml \.github\/workflows\/cml\.yaml/);
    expect(existsSync(path.join(dir, '.github/workflows/cml.yaml'))).toBe(false);
  });

  it('without it: kept, and the flag is named', async () => {
    const dir = fixture(FIXTURES.existingCml);
    const res = await runMain(['--yes', '--force'], dir);
    expect(res.stdout).toContain('(pass --replace-ci to remove .github/workflows/cml.yaml in the same write)');
    expect(existsSync(path.join(dir, '.github/workflows/cml.yaml'))).toBe(true);
  });
});
