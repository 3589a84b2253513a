/**
 * Repositories built to mislead or attack the generator: broken configs, files where directories belong,
 * byte order marks, link loops, credentials. Each run ends with one clear message or a correct pipeline.
 */
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { GH, GL, makeRepo, read, runMain, tempDir } from './helpers.js';
import { gitlabSchemaErrors } from './real-clients.js';


describe('a repository that misleads the inspection', () => {
  it('a .dvc/config DVC cannot read: file:line, exit 1, nothing written', async () => {
    const dir = makeRepo({ origin: 'git@github.com:acme/ml.git', dvcConfig: '{"core": {"remote": "s3"}}\n' });
    const res = await runMain(['--yes'], dir);
    expect(res.stderr.trim()).toBe(
      'create-mlops-pipeline: .dvc/config:1:1: not a [section] header nor a key = value line: DVC cannot read this file, so the pipeline could not reach the remote; fix it (`dvc remote list` shows what DVC reads)',
    );
    expect(res.code).toBe(1);
    expect(existsSync(path.join(dir, '.github'))).toBe(false);
  });

  it('[core] remote naming no remote: no credential-less pipeline; names the line and the flag', async () => {
    const dir = makeRepo({ origin: 'git@github.com:acme/ml.git', dvcConfig: "[core]\n    remote = gone\n['remote \"data\"']\n    url = s3://ml-data/dvc\n" });
    const res = await runMain(['--yes'], dir);
    expect(res.stderr).toContain('.dvc/config:1:1: [core] remote = gone names a remote that does not exist (remotes defined: data); fix it with `dvc remote default <name>`');
    expect(res.stderr).toContain('pass --remote gcs|');
    expect(res.code).toBe(2);
    expect(existsSync(path.join(dir, '.github'))).toBe(false);
    // An explicit kind is the user's decision.
    expect((await runMain(['--yes', '--remote', 's3', '--no-lint'], dir)).code).toBe(0);
  });

  it('a regular file named .dvc is not a DVC project', async () => {
    const dir = makeRepo({ origin: 'git@github.com:acme/ml.git', dvcConfig: null, files: { '.dvc': 'not a directory' } });
    const res = await runMain(['--yes'], dir);
    expect(res.stderr).toContain('no DVC project found in . (missing .dvc/)');
    expect(res.code).toBe(1);
  });

  it('a directory named requirements.txt is not a requirements file', async () => {
    const dir = makeRepo({ origin: 'git@github.com:acme/ml.git' });
    rmSync(path.join(dir, 'requirements.txt'));
    mkdirSync(path.join(dir, 'requirements.txt'));
    const res = await runMain(['--yes', '--dry-run'], dir);
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(/requirements +\(none\)/);
    const flag = await runMain(['--yes', '--dry-run', '--requirements', 'requirements.txt'], dir);
    expect(flag.stderr).toContain('--requirements requirements.txt: not a file in');
    expect(flag.code).toBe(2);
  });

  it('a malformed .mlops-lint.yaml: its file:line:col, exit 1, nothing written', async () => {
    const dir = makeRepo({ origin: 'git@github.com:acme/ml.git', files: { '.mlops-lint.yaml': 'rules:\n  foo: [\n' } });
    const res = await runMain(['--yes'], dir);
    expect(res.stderr).toMatch(/^create-mlops-pipeline: \.mlops-lint\.yaml:\d+:\d+: .+ \(mlops-lint's configuration file; fix it, or pass --no-lint/m);
    expect(res.code).toBe(1);
    expect(existsSync(path.join(dir, '.github'))).toBe(false);
  });

  it.each([
    ['requirements.txt', 'requirements.txt'],
    ['.dvc/config', '.dvc/config'],
    ['the workflow', GH],
  ])('a symbolic link loop at %s: a message in words, never a raw ELOOP', async (_label, rel) => {
    const dir = makeRepo({ origin: 'git@github.com:acme/ml.git' });
    rmSync(path.join(dir, rel), { force: true });
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    symlinkSync(path.basename(rel), path.join(dir, rel));
    const res = await runMain(['--yes'], dir);
    expect(res.stderr).not.toContain('ELOOP');
    expect(res.stderr).not.toMatch(/\n\s+at /);
    if (rel === 'requirements.txt') {
      // Not a readable file: not installed, said in the table.
      expect(res.stdout).toMatch(/requirements +\(none\)/);
      expect(res.code).toBe(0);
    } else {
      expect(res.stderr).toMatch(rel === GH ? `${GH} is a symbolic link` : 'cannot read .dvc/config: a symbolic link loop');
      expect(res.code).toBe(1);
    }
  });
});

describe('GitLab include mode on real files', () => {
  it('a .gitlab-ci.yml with a byte order mark: the include goes after it, the pipeline is valid', async () => {
    const existing = '\uFEFFinclude:\n  - local: ci/base.yml\n\nunit:\n  script: [pytest]\n';
    const dir = makeRepo({ origin: 'git@gitlab.com:acme/ml.git', files: { [GL]: existing, 'ci/base.yml': 'variables:\n  A: "1"\n' } });
    const res = await runMain(['--yes', '--gitlab-include'], dir);
    expect(res.stderr).not.toContain('\uFEFF');
    expect(res.code).toBe(0);
    const text = read(dir, GL);
    expect(text).toBe('\uFEFFinclude:\n  - local: ci/base.yml\n  - local: .gitlab/ci/mlops.yml\n\nunit:\n  script: [pytest]\n');
    expect(gitlabSchemaErrors(text.slice(1))).toEqual([]);
  });

  it('stages: in an included file without the job\'s stage: the pipeline declares it, GitLab accepts it', async () => {
    const existing = 'include:\n  - local: ci/stages.yml\n\nbuild:\n  stage: build\n  script: [make]\n';
    const dir = makeRepo({ origin: 'git@gitlab.com:acme/ml.git', files: { [GL]: existing, 'ci/stages.yml': 'stages:\n  - build\n  - deploy\n' } });
    const res = await runMain(['--yes', '--gitlab-include'], dir);
    expect(res.code).toBe(0);
    const main = parse(read(dir, GL)) as { stages: string[] };
    const job = Object.values(parse(read(dir, '.gitlab/ci/mlops.yml')) as Record<string, { stage?: string }>).find((j) => typeof j === 'object' && j !== null && 'script' in j);
    expect(main.stages).toEqual(['build', job?.stage ?? 'test', 'deploy']);
    expect(gitlabSchemaErrors(read(dir, GL))).toEqual([]);
  });
});

describe('secrets in the repository are never printed', () => {
  it.each([
    ['a quote', "pa'ss"],
    ['a double quote', 'pa"ss'],
    ['a slash', 'pa/ss'],
    ['spaces', 'a long pass phrase'],
  ])('an endpoint URL password with %s', async (_label, password) => {
    const dir = makeRepo({
      origin: 'git@gitlab.com:acme/ml.git',
      dvcConfig: `[core]\n    remote = s\n['remote "s"']\n    url = s3://ml-data/dvc\n    endpointurl = https://minio:${password}@minio.example.com\n`,
    });
    writeFileSync(path.join(dir, 'requirements.txt'), 'dvc[s3]==3.63.0\n');
    const res = await runMain(['--yes'], dir);
    expect(res.code).toBe(2);
    expect(res.stdout + res.stderr).not.toContain(password);
    expect(res.stderr).toContain('https://***@minio.example.com');
  });
});

describe('devices and huge files are never read', () => {
  it('.dvc/config linked to a file outside the repository is not read', async () => {
    const dir = makeRepo({ origin: 'git@gitlab.com:acme/ml.git' });
    const outside = path.join(tempDir('cmp-outside-'), 'config');
    writeFileSync(outside, "[core]\n    remote = storage\n['remote \"storage\"']\n    url = s3://elsewhere/x\n");
    rmSync(path.join(dir, '.dvc/config'), { force: true });
    symlinkSync(outside, path.join(dir, '.dvc/config'));
    const res = await runMain(['--yes', '--dry-run'], dir);
    expect(res.stderr).toContain('cannot read .dvc/config: a link leading outside the repository');
    expect(res.stdout).not.toContain('elsewhere');
    expect(res.code).toBe(1);
  });

  it.each([
    ['.dvc/config', 'cannot read .dvc/config: not a regular file (a device, a FIFO or a link to one)'],
    ['requirements.txt', undefined],
    ['.gitlab-ci.yml', '.gitlab-ci.yml is a symbolic link'],
  ])('%s linked to /dev/zero: the run ends promptly with a message', async (rel, message) => {
    const dir = makeRepo({ origin: 'git@gitlab.com:acme/ml.git' });
    rmSync(path.join(dir, rel), { force: true });
    symlinkSync('/dev/zero', path.join(dir, rel));
    const res = await runMain(['--yes', '--gitlab-include'], dir);
    if (message === undefined) {
      expect(res.stdout).toMatch(/requirements +\(none\)/);
      expect(res.code).toBe(0);
    } else {
      expect(res.stderr).toContain(message);
      expect(res.code).toBe(1);
    }
  });
});
