/**
 * Custom Spectral rulesets never make the linter touch the network or read outside the
 * repository: `$ref`s in the linted file are not followed, rulesets outside the repository
 * are refused, and custom messages are redacted like built-in ones.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, clearConfigCache, lintFiles } from '../../src/index.js';
import { runCli } from '../cli.helpers.js';
import { hostileRepo } from './helpers.js';

const RULESET = `rules:
  job-value:
    message: "job {{property}} is {{value}}"
    severity: error
    given: "$.jobs[*]"
    then:
      field: steps
      function: truthy
  ref-target:
    message: "got {{value}}"
    severity: error
    given: "$..secret"
    then:
      function: falsy
`;

function workflow(ref: string): string {
  return `on: push\njobs:\n  build:\n    runs-on: ubuntu-24.04\n    $ref: "${ref}"\n  other:\n    $ref: "${ref}"\n`;
}

/** A loopback server counting requests; closed by the test, bounded in time. */
async function withServer<T>(body: (url: string, hits: () => number) => Promise<T>): Promise<T> {
  let hits = 0;
  const server = createServer((_req, res) => {
    hits++;
    res.setHeader('content-type', 'application/json');
    res.end('{"secret": "IMDS-CREDENTIAL-VALUE", "steps": null}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const timer = setTimeout(() => server.close(), 20_000);
  try {
    const { port } = server.address() as AddressInfo;
    return await body(`http://127.0.0.1:${port}/latest/meta-data/iam/security-credentials/role`, () => hits);
  } finally {
    clearTimeout(timer);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe('Spectral rulesets run offline and inside the repository', () => {
  it('never fetches a $ref URL from the linted file', async () => {
    await withServer(async (url, hits) => {
      clearConfigCache();
      const { root } = hostileRepo({ '.github/workflows/ci.yml': workflow(url), '.mlops-lint.yaml': 'rulesets: [rules.yaml]\n', 'rules.yaml': RULESET });
      const results = await lintFiles([], { cwd: root, rules: [] });
      const out = JSON.stringify(results);
      expect(hits()).toBe(0);
      expect(out).not.toContain('IMDS-CREDENTIAL-VALUE');
      // The ruleset still ran on the file as written.
      expect(results[0]!.diagnostics.some((d) => d.ruleId === 'job-value')).toBe(true);
    });
  });

  it('never reads a $ref file outside the repository', () => {
    const { root, outside } = hostileRepo({ '.github/workflows/ci.yml': workflow('../../../outside/secrets.yml'), '.mlops-lint.yaml': 'rulesets: [rules.yaml]\n', 'rules.yaml': RULESET });
    writeFileSync(path.join(outside, 'secrets.yml'), 'secret: OUTSIDE-FILE-VALUE\nsteps: null\n');
    for (const [cwd, file] of [
      [root, '.github/workflows/ci.yml'],
      [path.join(root, '.github/workflows'), 'ci.yml'],
    ] as const) {
      const r = runCli(['--format', 'json', file], { cwd });
      expect(r.stdout).toContain('job-value');
      // `secret:` exists only in the outside file: a finding on it means the file was read.
      expect(r.stdout).not.toContain('ref-target');
      expect(r.stdout + r.stderr).not.toContain('OUTSIDE-FILE-VALUE');
      expect(r.stdout + r.stderr).not.toContain('secrets.yml');
    }
  });

  it('refuses a ruleset outside the repository', async () => {
    clearConfigCache();
    const { root, outside } = hostileRepo({ '.github/workflows/ci.yml': workflow('#/x'), '.mlops-lint.yaml': 'rulesets: [../outside/rules.yaml]\n' });
    writeFileSync(path.join(outside, 'rules.yaml'), RULESET);
    const error = await lintFiles([], { cwd: root, rules: [] }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/outside the repository/);
  });

  it('refuses a ruleset that extends one outside the repository', async () => {
    clearConfigCache();
    const { root, outside } = hostileRepo({ '.github/workflows/ci.yml': workflow('#/x'), '.mlops-lint.yaml': 'rulesets: [rules.yaml]\n', 'rules.yaml': 'extends: ../outside/rules.yaml\n' });
    writeFileSync(path.join(outside, 'rules.yaml'), RULESET);
    await expect(lintFiles([], { cwd: root, rules: [] })).rejects.toThrow(/outside the repository/);
  });

  it('redacts custom rule messages', async () => {
    clearConfigCache();
    const { root } = hostileRepo({
      '.github/workflows/ci.yml': 'on: push\njobs:\n  build:\n    runs-on: ubuntu-24.04\n    steps: []\n    secret: "https://deploy:Sup3rS3cretPassw0rd@registry.example.com"\n',
      '.mlops-lint.yaml': 'rulesets: [rules.yaml]\n',
      'rules.yaml': RULESET,
    });
    const [result] = await lintFiles([], { cwd: root, rules: [] });
    const found = result!.diagnostics.find((d) => d.ruleId === 'ref-target');
    expect(found?.message).toContain('registry.example.com');
    expect(found?.message).not.toContain('Sup3rS3cretPassw0rd'.slice(3));
  });
});
