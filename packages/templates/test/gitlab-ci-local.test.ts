/**
 * Runs the vendored GitLab dvc-gcs pipeline under gitlab-ci-local (shell
 * executor) in a copy of examples/dvc-project, with stand-in `python` and
 * `dvc` commands on PATH: the job must decode the masked base64 key into a
 * JSON credentials file before `dvc pull`, run `dvc repro` after it, and
 * remove the file afterwards.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from '../src/index.js';
import { packageDir, repoRoot } from './helpers.js';

const bin = path.join(packageDir, 'node_modules/.bin/gitlab-ci-local');
const example = path.join(repoRoot, 'examples/dvc-project');
const missing = [
  !existsSync(bin) && 'gitlab-ci-local (pnpm install)',
  spawnSync('rsync', ['--version']).status !== 0 && 'rsync (apt-get install rsync)',
  spawnSync('git', ['--version']).status !== 0 && 'git',
  !existsSync(example) && example,
].filter(Boolean);
if (missing.length > 0) console.warn(`SKIPPED: the gitlab-ci-local run needs ${missing.join(', ')}`);

const KEY = JSON.stringify({ type: 'service_account', project_id: 'example', private_key_id: 'k1', client_email: 'dvc@example.iam.gserviceaccount.com' }, null, 2);

/** Stand-in dvc: records each call; `pull` requires a readable JSON credentials file. */
const DVC = `#!/bin/sh
printf '%s\\n' "$*" >> "$STANDIN_LOG"
if [ "$1" = "pull" ]; then
  [ -n "$GOOGLE_APPLICATION_CREDENTIALS" ] || { echo "GOOGLE_APPLICATION_CREDENTIALS is not set" >&2; exit 3; }
  printf 'credentials %s\\n' "$GOOGLE_APPLICATION_CREDENTIALS" >> "$STANDIN_LOG"
  node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$GOOGLE_APPLICATION_CREDENTIALS" || { echo "credentials file is not valid JSON" >&2; exit 4; }
  mode=$(stat -c %a "$GOOGLE_APPLICATION_CREDENTIALS")
  printf 'mode %s\\n' "$mode" >> "$STANDIN_LOG"
fi
exit 0
`;

/** Stand-in python: `python -m pip install …` is recorded, not run (no network in tests). */
const PYTHON = `#!/bin/sh
printf 'python %s\\n' "$*" >> "$STANDIN_LOG"
exit 0
`;

/**
 * The job shell reads the user's startup files, which may put other `python`s
 * (pyenv shims…) ahead of the stand-ins: run it with an empty home.
 */
function jobEnv(stand: string, home: string): NodeJS.ProcessEnv {
  mkdirSync(home, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, PATH: `${stand}${path.delimiter}${process.env.PATH ?? ''}` };
  delete env.BASH_ENV;
  delete env.ENV;
  return env;
}

interface Run {
  status: number | null;
  output: string;
  log: string[];
}

describe.skipIf(missing.length > 0)('the vendored GitLab dvc-gcs pipeline runs under gitlab-ci-local', () => {
  let work: string;

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'templates-gcl-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  function run(name: string, keyB64: string): Run {
    const project = path.join(work, name);
    const stand = path.join(work, `${name}-bin`);
    cpSync(example, project, { recursive: true });
    mkdirSync(stand);
    writeFileSync(path.join(stand, 'dvc'), DVC);
    writeFileSync(path.join(stand, 'python'), PYTHON);
    chmodSync(path.join(stand, 'dvc'), 0o755);
    chmodSync(path.join(stand, 'python'), 0o755);
    writeFileSync(path.join(project, '.gitlab-ci.yml'), render('gitlab', 'dvc-gcs', {}));
    const git = (...args: string[]) => spawnSync('git', args, { cwd: project, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('-c', 'user.email=ci@example.com', '-c', 'user.name=CI', 'add', '-A');
    git('-c', 'user.email=ci@example.com', '-c', 'user.name=CI', 'commit', '-q', '-m', 'example');
    git('remote', 'add', 'origin', 'https://gitlab.com/example/dvc-project.git');
    const log = path.join(work, `${name}.log`);
    writeFileSync(log, '');
    const result = spawnSync(
      bin,
      ['--home', path.join(work, `${name}-home`), '--force-shell-executor', '--no-color', '--variable', `GCP_SERVICE_ACCOUNT_KEY_B64=${keyB64}`, '--variable', `STANDIN_LOG=${log}`],
      { cwd: project, encoding: 'utf8', env: jobEnv(stand, path.join(work, `${name}-home`)), timeout: 60_000 },
    );
    return { status: result.status, output: `${result.stdout}\n${result.stderr}`, log: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
  }

  it('decodes the key, pulls then reproduces, and removes the key file', () => {
    const r = run('ok', Buffer.from(KEY).toString('base64'));
    expect(r.status, r.output).toBe(0);
    const calls = r.log.filter((l) => !l.startsWith('credentials ') && !l.startsWith('mode '));
    expect(calls).toEqual(['python -m pip install -r requirements.txt dvc[gs]==3.63.0', 'version', 'pull', 'repro']);
    const credentials = r.log.find((l) => l.startsWith('credentials '))!.slice('credentials '.length);
    expect(credentials).toMatch(/^\/tmp\/gcp-key-.+\.json$/);
    expect(r.log).toContain('mode 600');
    expect(existsSync(credentials)).toBe(false);
    expect(r.output).not.toContain(Buffer.from(KEY).toString('base64'));
    expect(r.output).not.toContain('private_key_id');
  });

  it('fails the job, without running repro, when the variable does not hold a base64 JSON key', () => {
    const r = run('bad', Buffer.from('not json').toString('base64'));
    expect(r.status).not.toBe(0);
    expect(r.log.filter((l) => !l.startsWith('credentials ') && !l.startsWith('python'))).toEqual(['version', 'pull']);
  });
});
