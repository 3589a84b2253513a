/**
 * Runs the jobs of a generated GitLab pipeline the way a shell runner would (`before_script`, then
 * `script`, in the checkout, with the job's variables), with stand-in `python`, `pip`, `poetry`, `uv`
 * and `dvc` on PATH that record each call and the directory it ran in.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parse } from 'yaml';

export const HAS_BASH = spawnSync('bash', ['-c', 'true']).status === 0;

const RECORD = (name: string) => `#!/bin/sh\nprintf '%s %s | %s\\n' "${name}" "$*" "$(pwd)" >> "$STANDIN_LOG"\n`;
/** The project environment Poetry (`install`) and uv (`sync`) create: `.venv/bin` with its own recording python and dvc. */
const MAKE_VENV = (when: string) =>
  `[ "$1" = "${when}" ] || exit 0\nmkdir -p .venv/bin\nfor c in python dvc; do printf '#!/bin/sh\\nprintf "%%s %%s | %%s\\\\n" ".venv/bin/%s" "$*" "$(pwd)" >> "$STANDIN_LOG"\\n' "$c" > ".venv/bin/$c"; chmod +x ".venv/bin/$c"; done\n`;
const STANDINS: Record<string, string> = {
  // `python -m pip …` and `python -m uv …` go to the stand-ins; anything else is recorded.
  python: `#!/bin/sh\nif [ "$1" = "-m" ]; then m="$2"; shift 2; exec "$m" "$@"; fi\nprintf 'python %s | %s\\n' "$*" "$(pwd)" >> "$STANDIN_LOG"\n`,
  pip: RECORD('pip'),
  poetry: RECORD('poetry') + MAKE_VENV('install'),
  uv: RECORD('uv') + MAKE_VENV('sync'),
  // `dvc pull` also runs the probe the test gives (what credentials are in place at that moment).
  dvc: `${RECORD('dvc')}if [ "$1" = pull ] && [ -n "\${STANDIN_PROBE:-}" ]; then sh -c "$STANDIN_PROBE" >> "$STANDIN_LOG.pull" 2>&1 || true; fi\n`,
};

/** What CI provides a run: secrets / CI/CD variables, and a shell probe `dvc pull` runs, whose output is returned. */
export interface RunOptions {
  /** GitHub: `secrets.NAME` values; GitLab: CI/CD variables (and ID tokens). */
  secrets?: Record<string, string>;
  probe?: string;
}

/** Job results: exit status, the stand-ins' calls, stderr, and what the probe printed at `dvc pull`. */
export interface JobRun {
  status: number | null;
  calls: Call[];
  stderr: string;
  atPull: string;
}

function readIfAny(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** `$NAME` / `${NAME}` in a GitLab variable value, expanded from the variables known so far (as GitLab does). */
function expandVariables(value: string, env: Record<string, string>): string {
  return value.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (whole, name: string) => env[name] ?? whole);
}

interface Job {
  before_script?: string[];
  script?: string[];
  after_script?: string[];
  variables?: Record<string, string>;
}

/** One recorded call: the command line and the directory, relative to the checkout ('.' for its top). */
export interface Call {
  command: string;
  dir: string;
}

/** Runs every job with a script of a GitLab pipeline file in `checkout`; returns the calls per job. */
export function runGitlabJobs(checkout: string, pipelineText: string, options: RunOptions = {}): Record<string, JobRun> {
  const bin = mkdtempSync(path.join(os.tmpdir(), 'cmp-standin-'));
  try {
    for (const [name, text] of Object.entries(STANDINS)) {
      writeFileSync(path.join(bin, name), text);
      chmodSync(path.join(bin, name), 0o755);
    }
    const doc = parse(pipelineText) as Record<string, unknown>;
    const out: Record<string, JobRun> = {};
    for (const [name, value] of Object.entries(doc)) {
      const job = value as Job | null;
      if (!job || typeof job !== 'object' || !Array.isArray(job.script)) continue;
      const log = path.join(bin, `${name}.log`);
      writeFileSync(log, '');
      const env: Record<string, string> = { PATH: `${bin}:/usr/bin:/bin`, HOME: bin, STANDIN_LOG: log, CI_PROJECT_DIR: checkout, CI_JOB_ID: '1', CI: 'true', GITLAB_CI: 'true' };
      for (const [k, v] of Object.entries(job.variables ?? {})) env[k] = expandVariables(String(v), env);
      // Project CI/CD variables take precedence over the job's own.
      Object.assign(env, options.secrets ?? {});
      if (options.probe !== undefined) env['STANDIN_PROBE'] = options.probe;
      mkdirSync(checkout, { recursive: true });
      const script = [...(job.before_script ?? []), ...job.script].join('\n');
      const res = spawnSync('bash', ['-e', '-c', script], { cwd: checkout, env, encoding: 'utf8' });
      // after_script runs whatever happened, in a shell of its own.
      if (job.after_script) spawnSync('bash', ['-c', job.after_script.join('\n')], { cwd: checkout, env, encoding: 'utf8' });
      const calls = readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => {
          const [command = '', dir = ''] = l.split(' | ');
          return { command: command.trim(), dir: path.relative(checkout, dir) || '.' };
        });
      out[name] = { status: res.status, calls, stderr: res.stderr, atPull: readIfAny(`${log}.pull`) };
    }
    return out;
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
}

interface GithubStep {
  run?: string;
  if?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}

interface GithubJob {
  defaults?: { run?: { 'working-directory'?: string } };
  env?: Record<string, string>;
  steps?: GithubStep[];
}

/** A workflow `env:` value: `${{ secrets.NAME }}` from the given secrets, any other expression empty. */
function githubValue(value: unknown, secrets: Record<string, string>): string {
  return String(value).replace(/\$\{\{\s*secrets\.([A-Za-z0-9_]+)\s*\}\}/g, (_m, name: string) => secrets[name] ?? '').replace(/\$\{\{[^}]*\}\}/g, '');
}

/**
 * Runs the `run:` steps of every job of a GitHub workflow as a push would (steps only for pull requests
 * skipped, `${{ … }}` expressions empty), each in its working directory, with the stand-ins on PATH.
 */
export function runGithubJobs(checkout: string, workflowText: string, options: RunOptions = {}): Record<string, JobRun> {
  const bin = mkdtempSync(path.join(os.tmpdir(), 'cmp-standin-'));
  try {
    for (const [name, text] of Object.entries(STANDINS)) {
      writeFileSync(path.join(bin, name), text);
      chmodSync(path.join(bin, name), 0o755);
    }
    const doc = parse(workflowText) as { jobs?: Record<string, GithubJob> };
    const out: Record<string, JobRun> = {};
    for (const [name, job] of Object.entries(doc.jobs ?? {})) {
      const log = path.join(bin, `${name}.log`);
      writeFileSync(log, '');
      let status: number | null = 0;
      let stderr = '';
      // What the runner provides: a temporary directory outside the workspace, and GITHUB_ENV, whose
      // NAME=value lines become the environment of the later steps.
      const runnerTemp = path.join(bin, `${name}-runner-temp`);
      mkdirSync(runnerTemp);
      const githubEnv = path.join(bin, `${name}.env`);
      writeFileSync(githubEnv, '');
      // GITHUB_PATH: each line is a folder put first on PATH for the later steps (the last written first).
      const githubPath = path.join(bin, `${name}.path`);
      writeFileSync(githubPath, '');
      for (const step of job.steps ?? []) {
        if (step.run === undefined || /pull_request/.test(step.if ?? '')) continue;
        const dir = path.join(checkout, step['working-directory'] ?? job.defaults?.run?.['working-directory'] ?? '.');
        const script = step.run.replace(/\$\{\{[^}]*\}\}/g, '');
        const exported = Object.fromEntries(
          readFileSync(githubEnv, 'utf8')
            .split('\n')
            .filter((l) => l.includes('='))
            .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
        );
        const added = readFileSync(githubPath, 'utf8').split('\n').filter(Boolean).reverse();
        const declared = Object.fromEntries(Object.entries({ ...job.env, ...step.env }).map(([k, v]) => [k, githubValue(v, options.secrets ?? {})]));
        const env: Record<string, string> = { ...exported, ...declared, PATH: [...added, bin, '/usr/bin', '/bin'].join(':'), HOME: bin, STANDIN_LOG: log, GITHUB_WORKSPACE: checkout, RUNNER_TEMP: runnerTemp, GITHUB_ENV: githubEnv, GITHUB_PATH: githubPath, GITHUB_RUN_ID: '1', GITHUB_JOB: name, CI: 'true' };
        if (options.probe !== undefined) env['STANDIN_PROBE'] = options.probe;
        const res = spawnSync('bash', ['-e', '-c', script], { cwd: dir, env, encoding: 'utf8' });
        stderr += res.stderr;
        if (res.status !== 0) {
          status = res.status;
          break;
        }
      }
      const calls = readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => {
          const [command = '', dir = ''] = l.split(' | ');
          return { command: command.trim(), dir: path.relative(checkout, dir) || '.' };
        });
      out[name] = { status, calls, stderr, atPull: readIfAny(`${log}.pull`) };
    }
    return out;
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
}
