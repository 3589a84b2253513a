import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_SCHEMA, ConfigError, clearConfigCache, lintFiles, lintText } from '../../src/index.js';
import type { Rule } from '../../src/model.js';
import { finder, tempRepo } from './helpers.js';

const withOptions: Rule = {
  meta: {
    id: 'with-options',
    description: 'test',
    defaultSeverity: 'warning',
    fixable: false,
    providers: ['github', 'gitlab'],
    optionsSchema: { type: 'object', properties: { allow: { type: 'array', items: { type: 'string' } } }, additionalProperties: false },
  },
  check(ctx) {
    const allow = (ctx.options.allow as string[] | undefined) ?? [];
    for (const job of ctx.workflow.jobs) if (!allow.includes(job.id)) ctx.report({ span: job.span, message: `job ${job.id}` });
  },
};
const rules = [withOptions, finder('dvc')];
const GH = 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: dvc repro\n';

async function configError(files: Record<string, string>): Promise<ConfigError> {
  clearConfigCache();
  const dir = tempRepo({ '.github/workflows/a.yml': GH, ...files });
  try {
    await lintFiles([], { cwd: dir, rules });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('config files', () => {
  it('applies severities and options from the nearest .mlops-lint.yaml', async () => {
    clearConfigCache();
    const dir = tempRepo({
      '.github/workflows/a.yml': GH,
      '.mlops-lint.yaml': 'rules:\n  find: warn\n  with-options: [error, {allow: [b]}]\n',
    });
    const [result] = await lintFiles([], { cwd: dir, rules });
    expect(result!.file).toBe('.github/workflows/a.yml');
    expect(result!.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([
      ['with-options', 'error'],
      ['find', 'warning'],
    ]);
  });

  it('turns rules off, ignores globs and follows extends', async () => {
    clearConfigCache();
    const dir = tempRepo({
      '.github/workflows/a.yml': GH,
      '.github/workflows/skip.yml': GH,
      'base.json': '{"rules": {"find": "off"}}',
      '.mlops-lint.yml': 'extends: base.json\nignore: [".github/workflows/skip.yml"]\nrules:\n  with-options: [warn, {allow: [a]}]\n',
    });
    const results = await lintFiles([], { cwd: dir, rules });
    expect(results.map((r) => [r.file, r.diagnostics.length])).toEqual([['.github/workflows/a.yml', 0]]);
  });

  it.each([
    ['unknown top-level key', { '.mlops-lint.yaml': 'rules: {}\nextra: 1\n' }, '.mlops-lint.yaml:2:1', 'unknown key `extra`'],
    ['bad severity', { '.mlops-lint.yaml': 'rules:\n  find: loud\n' }, '.mlops-lint.yaml:2:9', 'must be one of'],
    ['unknown rule', { '.mlops-lint.yaml': 'rules:\n  nope: error\n' }, '.mlops-lint.yaml:2:3', 'unknown rule `nope`'],
    ['invalid rule options', { '.mlops-lint.yaml': 'rules:\n  with-options: [error, {allow: [1]}]\n' }, '.mlops-lint.yaml:2:34', 'rules.with-options options.allow.0: must be string'],
    ['YAML syntax error', { '.mlops-lint.yaml': 'rules:\n  find: [warn\n' }, '.mlops-lint.yaml:', ''],
    ['duplicate key', { '.mlops-lint.json': '{"rules": {}, "rules": {}}' }, '.mlops-lint.json:1:', 'duplicate key'],
    ['missing extends', { '.mlops-lint.yaml': 'extends: [nope.yaml]\n' }, '.mlops-lint.yaml:1:11', 'does not exist'],
    ['extends cycle', { '.mlops-lint.yaml': 'extends: b.yaml\n', 'b.yaml': 'extends: .mlops-lint.yaml\n' }, 'b.yaml:1:10', 'extends cycle'],
    ['missing ruleset', { '.mlops-lint.yaml': 'rulesets: [custom.yaml]\n' }, '.mlops-lint.yaml:1:12', 'does not exist'],
  ])('%s is a ConfigError with file:line:col', async (_name, files, where, message) => {
    const error = await configError(files);
    expect(error.format()).toContain(where);
    expect(error.format()).toContain(message);
  });

  it.each([
    ['bad severity', { rules: { find: 'loud' } }, 'config.rules.find: must be one of'],
    ['bad options', { rules: { 'with-options': ['error', { allow: 'x' }] } }, 'rules.with-options options.allow: must be array'],
    ['unknown key', { rule: {} }, 'config: unknown key `rule`'],
  ])('an inline config object is validated too: %s', async (_name, config, message) => {
    await expect(lintText(GH, '.github/workflows/a.yml', { config: config as never, rules })).rejects.toThrow(message);
  });

  it('lintText with an explicit missing config file fails with a ConfigError', async () => {
    await expect(lintText(GH, '.github/workflows/a.yml', { configFile: '/nonexistent/.mlops-lint.yaml', rules })).rejects.toBeInstanceOf(ConfigError);
  });

  it('publishes the same schema as schemas/mlops-lint.schema.json', () => {
    const published = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../../schemas/mlops-lint.schema.json'), 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(CONFIG_SCHEMA)));
  });
});
