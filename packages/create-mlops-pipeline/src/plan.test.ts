import { describe, expect, it } from 'vitest';
import { parseCli } from './args.js';
import type { RepoFacts } from './facts.js';
import { formatRows, makePlan, requireComplete } from './plan.js';

const facts = (over: Partial<RepoFacts> = {}): RepoFacts => ({
  dir: '/r',
  root: '/r',
  workdir: '',
  provider: { value: 'github', source: 'git remote origin' },
  remote: { value: 'gcs', source: '.dvc/config remote "data" (gs)' },
  python: { value: '3.11', source: '.python-version' },
  dvc: { value: '3.63.0', source: 'requirements.txt:1' },
  requirements: { value: 'requirements.txt', source: 'found' },
  branch: { value: 'main', source: 'git HEAD' },
  ciFiles: { github: [], gitlab: [] },
  ...over,
});

describe('makePlan', () => {
  it('takes inferred values and says where they came from', () => {
    const plan = makePlan(facts(), parseCli([]));
    expect(plan.missing).toEqual([]);
    expect(plan.partial).toMatchObject({ provider: 'github', remote: 'gcs', python: '3.11', dvc: '3.63.0', branch: 'main', cml: false, mode: 'vendored' });
    expect(formatRows(plan.rows)).toContain('provider      github            (from git remote origin)');
  });

  it('records the DVC project directory inside the checkout', () => {
    const plan = makePlan(facts({ root: '/', workdir: 'r' }), parseCli([]));
    expect(plan.partial.workdir).toBe('r');
    expect(formatRows(plan.rows)).toMatch(/workdir\s+r\s+\(from the DVC project inside the git checkout\)/);
  });

  it.each([
    [['--provider', 'gitlab'], { provider: 'gitlab' }],
    [['--remote', 's3'], { remote: 's3' }],
    [['--keyless'], { remote: 'gcs-keyless' }],
    [['--remote', 's3', '--keyless'], { remote: 's3-keyless' }],
    [['--python', '3.12', '--dvc', '3.50.1', '--branch', 'dev', '--cml'], { python: '3.12', dvc: '3.50.1', branch: 'dev', cml: true }],
    [['--mode', 'pinned', '--ref', 'v1.2.0', '--source', 'acme/templates'], { mode: 'pinned', ref: '1.2.0', source: 'acme/templates' }],
  ])('flags %j override', (argv, expected) => {
    expect(makePlan(facts(), parseCli(argv)).partial).toMatchObject(expected);
  });

  it.each([
    [['--provider', 'bitbucket'], '--provider must be one of github, gitlab (got "bitbucket")'],
    [['--remote', 'gdrive'], '--remote must be one of gcs, gcs-keyless, s3, s3-keyless, minio, azure, none'],
    [['--mode', 'copied'], '--mode must be one of vendored, pinned'],
    [['--python', 'three'], '--python must look like 3.11'],
    [['--dvc', '>=3'], '--dvc must be an exact version'],
    [['--remote', 'azure', '--keyless'], '--keyless works with Google Cloud Storage and Amazon S3 remotes'],
    [['--ref', '1.0.0'], '--source and --ref only apply to --mode pinned'],
  ])('rejects %j (exit 2)', (argv, message) => {
    expect(() => makePlan(facts(), parseCli(argv))).toThrow(expect.objectContaining({ exitCode: 2, message: expect.stringContaining(message) }));
  });

  it('lists what must be passed when nothing can be inferred', () => {
    const plan = makePlan(facts({ provider: { source: 'not found' }, remote: { source: 'x' }, remoteProblem: 'remote "s" uses ssh, which no template authenticates' }), parseCli([]));
    expect(plan.missing.map((m) => m.key)).toEqual(['provider', 'remote']);
    expect(() => requireComplete(plan, false)).toThrow(
      'cannot ask in a non-interactive shell; pass --provider github|gitlab; pass --remote gcs|gcs-keyless|s3|s3-keyless|minio|azure|none (remote "s" uses ssh, which no template authenticates) (or --yes to accept inferred values)',
    );
    expect(() => requireComplete(plan, true)).toThrow(/^cannot infer every value; pass --provider/);
  });
});

describe('parseCli', () => {
  it.each([
    [['upgrade', 'repo'], { command: 'upgrade', dirs: ['repo'] }],
    [['fleet', 'a', 'b'], { command: 'fleet', dirs: ['a', 'b'] }],
    [['my-dir', '-y', '--dry-run'], { command: 'create', dirs: ['my-dir'], yes: true, dryRun: true }],
    [['--no-lint', '--no-cml'], { lint: false, cml: false }],
  ])('%j', (argv, expected) => {
    expect(parseCli(argv)).toMatchObject(expected);
  });

  it.each([
    [['--bogus'], "Unknown option '--bogus'"],
    [['--provider'], "Option '--provider <value>' argument missing"],
    [['a', 'b'], 'expected at most one directory, got 2: a b'],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseCli(argv)).toThrow(expect.objectContaining({ exitCode: 2, message: expect.stringContaining(message) }));
  });
});
