/**
 * The release scripts run against local git remotes: tags are created when missing (so a
 * release re-run by hand after a partial failure finishes the job), the moving vX never moves
 * to a pre-release, and the GitLab component project gets the components, its Catalog release
 * pipeline and the X.Y.Z tag once.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { gitlabSchema, gitlabSchemaPath, packageDir, repoRoot } from './helpers.js';

const IDENTITY = { GIT_AUTHOR_NAME: 'CI', GIT_AUTHOR_EMAIL: 'ci@example.com', GIT_COMMITTER_NAME: 'CI', GIT_COMMITTER_EMAIL: 'ci@example.com' };

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'templates-release-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...IDENTITY } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

function script(name: string, cwd: string, ...args: string[]) {
  const r = spawnSync(path.join(packageDir, 'scripts', name), args, { cwd, encoding: 'utf8', env: { ...process.env, ...IDENTITY } });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** A clone with a bare `origin` and one commit per message. */
function repository(name: string): { clone: string; remote: string; commit: (message: string) => string } {
  const remote = path.join(work, `${name}.git`);
  const clone = path.join(work, name);
  git(work, 'init', '-q', '--bare', remote);
  git(work, 'clone', '-q', remote, clone);
  const commit = (message: string): string => {
    writeFileSync(path.join(clone, 'CHANGES'), `${message}\n`, { flag: 'a' });
    git(clone, 'add', '-A');
    git(clone, 'commit', '-q', '-m', message);
    git(clone, 'push', '-q', 'origin', 'HEAD');
    return git(clone, 'rev-parse', 'HEAD');
  };
  return { clone, remote, commit };
}

function remoteTag(remote: string, tag: string): string {
  return git(work, '--git-dir', remote, 'rev-parse', `${tag}^{commit}`);
}

describe('release-tags.sh', () => {
  it('creates vX.Y.Z and moves vX, and a second run changes nothing', () => {
    const { clone, remote, commit } = repository('tags');
    const first = commit('1.2.3');
    expect(script('release-tags.sh', clone, '1.2.3').status).toBe(0);
    expect(remoteTag(remote, 'v1.2.3')).toBe(first);
    expect(remoteTag(remote, 'v1')).toBe(first);
    const again = script('release-tags.sh', clone, '1.2.3');
    expect(again.status).toBe(0);
    expect(again.output).toContain('v1.2.3 already exists');
    expect(again.output).toContain('v1 already points at v1.2.3');
  });

  it('finishes a partial release: vX.Y.Z pushed but vX not moved', () => {
    const { clone, remote, commit } = repository('partial');
    commit('1.0.0');
    expect(script('release-tags.sh', clone, '1.0.0').status).toBe(0);
    const next = commit('1.1.0');
    git(clone, 'tag', '-a', 'v1.1.0', '-m', 'v1.1.0');
    git(clone, 'push', '-q', 'origin', 'v1.1.0');
    expect(script('release-tags.sh', clone, '1.1.0').status).toBe(0);
    expect(remoteTag(remote, 'v1')).toBe(next);
  });

  it('never moves vX to a pre-release', () => {
    const { clone, remote, commit } = repository('prerelease');
    const stable = commit('2.0.0');
    expect(script('release-tags.sh', clone, '2.0.0').status).toBe(0);
    const rc = commit('2.1.0-rc.1');
    const r = script('release-tags.sh', clone, '2.1.0-rc.1');
    expect(r.status).toBe(0);
    expect(remoteTag(remote, 'v2.1.0-rc.1')).toBe(rc);
    expect(remoteTag(remote, 'v2')).toBe(stable);
  });

  it('refuses a value that is not a version', () => {
    const { clone } = repository('bad-version');
    expect(script('release-tags.sh', clone, 'main')).toMatchObject({ status: 2, output: expect.stringContaining('"main" is not a version') });
  });
});

describe('mirror-components.sh', () => {
  it('pushes the components, README and Catalog release pipeline, tags X.Y.Z, and does nothing the second time', () => {
    const root = path.join(work, 'root');
    mkdirSync(path.join(root, 'packages/templates/catalog'), { recursive: true });
    cpSync(path.join(repoRoot, 'templates'), path.join(root, 'templates'), { recursive: true });
    cpSync(path.join(packageDir, 'README.md'), path.join(root, 'packages/templates/README.md'));
    cpSync(path.join(packageDir, 'catalog/gitlab-ci.yml'), path.join(root, 'packages/templates/catalog/gitlab-ci.yml'));
    cpSync(path.join(repoRoot, 'LICENSE'), path.join(root, 'LICENSE'));
    const remote = path.join(work, 'components.git');
    git(work, 'init', '-q', '--bare', '-b', 'main', remote);
    const first = script('mirror-components.sh', root, '1.2.3', remote);
    expect(first.status, first.output).toBe(0);
    const check = path.join(work, 'components-check');
    git(work, 'clone', '-q', '--branch', '1.2.3', remote, check);
    expect(existsSync(path.join(check, 'templates/dvc/template.yml'))).toBe(true);
    expect(readFileSync(path.join(check, '.gitlab-ci.yml'), 'utf8')).toBe(readFileSync(path.join(packageDir, 'catalog/gitlab-ci.yml'), 'utf8'));
    const again = script('mirror-components.sh', root, '1.2.3', remote);
    expect(again).toMatchObject({ status: 0, output: expect.stringContaining('1.2.3 already exists') });
  });
});

describe('the component project pipeline creates a CI/CD Catalog release for each version tag', () => {
  const doc = parse(readFileSync(path.join(packageDir, 'catalog/gitlab-ci.yml'), 'utf8')) as Record<string, Record<string, unknown>>;

  it('has a release job on X.Y.Z tags only', () => {
    const job = doc['create-release']!;
    expect(job.release).toMatchObject({ tag_name: '$CI_COMMIT_TAG' });
    const rule = String((job.rules as Array<{ if: string }>)[0]!.if);
    const pattern = /=~ \/(.+)\/$/.exec(rule)![1]!;
    expect(['1.2.3', '10.0.1'].every((t) => new RegExp(pattern).test(t))).toBe(true);
    expect(['v1.2.3', '1.2', 'main'].some((t) => new RegExp(pattern).test(t))).toBe(false);
  });

  it.skipIf(!existsSync(gitlabSchemaPath))("is valid against GitLab's CI JSON Schema", () => {
    const validate = gitlabSchema()!;
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
  });
});
