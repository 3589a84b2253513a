/**
 * Pinned refs must be ones Renovate updates. The matchers below restate what
 * Renovate's `github-actions` manager (a `uses: owner/repo[/path]@ref` line,
 * ref a version or a commit SHA with its version as a comment) and `gitlabci`
 * manager (`include:` items whose `component:` is `fqdn/project/path/name@version`)
 * extract, and check every caller snippet, vendored workflow and README example.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { listTemplates, render, TEMPLATES_VERSION } from '../src/index.js';
import { README_PATH } from '../src/publish.js';
import { REQUIRED_INPUTS, renderCase, renderCases, repoRoot } from './helpers.js';

/** `uses:` line of a step or of a job calling a reusable workflow. */
const USES_LINE = /^\s+(?:-\s+)?uses:\s+(['"]?)(?<repo>[\w-]+\/[\w-]+)(?<path>\/[^@\s'"]+)?@(?<ref>[^\s'"#]+)\1(?:\s+#\s+(?<comment>\S+))?\s*$/;
/** Versions the github-tags datasource compares: `v1`, `v1.2`, `v1.2.3` (v optional). */
const TAG_VERSION = /^v?\d+(\.\d+){0,2}$/;
const COMMIT = /^[0-9a-f]{40}$/;
/** `component:` value: host, project path, component name and version. */
const COMPONENT = /^(?<fqdn>[^/]+)\/(?<project>.+)\/(?<name>[^/@]+)@(?<version>.+)$/;
const SEMVER = /^\d+\.\d+\.\d+$/;

interface Dep {
  name: string;
  version: string;
  digest?: string;
}

/** Dependencies Renovate's github-actions manager finds in a workflow, or the line it cannot update. */
function githubDeps(text: string): { deps: Dep[]; unreadable: string[] } {
  const deps: Dep[] = [];
  const unreadable: string[] = [];
  for (const line of text.split('\n')) {
    if (line.trim().startsWith('#') || !/^\s+(-\s+)?uses:/.test(line)) continue;
    const m = USES_LINE.exec(line);
    const g = m?.groups;
    if (!g) {
      unreadable.push(line);
      continue;
    }
    const name = `${g.repo!}${g.path ?? ''}`;
    if (COMMIT.test(g.ref!)) {
      if (g.comment && TAG_VERSION.test(g.comment)) deps.push({ name, version: g.comment, digest: g.ref! });
      else unreadable.push(line);
    } else if (TAG_VERSION.test(g.ref!)) deps.push({ name, version: g.ref! });
    else unreadable.push(line);
  }
  return { deps, unreadable };
}

/** Components Renovate's gitlabci manager finds in a `.gitlab-ci.yml`, or the ones it cannot update. */
function gitlabDeps(text: string): { deps: Dep[]; unreadable: string[] } {
  const doc = parse(text) as { include?: unknown } | null;
  const include = doc?.include;
  const items = Array.isArray(include) ? (include as unknown[]) : include === undefined ? [] : [include];
  const deps: Dep[] = [];
  const unreadable: string[] = [];
  for (const item of items) {
    const component = (item as { component?: unknown } | null)?.component;
    if (typeof component !== 'string') continue;
    const g = COMPONENT.exec(component)?.groups;
    if (!g || g.fqdn!.includes('$') || !SEMVER.test(g.version!)) unreadable.push(component);
    else deps.push({ name: `${g.fqdn!}/${g.project!}`, version: g.version! });
  }
  return { deps, unreadable };
}

describe('the matchers (guards)', () => {
  it.each([
    ['    uses: owner/repo/.github/workflows/x.yml@main', 'github'],
    ['      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8', 'github'],
    ['include:\n  - component: $CI_SERVER_FQDN/group/components/dvc@1.2.3\n', 'gitlab'],
    ['include:\n  - component: gitlab.com/group/components/dvc@~latest\n', 'gitlab'],
  ] as const)('cannot update %j', (text, provider) => {
    const found = provider === 'github' ? githubDeps(text) : gitlabDeps(text);
    expect(found.deps).toEqual([]);
    expect(found.unreadable).toHaveLength(1);
  });

  it('reads a digest-pinned action with its version comment', () => {
    expect(githubDeps('      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0\n').deps).toEqual([
      { name: 'actions/checkout', version: 'v5.0.0', digest: '08c6903cd8c0fde910a37f88322edcfb5dd907a8' },
    ]);
  });
});

describe('caller snippets pin refs Renovate updates', () => {
  const templates = listTemplates();
  it.each(templates.flatMap((t) => ['1.2.3', 'v1.2.3', undefined].map((ref) => [`${t.provider}/${t.name}@${ref ?? 'default'}`, t, ref] as const)))('%s', (_id, t, ref) => {
    const text = render(t.provider, t.name, { ...REQUIRED_INPUTS[t.name] }, { mode: 'pinned', ...(ref ? { ref } : {}) });
    const version = (ref ?? TEMPLATES_VERSION).replace(/^v/, '');
    if (t.provider === 'github') {
      expect(githubDeps(text)).toEqual({ deps: [{ name: `mlops-pipeline/mlops-pipeline/.github/workflows/${t.name}.yml`, version: `v${version}` }], unreadable: [] });
    } else {
      expect(gitlabDeps(text)).toEqual({ deps: [{ name: 'gitlab.com/mlops-pipeline/components', version }], unreadable: [] });
    }
  });
});

describe('vendored workflows pin every action so Renovate can update it', () => {
  const cases = renderCases().filter((c) => c.provider === 'github' && c.mode === 'vendored');
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const { deps, unreadable } = githubDeps(renderCase(c));
    expect(unreadable).toEqual([]);
    expect(deps.length).toBeGreaterThanOrEqual(2);
    const sha = c.inputs['pin-actions'] !== 'version';
    for (const d of deps) expect(d.digest !== undefined).toBe(sha);
  });
});

describe('the README examples use refs Renovate updates', () => {
  const readme = readFileSync(path.join(repoRoot, README_PATH), 'utf8');
  const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const callers = blocks.filter((b) => /mlops-pipeline\/mlops-pipeline\/\.github\/workflows\/|component: gitlab\.com\/mlops-pipeline\/components\//.test(b));

  it('has caller snippets for every template on both providers', () => {
    expect(callers.length).toBeGreaterThanOrEqual(listTemplates().length);
  });
  it.each(callers.map((b, i) => [i, b] as const))('snippet %i', (_i, block) => {
    const found = block.includes('include:') ? gitlabDeps(block) : githubDeps(block);
    expect(found.unreadable).toEqual([]);
    expect(found.deps.length).toBeGreaterThan(0);
    for (const d of found.deps) expect(d.version).toMatch(/^v?\d+\.\d+\.\d+$/);
  });
});
