/**
 * The GitLab pipelines the generator writes for real layouts, run by gitlab-ci-local (shell executor)
 * with stand-in `python`/`pip`/`dvc` on PATH: the requirements the project needs are installed before
 * `dvc pull` and `dvc repro`, in the project's directory, and the remote's credentials are in place when `dvc pull` runs.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runMain } from './helpers.js';
import { FIXTURES, makeFixture, removeFixture } from './fixture-repos.js';
import type { FixtureRepo } from './fixture-repos.js';

const BIN = path.join(REPO_ROOT, 'packages/templates/node_modules/.bin/gitlab-ci-local');
const missing = [!existsSync(BIN) && 'gitlab-ci-local (a dev dependency of @mlops-pipeline/templates)', spawnSync('rsync', ['--version']).status !== 0 && 'rsync'].filter(Boolean);
if (missing.length > 0) console.warn(`SKIPPED: the gitlab-ci-local runs need ${missing.join(', ')}`);

const RECORD = `#!/bin/sh\nprintf '%s %s | %s\\n' "$(basename "$0")" "$*" "$(pwd)" >> "$STANDIN_LOG"\n`;
const PYTHON = `#!/bin/sh\nif [ "$1" = "-m" ]; then m="$2"; shift 2; exec "$m" "$@"; fi\nprintf 'python %s | %s\\n' "$*" "$(pwd)" >> "$STANDIN_LOG"\n`;

const work = mkdtempSync(path.join(os.tmpdir(), 'cmp-gcl-'));
const made: string[] = [];
afterAll(() => {
  for (const d of made) removeFixture(d);
  rmSync(work, { recursive: true, force: true });
});

/** Generates the pipeline for a fixture, runs it, and returns the stand-ins' calls as `command @ dir`. */
async function runUnderGitlabCiLocal(name: string, fixture: FixtureRepo, flags: string[], variables: Record<string, string>, probe?: string): Promise<string[]> {
  const dir = makeFixture(fixture);
  made.push(dir);
  const res = await runMain(['--yes', '--provider', 'gitlab', ...flags], dir);
  expect(res.code, res.stderr).toBe(0);
  const stand = path.join(work, `${name}-bin`);
  mkdirSync(stand);
  // `dvc pull` also records what the probe prints: the credentials in place at that moment.
  const dvc = probe === undefined ? RECORD : `${RECORD}if [ "$1" = pull ]; then printf 'probe %s | %s\\n' "$(${probe})" "$(pwd)" >> "$STANDIN_LOG"; fi\n`;
  for (const [tool, text] of Object.entries({ python: PYTHON, pip: RECORD, dvc })) {
    writeFileSync(path.join(stand, tool), text);
    chmodSync(path.join(stand, tool), 0o755);
  }
  const git = (...args: string[]) => spawnSync('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=CI', ...args], { cwd: dir, encoding: 'utf8' });
  git('add', '-A');
  git('commit', '-q', '-m', 'pipeline');
  const log = path.join(work, `${name}.log`);
  writeFileSync(log, '');
  const home = path.join(work, `${name}-home`);
  mkdirSync(home);
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, PATH: `${stand}${path.delimiter}${process.env['PATH'] ?? ''}` };
  delete env['BASH_ENV'];
  delete env['ENV'];
  const vars = Object.entries({ ...variables, STANDIN_LOG: log }).flatMap(([k, v]) => ['--variable', `${k}=${v}`]);
  const run = spawnSync(BIN, ['--home', home, '--force-shell-executor', '--no-color', ...vars], { cwd: dir, encoding: 'utf8', env, timeout: 90_000 });
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [command = '', where = ''] = l.split(' | ');
      return `${command.replace(/"/g, '').trim()} @ ${path.relative(dir, where) || '.'}`;
    });
}

describe.skipIf(missing.length > 0)('generated GitLab pipelines under gitlab-ci-local', () => {
  it('the guide layout: src/requirements.txt, then DVC, are installed before dvc pull and dvc repro', async () => {
    const calls = await runUnderGitlabCiLocal('guide', FIXTURES.guide, [], {});
    expect(throughRepro(calls)).toEqual(['pip install -r src/requirements.txt @ .', 'pip install dvc==3.63.0 @ .', 'dvc version @ .', 'dvc pull @ .', 'dvc repro @ .']);
  }, 120_000);

  it('a requirements file named by dvc.yaml, S3 remote', async () => {
    const calls = await runUnderGitlabCiLocal('stage', FIXTURES.stageRequirements, [], { AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'example' });
    expect(throughRepro(calls)).toEqual(['pip install -r envs/requirements-pipeline.txt @ .', 'pip install dvc[s3]==3.63.0 @ .', 'dvc version @ .', 'dvc pull @ .', 'dvc repro @ .']);
  }, 120_000);

  it('Google Drive: the service account key is decoded for DVC and the remote set to use it before dvc pull', async () => {
    const key = '{"type":"service_account"}';
    const calls = await runUnderGitlabCiLocal('gdrive', FIXTURES.googleDrive, [], { GDRIVE_CREDENTIALS_DATA_B64: Buffer.from(key).toString('base64') }, 'printf %s "$GDRIVE_CREDENTIALS_DATA"');
    expect(throughRepro(calls)).toEqual(['pip install -r requirements.txt @ .', 'pip install dvc[gdrive]==3.63.0 @ .', 'dvc version @ .', 'dvc remote default @ .', 'dvc remote modify --local  gdrive_use_service_account true @ .', 'dvc pull @ .', `probe ${key.replace(/"/g, '')} @ .`, 'dvc repro @ .']);
  }, 120_000);

  it('keyless Azure: the identity and the job\'s ID token file are in place before dvc pull', async () => {
    const flags = ['--keyless', '--input', 'azure-client-id=11111111-2222-3333-4444-555555555555', '--input', 'azure-tenant-id=66666666-7777-8888-9999-000000000000'];
    const calls = await runUnderGitlabCiLocal('azure', FIXTURES.azureBlob, flags, { AZURE_ID_TOKEN: 'header.payload.signature' }, 'printf "%s/%s/%s" "$AZURE_CLIENT_ID" "$AZURE_TENANT_ID" "$(cat "$AZURE_FEDERATED_TOKEN_FILE")"');
    // The probe runs inside `dvc pull`: its line follows the pull's.
    expect(calls[calls.indexOf('dvc pull @ .') + 1]).toBe('probe 11111111-2222-3333-4444-555555555555/66666666-7777-8888-9999-000000000000/header.payload.signature @ .');
  }, 120_000);

  it('SSH: the key file and the known hosts are in place before dvc pull', async () => {
    const vars = { SSH_PRIVATE_KEY_B64: Buffer.from('FAKE-KEY').toString('base64'), SSH_KNOWN_HOSTS_B64: Buffer.from('storage.acme.example ssh-ed25519 AAAAFake').toString('base64') };
    const calls = await runUnderGitlabCiLocal('ssh', FIXTURES.sshServer, [], vars, 'printf "%s/%s" "$(cat "$MLOPS_PIPELINE_SSH_KEY_FILE")" "$(cat "$HOME/.ssh/known_hosts")"');
    const at = calls.indexOf('dvc remote default @ .');
    expect(at).toBeGreaterThan(0);
    expect(calls.slice(at, at + 2)).toEqual(['dvc remote default @ .', `dvc remote modify --local  keyfile ${calls[at + 1]?.match(/keyfile (\S+)/)?.[1] ?? 'KEYFILE'} @ .`]);
    expect(throughRepro(calls).slice(at + 2)).toEqual(['dvc pull @ .', 'probe FAKE-KEY/storage.acme.example ssh-ed25519 AAAAFake @ .', 'dvc repro @ .']);
  }, 120_000);
});

/** The calls up to the first `dvc repro` (what runs after it, such as keeping metrics, is the templates' own). */
function throughRepro(calls: readonly string[]): string[] {
  const at = calls.findIndex((c) => c.startsWith('dvc repro'));
  return at < 0 ? [...calls] : calls.slice(0, at + 1);
}
