/**
 * What the pipeline installs, on layouts of real DVC projects: requirements under src/ or named by
 * dvc.yaml, several candidates, Poetry and uv lock files, pip-compile hashes; and the version checks.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from './helpers.js';
import { FIXTURES, makeFixture, removeFixture } from './fixture-repos.js';
import type { FixtureRepo } from './fixture-repos.js';
import { githubErrors, gitlabSchemaErrors } from './real-clients.js';
import { HAS_BASH, runGithubJobs, runGitlabJobs } from './standin-run.js';

const made: string[] = [];
function fixture(f: FixtureRepo): string {
  const dir = makeFixture(f);
  made.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of made) removeFixture(d);
});

const GH = '.github/workflows/mlops.yml';
const GL = '.gitlab-ci.yml';
const read = (dir: string, rel: string) => readFileSync(path.join(dir, rel), 'utf8');

const RUN = ['dvc version', 'dvc pull', 'dvc repro', 'dvc metrics show --json', 'dvc plots show --out dvc-results/plots'];
const VENV_RUN = ['.venv/bin/dvc version', '.venv/bin/dvc pull', '.venv/bin/dvc repro', '.venv/bin/dvc metrics show --json', '.venv/bin/dvc plots show --out dvc-results/plots'];

describe.each([
  ['the guide layout (src/requirements.txt)', FIXTURES.guide, [], /requirements +src\/requirements\.txt +\(found under src\/\)/, ['pip install -r src/requirements.txt', 'pip install dvc==3.63.0', ...RUN]],
  ['a requirements file named by dvc.yaml', FIXTURES.stageRequirements, [], /requirements +envs\/requirements-pipeline\.txt +\(named in dvc\.yaml:\d+; also found requirements-dev\.txt, requirements-docs\.txt/, ['pip install -r envs/requirements-pipeline.txt', 'pip install dvc[s3]==3.63.0', ...RUN]],
  ['several requirements files, --requirements chooses', FIXTURES.severalRequirements, ['--requirements', 'requirements-train.txt'], /requirements +requirements-train\.txt +\(--requirements\)/, ['pip install -r requirements-train.txt', 'pip install dvc[s3]==3.63.0', ...RUN]],
  ['a Poetry project', FIXTURES.poetry, [], /installer +poetry +\(from poetry\.lock\)/, ['pip install poetry==2.1.3', 'poetry install --no-root --no-interaction', '.venv/bin/python -m pip install dvc[s3]==3.55.2', ...VENV_RUN]],
  ['a uv project', FIXTURES.uv, [], /installer +uv +\(from uv\.lock\)/, ['pip install uv==0.7.13', 'uv sync --frozen', 'uv pip install --python .venv/bin/python dvc[gs]==3.59.1', ...VENV_RUN]],
] as const)('%s', (_label, repo, flags, row, expected) => {
  it.each(['github', 'gitlab'] as const)('%s: what the project needs is installed before dvc pull and dvc repro', async (provider) => {
    const dir = fixture(repo);
    const res = await runMain(['--yes', '--provider', provider, ...flags], dir);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(row);
    const text = read(dir, provider === 'github' ? GH : GL);
    if (provider === 'github') expect(await githubErrors(text)).toEqual([]);
    else expect(gitlabSchemaErrors(text)).toEqual([]);
    if (!HAS_BASH) return;
    const [job] = Object.values(provider === 'github' ? runGithubJobs(dir, text) : runGitlabJobs(dir, text));
    expect(job?.stderr).toBe('');
    expect(job?.calls.map((c) => `${c.command.replace(/"/g, '')} @ ${c.dir}`)).toEqual(expected.map((c) => `${c} @ .`));
  });
});

describe('lock files and hashes: installed the way the project does, nothing to warn about', () => {
  it.each([
    ['Poetry', FIXTURES.poetry, 'poetry.lock'],
    ['uv', FIXTURES.uv, 'uv.lock'],
  ])('%s: no note that the lock file is not used', async (_label, repo, lock) => {
    const res = await runMain(['--yes', '--dry-run'], fixture(repo));
    expect(res.code).toBe(0);
    expect(res.stderr).not.toContain(`note: ${lock} is not used`);
  });

  it('pip-compile --generate-hashes: the file and DVC are installed by two pip runs, so no warning', async () => {
    const dir = fixture(FIXTURES.hashes);
    const res = await runMain(['--yes', '--dry-run'], dir);
    expect(res.code).toBe(0);
    expect(res.stderr).not.toContain('--hash lines');
    expect(res.stderr).toMatch(/dvc +3\.61\.0 +\(from requirements\.txt:4\)/);
    expect(res.stdout).toContain('python -m pip install -r "requirements.txt"\n');
  });
});

describe('several requirements files and nothing says which', () => {
  it('outside a terminal: exit 2 naming the flag and the files', async () => {
    const dir = fixture(FIXTURES.severalRequirements);
    const res = await runMain(['--yes'], dir);
    expect(res.stderr).toContain("pass --requirements requirements-serve.txt|requirements-train.txt (several requirements files (requirements-serve.txt, requirements-train.txt) and none pins dvc; '' installs DVC only)");
    expect(res.code).toBe(2);
  });
});

describe('versions: one wording for every bad value, with the shape and the supported range', () => {
  const PYTHON = 'not a supported Python version; expected MAJOR.MINOR or MAJOR.MINOR.PATCH from 3.9 to 3.14 (for example 3.12)';
  const DVC = 'not a supported DVC version; expected an exact MAJOR.MINOR.PATCH from 2.0.0 to 3.x (for example 3.63.0)';
  it.each([
    ['--python', '3.99', PYTHON],
    ['--python', '2.7', PYTHON],
    ['--python', 'three', PYTHON],
    ['--python', '3.8', PYTHON],
    ['--dvc', '0.0.1', DVC],
    ['--dvc', '3.63', DVC],
    ['--dvc', '99.0.0', DVC],
  ])('%s %s', async (flag, value, wording) => {
    const res = await runMain(['--yes', '--dry-run', flag, value], fixture(FIXTURES.guide));
    expect(res.stderr.trim()).toBe(`create-mlops-pipeline: ${flag} "${value}": ${wording}`);
    expect(res.code).toBe(2);
  });

  it('a version the repository names that no pipeline can use: the default, and the table says why', async () => {
    const dir = fixture({ ...FIXTURES.guide, files: { ...FIXTURES.guide.files, '.python-version': '2.7.18\n' } });
    const res = await runMain(['--yes', '--dry-run'], dir);
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(/python +3\.12 +\(template default; \.python-version has 2\.7\.18, not a supported version\)/);
  });
});
