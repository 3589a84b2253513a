import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseHeader, requiredSecrets, templateForRemote } from '@mlops-pipeline/templates';
import type { Provider, RemoteKind } from '@mlops-pipeline/templates';
import { withBodyHash } from '../src/body-hash.js';
import { BIN, EXAMPLE, makeRepo, REPO_ROOT, run, runMain, tempDir, writeFiles } from './helpers.js';
import { HAS_SCRIPT, runInPty } from './pty.js';
import { githubErrors } from './real-clients.js';

const LINT_BIN = path.join(REPO_ROOT, 'packages/lint/dist/cli.cjs');
const GH = '.github/workflows/mlops.yml';
const GL = '.gitlab-ci.yml';

/** Runs the real mlops-lint bin on files of a repo. */
function mlopsLint(dir: string, files: string[]) {
  return spawnSync(process.execPath, [LINT_BIN, ...files], { cwd: dir, encoding: 'utf8' });
}

function read(dir: string, rel: string): string {
  return readFileSync(path.join(dir, rel), 'utf8');
}

/** A vendored file as an older templates version would have written it (the header's version differs; the body hash is its own). */
function makeOlder(text: string, version: string, older: string): string {
  return withBodyHash(text.replaceAll(`"version":"${version}"`, `"version":"${older}"`));
}

const WIF = 'projects/123456/locations/global/workloadIdentityPools/ci/providers/git';
const remoteConfig = (url: string, extra = '') => `[core]\n    remote = storage\n['remote "storage"']\n    url = ${url}\n${extra}`;

describe.concurrent('create (non-interactive, through the built bin)', () => {
  it('GitHub remote: writes the workflow, lints it clean and prints the next steps', async () => {
    const dir = makeRepo({ origin: 'git@github.com:acme/ml.git' });
    const res = await run(['--yes'], dir);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/provider\s+github\s+\(from git remote origin\)/);
    expect(res.stdout).toMatch(/remote\s+gcs\s+\(from \.dvc\/config remote "data" \(gs\)\)/);
    expect(res.stdout).toContain(`wrote ${GH} (new file`);
    expect(res.stdout).toContain('mlops-lint: ');
    expect(res.stdout).toContain('gh secret set GCP_SERVICE_ACCOUNT_KEY < key.json');
    expect(res.stdout).toContain(`git add ${GH}`);
    const header = parseHeader(read(dir, GH));
    expect(header).toMatchObject({ provider: 'github', template: templateForRemote('github', 'gcs').name });
    const lint = mlopsLint(dir, [GH]);
    expect(lint.stdout + lint.stderr).not.toMatch(/\berror\b/);
    expect(lint.status).toBe(0);
  });

  it('GitLab remote: writes .gitlab-ci.yml and explains the masked base64 variable', async () => {
    const dir = makeRepo({ origin: 'https://gitlab.com/acme/ml.git' });
    const res = await run(['--yes'], dir);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/provider\s+gitlab\s+\(from git remote origin\)/);
    expect(res.stdout).toContain(`wrote ${GL} (new file`);
    const [secret] = templateForRemote('gitlab', 'gcs').secrets;
    expect(secret?.base64).toBe(true);
    expect(res.stdout).toContain('`base64 -w0 key.json`');
    expect(res.stdout).toContain('Visibility "Masked"');
    expect(res.stdout).toContain(`glab variable set ${secret?.name} --masked --protected --raw --value "$(base64 -w0 key.json)"`);
    expect(parseHeader(read(dir, GL))).toMatchObject({ provider: 'gitlab', template: templateForRemote('gitlab', 'gcs').name });
    expect(mlopsLint(dir, [GL]).status).toBe(0);
  });

  /** The DVC extra a repo using that remote pins in requirements.txt. */
  const EXTRA: Record<RemoteKind, string> = { gcs: '[gs]', 'gcs-keyless': '[gs]', s3: '[s3]', 's3-keyless': '[s3]', minio: '[s3]', azure: '[azure]', 'azure-keyless': '[azure]', gdrive: '[gdrive]', ssh: '[ssh]', none: '' };
  // Each remote type once, alternating providers (both providers also run the example's gs remote above).
  const remotes: Array<[Provider, string, string, string[], RemoteKind]> = [
    ['github', 'gs', remoteConfig('gs://bucket/dvc'), [], 'gcs'],
    ['gitlab', 'gs keyless', remoteConfig('gs://bucket/dvc'), ['--keyless', '--input', `workload-identity-provider=${WIF}`, '--input', 'service-account=dvc@proj.iam.gserviceaccount.com'], 'gcs-keyless'],
    ['github', 'gs keyless', remoteConfig('gs://bucket/dvc'), ['--keyless', '--input', `workload-identity-provider=${WIF}`, '--input', 'service-account=dvc@proj.iam.gserviceaccount.com'], 'gcs-keyless'],
    ['gitlab', 's3', remoteConfig('s3://bucket/dvc'), [], 's3'],
    ['github', 's3 keyless', remoteConfig('s3://bucket/dvc'), ['--keyless', '--input', 'role-to-assume=arn:aws:iam::123456789012:role/dvc-ci'], 's3-keyless'],
    ['gitlab', 's3 keyless', remoteConfig('s3://bucket/dvc'), ['--keyless', '--input', 'role-to-assume=arn:aws:iam::123456789012:role/dvc-ci'], 's3-keyless'],
    ['github', 'minio', remoteConfig('s3://bucket/dvc', '    endpointurl = https://minio.example.com:9000\n'), [], 'minio'],
    ['gitlab', 'azure', remoteConfig('azure://container/dvc'), [], 'azure'],
    ['github', 'local', remoteConfig('/mnt/shared/dvc'), [], 'none'],
    ['gitlab', 'no remote', '[core]\n    autostage = true\n', [], 'none'],
  ];
  it.each(remotes)('%s: .dvc/config %s', async (provider, _label, config, flags, kind) => {
    const dir = makeRepo({
      origin: provider === 'github' ? 'git@github.com:acme/ml.git' : 'git@gitlab.example.com:acme/ml.git',
      dvcConfig: config,
      files: { 'requirements.txt': `pandas==2.2.3\ndvc${EXTRA[kind]}==3.63.0\n` },
    });
    const res = await run(['--yes', ...flags], dir);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const file = provider === 'github' ? GH : GL;
    const template = templateForRemote(provider, kind);
    const header = parseHeader(read(dir, file));
    expect(header?.template).toBe(template.name);
    // Written only after mlops-lint found no error (the bin itself is run on files in the tests above).
    expect(res.stdout).toMatch(/mlops-lint: (no problems|\d+ warning)/);
    for (const s of requiredSecrets(provider, template.name, header?.inputs ?? {})) expect(res.stdout).toContain(s.name);
    if (provider === 'github') expect(await githubErrors(read(dir, file))).toEqual([]);
    if (kind.endsWith('-keyless')) expect(res.stdout).toMatch(kind === 'gcs-keyless' ? /gcloud iam workload-identity-pools/ : /sts:AssumeRoleWithWebIdentity/);
  });

  it.each([
    ['github', 'no requirements file: installs the pinned DVC only', {}, 'python -m pip install "dvc[gs]==3.63.0"', '(none)'],
    ['gitlab', 'no requirements file: installs the pinned DVC only', {}, '- python -m pip install "dvc[gs]==3.63.0"', '(none)'],
    ['github', 'pyproject.toml only: installs the project', { 'pyproject.toml': '[project]\nname = "ml"\nversion = "0.1.0"\nrequires-python = ">=3.11"\ndependencies = ["dvc[gs]==3.60.1"]\n' }, 'python -m pip install . "dvc[gs]==3.60.1"', 'pyproject.toml'],
    ['gitlab', 'Poetry pyproject.toml only: installs the project', { 'pyproject.toml': '[tool.poetry]\nname = "ml"\n[tool.poetry.dependencies]\npython = "^3.11"\ndvc = { version = "3.60.1", extras = ["gs"] }\n' }, '- python -m pip install . "dvc[gs]==3.60.1"', 'pyproject.toml'],
  ] as const)('%s, %s', async (provider, _label, files, install, shown) => {
    const dir = makeRepo({ origin: provider === 'github' ? 'git@github.com:acme/ml.git' : 'git@gitlab.com:acme/ml.git' });
    rmSync(path.join(dir, 'requirements.txt'));
    writeFiles(dir, files);
    const res = await runMain(['--yes'], dir);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('mlops-lint: no problems');
    expect(res.stdout).toMatch(new RegExp(`requirements\\s+${shown.replace(/[().]/g, '\\$&')}\\s`));
    const text = read(dir, provider === 'github' ? GH : GL);
    expect(text).toContain(install);
    expect(text).not.toContain('requirements.txt');
  });

  it('never reads credentials from .dvc/config.local into its output or files', async () => {
    const dir = makeRepo({
      origin: 'git@github.com:acme/ml.git',
      dvcConfig: remoteConfig('s3://bucket/dvc'),
      files: {
        'requirements.txt': 'dvc[s3]==3.63.0\n',
        '.dvc/config.local': "['remote \"storage\"']\n    endpointurl = https://minio.internal:9000\n    access_key_id = AKIAZZZEXAMPLEKEY\n    secret_access_key = s3cr3t-Value-123\n",
      },
    });
    const res = await run(['--yes'], dir);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/remote\s+minio/);
    const everything = res.stdout + res.stderr + read(dir, GH);
    expect(everything).not.toContain('AKIAZZZEXAMPLEKEY');
    expect(everything).not.toContain('s3cr3t-Value-123');
    expect(read(dir, GH)).toContain('https://minio.internal:9000');
  });

  it('a DVC project in a subdirectory: the workflow goes to the checkout root and runs in the subdirectory', async () => {
    const root = makeRepo({ origin: 'git@github.com:acme/mono.git', dvcConfig: null });
    cpSync(EXAMPLE, path.join(root, 'ml/churn'), { recursive: true });
    const res = await run(['ml/churn', '--yes'], root);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/workdir\s+ml\/churn/);
    expect(res.stdout).toContain(`wrote ${GH} (new file`);
    expect(existsSync(path.join(root, 'ml/churn/.github'))).toBe(false);
    expect(parseHeader(read(root, GH))?.inputs['working-directory']).toBe('ml/churn');
    expect(await githubErrors(read(root, GH))).toEqual([]);
    // upgrade finds it from the subdirectory too
    expect((await run(['upgrade', '--yes'], path.join(root, 'ml/churn'))).stdout).toContain('up to date');
  });

  it('no .dvc/ directory: exit 1 with a clear message, nothing written', async () => {
    const dir = makeRepo({ origin: 'git@github.com:acme/ml.git', dvcConfig: null });
    const res = await run(['--yes'], dir);
    expect(res.code).toBe(1);
    expect(res.stderr.trim()).toBe('create-mlops-pipeline: no DVC project found in . (missing .dvc/): run `dvc init` first');
    expect(existsSync(path.join(dir, '.github'))).toBe(false);
  });

  it.each([
    ['a directory that does not exist (npm create mlops-pipeline my-dir)', ['my-dir'], 'directory not found: my-dir (create-mlops-pipeline adds CI to an existing DVC project: clone it, or create it with `git init && dvc init`, first)'],
    ['a file', ['dvc.yaml'], 'not a directory: dvc.yaml'],
  ])('%s: exit 1 with a clear message', async (_label, args, message) => {
    const dir = makeRepo({ origin: 'git@github.com:acme/ml.git', dvcConfig: null });
    cpSync(EXAMPLE, path.join(dir, 'mono/ml/churn'), { recursive: true });
    cpSync(EXAMPLE, path.join(dir, 'mono/ml/fraud'), { recursive: true });
    const res = await run(['--yes', ...args], dir);
    expect(res.stderr.trim()).toBe(`create-mlops-pipeline: ${message}`);
    expect(res.code).toBe(1);
    expect(existsSync(path.join(dir, 'my-dir'))).toBe(false);
    expect(existsSync(path.join(dir, '.github'))).toBe(false);
  });

  it('run from inside the DVC project (src/), it finds the project above, as dvc does', async () => {
    const dir = makeRepo({ origin: 'git@github.com:acme/ml.git' });
    const res = await run(['--yes'], path.join(dir, 'src'));
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('Found in ..:');
    expect(parseHeader(read(dir, GH))?.inputs['working-directory']).toBe('.');
  });

  it('non-TTY without --yes fails fast naming the missing flag (exit 2)', async () => {
    const dir = makeRepo();
    const res = await run([], dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('cannot ask in a non-interactive shell; pass --provider github|gitlab (or --yes to accept inferred values)');
    expect(res.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).not.toContain('.github');
  });

  it('keyless without the identity inputs fails fast naming them (exit 2)', async () => {
    const dir = makeRepo({ origin: 'git@github.com:acme/ml.git' });
    const res = await run(['--yes', '--keyless'], dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('--input workload-identity-provider=');
    expect(res.stderr).toContain('--input service-account=');
    expect(existsSync(path.join(dir, '.github'))).toBe(false);
  });

  it('non-TTY with every value inferred or passed needs no --yes', async () => {
    const dir = makeRepo();
    const res = await run(['--provider', 'gitlab'], dir);
    expect(res.code).toBe(0);
    expect(existsSync(path.join(dir, GL))).toBe(true);
  });

  it('refuses to overwrite a different file; --force overwrites', async () => {
    const dir = makeRepo({ origin: 'git@github.com:acme/ml.git', files: { [GH]: 'name: mine\non: push\njobs: {}\n' } });
    const refused = await run(['--yes'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${GH} already exists and differs from the generated pipeline; pass --force to overwrite it`);
    expect(read(dir, GH)).toBe('name: mine\non: push\njobs: {}\n');
    const forced = await run(['--yes', '--force'], dir);
    expect(forced.code).toBe(0);
    expect(parseHeader(read(dir, GH))).toBeDefined();
    // Running again changes nothing.
    const again = await run(['--yes'], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('is already up to date');
  });

  it('--dry-run prints the file on stdout and writes nothing; --lint adds the lint result', async () => {
    const dir = makeRepo({ origin: 'git@github.com:acme/ml.git' });
    const res = await run(['--yes', '--dry-run', '--lint'], dir);
    expect(res.code).toBe(0);
    expect(parseHeader(res.stdout)).toMatchObject({ provider: 'github' });
    expect(res.stderr).toContain(`would write ${GH} (new file`);
    expect(res.stderr).toContain('mlops-lint: ');
    expect(res.stderr).toContain('dry run: nothing was written.');
    expect(existsSync(path.join(dir, '.github'))).toBe(false);
  });

  it('GitLab with an existing .gitlab-ci.yml: refuses by default, adds an include: with --gitlab-include', async () => {
    const existing = 'stages: [build, test]\nunit:\n  stage: test\n  image: python:3.12\n  script:\n    - python -m pytest\n';
    const dir = makeRepo({ origin: 'git@gitlab.com:acme/ml.git', files: { [GL]: existing } });
    const refused = await run(['--yes'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('.gitlab-ci.yml already exists; pass --gitlab-include to add an include: for the pipeline, or --force to replace the file');
    expect(read(dir, GL)).toBe(existing);

    const res = await run(['--yes', '--gitlab-include'], dir);
    expect(res.code).toBe(0);
    expect(read(dir, GL)).toBe(`include:\n  - local: .gitlab/ci/mlops.yml\n\n${existing}`);
    expect(parseHeader(read(dir, '.gitlab/ci/mlops.yml'))).toMatchObject({ provider: 'gitlab' });
    expect(mlopsLint(dir, [GL]).status).toBe(0);
  });

  it('--mode pinned writes a thin caller of the published template', async () => {
    const dir = makeRepo({ origin: 'git@github.com:acme/ml.git' });
    const res = await run(['--yes', '--mode', 'pinned', '--ref', '1.0.0'], dir);
    expect(res.code).toBe(0);
    expect(read(dir, GH)).toMatch(/uses: mlops-pipeline\/mlops-pipeline\/\.github\/workflows\/[\w-]+\.yml@v1\.0\.0/);
    expect(await githubErrors(read(dir, GH))).toEqual([]);
  });


});

describe.skipIf(!HAS_SCRIPT)('create (interactive, in a pseudo-terminal)', () => {
  if (!HAS_SCRIPT) console.warn('skipping the pseudo-terminal tests: util-linux `script` is not installed');

  it('asks for the provider it cannot infer, confirms, writes the file', async () => {
    const dir = makeRepo();
    const res = await runInPty([dir], dir, [
      { waitFor: 'Where does CI run?', send: '\x1b[B' }, // arrow down: GitLab CI
      { waitFor: 'GitLab CI', send: '\r' },
      { waitFor: 'Keep the other values shown above?', send: '\r' },
    ]);
    expect(res.output).toContain('Found in');
    expect(res.code).toBe(0);
    expect(parseHeader(read(dir, GL))).toMatchObject({ provider: 'gitlab' });
    expect(res.output).toContain('Next steps');
  });

  it('lets the user change an inferred value', async () => {
    const dir = makeRepo({ origin: 'git@github.com:acme/ml.git' });
    const res = await runInPty([dir, '--no-lint'], dir, [
      { waitFor: 'Generate the pipeline with these values?', send: '\x1b[D\r' }, // No
      { waitFor: 'Where does CI run?', send: '\r' },
      { waitFor: 'How does CI reach the DVC remote?', send: '\r' },
      { waitFor: 'Python version', send: '\x15' + '3.10\r' }, // Ctrl-U clears the line
      { waitFor: 'DVC version', send: '\r' },
      { waitFor: 'Requirements file', send: '\x15' + 'nope.txt\r' },
      { waitFor: 'no such file in', send: '\x15\r' }, // empty: DVC only
      { waitFor: 'Branch that runs the pipeline', send: '\r' },
      { waitFor: 'Post a CML report', send: '\r' },
      { waitFor: 'Vendor the full pipeline', send: '\r' },
    ]);
    expect(res.code).toBe(0);
    expect(parseHeader(read(dir, GH))?.inputs).toMatchObject({ 'python-version': '3.10', requirements: '' });
  });

  it('keyless: asks for the identity inputs, checking each with the templates\' own message', async () => {
    const dir = makeRepo({ origin: 'git@github.com:acme/ml.git' });
    const res = await runInPty([dir, '--keyless', '--no-lint'], dir, [
      { waitFor: 'Generate the pipeline with these values?', send: '\r' },
      { waitFor: 'workload-identity-provider:', send: `${WIF}\r` },
      { waitFor: 'service-account:', send: 'dvc@example.com\r' },
      { waitFor: 'is not a service account email such as', send: '\x15dvc@proj.iam.gserviceaccount.com\r' },
    ]);
    expect(res.code).toBe(0);
    expect(parseHeader(read(dir, GH))?.inputs).toMatchObject({ 'workload-identity-provider': WIF, 'service-account': 'dvc@proj.iam.gserviceaccount.com' });
    expect(res.output).toContain('gcloud iam workload-identity-pools create ci --project=proj --location=global');
  });

  it('pinned on a self-managed GitLab: asks for the project mirroring the components', async () => {
    const dir = makeRepo({ origin: 'git@gitlab.example.com:acme/ml.git' });
    const res = await runInPty([dir, '--mode', 'pinned', '--no-lint'], dir, [
      { waitFor: 'Generate the pipeline with these values?', send: '\r' },
      { waitFor: 'mirroring gitlab.com/mlops-pipeline/components', send: '\x15gitlab.example.com/ci/components\r' },
    ]);
    expect(res.code).toBe(0);
    expect(read(dir, GL)).toMatch(/- component: gitlab\.example\.com\/ci\/components\/dvc-gcs@\d/);
  });

  it('upgrade shows the diff and writes on "yes"', async () => {
    const dir = makeRepo({ origin: 'git@github.com:acme/ml.git' });
    expect((await runMain(['--yes', '--no-lint'], dir)).code).toBe(0);
    const fresh = read(dir, GH);
    const version = parseHeader(fresh)?.version ?? '';
    writeFileSync(path.join(dir, GH), makeOlder(fresh, version, `${version}-0`));
    const res = await runInPty(['upgrade', dir], dir, [{ waitFor: `Write ${GH}?`, send: '\r' }]);
    expect(res.output).toContain(`-# mlops-pipeline: {"template"`);
    expect(res.code).toBe(0);
    expect(read(dir, GH)).toBe(fresh);
  });

  it('Ctrl-C at the first prompt exits non-zero and leaves no file', async () => {
    const dir = makeRepo();
    const before = readdirSync(dir).sort();
    const res = await runInPty([dir], dir, [{ waitFor: 'Where does CI run?', send: '\x03' }]);
    expect(res.code).not.toBe(0);
    expect(res.output).toContain('Cancelled; nothing was written.');
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('asks before overwriting, showing the diff; "no" keeps the file', async () => {
    const dir = makeRepo({ origin: 'git@github.com:acme/ml.git', files: { [GH]: 'name: mine\non: push\njobs: {}\n' } });
    const res = await runInPty([dir], dir, [
      { waitFor: 'Generate the pipeline with these values?', send: '\r' },
      { waitFor: `Overwrite ${GH}?`, send: '\r' }, // default: No
    ]);
    expect(res.output).toContain(`--- a/${GH}`);
    expect(res.code).toBe(1);
    expect(read(dir, GH)).toBe('name: mine\non: push\njobs: {}\n');
  });
});

describe.concurrent('upgrade and fleet', () => {
  it('upgrade re-renders an older vendored file with the recorded inputs', async () => {
    const dir = makeRepo({ origin: 'git@github.com:acme/ml.git' });
    expect((await run(['--yes', '--python', '3.10'], dir)).code).toBe(0);
    const fresh = read(dir, GH);
    const header = parseHeader(fresh);
    expect(header).toBeDefined();
    const older = `${header?.version}-0`;
    const old = makeOlder(fresh, header?.version ?? '', older);
    expect(parseHeader(old)?.version).toBe(older);
    writeFileSync(path.join(dir, GH), old);

    const dry = await run(['upgrade', '--dry-run'], dir);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`--- a/${GH}`);
    expect(read(dir, GH)).toBe(old);

    const noYes = await run(['upgrade'], dir);
    expect(noYes.code).toBe(2);
    expect(noYes.stderr).toContain('pass --yes to write the upgrade');

    const res = await run(['upgrade', '--yes'], dir);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(`wrote ${GH} (${older} → ${header?.version})`);
    expect(read(dir, GH)).toBe(fresh);
    expect((await run(['upgrade', '--yes'], dir)).stdout).toContain('up to date');
  });

  it('upgrade moves a pinned GitLab component reference to the installed version', async () => {
    const dir = makeRepo({ origin: 'git@gitlab.com:acme/ml.git' });
    expect((await run(['--yes', '--mode', 'pinned'], dir)).code).toBe(0);
    const fresh = read(dir, GL);
    const version = parseHeader(fresh)?.version ?? '';
    const ref = `components/${templateForRemote('gitlab', 'gcs').name}@`;
    expect(fresh).toContain(`${ref}${version}`);
    writeFileSync(path.join(dir, GL), fresh.replace(`${ref}${version}`, `${ref}${version}-0`));
    const res = await run(['upgrade', '--yes'], dir);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(`-  - component: gitlab.com/mlops-pipeline/${ref}${version}-0`);
    expect(read(dir, GL)).toBe(fresh);
  });

  it('upgrade of a hand-edited pinned caller moves only the version; a moving major tag stays', async () => {
    const dir = makeRepo({ origin: 'git@github.com:acme/ml.git' });
    expect((await run(['--yes', '--mode', 'pinned'], dir)).code).toBe(0);
    const fresh = read(dir, GH);
    const version = parseHeader(fresh)?.version ?? '';
    const edited = `${fresh.replaceAll(`@v${version}`, `@v${version}-0`)}  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo lint\n`;
    writeFileSync(path.join(dir, GH), edited);
    const res = await run(['upgrade', '--yes'], dir);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(read(dir, GH)).toBe(edited.replaceAll(`@v${version}-0`, `@v${version}`));

    const major = version.split('.')[0] ?? '';
    const moving = fresh.replaceAll(`@v${version}`, `@v${major}`);
    writeFileSync(path.join(dir, GH), moving);
    const same = await run(['upgrade', '--yes'], dir);
    expect(same.stdout).toContain(`up to date (${parseHeader(fresh)?.template} v${major}, the moving tag of ${version})`);
    expect(read(dir, GH)).toBe(moving);
    const fleet = await run(['fleet', dir], dir);
    expect(fleet.stdout).toMatch(new RegExp(`pinned\\s+v${major} \\(moving\\)\\s+no`));
  });

  it('upgrade without a generated pipeline says so (exit 1)', async () => {
    const res = await run(['upgrade'], makeRepo());
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('no generated pipeline found');
  });

  it('fleet shows provider, template, version, outdated and lint errors per repo', async () => {
    const a = makeRepo({ origin: 'git@github.com:acme/a.git' });
    const b = makeRepo({ origin: 'git@gitlab.com:acme/b.git' });
    const c = makeRepo({ origin: 'git@github.com:acme/c.git' });
    expect((await run(['--yes'], a)).code).toBe(0);
    expect((await run(['--yes'], b)).code).toBe(0);
    const current = parseHeader(read(a, GH))?.version ?? '';
    writeFileSync(path.join(a, GH), makeOlder(read(a, GH), current, `${current}-0`));

    const res = await run(['fleet', a, b, c], REPO_ROOT);
    expect(res.code).toBe(0);
    const lines = res.stdout.split('\n');
    expect(lines[0]).toMatch(/^dir\s+repo\s+provider\s+file\s+template\s+mode\s+version\s+outdated\s+lint errors/);
    const row = (slug: string) => lines.find((l) => l.includes(` acme/${slug} `))?.replace(/^\S+\s+/, '');
    expect(lines.find((l) => l.includes(' acme/a '))).toContain(path.relative(REPO_ROOT, a));
    expect(row('a')).toMatch(/github\s+\.github\/workflows\/mlops\.yml\s+\S+\s+vendored\s+\S+-0\s+yes/);
    expect(row('b')).toMatch(/gitlab\s+\.gitlab-ci\.yml\s+\S+\s+vendored\s+\S+\s+no\s+0/);
    expect(row('c')).toContain('no generated pipeline');

    const json = await run(['fleet', a, b, '--json', '--fail-on-outdated'], REPO_ROOT);
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout) as { repos: Array<{ repo: string; outdated: boolean }> };
    expect(parsed.repos.map((r) => [r.repo, r.outdated])).toEqual([
      ['acme/a', true],
      ['acme/b', false],
    ]);
  });
});

describe('failures: one clear line, the right exit code, nothing written (the CLI\'s main, in-process)', () => {
  it.each([
    [['--remote', 'ftp'], 2, '--remote must be one of gcs, gcs-keyless, s3, s3-keyless, minio, azure, azure-keyless, gdrive, ssh, none (got "ftp")'],
    [['--bogus'], 2, "Unknown option '--bogus'\nRun create-mlops-pipeline --help for the list of options."],
    [['--remote'], 2, "Option '--remote <value>' argument missing"],
    [['--python', 'three'], 2, '--python "three": not a supported Python version; expected MAJOR.MINOR or MAJOR.MINOR.PATCH from 3.9 to 3.14 (for example 3.12)'],
    [['--python', '2.7'], 2, '--python "2.7": not a supported Python version; expected MAJOR.MINOR or MAJOR.MINOR.PATCH from 3.9 to 3.14 (for example 3.12)'],
    [['--dvc', '3.63'], 2, '--dvc "3.63": not a supported DVC version; expected an exact MAJOR.MINOR.PATCH from 2.0.0 to 3.x (for example 3.63.0)'],
    [['--branch', 'a b'], 2, '--branch (branches): "a b" is not a branch name'],
    [['--input', 'colour=blue'], 2, '--input colour: unknown input (this template takes: python-version'],
    [['--input', 'colour'], 2, '--input expects name=value (got "colour")'],
    [['--requirements', 'reqs.txt'], 2, '--requirements reqs.txt: no such file in'],
    [['--mode', 'pinned', '--source', 'not a repo'], 2, '--source (source): "not a repo" is not a repository path'],
    [['--mode', 'pinned', '--ref', 'latest'], 2, '--ref must be a version such as 1.2.3'],
    [['--keyless', '--remote', 'ssh'], 2, '--keyless works with Google Cloud Storage, Amazon S3 and Azure Blob Storage remotes, not "ssh"'],
    [['--keyless', '--remote', 'azure'], 2, 'the dvc-azure-keyless template needs values that cannot be inferred; pass:\n  --input azure-client-id=…'],
    [['--gitlab-include'], 2, '--gitlab-include only applies to --provider gitlab'],
    [['a', 'b'], 2, 'expected at most one directory, got 2: a b'],
    [['upgrade'], 1, 'no generated pipeline found in .'],
    [['fleet'], 2, 'fleet needs at least one directory'],
  ])('%j: a clear message, exit %i, no stack trace, nothing written', async (args, code, message) => {
    const dir = makeRepo({ origin: 'git@github.com:acme/ml.git' });
    const res = await runMain(['--yes', ...args], dir);
    expect(res.stderr).toMatch(/^create-mlops-pipeline: /m);
    expect(res.stderr).toContain(message);
    expect(res.stderr).not.toMatch(/\n\s+at |Error:/);
    expect(res.code).toBe(code);
    expect(existsSync(path.join(dir, '.github'))).toBe(false);
  });

  it('a credential in the endpoint URL of .dvc/config is not echoed back', async () => {
    const dir = makeRepo({
      origin: 'git@gitlab.com:acme/ml.git',
      dvcConfig: "[core]\n    remote = s\n['remote \"s\"']\n    url = s3://b/p\n    endpointurl = https://minio:Sup3rS3cret@minio.example.com\n",
      files: { 'requirements.txt': 'dvc[s3]==3.63.0\n' },
    });
    const res = await runMain(['--yes'], dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('.dvc/config endpointurl (endpoint-url): "https://***@minio.example.com" is not an http(s) URL');
    expect(res.stdout + res.stderr).not.toContain('Sup3rS3cret');
  });

  it('a file where the workflow directory should be: one message, exit 1, nothing written', async () => {
    const dir = makeRepo({ origin: 'git@github.com:acme/ml.git', files: { '.github': 'not a directory' } });
    const res = await runMain(['--yes'], dir);
    expect(res.stderr.trim()).toBe('create-mlops-pipeline: cannot write .github/workflows/mlops.yml: a file is in the way of its directory; nothing was written');
    expect(res.code).toBe(1);
    expect(readFileSync(path.join(dir, '.github'), 'utf8')).toBe('not a directory');
  });

  it('upgrade of a file whose recorded inputs the templates no longer take names the file and line', async () => {
    const dir = makeRepo({ origin: 'git@github.com:acme/ml.git' });
    expect((await runMain(['--yes', '--no-lint'], dir)).code).toBe(0);
    const edited = read(dir, GH).replace('"python-version":"3.12"', '"python-version":"2.7"');
    writeFileSync(path.join(dir, GH), edited);
    const res = await runMain(['upgrade', '--yes'], dir);
    expect(res.stderr).toContain(`${GH}:2:1: the inputs recorded in this file do not fit the installed templates`);
    expect(res.stderr).toContain('--python (python-version): "2.7" is not a Python 3 version');
    expect(res.code).toBe(1);
    expect(read(dir, GH)).toBe(edited);
  });

  it('a conda project without requirements: says the pipeline does not read environment.yml', async () => {
    const dir = makeRepo({ origin: 'git@github.com:acme/ml.git', files: { 'environment.yml': 'dependencies:\n  - python=3.10\n  - scikit-learn\n' } });
    rmSync(path.join(dir, 'requirements.txt'));
    rmSync(path.join(dir, '.python-version'));
    const res = await runMain(['--yes', '--dry-run'], dir);
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(/python +3\.10 +\(from environment\.yml\)/);
    expect(res.stderr).toContain('note: the pipeline installs Python packages with pip and does not read the conda environment.yml');
  });

  it('a token in the git remote URL or a password in the DVC remote URL is never printed or written', async () => {
    const dir = makeRepo({
      origin: 'https://x-access-token:ghp_SeCrEtToKeN123@github.com/acme/ml.git',
      dvcConfig: "[core]\n    remote = web\n['remote \"web\"']\n    url = https://dvc:Pa55w0rdXYZ@dvc.example.com/store\n",
      files: { 'requirements.txt': 'dvc==3.63.0\n' },
    });
    const res = await runMain(['--yes'], dir);
    expect(res.code).toBe(0);
    const everything = res.stdout + res.stderr + read(dir, GH);
    expect(everything).not.toContain('ghp_SeCrEtToKeN123');
    expect(everything).not.toContain('Pa55w0rdXYZ');
    // Keyless set-up names the repository (from the same URL), still without the token.
    const keyless = await runMain(['--yes', '--force', '--no-lint', '--remote', 'gcs-keyless', '--input', `workload-identity-provider=${WIF}`, '--input', 'service-account=dvc@proj.iam.gserviceaccount.com'], dir);
    expect(keyless.code).toBe(0);
    expect(keyless.stdout).toContain("assertion.repository=='acme/ml'");
    expect(keyless.stdout + keyless.stderr).not.toContain('ghp_SeCrEtToKeN123');
  });

  const asNobody = process.getuid?.() === 0 && spawnSync('runuser', ['--help']).status === 0;
  it.skipIf(!asNobody)('a directory the user cannot read: one message, exit 1 (run as nobody through runuser)', () => {
    const parent = tempDir('cmp-locked-');
    chmodSync(parent, 0o755);
    mkdirSync(path.join(parent, 'locked'), { mode: 0o700 });
    // The bin is copied out of the checkout, which may lie under a directory nobody cannot traverse.
    const bin = path.join(parent, 'cli.cjs');
    copyFileSync(BIN, bin);
    const res = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, bin, 'locked', '--yes'], { cwd: parent, encoding: 'utf8' });
    expect(res.stderr.trim()).toBe('create-mlops-pipeline: cannot read locked: permission denied');
    expect(res.status).toBe(1);
  });
});
