/**
 * A secret in a CI file is never printed by the CLI: not in the `--fix-dry-run` diff (context
 * lines and changed lines) nor in the report next to it, in any format, nor for standard input.
 * (Reports alone: src/rules/secret-redaction.test.ts.)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './cli.helpers.js';

// Fake credentials shaped like real ones.
const SECRETS = {
  awsId: 'AKIAIOSFODNN7EXAMPLE',
  awsSecret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  password: 'correct-horse-battery-staple',
  remotePassword: 'Tr0ub4dor-and-3',
  urlPassword: 's3cr3t-in-the-url',
  pemBody: 'MIIEowIBAAKCAQEAx4Ul3vmS9kXh',
};

/** Hard-coded secrets next to fixable findings (unpinned DVC, deprecated CML), so the diff touches lines around them. */
const WORKFLOW = `on: push
permissions:
  contents: read
env:
  AWS_ACCESS_KEY_ID: ${SECRETS.awsId}
  AWS_SECRET_ACCESS_KEY: ${SECRETS.awsSecret}
jobs:
  train:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - run: pip install dvc[s3]
        env:
          DB_PASSWORD: ${SECRETS.password}
      - run: dvc remote modify --local storage password ${SECRETS.remotePassword}
      - run: git clone https://ci:${SECRETS.urlPassword}@git.example.com/data.git
      - run: cml-send-comment report.md
        env:
          SIGNING_KEY: |
            -----BEGIN RSA PRIVATE KEY-----
            ${SECRETS.pemBody}
            -----END RSA PRIVATE KEY-----
`;

function repo(): string {
  const dir = tempDir('mlops-lint-redact-cli-');
  mkdirSync(path.join(dir, '.git'));
  mkdirSync(path.join(dir, '.github/workflows'), { recursive: true });
  writeFileSync(path.join(dir, '.github/workflows/ci.yml'), WORKFLOW);
  return dir;
}

function expectNoSecret(text: string, where: string): void {
  for (const [kind, value] of Object.entries(SECRETS)) {
    expect(text.includes(value), `${kind} printed in ${where}`).toBe(false);
    expect(text.includes(value.slice(4, 12)), `part of ${kind} printed in ${where}`).toBe(false);
  }
}

describe('the CLI never prints a secret', () => {
  it.each(['stylish', 'json', 'sarif', 'gitlab', 'github'])('--fix-dry-run --format %s: diff and report', (format) => {
    const dir = repo();
    const r = runCli(['--fix-dry-run', '--format', format], { cwd: dir });
    // The fixes are in the diff …
    expect(r.stdout).toContain('+      - run: pip install dvc[s3]==');
    expect(r.stdout).toContain('+      - run: cml comment create report.md');
    // … with the secrets around them redacted, and nothing written.
    expect(r.stdout).toContain('DB_PASSWORD: [redacted');
    expect(r.stdout).toContain('storage password [redacted');
    expect(r.stdout).toContain('https://ci:[redacted');
    expect(r.stdout).toContain('[redacted private key');
    expectNoSecret(r.stdout + r.stderr, `--fix-dry-run --format ${format}`);
    // The report (stderr with --fix-dry-run) names the hard-coded secrets without their values.
    expect(r.stderr).toContain('secret-hardcoded');
    expect(r.status).toBe(1);
    expect(readFileSync(path.join(dir, '.github/workflows/ci.yml'), 'utf8')).toBe(WORKFLOW);
  });

  it('--fix-dry-run on standard input', () => {
    const r = runCli(['-', '--fix-dry-run', '--stdin-filename', '.github/workflows/ci.yml'], { cwd: repo(), input: WORKFLOW });
    expect(r.stdout).toContain('+      - run: pip install dvc[s3]==');
    expectNoSecret(r.stdout + r.stderr, 'stdin --fix-dry-run');
  });

  it('--fix writes the secrets back unchanged (only the diff is redacted)', () => {
    const dir = repo();
    runCli(['--fix'], { cwd: dir });
    const fixed = readFileSync(path.join(dir, '.github/workflows/ci.yml'), 'utf8');
    expect(fixed).toContain('cml comment create report.md');
    for (const value of Object.values(SECRETS)) expect(fixed).toContain(value);
  });
});
