import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, clearConfigCache, lintFiles } from '../../src/index.js';
import { tempRepo } from './helpers.js';

const GH = 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    timeout-minutes: 10\n    steps:\n      - run: echo\n  test:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo\n';

describe('Spectral rulesets', () => {
  it('runs custom rules configured in rulesets: at the right lines', async () => {
    clearConfigCache();
    const dir = tempRepo({
      '.github/workflows/ci.yml': GH,
      '.mlops-lint.yaml': 'rulesets: [rules/custom.yaml]\nrules:\n  job-has-timeout: error\n',
      'rules/custom.yaml': readFileSync(path.join(import.meta.dirname, 'fixtures/ruleset.yaml'), 'utf8'),
    });
    const [result] = await lintFiles([], { cwd: dir, rules: [] });
    expect(result!.diagnostics.map((d) => [d.ruleId, d.severity, d.line, d.column, d.message])).toEqual([
      ['no-latest-runner', 'error', 4, 14, 'Runner ubuntu-latest is a moving label'],
      ['job-has-timeout', 'error', 8, 8, 'Jobs need timeout-minutes'],
    ]);
  });

  it('reports an unknown function as a config error', async () => {
    clearConfigCache();
    const dir = tempRepo({
      '.github/workflows/ci.yml': GH,
      '.mlops-lint.yaml': 'rulesets: bad.yaml\n',
      'bad.yaml': 'rules:\n  r:\n    given: $\n    then:\n      function: nope\n',
    });
    await expect(lintFiles([], { cwd: dir, rules: [] })).rejects.toBeInstanceOf(ConfigError);
  });

  it('follows extends between ruleset files and links each rule to its documentation', async () => {
    clearConfigCache();
    const dir = tempRepo({
      '.github/workflows/ci.yml': GH,
      '.mlops-lint.yaml': 'rulesets: team.yaml\n',
      'team.yaml': 'extends: ./base.yaml\n',
      'base.yaml': 'documentationUrl: https://example.com/ci-rules\nrules:\n  no-latest-runner:\n    severity: warn\n    given: "$.jobs[*].runs-on"\n    then:\n      function: pattern\n      functionOptions: {notMatch: latest}\n',
    });
    const [result] = await lintFiles([], { cwd: dir, rules: [] });
    expect(result!.diagnostics.map((d) => [d.ruleId, d.severity, d.line, d.docsUrl])).toEqual([['no-latest-runner', 'warning', 4, 'https://example.com/ci-rules#no-latest-runner']]);
  });
});
