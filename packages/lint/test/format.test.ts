/** Output formats: exact stylish text, valid SARIF 2.1.0, GitLab Code Quality, GitHub annotations, and no secret ever printed. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { Diagnostic, FileResult } from '../src/index.js';
import { lintText } from '../src/index.js';
import { formatGithub, formatGitlab, formatJson, formatResults, formatSarif, formatStylish, FORMATS } from '../src/format/index.js';
import { escapeData, escapeProperty } from '../src/format/github.js';

const require = createRequire(import.meta.url);

function diag(over: Partial<Diagnostic>): Diagnostic {
  return { file: '.github/workflows/ci.yml', line: 1, column: 1, endLine: 1, endColumn: 5, ruleId: 'schema', severity: 'error', message: 'msg', docsUrl: 'https://example.invalid/schema.md', ...over };
}

const RESULTS: FileResult[] = [
  {
    file: '.github/workflows/ci.yml',
    diagnostics: [
      diag({ line: 3, column: 5, message: 'unknown key "runs_on" in job "build" (did you mean "runs-on"?)' }),
      diag({ line: 12, column: 11, ruleId: 'permissions', severity: 'warning', message: 'no top-level `permissions:`' }),
      diag({ line: 12, column: 11, ruleId: 'python-pinned', severity: 'warning', message: 'python-version: 3.10 is read as 3.1', fix: { file: '.github/workflows/ci.yml', start: 1, end: 2, text: 'x' } }),
    ],
  },
  { file: '.gitlab-ci.yml', diagnostics: [] },
  { file: 'ci/train.gitlab-ci.yml', diagnostics: [diag({ file: 'ci/train.gitlab-ci.yml', line: 7, column: 3, ruleId: 'template-outdated', severity: 'info', message: 'template 1.0.0 is older than 1.2.0' })] },
];

describe('stylish', () => {
  it('prints files, aligned findings and a summary, deterministically and without colour', () => {
    expect(formatStylish(RESULTS)).toBe(
      [
        '.github/workflows/ci.yml',
        '  3:5    error    unknown key "runs_on" in job "build" (did you mean "runs-on"?)  schema',
        '  12:11  warning  no top-level `permissions:`                                     permissions',
        '  12:11  warning  python-version: 3.10 is read as 3.1                             python-pinned',
        '',
        'ci/train.gitlab-ci.yml',
        '  7:3  info  template 1.0.0 is older than 1.2.0  template-outdated',
        '',
        '✖ 4 problems (1 error, 2 warnings, 1 info)',
        '  1 problem fixable with the `--fix` option.',
        '',
      ].join('\n'),
    );
    expect(formatStylish(RESULTS)).toBe(formatStylish(structuredClone(RESULTS)));
  });

  it('prints nothing when there is nothing to report', () => {
    expect(formatStylish([{ file: 'a.yml', diagnostics: [] }])).toBe('');
  });

  it('colours severities only when asked', () => {
    expect(formatStylish(RESULTS)).not.toContain('\u001b[');
    expect(formatStylish(RESULTS, { color: true })).toContain('\u001b[31merror');
  });
});

describe('json', () => {
  it('is an array of { file, diagnostics }', () => {
    const parsed = JSON.parse(formatJson(RESULTS)) as FileResult[];
    expect(parsed.map((r) => r.file)).toEqual(['.github/workflows/ci.yml', '.gitlab-ci.yml', 'ci/train.gitlab-ci.yml']);
    expect(parsed[0]!.diagnostics[0]).toMatchObject({ line: 3, column: 5, ruleId: 'schema', severity: 'error' });
  });
});

describe('sarif', () => {
  const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const raw = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
  // The published schema is draft-04; ajv 8 reads it as draft-07 once the draft-04 `id` keywords are renamed.
  const schema: Record<string, unknown> = { ...raw, $id: raw.id };
  delete schema.id;
  delete schema.$schema;
  const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false }).compile(schema);

  it('is valid SARIF 2.1.0', () => {
    const log = JSON.parse(formatSarif(RESULTS, { cwd: process.cwd(), version: '1.2.3' })) as unknown;
    const ok = validate(log);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
    expect(ok).toBe(true);
  });

  it('has rules with help URIs, levels and relative artifact locations', () => {
    const log = JSON.parse(formatSarif(RESULTS, { cwd: process.cwd() })) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[];
    };
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0]!;
    const rules = run.tool.driver.rules;
    expect(rules.find((r) => r.id === 'dvc-pull-before-repro')?.helpUri).toBe('https://github.com/mlops-pipeline/mlops-pipeline/blob/main/packages/lint/docs/rules/dvc-pull-before-repro.md');
    expect(run.results.map((r) => r.level)).toEqual(['error', 'warning', 'warning', 'note']);
    for (const r of run.results) expect(rules[r.ruleIndex]!.id).toBe(r.ruleId);
    expect(run.results[0]!.locations[0]!.physicalLocation).toMatchObject({ artifactLocation: { uri: '.github/workflows/ci.yml' }, region: { startLine: 3, startColumn: 5 } });
    expect(run.results[3]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('ci/train.gitlab-ci.yml');
  });

  it('is valid with file errors and absolute paths too', () => {
    const log = JSON.parse(formatSarif([{ file: '/abs/dir with space/x.yml', diagnostics: [diag({ file: '/abs/dir with space/x.yml' })] }, { file: 'gone.yml', diagnostics: [], error: { message: 'gone.yml: no such file' } }], { cwd: '/work' })) as unknown;
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(JSON.stringify(log)).toContain('"uri":"file:///abs/dir%20with%20space/x.yml"');
  });
});

describe('gitlab code quality', () => {
  const issues = JSON.parse(formatGitlab(RESULTS, { cwd: process.cwd() })) as { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }[];

  it('has the fields GitLab reads', () => {
    expect(issues).toHaveLength(4);
    expect(issues[0]).toMatchObject({ check_name: 'schema', severity: 'major', location: { path: '.github/workflows/ci.yml', lines: { begin: 3 } } });
    expect(issues.map((i) => i.severity)).toEqual(['major', 'minor', 'minor', 'info']);
    expect(issues[0]!.description).toContain('runs_on');
  });

  it('has stable, unique fingerprints that do not depend on the message', () => {
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    const again = JSON.parse(formatGitlab(RESULTS, { cwd: process.cwd() })) as typeof issues;
    expect(again.map((i) => i.fingerprint)).toEqual(issues.map((i) => i.fingerprint));
    const reworded = RESULTS.map((r) => ({ ...r, diagnostics: r.diagnostics.map((d) => ({ ...d, message: 'other words' })) }));
    const third = JSON.parse(formatGitlab(reworded, { cwd: process.cwd() })) as typeof issues;
    expect(third.map((i) => i.fingerprint)).toEqual(issues.map((i) => i.fingerprint));
  });
});

describe('github annotations', () => {
  it('prints one workflow command per finding', () => {
    const lines = formatGithub(RESULTS, { cwd: process.cwd() }).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      '::error file=.github/workflows/ci.yml,line=3,col=5,endLine=1,endColumn=5,title=schema::unknown key "runs_on" in job "build" (did you mean "runs-on"?) (schema: https://example.invalid/schema.md)',
    );
    expect(lines[1]).toMatch(/^::warning file=/);
    expect(lines[3]).toMatch(/^::notice file=ci\/train\.gitlab-ci\.yml,line=7,/);
  });

  it('escapes %, CR, LF in messages and also : and , in properties', () => {
    expect(escapeData('100%\r\nnext')).toBe('100%25%0D%0Anext');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
    const out = formatGithub([{ file: 'a,b.yml', diagnostics: [diag({ file: 'a,b.yml', message: 'line1\nline2 50%' })] }], { cwd: process.cwd() });
    expect(out).toContain('file=a%2Cb.yml,');
    expect(out).toContain('::line1%0Aline2 50%25 (');
    expect(out.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('secrets never reach any output format', () => {
  const SECRETS = {
    aws: 'AKIAIOSFODNN7EXAMPLE',
    awsSecret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    token: 'ghp_1234567890abcdefghijABCDEFGHIJ123456',
    password: 'hunter2-Sup3rS3cret!',
  };
  const GITHUB = `on: push
permissions:
  contents: read
env:
  AWS_ACCESS_KEY_ID: ${SECRETS.aws}
  AWS_SECRET_ACCESS_KEY: ${SECRETS.awsSecret}
jobs:
  train:
    runs-on: ubuntu-24.04
    env:
      GH_TOKEN: ${SECRETS.token}
    steps:
      - uses: actions/checkout@v4
      - run: dvc remote modify origin --local password ${SECRETS.password}
`;
  const STRUCTURE = `on: push
permissions:
  contents: ${SECRETS.password}
jobs:
  train:
    runs-on: ubuntu-24.04
    timeout-minutes: ${SECRETS.token}
    steps:
      - run: dvc repro
`;
  const GITLAB = `variables:
  AWS_ACCESS_KEY_ID: ${SECRETS.aws}
  AWS_SECRET_ACCESS_KEY: "${SECRETS.awsSecret}"
  DB_PASSWORD: ${SECRETS.password}
train:
  script:
    - echo ${SECRETS.token}
    - dvc repro
`;
  it.each([
    ['.github/workflows/train.yml', GITHUB],
    ['.gitlab-ci.yml', GITLAB],
    ['.github/workflows/structure.yml', STRUCTURE],
  ])('%s', async (file, text) => {
    const diagnostics = await lintText(text, file, { noConfig: true, cwd: process.cwd() });
    expect(diagnostics.some((d) => d.ruleId.startsWith('secret') || d.ruleId === 'schema')).toBe(true);
    for (const format of FORMATS) {
      const out = formatResults([{ file, diagnostics }], format, { cwd: process.cwd() });
      for (const secret of Object.values(SECRETS)) expect(out, `${format} output shows a secret`).not.toContain(secret);
    }
  });
});
