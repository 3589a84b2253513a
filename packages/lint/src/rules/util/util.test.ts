import { describe, expect, it } from 'vitest';
import type { Script } from '../../model.js';
import { dvcInvocation } from './dvc.js';
import { dvcVersionOfImage, isDvcImage, parseImage } from './images.js';
import { isBranchRef, isFullSha } from './known-actions.js';
import { parsePipInstall, parsePipRequirement } from './pip.js';
import { findSecretValues, isReference, isSecretName, redact, redactLines } from './secrets.js';
import { commands } from './shell.js';

function script(text: string, line = 10, column = 7): Script {
  const lines = text.split('\n').map((t, i) => ({ text: t, span: { file: 'f.yml', line: line + i, column, endLine: line + i, endColumn: column + t.length } }));
  return { text, span: lines[0]!.span, lines };
}

describe('shell commands', () => {
  it('splits operators, strips comments and wrappers, keeps positions', () => {
    const cmds = commands(script('pip install dvc && poetry run dvc repro || true # hide\nFOO=1 sudo -E python -m dvc pull | tee log; echo "a && b"'));
    expect(cmds.map((c) => [c.argv.join(' '), c.prev, c.next, c.span.line, c.span.column])).toEqual([
      ['pip install dvc', 'end', '&&', 10, 7],
      ['dvc repro', '&&', '||', 10, 37],
      ['true', '||', 'end', 10, 50],
      ['dvc pull', 'end', '|', 11, 31],
      ['tee log', '|', ';', 11, 42],
      ['echo a && b', ';', 'end', 11, 51],
    ]);
  });

  it('joins continuation lines and ignores operators inside $( ) and quotes', () => {
    const cmds = commands(script('dvc plots diff \\\n  --targets x.json \\\n  main > vega.json\nX=$(cat a | wc -l) && echo \'|\''));
    expect(cmds.map((c) => c.argv.join(' '))).toEqual(['dvc plots diff --targets x.json main > vega.json', '', "echo |"]);
    expect(cmds[2]!.span.line).toBe(13);
  });
});

describe('dvc invocations', () => {
  const inv = (t: string) => dvcInvocation(commands(script(t))[0]!);
  it.each([
    ['dvc pull', 'pull', []],
    ['dvc -v repro --pull', 'repro', ['--pull']],
    ['dvc exp run -S a=1', 'exp run', ['-S', 'a=1']],
    ['dvc metrics diff main --md', 'metrics diff', ['main', '--md']],
    ['uv run dvc remote modify --local s3 password x', 'remote modify', ['--local', 's3', 'password', 'x']],
  ])('%s', (text, sub, args) => {
    expect(inv(text)).toMatchObject({ sub, args });
  });
  it('is undefined for other programs', () => expect(inv('echo dvc pull')).toBeUndefined());
});

describe('pip', () => {
  it.each([
    ['dvc==3.63.0', { name: 'dvc', extras: [], version: '3.63.0', exact: true }],
    ['dvc[gs,s3]===3.1.0', { name: 'dvc', extras: ['gs', 's3'], version: '3.1.0', exact: true }],
    ['dvc>=3', { name: 'dvc', specifier: '>=3', exact: false }],
    ['dvc==3.*', { exact: false }],
    ['DVC', { name: 'dvc', specifier: '', exact: false }],
  ])('parses %s', (text, expected) => expect(parsePipRequirement(text)).toMatchObject(expected));

  it('reads install commands', () => {
    const [cmd] = commands(script('python3 -m pip install -U --quiet "dvc[gs]==3.63.0" -r requirements.txt scikit-learn'));
    const p = parsePipInstall(cmd!)!;
    expect(p.files).toEqual(['requirements.txt']);
    expect(p.packages.map((x) => x.raw)).toEqual(['dvc[gs]==3.63.0', 'scikit-learn']);
    expect(parsePipInstall(commands(script('poetry install --no-root'))[0]!)).toEqual({ packages: [], files: ['poetry.lock'] });
    expect(parsePipInstall(commands(script('pip freeze'))[0]!)).toBeUndefined();
  });
});

describe('images', () => {
  it.each([
    ['iterativeai/cml:0-dvc2-base1', { repository: 'iterativeai/cml', tag: '0-dvc2-base1' }, true, undefined],
    ['docker://dvcorg/cml-py3:latest', { repository: 'dvcorg/cml-py3', tag: 'latest' }, true, undefined],
    ['registry.example.com:5000/team/img@sha256:abc', { registry: 'registry.example.com:5000', repository: 'team/img', digest: 'sha256:abc' }, false, undefined],
    ['iterativeai/cml:0-dvc3.63.0-base1', { tag: '0-dvc3.63.0-base1' }, true, '3.63.0'],
  ])('%s', (text, expected, dvc, version) => {
    const ref = parseImage(text);
    expect(ref).toMatchObject(expected);
    expect(isDvcImage(ref)).toBe(dvc);
    expect(dvcVersionOfImage(ref)).toBe(version);
  });
});

describe('action refs', () => {
  it.each([
    ['main', true],
    ['master', true],
    ['v4', false],
    ['v4.2.1', false],
    ['1.2.3', false],
    ['a'.repeat(40), false],
    ['release/v1', true],
  ])('%s is a branch: %s', (ref, branch) => expect(isBranchRef(ref)).toBe(branch));
  it('knows full SHAs', () => expect([isFullSha('0123456789abcdef0123456789abcdef01234567'), isFullSha('v1')]).toEqual([true, false]));
});

describe('secrets', () => {
  it.each([
    ['GCP_SERVICE_ACCOUNT_KEY', true],
    ['REPO_TOKEN', true],
    ['DB_PASSWORD', true],
    ['CML_PAT', true],
    ['AWS_SECRET_ACCESS_KEY', true],
    ['AWS_ACCESS_KEY_ID', false],
    ['GOOGLE_APPLICATION_CREDENTIALS', false],
    ['PIP_CACHE_DIR', false],
    ['KEYWORDS', false],
    ['restore-keys', false],
    ['key', false],
    ['ssh-key', true],
    ['private-key-id', false],
    ['skip-token-check', false],
    ['service_account', false],
    ['token', true],
    ['password', true],
  ])('%s secret-like: %s', (name, yes) => expect(isSecretName(name)).toBe(yes));

  it('recognises references', () => {
    expect(['${{ secrets.X }}', '$VAR', '${VAR}', '"$A"', '$[[ inputs.key ]]'].map(isReference)).toEqual([true, true, true, true, true]);
    expect(isReference('hunter2')).toBe(false);
  });

  it('finds secret values by shape', () => {
    const kinds = (t: string) => findSecretValues(t).map((m) => m.kind);
    expect(kinds('id: AKIAIOSFODNN7EXAMPLE\nkey: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toEqual(['AWS access key id', 'AWS secret access key']);
    expect(kinds('-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----')).toEqual(['private key']);
    expect(kinds('{"type": "service_account", "project_id": "p"}')).toEqual(['service account key']);
    expect(kinds(`t=ghp_${'a'.repeat(36)} g=glpat-${'b'.repeat(20)} DefaultEndpointsProtocol=https;AccountKey=${'c'.repeat(30)}== xoxb-1234567890-abc`)).toEqual([
      'GitHub token',
      'GitLab token',
      'Azure storage key',
      'Slack token',
    ]);
    expect(kinds('sha: 0123456789abcdef0123456789abcdef01234567 ${{ secrets.AWS_SECRET_ACCESS_KEY }}')).toEqual([]);
  });

  it('redacts to at most 4 leading characters and the length', () => {
    expect(redact('AKIAIOSFODNN7EXAMPLE')).toBe('"AKIA…" (20 characters)');
    expect(redact('hunter2')).toBe('"…" (7 characters)');
    expect(redact('AKIAIOSFODNN7EXAMPLE')).not.toContain('EXAMPLE');
  });
});

describe('GitHub expressions in scripts', () => {
  it('keep `${{ … }}` in one word and `env` alone is a program', () => {
    const cmds = commands(script(`echo \${{ secrets.TOKEN }} "\${{ github.event_name == 'push' }}"\nenv\nenv FOO=1 dvc pull`));
    expect(cmds.map((c) => c.argv)).toEqual([['echo', '${{ secrets.TOKEN }}', "${{ github.event_name == 'push' }}"], ['env'], ['dvc', 'pull']]);
  });
});

describe('folded scalars', () => {
  it('are one shell line', () => {
    const s: Script = { ...script('aws sts assume-role-with-web-identity\n--web-identity-token "$CI_JOB_JWT_V2"'), text: 'aws sts assume-role-with-web-identity --web-identity-token "$CI_JOB_JWT_V2"\n' };
    const cmds = commands(s);
    expect(cmds.map((c) => c.argv)).toEqual([['aws', 'sts', 'assume-role-with-web-identity', '--web-identity-token', '$CI_JOB_JWT_V2']]);
    expect(cmds[0]!.span.line).toBe(10);
  });
});

describe('redactLines on a diff', () => {
  it('replaces every secret-shaped value and keeps the rest', () => {
    const out = redactLines('+  AWS_ACCESS_KEY_ID: AKIAIOSFODNN7EXAMPLE\n   run: dvc pull\n');
    expect(out).toBe('+  AWS_ACCESS_KEY_ID: [redacted AWS access key id "AKIA…" (20 characters)]\n   run: dvc pull\n');
  });
});

describe('redactLines', () => {
  it.each([
    ['secret-shaped value', '  AWS_ACCESS_KEY_ID: AKIAIOSFODNN7EXAMPLE', '  AWS_ACCESS_KEY_ID: [redacted AWS access key id "AKIA…" (20 characters)]'],
    ['literal of a secret-like name (YAML)', '    DB_PASSWORD: correct-horse-battery-staple', '    DB_PASSWORD: [redacted "corr…" (28 characters)]'],
    ['literal of a secret-like name (shell, quoted)', 'export API_TOKEN="abc123def456"', 'export API_TOKEN="[redacted "ab…" (12 characters)]"'],
    ['secret option', 'docker login --password hunter2hunter2 reg', 'docker login --password [redacted "hu…" (14 characters)] reg'],
    ['DVC remote option', 'dvc remote modify --local storage password Tr0ub4dor-and-3', 'dvc remote modify --local storage password [redacted "Tr…" (15 characters)]'],
    ['URL password', 'git clone https://ci:s3cr3t-in-the-url@git.example.com/x.git', 'git clone https://ci:[redacted "Tr…" (17 characters)]@git.example.com/x.git'.replace('Tr', 's3')],
    ['curl -u user:password', 'curl -fsS -u admin:hunter2hunter2 https://x', 'curl -fsS -u admin:[redacted "hu…" (14 characters)] https://x'],
    ['references stay', '  token: ${{ secrets.TOKEN }}', '  token: ${{ secrets.TOKEN }}'],
    ['variables stay', 'dvc remote modify storage password $DVC_PASSWORD', 'dvc remote modify storage password $DVC_PASSWORD'],
    ['names that are not secret stay', '  cache-key: pip-linux-3.12-abcdef', '  cache-key: pip-linux-3.12-abcdef'],
    ['other options stay', 'dvc remote modify storage url s3://bucket/path', 'dvc remote modify storage url s3://bucket/path'],
  ])('%s', (_name, line, expected) => {
    expect(redactLines(line)).toBe(expected);
  });

  it('keeps the line count of a multi-line key', () => {
    const text = 'KEY: |\n  -----BEGIN RSA PRIVATE KEY-----\n  MIIEowIBAAKCAQEAx4Ul3vmS9kXh\n  -----END RSA PRIVATE KEY-----\nnext: 1\n';
    const out = redactLines(text);
    expect(out.split('\n')).toHaveLength(text.split('\n').length);
    expect(out).not.toContain('MIIEow');
    expect(out).toContain('next: 1');
  });
});

describe('redactLines on redacted text', () => {
  it('redacts once', () => {
    const once = redactLines('  AWS_SECRET_ACCESS_KEY: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    expect(once).toBe('  AWS_SECRET_ACCESS_KEY: [redacted AWS secret access key "wJal…" (40 characters)]');
    expect(redactLines(once)).toBe(once);
  });
});
