/**
 * The platforms' own load-time rules applied to everything we publish or write:
 * GitLab's spec:inputs rules on every component, GitHub's reusable-workflow
 * permission rule on every caller (rendered the way create-mlops-pipeline
 * renders them, and every snippet of the README).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RE2JS } from 're2js';
import { listTemplates, permissionExcesses, render, renderPublishedFiles, requiredPermissions, specInputProblems } from '../src/index.js';
import { componentDocuments, packageDir, parseYaml, REQUIRED_INPUTS } from './helpers.js';

type Obj = Record<string, unknown>;

const components = listTemplates('gitlab').map((t) => ({ name: t.name, text: renderPublishedFiles('gitlab', t.name)[0]!.text }));

describe('GitLab spec:inputs load-time rules', () => {
  it.each(components.map((c) => [c.name, c] as const))('%s: every regex compiles with RE2 and every default passes its regex, options and type', (_name, c) => {
    const inputs = (componentDocuments(c.text).spec.spec as { inputs: Record<string, Obj> }).inputs;
    const regexes = Object.values(inputs).flatMap((i) => (typeof i.regex === 'string' ? [i.regex] : []));
    expect(regexes.length).toBeGreaterThan(0);
    for (const regex of regexes) expect(() => RE2JS.compile(regex)).not.toThrow();
    expect(specInputProblems(inputs)).toEqual([]);
  });

  it('the check catches what GitLab rejects (guard): lookahead, and a regex on an empty default', () => {
    expect(specInputProblems({ a: { default: '.', regex: '^(?!/)[a-z./]+$' }, b: { default: '', regex: '^[a-z]*$' } }).map((p) => p.message)).toEqual([
      '`a` input: invalid regular expression',
      '`b` input: default value does not match required RegEx pattern',
    ]);
  });
});

/** The published workflow a `uses:` names, parsed (undefined: not one of ours). */
function calledWorkflow(uses: string): Obj | undefined {
  const m = /\/\.github\/workflows\/([\w.-]+\.yml)@/.exec(uses);
  if (!m) return undefined;
  for (const t of listTemplates('github')) {
    const file = renderPublishedFiles('github', t.name).find((f) => f.path === `.github/workflows/${m[1]}`);
    if (file) return parseYaml(file.text);
  }
  return undefined;
}

function sorted(value: unknown): unknown {
  return value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) : value;
}

/** Every GitHub permission problem of a caller file, in GitHub's words. */
function callerProblems(caller: Obj): string[] {
  const problems: string[] = [];
  let calls = 0;
  for (const [jobId, job] of Object.entries((caller.jobs ?? {}) as Record<string, Obj>)) {
    if (typeof job.uses !== 'string') continue;
    const called = calledWorkflow(job.uses);
    if (!called) {
      problems.push(`${jobId}: ${job.uses} is not a published workflow`);
      continue;
    }
    calls++;
    problems.push(...permissionExcesses(called, job.permissions, { workflow: caller.permissions as Obj | undefined }).map((e) => `${jobId}: ${e.message}`));
    // Least privilege: the calling job grants exactly what the called workflow requests.
    const needed = requiredPermissions(called);
    if (JSON.stringify(sorted(job.permissions)) !== JSON.stringify(sorted(needed))) problems.push(`${jobId}: grants ${JSON.stringify(job.permissions)}, the called jobs request ${JSON.stringify(needed)}`);
  }
  expect(calls).toBeGreaterThan(0);
  return problems;
}

describe('GitHub reusable workflows: each calling job grants what the called jobs request', () => {
  const cases = listTemplates('github').flatMap((t) => [false, true].map((cml) => ({ id: `${t.name}, cml: ${cml}`, template: t.name, cml })));

  it.each(cases.map((c) => [c.id, c] as const))('%s: the caller create-mlops-pipeline writes starts', (_id, c) => {
    const inputs = { ...REQUIRED_INPUTS[c.template], cml: c.cml };
    const caller = parseYaml(render('github', c.template, inputs, { mode: 'pinned', ref: '1.2.3' }));
    expect(callerProblems(caller)).toEqual([]);
    const jobs = caller.jobs as Record<string, Obj>;
    expect(Object.keys(jobs)).toEqual(c.cml ? ['dvc', 'report'] : ['dvc']);
    if (c.cml) expect(jobs.report!.permissions).toMatchObject({ 'pull-requests': 'write' });
    else expect(JSON.stringify(caller)).not.toContain('pull-requests');
  });

  const readme = readFileSync(path.join(packageDir, 'README.md'), 'utf8');
  const snippets = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((s) => /uses: \S+\/\.github\/workflows\//.test(s));

  it('the README shows GitHub callers', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(listTemplates('github').length);
  });

  it.each(snippets.map((s, i) => [`README snippet ${i + 1}`, s] as const))('%s starts', (_id, snippet) => {
    expect(callerProblems(parseYaml(snippet))).toEqual([]);
  });

  // The repository's own README shows callers too.
  const rootSnippets = [...readFileSync(path.join(packageDir, '../../README.md'), 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((s) => /uses: \S+\/\.github\/workflows\//.test(s));

  it.each(rootSnippets.map((s, i) => [`repository README snippet ${i + 1}`, s] as const))('%s starts', (_id, snippet) => {
    expect(callerProblems(parseYaml(snippet))).toEqual([]);
  });

  it('the check catches a caller without CML permissions calling the report (guard)', () => {
    const caller = parseYaml(render('github', 'dvc', { cml: true }, { mode: 'pinned', ref: '1.2.3' }));
    const report = (caller.jobs as Record<string, Obj>).report!;
    report.permissions = { contents: 'read' };
    expect(callerProblems(caller)).toContain("report: The nested job 'report' is requesting 'pull-requests: write', but is only allowed 'pull-requests: none'.");
  });
});
