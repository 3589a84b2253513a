/**
 * Runs the `dvc` component under gitlab-ci-local (shell executor, `include: local:` with the
 * component's inputs) with stand-in `python`, `poetry`, `uv` and `dvc` on PATH, to prove how each
 * `installer` installs the project: what runs, in which order and in which folder, and that
 * `dvc pull` / `dvc repro` run from the project's environment (`.venv/bin`) for Poetry and uv;
 * and how `dvc-cache` points DVC at the job's cache folder and adds the run-cache to pull and push.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPublishedFiles } from '../src/index.js';
import { packageDir } from './helpers.js';

const bin = path.join(packageDir, 'node_modules/.bin/gitlab-ci-local');
const missing = [
  !existsSync(bin) && 'gitlab-ci-local (pnpm install)',
  spawnSync('rsync', ['--version']).status !== 0 && 'rsync (apt-get install rsync)',
  spawnSync('git', ['--version']).status !== 0 && 'git',
].filter(Boolean);
if (missing.length > 0) console.warn(`SKIPPED: the gitlab-ci-local installer runs need ${missing.join(', ')}`);

/** A stand-in command that records `<name> <args> (in <folder>)`. */
function recorder(name: string, rest = ''): string {
  return `#!/bin/sh\nprintf '%s %s (in %s)\\n' '${name}' "$*" "$(basename "$PWD")" >> "$STANDIN_LOG"\n${rest}exit 0\n`;
}

/** Writes the project environment a lock-file tool creates: `.venv/bin` with its own python and dvc. */
const MAKE_VENV = `mkdir -p .venv/bin
printf '#!/bin/sh\\nprintf "%%s %%s (in %%s)\\\\n" venv-python "$*" "$(basename "$PWD")" >> "$STANDIN_LOG"\\n' > .venv/bin/python
printf '#!/bin/sh\\nprintf "%%s %%s (in %%s)\\\\n" venv-dvc "$*" "$(basename "$PWD")" >> "$STANDIN_LOG"\\n' > .venv/bin/dvc
chmod +x .venv/bin/python .venv/bin/dvc
`;

/**
 * Stand-in python whose `pip install` behaves as pip's hash-checking mode: a requirements file
 * with `--hash` lines given together with any other requirement is rejected.
 */
const PYTHON_PIP = `#!/bin/sh
printf '%s %s (in %s)\\n' python "$*" "$(basename "$PWD")" >> "$STANDIN_LOG"
if [ "$1 $2 $3" = "-m pip install" ] && [ "$4" = "-r" ] && grep -q -- '--hash' "$5" && [ $# -gt 5 ]; then
  echo "ERROR: In --require-hashes mode, all requirements must have their versions pinned with ==. These do not: dvc" >&2
  exit 1
fi
exit 0
`;

const STANDINS: Record<string, string> = {
  python: PYTHON_PIP,
  dvc: recorder('dvc'),
  poetry: recorder('poetry', 'printf "poetry-env POETRY_VIRTUALENVS_IN_PROJECT=%s\\n" "$POETRY_VIRTUALENVS_IN_PROJECT" >> "$STANDIN_LOG"\n' + MAKE_VENV),
  uv: recorder('uv', `[ "$1" = "sync" ] || exit 0\n${MAKE_VENV}`),
};

describe.skipIf(missing.length > 0)('installer: the dvc component installs the project with its own tool under gitlab-ci-local', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'templates-gcl-installer-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** Runs a pipeline including the component once with `inputs`; the DVC project is in `ml/` with `files`. */
  function run(name: string, inputs: Record<string, string>, files: Record<string, string>): { status: number | null; output: string; log: string[] } {
    const dir = path.join(work, name);
    mkdirSync(path.join(dir, 'components'), { recursive: true });
    mkdirSync(path.join(dir, 'ml'));
    writeFileSync(path.join(dir, 'components/dvc.yml'), renderPublishedFiles('gitlab', 'dvc')[0]!.text);
    const given = Object.entries({ 'working-directory': 'ml', ...inputs }).map(([k, v]) => `      ${k}: ${v}\n`).join('');
    writeFileSync(path.join(dir, '.gitlab-ci.yml'), `include:\n  - local: components/dvc.yml\n    inputs:\n${given}`);
    for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, 'ml', file), text);
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=CI', ...args], { cwd: dir, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'a DVC project in ml');
    git('remote', 'add', 'origin', 'https://gitlab.com/example/ml.git');
    const stand = path.join(work, `${name}-bin`);
    mkdirSync(stand);
    for (const [cmd, text] of Object.entries(STANDINS)) {
      writeFileSync(path.join(stand, cmd), text);
      chmodSync(path.join(stand, cmd), 0o755);
    }
    const home = path.join(work, `${name}-home`);
    mkdirSync(home);
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, PATH: `${stand}${path.delimiter}${process.env.PATH ?? ''}` };
    delete env.BASH_ENV;
    delete env.ENV;
    const log = path.join(work, `${name}.log`);
    writeFileSync(log, '');
    const r = spawnSync(bin, ['--home', home, '--force-shell-executor', '--no-color', '--ignore-schema-paths', '#/definitions/tags/minItems', '--variable', `STANDIN_LOG=${log}`], { cwd: dir, encoding: 'utf8', env, timeout: 60_000 });
    return { status: r.status, output: `${r.stdout}\n${r.stderr}`, log: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
  }

  const RUN_FROM_VENV = ['venv-dvc pull (in ml)', 'venv-dvc repro (in ml)', 'venv-dvc metrics show --json (in ml)', 'venv-dvc plots show --out dvc-results/plots (in ml)'];

  it('poetry: Poetry pinned, the locked dependencies into ml/.venv, DVC into it, then DVC runs from it', () => {
    const r = run('poetry', { installer: 'poetry', requirements: 'pyproject.toml' }, { 'pyproject.toml': '[tool.poetry]\nname = "ml"\n', 'poetry.lock': '# locked\n' });
    expect(r.status, r.output).toBe(0);
    expect(r.log).toEqual([
      'python -m pip install poetry==2.1.3 (in ml)',
      'poetry install --no-root --no-interaction (in ml)',
      'poetry-env POETRY_VIRTUALENVS_IN_PROJECT=true',
      'venv-python -m pip install dvc==3.63.0 (in ml)',
      'venv-dvc version (in ml)',
      ...RUN_FROM_VENV,
    ]);
  });

  it('uv: uv pinned, uv sync --frozen, DVC added with uv pip into ml/.venv, then DVC runs from it', () => {
    const r = run('uv', { installer: 'uv', requirements: 'pyproject.toml' }, { 'pyproject.toml': '[project]\nname = "ml"\n', 'uv.lock': 'version = 1\n' });
    expect(r.status, r.output).toBe(0);
    expect(r.log).toEqual([
      'python -m pip install uv==0.7.13 (in ml)',
      'uv sync --frozen (in ml)',
      'uv pip install --python .venv/bin/python dvc==3.63.0 (in ml)',
      'venv-dvc version (in ml)',
      ...RUN_FROM_VENV,
    ]);
  });

  it('dvc-cache: DVC keeps its cache in the folder the job cache keeps, and the run-cache is pulled and pushed', () => {
    const r = run('cache', { requirements: "''", 'dvc-cache': 'true', push: 'true' }, {});
    expect(r.status, r.output).toBe(0);
    // $CI_PROJECT_DIR is the checkout (gitlab-ci-local names it as GitLab does, /builds/…).
    const calls = r.log.filter((l) => l.startsWith('dvc ')).map((l) => l.replace(/^dvc cache dir --local \/\S+\/\.cache\/dvc /, 'dvc cache dir --local $CI_PROJECT_DIR/.cache/dvc '));
    expect(calls).toEqual([
      'dvc version (in ml)',
      'dvc cache dir --local $CI_PROJECT_DIR/.cache/dvc (in ml)',
      'dvc pull --run-cache (in ml)',
      'dvc repro (in ml)',
      'dvc metrics show --json (in ml)',
      'dvc plots show --out dvc-results/plots (in ml)',
      'dvc push (in ml)',
      'dvc push --run-cache (in ml)',
    ]);
  });

  it('dvc-cache off (the default): DVC keeps its own cache and no run-cache is moved', () => {
    const r = run('no-cache', { requirements: "''", push: 'true' }, {});
    expect(r.status, r.output).toBe(0);
    expect(r.log.filter((l) => l.startsWith('dvc '))).toEqual([
      'dvc version (in ml)',
      'dvc pull (in ml)',
      'dvc repro (in ml)',
      'dvc metrics show --json (in ml)',
      'dvc plots show --out dvc-results/plots (in ml)',
      'dvc push (in ml)',
    ]);
  });

  it('pip with a hash-checked requirements file: the file alone, then DVC, so pip accepts both', () => {
    const hashed = 'pandas==2.2.3 \\\n    --hash=sha256:4f18ba62b61d7e192368b84517265a99b4d7ee8912f8708660fb4a366cc82667\n';
    const r = run('hashes', { requirements: 'requirements.txt' }, { 'requirements.txt': hashed });
    expect(r.status, r.output).toBe(0);
    expect(r.log).toEqual([
      'python -m pip install -r requirements.txt (in ml)',
      'python -m pip install dvc==3.63.0 (in ml)',
      'dvc version (in ml)',
      'dvc pull (in ml)',
      'dvc repro (in ml)',
      'dvc metrics show --json (in ml)',
      'dvc plots show --out dvc-results/plots (in ml)',
    ]);
  });
});
