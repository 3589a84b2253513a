/**
 * No value quoted from a repository file shows a secret: findings of every rule (`.dvc/config`
 * endpoint URLs, requirements URLs), `--fix-dry-run` context lines, YAML syntax messages, in every
 * output format and in the pre-commit hook.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { redactLines } from '../../src/rules/util/secrets.js';
import { lintText } from '../../src/index.js';
import { PKG_DIR, runCli } from '../cli.helpers.js';
import { hostileRepo } from './helpers.js';

/** Passwords with the characters that ended the old URL match: quotes, slashes, spaces, `@`. */
const PASSWORDS = [`pa'ss"wo/rd with spaces`, 'p@ss/w0rd', `it's"quoted"`];
const TOKEN = 'glpat-Zx81TOKENVALUEq2w3e4r5';

function dvcConfig(password: string): string {
  return `[core]\n    remote = storage\n['remote "storage"']\n    url = s3://bucket/path\n    endpointurl = https://admin:${password}@minio.example.com:9000\n`;
}

const WORKFLOW = `on: push
permissions:
  contents: read
jobs:
  train:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - run: pip install -r requirements.txt
      - run: dvc pull
`;

describe('secrets quoted from repository files are redacted', () => {
  for (const password of PASSWORDS) {
    it.each(['stylish', 'json', 'sarif', 'gitlab', 'github'])(`.dvc/config endpoint password #${PASSWORDS.indexOf(password)}, %s`, (format) => {
      const { root } = hostileRepo({
        '.dvc/config': dvcConfig(password),
        'requirements.txt': `dvc @ git+https://oauth2:${TOKEN}@gitlab.example.com/iterative/dvc.git\n`,
        '.github/workflows/ci.yml': WORKFLOW,
      });
      const r = runCli(['--format', format], { cwd: root });
      const out = r.stdout + r.stderr;
      // The findings that quote these values are there …
      expect(out).toContain('dvc-remote-credentials');
      expect(out).toContain('dvc-version-pinned');
      expect(out).toContain('minio.example.com');
      // … without the values.
      expect(out).not.toContain(password.slice(2));
      expect(out).not.toContain(TOKEN.slice(4));
    });
  }

  it('.dvc/config.local is redacted too', () => {
    const { root } = hostileRepo({ '.dvc/config': '[core]\n    remote = storage\n', '.dvc/config.local': dvcConfig('local-secret-pass'), '.github/workflows/ci.yml': WORKFLOW });
    const r = runCli([], { cwd: root });
    expect(r.stdout).toContain('dvc-remote-credentials');
    expect(r.stdout).not.toContain('cal-secret-pass');
  });

  it('the pre-commit hook bundle redacts the same way', () => {
    const { root } = hostileRepo({ '.dvc/config': dvcConfig(PASSWORDS[0]!), 'requirements.txt': `dvc @ git+https://oauth2:${TOKEN}@gitlab.example.com/x.git\n`, '.github/workflows/ci.yml': WORKFLOW });
    // The hook bundle built from these sources, next to the repository (removed with it).
    const hook = path.join(root, '..', 'hook', 'mlops-lint.cjs');
    execFileSync(process.execPath, ['scripts/build.mjs', '--only-hook', '--hook-out', hook], { cwd: PKG_DIR, stdio: 'ignore' });
    const r = runCli(['.github/workflows/ci.yml'], { cwd: root, bin: hook });
    expect(r.stdout).toContain('dvc-version-pinned');
    expect(r.stdout + r.stderr).not.toContain(TOKEN.slice(4));
    expect(r.stdout + r.stderr).not.toContain(PASSWORDS[0]!.slice(2));
  }, 60_000);
});

describe('--fix-dry-run redacts its context lines', () => {
  const SECRETS = {
    dockerLogin: 'hunter2hunter2',
    bearer: 'abcdefSECRETBEARER123',
    sas: 'SASSIGNATUREVALUE123%3D',
    urlUser: 'ghx_TOKENASUSERNAME123456',
    passphrase: 'my secret phrase here',
  };
  const text = `on: push
permissions:
  contents: read
jobs:
  train:
    runs-on: ubuntu-24.04
    steps:
      - run: |
          docker login -p ${SECRETS.dockerLogin} registry.example.com
          curl -H "Authorization: Bearer ${SECRETS.bearer}" https://x.example.com
          curl "https://acct.blob.core.windows.net/c/f?sv=2020-08-04&sig=${SECRETS.sas}"
      - run: cml-send-comment report.md
      - run: |
          git clone https://${SECRETS.urlUser}@github.com/o/r
          gpg --batch --passphrase "${SECRETS.passphrase}" -d f.gpg
`;

  it.each(Object.entries(SECRETS))('%s', (_kind, secret) => {
    const { root } = hostileRepo({ '.github/workflows/ci.yml': text });
    const r = runCli(['--fix-dry-run'], { cwd: root });
    expect(r.stdout).toContain('+      - run: cml comment create report.md');
    expect(r.stdout).toContain('[redacted');
    expect(r.stdout + r.stderr).not.toContain(secret.slice(3));
  });

  it('keeps references to secrets and plain words readable', () => {
    const lines = [
      'curl -H "Authorization: Bearer ${{ secrets.API_TOKEN }}" https://x.example.com',
      'curl -H "Authorization: token $GITHUB_TOKEN" https://x.example.com',
      'git clone https://oauth2:${CI_JOB_TOKEN}@gitlab.example.com/g/p.git',
      'docker login -p "$REGISTRY_PASSWORD" registry.example.com',
      'pass the key as a Bearer token',
    ].join('\n');
    expect(redactLines(lines)).toBe(lines);
  });

  it('keeps what is not secret readable', () => {
    expect(redactLines('git clone https://git@github.com/o/r\ncurl https://example.com:8080/a?x=1 and me@example.com\nmkdir -p build')).toBe(
      'git clone https://git@github.com/o/r\ncurl https://example.com:8080/a?x=1 and me@example.com\nmkdir -p build',
    );
  });
});

describe('YAML syntax messages never echo the source', () => {
  it.each([
    ['block scalar header', 'on: push\njobs:\n  a:\n    run: |SECRETabc123\n      x\n'],
    ['not a token', 'on: push\njobs:\n  a: "x"SECRETabc123 b\n'],
    ['escape', 'a: "\\qSECRETabc123"\n'],
    ['tag', 'a: b\nc: !SECRETabc123 [x\n'],
    ['flow', 'a: {b: c, SECRETabc123 d: e}}\n'],
  ])('%s', async (_name, yaml) => {
    const found = await lintText(yaml, '.github/workflows/x.yml', { noConfig: true, cwd: hostileRepo({}).root });
    expect(found.some((d) => d.ruleId === 'yaml-syntax')).toBe(true);
    for (const d of found) expect(d.message).not.toContain('SECRET');
  });

  it.each([
    ['config', '.mlops-lint.yaml', 'rules: |SECRETabc123\n  x\n'],
    ['ruleset', 'rules.yaml', 'rules: "x"SECRETabc123 b\n'],
  ])('%s files too', (_what, name, yaml) => {
    const files: Record<string, string> = { '.github/workflows/ci.yml': 'on: push\njobs: {}\n', [name]: yaml };
    if (name === 'rules.yaml') files['.mlops-lint.yaml'] = 'rulesets: [rules.yaml]\n';
    const r = runCli([], { cwd: hostileRepo(files).root });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(name.replace('.', '\\.')));
    expect(r.stderr).not.toContain('SECRET');
  });
});
