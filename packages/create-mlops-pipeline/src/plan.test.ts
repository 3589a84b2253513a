import { describe, expect, it } from 'vitest';
import { parseCli } from './args.js';
import type { RepoFacts } from './facts.js';
import { formatRows, makePlan, requireComplete } from './plan.js';

const facts = (over: Partial<RepoFacts> = {}): RepoFacts => ({
  dir: '/r',
  root: '/r',
  workdir: '',
  provider: { value: 'github', source: 'from git remote origin' },
  remote: { value: 'gcs', source: 'from .dvc/config remote "data" (gs)' },
  python: { value: '3.11', source: 'from .python-version' },
  dvc: { value: '3.63.0', source: 'from requirements.txt:1' },
  requirements: { value: 'requirements.txt', source: 'found' },
  branch: { value: 'main', source: 'from git HEAD' },
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

  it('shows the template defaults for values the repo does not set, and "(none)" for no requirements file', () => {
    const plan = makePlan(
      facts({ python: { source: 'template default: none found' }, dvc: { source: 'template default: not pinned' }, requirements: { value: '', source: 'installs DVC only' } }),
      parseCli([]),
      { python: '3.12', dvc: '3.63.0' },
    );
    expect(plan.partial).toMatchObject({ requirements: '' });
    expect(plan.partial.python).toBeUndefined();
    const table = formatRows(plan.rows);
    expect(table).toMatch(/^python +3\.12 +\(template default: none found\)$/m);
    expect(table).toMatch(/^dvc +3\.63\.0 +\(template default: not pinned\)$/m);
    expect(table).toMatch(/^requirements {2}\(none\) +\(installs DVC only\)$/m);
  });

  it('--requirements "" installs DVC only', () => {
    expect(makePlan(facts(), parseCli(['--requirements', ''])).partial.requirements).toBe('');
  });

  it('records the DVC project directory inside the checkout', () => {
    const plan = makePlan(facts({ root: '/', workdir: 'r' }), parseCli([]));
    expect(plan.partial.workdir).toBe('r');
    expect(formatRows(plan.rows)).toMatch(/workdir\s+r\s+\(the DVC project inside the git checkout\)/);
  });

  it.each([
    [['--provider', 'gitlab'], { provider: 'gitlab' }],
    [['--remote', 's3'], { remote: 's3' }],
    [['--keyless'], { remote: 'gcs-keyless' }],
    [['--remote', 's3', '--keyless'], { remote: 's3-keyless' }],
    [['--remote', 'azure', '--keyless'], { remote: 'azure-keyless' }],
    [['--remote', 'gdrive'], { remote: 'gdrive' }],
    [['--remote', 'ssh'], { remote: 'ssh' }],
    [['--python', '3.12', '--dvc', '3.50.1', '--branch', 'dev', '--cml'], { python: '3.12', dvc: '3.50.1', branch: 'dev', cml: true }],
    [['--mode', 'pinned', '--ref', 'v1.2.0', '--source', 'acme/templates'], { mode: 'pinned', ref: '1.2.0', source: 'acme/templates' }],
  ])('flags %j override', (argv, expected) => {
    expect(makePlan(facts(), parseCli(argv)).partial).toMatchObject(expected);
  });

  it.each([
    [['--provider', 'bitbucket'], '--provider must be one of github, gitlab (got "bitbucket")'],
    [['--remote', 'hdfs'], '--remote must be one of gcs, gcs-keyless, s3, s3-keyless, minio, azure, azure-keyless, gdrive, ssh, none (got "hdfs")'],
    [['--mode', 'copied'], '--mode must be one of vendored, pinned'],
    [['--python', 'three'], '--python "three": not a supported Python version; expected MAJOR.MINOR or MAJOR.MINOR.PATCH from 3.9 to 3.14'],
    [['--requirements', 'nope.txt'], '--requirements nope.txt: no such file in /r'],
    [['--dvc', '>=3'], '--dvc ">=3": not a supported DVC version; expected an exact MAJOR.MINOR.PATCH'],
    [['--remote', 'ssh', '--keyless'], '--keyless works with Google Cloud Storage, Amazon S3 and Azure Blob Storage remotes, not "ssh"'],
    [['--ref', '1.0.0'], '--source and --ref only apply to --mode pinned'],
  ])('rejects %j (exit 2)', (argv, message) => {
    expect(() => makePlan(facts(), parseCli(argv))).toThrow(expect.objectContaining({ exitCode: 2, message: expect.stringContaining(message) }));
  });

  it('lists what must be passed when nothing can be inferred', () => {
    const plan = makePlan(facts({ provider: { source: 'not found' }, remote: { source: 'x' }, remoteProblem: 'remote "s" uses hdfs, which no template authenticates' }), parseCli([]));
    expect(plan.missing.map((m) => m.key)).toEqual(['provider', 'remote']);
    expect(() => requireComplete(plan, false)).toThrow(
      'cannot ask in a non-interactive shell; pass --provider github|gitlab; pass --remote gcs|gcs-keyless|s3|s3-keyless|minio|azure|azure-keyless|gdrive|ssh|none (remote "s" uses hdfs, which no template authenticates) (or --yes to accept inferred values)',
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
