/**
 * Predictable commands: --dry-run ends as the real run does; upgrade keeps hand edits (or refuses);
 * help per command; fleet goes on past a bad path; --list.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseHeader } from '@mlops-pipeline/templates';
import { GH, GL, makeRepo, read, runMain, tempDir } from './helpers.js';


describe('--dry-run reaches the outcome of the same command without it', () => {
  it('a new file: stdout is exactly the file the run writes, lint included', async () => {
    const dir = makeRepo({ origin: 'git@github.com:acme/ml.git' });
    const dry = await runMain(['--yes', '--dry-run'], dir);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toContain('mlops-lint: ');
    expect(() => parse(dry.stdout) as unknown).not.toThrow();
    expect(existsSync(path.join(dir, GH))).toBe(false);
    expect((await runMain(['--yes'], dir)).code).toBe(0);
    expect(read(dir, GH)).toBe(dry.stdout);
  });

  it.each([
    ['a different file in the way', { [GH]: 'name: mine\non: push\njobs: {}\n' }, 'git@github.com:acme/ml.git', 'already exists and differs from the generated pipeline; pass --force'],
    ['an existing .gitlab-ci.yml without --gitlab-include', { [GL]: 'unit:\n  script: [pytest]\n' }, 'git@gitlab.com:acme/ml.git', '.gitlab-ci.yml already exists; pass --gitlab-include'],
  ])('%s: the same refusal and exit code', async (_label, files, origin, message) => {
    const dir = makeRepo({ origin, files });
    const real = await runMain(['--yes'], dir);
    const dry = await runMain(['--yes', '--dry-run'], dir);
    expect(real.code).toBe(1);
    expect(dry.code).toBe(real.code);
    expect(dry.stderr).toContain(message);
    expect(dry.stdout).toBe('');
  });

  it('--force over a different file: the diff on stderr, the file alone on stdout', async () => {
    const dir = makeRepo({ origin: 'git@github.com:acme/ml.git', files: { [GH]: 'name: mine\non: push\njobs: {}\n' } });
    const dry = await runMain(['--yes', '--dry-run', '--force'], dir);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toContain(`--- a/${GH}`);
    expect(dry.stderr).toContain('-name: mine');
    expect(parseHeader(dry.stdout)).toMatchObject({ provider: 'github' });
    expect(read(dir, GH)).toBe('name: mine\non: push\njobs: {}\n');
  });

  it('--gitlab-include: stdout is the included pipeline; the .gitlab-ci.yml change is a diff on stderr', async () => {
    const dir = makeRepo({ origin: 'git@gitlab.com:acme/ml.git', files: { [GL]: 'unit:\n  script: [pytest]\n' } });
    const dry = await runMain(['--yes', '--dry-run', '--gitlab-include'], dir);
    expect(dry.code).toBe(0);
    expect(parseHeader(dry.stdout)).toMatchObject({ provider: 'gitlab' });
    expect(dry.stdout).not.toContain('--- a/');
    expect(dry.stderr).toContain('+  - local: .gitlab/ci/mlops.yml');
    expect(read(dir, GL)).toBe('unit:\n  script: [pytest]\n');
  });
});

describe('upgrade never silently drops hand edits', () => {
  async function generated(): Promise<string> {
    const dir = makeRepo({ origin: 'git@github.com:acme/ml.git' });
    expect((await runMain(['--yes', '--no-lint'], dir)).code).toBe(0);
    return dir;
  }

  it('changes inputs with --python, --dvc and --input, recorded in the header', async () => {
    const dir = await generated();
    const res = await runMain(['upgrade', '--yes', '--python', '3.11', '--dvc', '3.60.0', '--input', 'push=true'], dir);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('(inputs: python-version: "3.12" → "3.11", dvc-version: "3.63.0" → "3.60.0", push: false → true)');
    expect(parseHeader(read(dir, GH))?.inputs).toMatchObject({ 'python-version': '3.11', 'dvc-version': '3.60.0', push: true });
  });

  it('a hand edit is merged three ways into the new render', async () => {
    const dir = await generated();
    const edited = read(dir, GH).replace(/^(\s+)- name: Reproduce the pipeline/m, '$1- name: Say hello\n$1  run: echo hello\n$&');
    writeFileSync(path.join(dir, GH), edited);
    const res = await runMain(['upgrade', '--yes', '--python', '3.11'], dir);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const after = read(dir, GH);
    expect(after).toContain('run: echo hello');
    expect(parseHeader(after)?.inputs['python-version']).toBe('3.11');
    // The edit is still known as one: the next upgrade merges again instead of dropping it.
    expect((await runMain(['upgrade', '--yes', '--python', '3.12'], dir)).code).toBe(0);
    expect(read(dir, GH)).toContain('run: echo hello');
  });

  it('an edit that conflicts: refused without --force, the file unchanged; --force replaces it', async () => {
    const dir = await generated();
    const text = read(dir, GH);
    const edited = text.replace(/python-version: '3\.12'|python-version: "3\.12"|python-version: 3\.12/, "python-version: '3.13'");
    expect(edited).not.toBe(text);
    writeFileSync(path.join(dir, GH), edited);
    const res = await runMain(['upgrade', '--yes', '--python', '3.11'], dir);
    expect(res.stderr).toContain(`${GH} was edited by hand, and 1 of the edits conflict with the new render; pass --force`);
    expect(res.code).toBe(1);
    expect(read(dir, GH)).toBe(edited);
    expect((await runMain(['upgrade', '--yes', '--force', '--python', '3.11'], dir)).code).toBe(0);
    expect(read(dir, GH)).not.toContain("'3.13'");
  });

  it('an edited file from other templates (no render to merge with): refused without --force', async () => {
    const dir = await generated();
    const text = read(dir, GH);
    const version = parseHeader(text)?.version ?? '';
    const edited = text.replaceAll(`"version":"${version}"`, `"version":"${version}-0"`).replace('timeout-minutes: 60', 'timeout-minutes: 61');
    writeFileSync(path.join(dir, GH), edited);
    const res = await runMain(['upgrade', '--yes'], dir);
    expect(res.stderr).toContain('was edited by hand since it was generated (its body no longer matches the hash in its header)');
    expect(res.code).toBe(1);
    expect(read(dir, GH)).toBe(edited);
  });
});

describe('help, --list and fleet', () => {
  it.each([
    [['upgrade', '--help'], 'create-mlops-pipeline upgrade: re-render'],
    [['help', 'upgrade'], 'create-mlops-pipeline upgrade: re-render'],
    [['fleet', '-h'], 'create-mlops-pipeline fleet: one row per checkout'],
    [['help'], 'create-mlops-pipeline: write a CI pipeline'],
  ])('%j', async (args, first) => {
    const res = await runMain(args, tempDir());
    expect(res.code).toBe(0);
    expect(res.stdout.startsWith(first)).toBe(true);
  });

  it('help for an unknown command: exit 2 naming the commands', async () => {
    const res = await runMain(['help', 'deploy'], tempDir());
    expect(res.stderr).toContain('no help for "deploy"; the commands are create (the default), upgrade and fleet');
    expect(res.code).toBe(2);
  });

  it('--list names every template per provider and every remote kind', async () => {
    const res = await runMain(['--list'], tempDir());
    expect(res.code).toBe(0);
    for (const word of ['github:', 'gitlab:', 'dvc-gcs', 'dvc-s3-keyless', '--remote minio', 'gcs-keyless', '--remote gdrive', '--remote ssh', '--remote azure-keyless', 'Not supported yet: DVC remotes at hdfs://, webdav://, oss://']) expect(res.stdout).toContain(word);
  });

  it('fleet reports a bad path as a row and goes on to the next', async () => {
    const good = makeRepo({ origin: 'git@github.com:acme/ml.git' });
    expect((await runMain(['--yes', '--no-lint'], good)).code).toBe(0);
    const cwd = path.dirname(good);
    writeFileSync(path.join(good, 'a-file'), '');
    const res = await runMain(['fleet', 'nowhere', path.join(path.basename(good), 'a-file'), path.basename(good)], cwd);
    const lines = res.stdout.split('\n');
    expect(lines.find((l) => l.startsWith('nowhere'))).toMatch(/no such directory$/);
    expect(lines.find((l) => l.includes('a-file'))).toMatch(/not a directory$/);
    expect(lines.find((l) => l.startsWith(`${path.basename(good)} `))).toMatch(/acme\/ml\s+github/);
    expect(res.code).toBe(1);
  });

  it('upgrade in a folder that is not a git checkout says so', async () => {
    const res = await runMain(['upgrade'], tempDir());
    expect(res.stderr).toContain('is not a git checkout');
    expect(res.code).toBe(1);
  });
});
