/**
 * Spectral is an optional peer dependency: loaded only when `rulesets:` is configured, and a clear
 * install message when it is configured but not installed. The CLI runs with a preload that makes
 * every `@stoplight/*` package unresolvable, as in an install without them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PKG_DIR, runCli } from '../cli.helpers.js';
import { hostileRepo } from './helpers.js';

const WITHOUT_SPECTRAL = `const Module = require('node:module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request.startsWith('@stoplight/')) throw Object.assign(new Error("Cannot find module '" + request + "'"), { code: 'MODULE_NOT_FOUND' });
  return resolve.call(this, request, ...rest);
};
`;

const WORKFLOW = 'on: push\npermissions:\n  contents: read\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ok\n';

function withoutSpectral(root: string): Record<string, string> {
  const preload = path.join(root, '..', 'without-spectral.cjs');
  writeFileSync(preload, WITHOUT_SPECTRAL);
  return { NODE_OPTIONS: `--require ${preload}` };
}

describe('Spectral is an optional peer dependency', () => {
  it('is declared as an optional peer, not a dependency', () => {
    const pkg = JSON.parse(readFileSync(path.join(PKG_DIR, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; peerDependencies: Record<string, string>; peerDependenciesMeta: Record<string, { optional?: boolean }> };
    for (const name of ['@stoplight/spectral-core', '@stoplight/spectral-functions', '@stoplight/spectral-parsers']) {
      expect(pkg.dependencies[name]).toBeUndefined();
      expect(pkg.peerDependencies[name]).toBeDefined();
      expect(pkg.peerDependenciesMeta[name]?.optional).toBe(true);
    }
  });

  it('is not needed without rulesets', () => {
    const { root } = hostileRepo({ '.github/workflows/ci.yml': WORKFLOW });
    const r = runCli([], { cwd: root, env: withoutSpectral(root) });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('without it, configured rulesets are a clear install message', () => {
    const { root } = hostileRepo({ '.github/workflows/ci.yml': WORKFLOW, '.mlops-lint.yaml': 'rulesets: [rules.yaml]\n', 'rules.yaml': 'rules:\n  r:\n    given: $\n    then:\n      function: truthy\n' });
    const r = runCli([], { cwd: root, env: withoutSpectral(root) });
    expect(r.stderr).toBe('mlops-lint: rulesets: custom rules run with Spectral, which is not installed: npm install --save-dev @stoplight/spectral-core @stoplight/spectral-functions @stoplight/spectral-parsers\n');
    expect(r.status).toBe(2);
  });
});
