import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { listTemplates, requiredSecrets, validateInputs } from '@mlops-pipeline/templates';
import type { TemplateInfo } from '@mlops-pipeline/templates';
import { nextSteps } from './next-steps.js';
import { shellWord } from './shell.js';
import { tempDir } from '../test/helpers.js';

const STUBS = ['gcloud', 'aws', 'az', 'gh', 'glab', 'git', 'base64', 'ssh-keygen', 'ssh-copy-id', 'ssh-keyscan'];
const HAS_BASH = spawnSync('bash', ['-c', 'true']).status === 0;

const work = tempDir('cmp-shell-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A directory of stub commands that append their arguments (one per line, then `--`) to calls.log. */
function stubDir(): string {
  const dir = path.join(work, 'bin');
  mkdirSync(dir, { recursive: true });
  for (const name of STUBS) {
    const file = path.join(dir, name);
    writeFileSync(file, `#!/bin/sh\n{ echo "${name}"; for a in "$@"; do printf '%s\\n' "$a"; done; echo --; } >> "$CALLS"\ncat > /dev/null\n`);
    chmodSync(file, 0o755);
  }
  return dir;
}

/** The command lines of printed next steps (indented by five spaces), as a script. */
function commandsOf(steps: string): string {
  return steps
    .split('\n')
    .filter((l) => l.startsWith('     '))
    .map((l) => l.slice(5))
    .join('\n');
}

/** Runs the printed commands in bash with only the stubs for cloud CLIs; returns what ran and what appeared. */
function runCommands(steps: string, label: string) {
  const cwd = path.join(work, label.replace(/\W+/g, '-'));
  mkdirSync(cwd, { recursive: true });
  // The files the stubbed key commands would have written.
  for (const file of ['key.json', 'dvc-ci-key', 'dvc-ci-known-hosts']) writeFileSync(path.join(cwd, file), '{}');
  const calls = path.join(cwd, 'calls.log');
  const res = spawnSync('bash', ['-e', '-c', commandsOf(steps)], {
    cwd,
    encoding: 'utf8',
    env: { PATH: `${stubDir()}:/usr/bin:/bin`, CALLS: calls, HOME: cwd },
    input: '',
  });
  return { res, calls: existsSync(calls) ? readFileSync(calls, 'utf8') : '', pwned: existsSync(path.join(cwd, 'PWNED')) || existsSync(path.join(work, 'PWNED')) };
}

const HOSTILE = {
  slug: 'acme/$(touch PWNED)',
  remoteUrl: 's3://bucket;touch PWNED;/dvc',
  gitRemote: "up'stream$(touch PWNED)",
  files: ["dir with 'quote'/.github/workflows/mlops.yml", '$(touch PWNED).yml'],
  branch: "main';touch PWNED;'",
  gitlabHost: 'gitlab.example.com$(touch PWNED)',
};

/** A hostile DVC remote URL of each kind of storage (the bucket, Drive folder, SSH user and host, Azure container). */
const HOSTILE_URLS: Partial<Record<string, string>> = {
  gdrive: 'gdrive://1AbCdEfGhIj;touch PWNED;/dvc',
  ssh: "ssh://us'er$(touch PWNED)@host;touch PWNED;:22/srv/dvc",
  'azure-keyless': 'azure://cont$(touch PWNED)ainer/dvc',
};

const WIF = 'projects/1/locations/global/workloadIdentityPools/p/providers/q';

function inputsFor(t: TemplateInfo, extra: Record<string, unknown>): Record<string, unknown> {
  const inputs: Record<string, unknown> = { ...extra };
  if (t.remote === 'gcs-keyless') Object.assign(inputs, { 'workload-identity-provider': WIF, 'service-account': 'dvc@proj.iam.gserviceaccount.com' });
  if (t.remote === 's3-keyless') inputs['role-to-assume'] = 'arn:aws:iam::123456789012:role/dvc-ci';
  if (t.remote === 'minio') inputs['endpoint-url'] = 'https://minio.example.com:9000';
  if (t.remote === 'azure') inputs['azure-auth'] = 'service-principal';
  if (t.remote === 'azure-keyless') Object.assign(inputs, { 'azure-client-id': '11111111-2222-3333-4444-555555555555', 'azure-tenant-id': '66666666-7777-8888-9999-000000000000' });
  return inputs;
}

describe.skipIf(!HAS_BASH)('pasting the printed next steps into bash runs only the printed commands', () => {
  const cases = listTemplates().flatMap((t) => [false, true].map((cml) => [`${t.provider} ${t.name} cml=${cml}`, t, cml] as const));
  it.each(cases)('%s with hostile slug, bucket, remote, branch and paths', (label, t, cml) => {
    const checked = validateInputs(t.provider, t.name, inputsFor(t, { cml }));
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    const steps = nextSteps({
      provider: t.provider,
      remote: t.remote,
      secrets: requiredSecrets(t.provider, t.name, checked.inputs),
      inputs: checked.inputs,
      ...HOSTILE,
      remoteUrl: HOSTILE_URLS[t.remote] ?? HOSTILE.remoteUrl,
    });
    const { res, calls, pwned } = runCommands(steps, label);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(pwned).toBe(false);
    // Only the stubbed CLIs ran, and git received the hostile paths and remote name as single arguments.
    const programs = calls.split('--\n').filter(Boolean).map((c) => c.split('\n')[0]);
    for (const p of programs) expect(STUBS).toContain(p);
    expect(calls).toContain(`git\nadd\n${HOSTILE.files.join('\n')}\n--`);
    expect(calls).toContain(`git\npush\n${HOSTILE.gitRemote}\nHEAD\n--`);
    // Values that do not have the shape their service accepts become placeholders.
    expect(steps).not.toContain(HOSTILE.slug);
    expect(steps).not.toContain(HOSTILE.gitlabHost);
    expect(steps).not.toContain('bucket;');
    for (const fragment of ['1AbCdEfGhIj;', 'host;', "us'er", 'cont$(']) expect(steps).not.toContain(fragment);
  });

  it('secret values in the environment are referenced, never printed', () => {
    const t = listTemplates('gitlab').find((x) => x.remote === 's3');
    if (!t) throw new Error('no gitlab s3 template');
    const steps = nextSteps({ provider: 'gitlab', remote: 's3', secrets: requiredSecrets('gitlab', t.name, {}), files: ['.gitlab-ci.yml'], branch: 'main' });
    expect(steps).toContain('--value "$AWS_SECRET_ACCESS_KEY"');
    const { res, calls } = runCommands(steps, 'env-secret');
    expect(res.status).toBe(0);
    expect(calls).toContain('glab\nvariable\nset\nAWS_ACCESS_KEY_ID');
  });
});

describe('shellWord', () => {
  it.each([
    ['plain', 'plain'],
    ['.github/workflows/mlops.yml', '.github/workflows/mlops.yml'],
    ['a b', "'a b'"],
    ["it's", `'it'\\''s'`],
    ['$(x)', "'$(x)'"],
  ])('%s → %s', (value, quoted) => {
    expect(shellWord(value)).toBe(quoted);
    if (HAS_BASH) expect(spawnSync('bash', ['-c', `printf %s ${quoted}`], { encoding: 'utf8' }).stdout).toBe(value);
  });
});
