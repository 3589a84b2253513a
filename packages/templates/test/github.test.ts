import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIONS, CML_VERSION, render } from '../src/index.js';
import { githubErrors, parseYaml, publishedCases, REQUIRED_INPUTS, renderCase, renderCases } from './helpers.js';

type Obj = Record<string, unknown>;

const cases = renderCases().filter((c) => c.provider === 'github');
const published = publishedCases().filter((c) => c.provider === 'github');

function jobsOf(doc: Obj): Array<[string, Obj]> {
  return Object.entries(doc.jobs as Record<string, Obj>);
}

function stepsOf(doc: Obj): Obj[] {
  return jobsOf(doc).flatMap(([, j]) => (j.steps as Obj[] | undefined) ?? []);
}

describe('GitHub workflows are accepted by @actions/workflow-parser', () => {
  it('the parser reports errors in a broken workflow (guard)', async () => {
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout-minutes: soon\n    steps:\n      - uses: actions/checkout@v5.0.0\n        run: echo both\n';
    expect((await githubErrors('broken.yml', broken)).length).toBeGreaterThan(0);
  });
  it.each(cases.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    expect(await githubErrors('workflow.yml', renderCase(c))).toEqual([]);
  });
  it.each(published.map((c) => [c.id, c.text] as const))('%s', async (_id, text) => {
    expect(await githubErrors('reusable.yml', text)).toEqual([]);
  });
});

describe('GitHub secure defaults', () => {
  const files = [...cases.filter((c) => c.mode === 'vendored').map((c) => ({ id: c.id, text: renderCase(c), inputs: c.inputs, template: c.template })), ...published.map((p) => ({ id: p.id, text: p.text, inputs: { cml: true }, template: p.template }))];

  it.each(files.map((f) => [f.id, f] as const))('%s: least privilege, pinned actions, no expressions in run:', (_id, f) => {
    const doc = parseYaml(f.text);
    expect(doc.permissions).toEqual({ contents: 'read' });
    const keyless = f.template.endsWith('-keyless');
    for (const [id, job] of jobsOf(doc)) {
      const perms = job.permissions as Obj;
      expect(perms.contents).toBe('read');
      expect(perms['id-token'] === 'write').toBe(keyless);
      expect(perms['pull-requests'] === 'write').toBe(id === 'report');
      expect(Object.keys(perms).every((k) => ['contents', 'id-token', 'pull-requests'].includes(k))).toBe(true);
    }
    for (const step of stepsOf(doc)) {
      if (typeof step.run === 'string') expect(step.run).not.toContain('${{');
      if (typeof step.uses === 'string') expect(step.uses).toMatch(/@(v\d+\.\d+\.\d+|[0-9a-f]{40})$/);
    }
    expect(f.text).not.toMatch(/iterative\/setup-dvc|send-comment|set -x/);
    expect((doc.concurrency as Obj).group).toContain('github.ref');
  });

  it('CML reports run only on pull requests from the repository itself, with full history and only then pull-requests: write', () => {
    const c = cases.find((x) => x.id === 'github/dvc-gcs/full/vendored')!;
    const doc = parseYaml(renderCase(c));
    const report = (doc.jobs as Record<string, Obj>).report!;
    // Not for forks nor Dependabot: their pull requests get no secrets and a read-only token.
    expect(report.if).toBe("github.event_name == 'pull_request' && github.event.pull_request.head.repo.full_name == github.repository && github.actor != 'dependabot[bot]'");
    const checkout = (report.steps as Obj[])[0]!;
    expect((checkout.with as Obj)['fetch-depth']).toBe(0);
    expect((report.steps as Obj[]).some((step) => String(step.run).includes('cml comment update'))).toBe(true);
    expect((doc.on as Obj).pull_request).toEqual({ branches: ['main', 'release/v2'] });
  });

  it('with pin-actions: sha, actions with a recorded SHA are pinned to it with the version as a comment', () => {
    const c = cases.find((x) => x.id === 'github/dvc-gcs/sha-self-hosted/vendored')!;
    const text = renderCase(c);
    expect(text).toContain(`uses: actions/checkout@${ACTIONS.checkout.sha} # ${ACTIONS.checkout.version}`);
    expect(text).toContain(`uses: actions/setup-python@${ACTIONS['setup-python'].sha} # ${ACTIONS['setup-python'].version}`);
    expect(parseYaml(text).jobs).toMatchObject({ experiment: { 'runs-on': ['self-hosted', 'linux', 'gpu'] } });
  });

  const shaFiles = cases.filter((c) => c.mode === 'vendored' && c.inputs['pin-actions'] === 'sha');
  it.each(shaFiles.map((c) => [c.id, c] as const))('%s: every uses: is a full commit SHA with its version as a comment', (_id, c) => {
    const text = renderCase(c);
    const uses = text.split('\n').filter((l) => /^\s*(- )?uses:/.test(l));
    expect(uses.length).toBeGreaterThanOrEqual(4);
    for (const line of uses) expect(line).toMatch(/^\s*(- )?uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    expect(c.inputs.cml).toBe(true);
  });

  it.each(['version', 'sha'] as const)('pin-actions: %s installs CML with npm at its exact version, outside the workspace', (pin) => {
    const doc = parseYaml(renderCase({ id: '', provider: 'github', template: 'dvc', mode: 'vendored', inputs: { cml: true, 'pin-actions': pin } }));
    const report = ((doc.jobs as Record<string, Obj>).report!.steps as Obj[]);
    const setup = report.find((s) => /CML/.test(String(s.name)) && !String(s.name).startsWith('Post'))!;
    expect(setup.uses).toBeUndefined();
    expect(String(setup.run)).toContain(`npm install --prefix "\${RUNNER_TEMP}/cml" --no-save --no-fund --no-audit "@dvcorg/cml@${CML_VERSION}"`);
    expect(String(setup.run)).toContain('>> "${GITHUB_PATH}"');
    const post = report.find((s) => s.name === 'Post the metrics diff (CML)')!;
    expect(report.indexOf(setup)).toBeLessThan(report.indexOf(post));
    expect(String(post.run)).toContain('cml comment update --target=pr dvc-report.md');
    // The comment points at the plots diff, kept as an artifact of the run after the comment is posted.
    expect(String(post.run)).toContain('dvc plots diff "origin/${BASE_BRANCH}" --out dvc-results/plots-diff');
    expect(post.env).toMatchObject({ RUN_URL: '${{ github.server_url }}/${{ github.repository }}/actions/runs/${{ github.run_id }}' });
    const upload = report.find((s) => String(s.uses).startsWith('actions/upload-artifact@'))!;
    expect(report.indexOf(post)).toBeLessThan(report.indexOf(upload));
  });

  it('the report diffs against the base branch from the full-history checkout, without fetching (the clone keeps no credentials)', () => {
    const doc = parseYaml(renderCase(cases.find((x) => x.id === 'github/dvc-gcs/full/vendored')!));
    const report = (doc.jobs as Record<string, Obj>).report!;
    const post = String((report.steps as Obj[]).find((step) => String(step.run).includes('cml comment update'))!.run);
    expect(post).not.toContain('git fetch');
    expect(post).toContain('dvc metrics diff --md "origin/${BASE_BRANCH}"');
    expect(((report.steps as Obj[])[0]!.with as Obj)['persist-credentials']).toBe(false);
  });

  it('secrets appear only as ${{ secrets.X }} in with:/env:, and only the ones the inputs need', () => {
    const conn = parseYaml(renderCase(cases.find((x) => x.id === 'github/dvc-azure/defaults/vendored')!));
    const sp = renderCase(cases.find((x) => x.id === 'github/dvc-azure/service-principal/vendored')!);
    const pull = stepsOf(conn).find((s) => s.id === 'pull')!;
    expect(pull.env).toEqual({ AZURE_STORAGE_CONNECTION_STRING: '${{ secrets.AZURE_STORAGE_CONNECTION_STRING }}' });
    expect(sp).toContain('AZURE_CLIENT_SECRET: ${{ secrets.AZURE_CLIENT_SECRET }}');
    expect(sp).not.toContain('AZURE_STORAGE_CONNECTION_STRING');
    const repro = stepsOf(conn).find((s) => s.id === 'repro')!;
    expect(repro.env).toBeUndefined();
  });

  it('the reusable dvc-azure workflow passes only the secrets of the chosen azure-auth, and the storage account', () => {
    const doc = parseYaml(published.find((p) => p.template === 'dvc-azure')!.text);
    const pull = stepsOf(doc).find((s) => s.id === 'pull')!;
    expect(pull.env).toEqual({
      AZURE_STORAGE_CONNECTION_STRING: "${{ inputs.azure-auth == 'connection-string' && secrets.AZURE_STORAGE_CONNECTION_STRING || '' }}",
      AZURE_CLIENT_ID: "${{ inputs.azure-auth == 'service-principal' && secrets.AZURE_CLIENT_ID || '' }}",
      AZURE_TENANT_ID: "${{ inputs.azure-auth == 'service-principal' && secrets.AZURE_TENANT_ID || '' }}",
      AZURE_CLIENT_SECRET: "${{ inputs.azure-auth == 'service-principal' && secrets.AZURE_CLIENT_SECRET || '' }}",
      AZURE_STORAGE_ACCOUNT: '${{ inputs.azure-storage-account }}',
    });
    const sp = stepsOf(parseYaml(renderCase(cases.find((x) => x.id === 'github/dvc-azure/service-principal/vendored')!))).find((s) => s.id === 'push')!;
    expect(Object.keys(sp.env as Obj)).toEqual(['AZURE_CLIENT_ID', 'AZURE_TENANT_ID', 'AZURE_CLIENT_SECRET', 'AZURE_STORAGE_ACCOUNT']);
    expect((sp.env as Obj).AZURE_STORAGE_ACCOUNT).toBe('examplestorage');
  });

  it.each([
    ['requirements.txt', ['python -m pip install -r "requirements.txt"', 'python -m pip install "dvc[gs]==3.63.0"', 'dvc version'], { cache: 'pip', 'cache-dependency-path': 'requirements.txt' }],
    ['pyproject.toml', ['python -m pip install . "dvc[gs]==3.63.0"', 'dvc version'], { cache: 'pip', 'cache-dependency-path': 'pyproject.toml' }],
    ['', ['python -m pip install "dvc[gs]==3.63.0"', 'dvc version'], {}],
  ])('requirements %j: the file alone, then DVC (a file with --hash lines installs)', (requirements, install, cache) => {
    const doc = parseYaml(renderCase({ id: '', provider: 'github', template: 'dvc-gcs', mode: 'vendored', inputs: { requirements } }));
    const steps = stepsOf(doc);
    expect(steps.filter((s) => String(s.run ?? '').includes('pip install')).map((s) => String(s.run).split('\n'))).toEqual([install]);
    expect(steps[1]!.with).toEqual({ 'python-version': '3.12', ...cache });
  });

  it.each([
    ['poetry', ['python -m pip install "poetry==2.1.3"', 'POETRY_VIRTUALENVS_IN_PROJECT=true poetry install --no-root --no-interaction', '.venv/bin/python -m pip install "dvc[gs]==3.63.0"', '.venv/bin/dvc version', 'echo "$PWD/.venv/bin" >> "$GITHUB_PATH"']],
    ['uv', ['python -m pip install "uv==0.7.13"', 'uv sync --frozen', 'uv pip install --python .venv/bin/python "dvc[gs]==3.63.0"', '.venv/bin/dvc version', 'echo "$PWD/.venv/bin" >> "$GITHUB_PATH"']],
  ])('installer %s: the lock file, then DVC into the project environment, which leads PATH', (installer, install) => {
    const doc = parseYaml(renderCase({ id: '', provider: 'github', template: 'dvc-gcs', mode: 'vendored', inputs: { installer, requirements: 'pyproject.toml', 'working-directory': 'ml' } }));
    const steps = stepsOf(doc);
    expect(steps.filter((s) => String(s.run ?? '').includes('pip install')).map((s) => String(s.run).split('\n'))).toEqual([install]);
    // No pip cache: the lock file is not a requirements file setup-python can key it by.
    expect(steps[1]!.with).toEqual({ 'python-version': '3.12' });
    const names = steps.map((s) => String(s.name));
    expect(names.findIndex((n) => n.startsWith('Install the locked'))).toBeLessThan(names.findIndex((n) => n.startsWith('Pull data')));
  });

  it('dvc-cache: the DVC cache is restored before dvc pull, keyed on dvc.lock, and the run-cache is pulled and pushed', () => {
    const doc = parseYaml(renderCase({ id: '', provider: 'github', template: 'dvc-gcs', mode: 'vendored', inputs: { 'dvc-cache': true, push: true, 'working-directory': 'ml' } }));
    const steps = stepsOf(doc);
    const cache = steps.findIndex((s) => String(s.uses ?? '').startsWith('actions/cache@'));
    expect(steps[cache]).toMatchObject({
      uses: 'actions/cache@27d5ce7f107fe9357f9df03efb73ab90386fccae',
      with: { path: 'ml/.dvc/cache', key: "dvc-cache-dvc-gcs-ml-${{ hashFiles('ml/dvc.lock') }}", 'restore-keys': 'dvc-cache-dvc-gcs-ml-' },
    });
    const runs = steps.map((s) => String(s.run ?? ''));
    const pull = runs.indexOf('dvc pull --run-cache');
    expect(cache).toBeGreaterThan(0);
    expect(pull).toBeGreaterThan(cache);
    expect(runs.indexOf('dvc push --run-cache')).toBeGreaterThan(runs.findIndex((r) => r.endsWith('dvc push')));
    expect(runs).not.toContain('dvc pull');

    const off = stepsOf(parseYaml(renderCase({ id: '', provider: 'github', template: 'dvc-gcs', mode: 'vendored', inputs: { push: true } })));
    expect(off.some((s) => String(s.uses ?? '').startsWith('actions/cache@'))).toBe(false);
    expect(off.map((s) => String(s.run ?? '')).filter((r) => r.includes('--run-cache'))).toEqual([]);
  });

  it('dvc-cache in the reusable workflow: the cache step and the run-cache variants are switched by the input', () => {
    const steps = stepsOf(parseYaml(published.find((p) => p.template === 'dvc-gcs')!.text));
    expect(steps.find((s) => String(s.uses ?? '').startsWith('actions/cache@'))).toMatchObject({
      if: 'inputs.dvc-cache',
      with: { key: "dvc-cache-dvc-gcs-${{ inputs.working-directory }}-${{ hashFiles(format('{0}/dvc.lock', inputs.working-directory)) }}" },
    });
    expect(steps.find((s) => s.run === 'dvc pull')?.if).toBe("inputs.pull-strategy == 'separate' && !inputs.dvc-cache");
    expect(steps.find((s) => s.run === 'dvc pull --run-cache')?.if).toBe("inputs.pull-strategy == 'separate' && inputs.dvc-cache");
  });

  it('the reusable workflow takes typed inputs and declares its secrets', () => {
    const doc = parseYaml(published.find((p) => p.template === 'dvc-gcs')!.text);
    const call = (doc.on as Obj).workflow_call as Obj;
    expect((call.inputs as Obj)['dvc-version']).toMatchObject({ type: 'string', default: '3.63.0' });
    expect((call.inputs as Obj)['timeout-minutes']).toMatchObject({ type: 'number', default: 60 });
    // The caller decides: CML is the separate report workflow, branches are the caller's triggers.
    expect((call.inputs as Obj).cml).toBeUndefined();
    expect((call.inputs as Obj).branches).toBeUndefined();
    expect(call.secrets).toEqual({ GCP_SERVICE_ACCOUNT_KEY: { description: expect.any(String), required: true } });
    const keyless = parseYaml(published.find((p) => p.template === 'dvc-gcs-keyless')!.text);
    expect((((keyless.on as Obj).workflow_call as Obj).inputs as Obj)['workload-identity-provider']).toMatchObject({ type: 'string', required: true });
  });
});

describe('Google Cloud credentials are written under $RUNNER_TEMP, never into the workspace', () => {
  const python3 = spawnSync('python3', ['--version']).status === 0;
  if (!python3) console.warn('SKIPPED: running the credentials steps needs python3');

  function steps(template: string, inputs: Record<string, unknown> = {}): Obj[] {
    const doc = parseYaml(render('github', template, { ...REQUIRED_INPUTS[template], ...inputs }));
    return (doc.jobs as Record<string, Obj>).experiment!.steps as Obj[];
  }

  it.each(['dvc-gcs', 'dvc-gcs-keyless'])('%s: no action writes a credentials file; the last step removes ours whatever happened', (template) => {
    const list = steps(template);
    expect(JSON.stringify(list)).not.toContain('google-github-actions/auth');
    const write = list.find((s) => String(s.run).includes('GOOGLE_APPLICATION_CREDENTIALS='))!;
    expect(String(write.run)).toContain('credentials="${RUNNER_TEMP}/');
    expect(list.at(-1)).toMatchObject({ if: 'always()', run: 'rm -f "${GOOGLE_APPLICATION_CREDENTIALS:-}"' });
  });

  it.skipIf(!python3)('dvc-gcs-keyless: the step writes a private external_account configuration that fetches the GitHub OIDC token', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'templates-wif-'));
    try {
      const bin = path.join(dir, 'bin');
      mkdirSync(bin);
      symlinkSync(spawnSync('sh', ['-c', 'command -v python3'], { encoding: 'utf8' }).stdout.trim(), path.join(bin, 'python'));
      const write = steps('dvc-gcs-keyless').find((s) => String(s.run).includes('GOOGLE_APPLICATION_CREDENTIALS='))!;
      const env = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, RUNNER_TEMP: dir, GITHUB_RUN_ID: '7', GITHUB_JOB: 'experiment', GITHUB_ENV: path.join(dir, 'env'), ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions.example/x?api-version=2.0', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token' };
      const r = spawnSync('bash', ['-e', '-c', String(write.run)], { env, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const file = path.join(dir, 'gcp-credentials-7-experiment.json');
      expect(readFileSync(path.join(dir, 'env'), 'utf8')).toBe(`GOOGLE_APPLICATION_CREDENTIALS=${file}\n`);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const provider = String(REQUIRED_INPUTS['dvc-gcs-keyless']!['workload-identity-provider']);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
        type: 'external_account',
        audience: `//iam.googleapis.com/${provider}`,
        subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
        token_url: 'https://sts.googleapis.com/v1/token',
        service_account_impersonation_url: `https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/${String(REQUIRED_INPUTS['dvc-gcs-keyless']!['service-account'])}:generateAccessToken`,
        credential_source: {
          url: `https://token.actions.example/x?api-version=2.0&audience=${encodeURIComponent(`https://iam.googleapis.com/${provider}`)}`,
          headers: { Authorization: 'Bearer request-token' },
          format: { type: 'json', subject_token_field_name: 'value' },
        },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the experiment keeps its metrics and plots', () => {
  it('the reusable workflow uploads dvc-results under a name unique per call (template, working directory, group)', () => {
    const doc = parseYaml(published.find((p) => p.path === '.github/workflows/dvc-gcs.yml')!.text);
    const steps = ((doc.jobs as Record<string, Obj>).experiment!.steps as Obj[]);
    const collect = steps.findIndex((s) => String(s.run).includes('dvc metrics show --json > dvc-results/metrics.json'));
    const upload = steps.findIndex((s) => String(s.uses).startsWith('actions/upload-artifact@'));
    expect(collect).toBeGreaterThan(steps.findIndex((s) => s.id === 'repro'));
    expect(upload).toBeGreaterThan(collect);
    expect(steps[upload]).toMatchObject({ uses: `actions/upload-artifact@${ACTIONS['upload-artifact'].sha}`, with: { name: '${{ steps.results-name.outputs.name }}', path: '${{ inputs.working-directory }}/dvc-results' } });
    const name = String(steps.find((s) => s.id === 'results-name')!.run);
    const dir = mkdtempSync(path.join(tmpdir(), 'templates-output-'));
    try {
      const output = path.join(dir, 'output');
      const r = spawnSync('bash', ['-c', name], { encoding: 'utf8', env: { ...process.env, WORKING_DIRECTORY: 'ml/forecast', CONCURRENCY_GROUP: '', GITHUB_OUTPUT: output } });
      expect(r.status, r.stderr).toBe(0);
      expect(readFileSync(output, 'utf8')).toBe('name=dvc-results-dvc-gcs-ml-forecast-\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
