import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { componentDocuments, extractScripts, parseYaml, publishedCases, REQUIRED_INPUTS, renderCase, renderCases } from './helpers.js';
import type { ExtractedScript } from './helpers.js';

const hasShellcheck = spawnSync('shellcheck', ['--version']).status === 0;
if (!hasShellcheck) console.warn('SKIPPED: shellcheck is not on PATH (apt-get install shellcheck); run: and script: blocks were not checked');

interface Script extends ExtractedScript {
  file: string;
  shell: 'bash' | 'sh';
}

function collect(): Script[] {
  const scripts: Script[] = [];
  for (const c of renderCases().filter((x) => x.mode === 'vendored')) {
    for (const s of extractScripts(c.provider, parseYaml(renderCase(c)))) scripts.push({ ...s, file: c.id, shell: c.provider === 'github' ? 'bash' : 'sh' });
  }
  for (const p of publishedCases()) {
    const doc = p.provider === 'github' ? parseYaml(p.text) : componentDocuments(p.text, REQUIRED_INPUTS[p.template]).body;
    for (const s of extractScripts(p.provider, doc)) scripts.push({ ...s, file: p.id, shell: p.provider === 'github' ? 'bash' : 'sh' });
  }
  return scripts;
}

describe.skipIf(!hasShellcheck)('shellcheck passes on every run: and script: block', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'templates-shellcheck-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds scripts to check', () => {
    const scripts = collect();
    expect(scripts.length).toBeGreaterThan(100);
    expect(scripts.some((s) => s.text.includes('dvc pull'))).toBe(true);
  });

  it('reports problems in a bad script (guard)', () => {
    const bad = path.join(dir, 'bad.sh');
    writeFileSync(bad, 'cd $DIR\nrm -rf $FILES/*\n');
    expect(spawnSync('shellcheck', ['-s', 'bash', '-f', 'gcc', bad], { encoding: 'utf8' }).status).not.toBe(0);
  });

  it.each(['bash', 'sh'] as const)('%s scripts', (shell) => {
    const scripts = collect().filter((s) => s.shell === shell);
    // Identical scripts are checked once; names map findings back to the file and job.
    const unique = new Map<string, Script>();
    for (const s of scripts) if (!unique.has(s.text)) unique.set(s.text, s);
    const names = new Map<string, Script>();
    [...unique.values()].forEach((s, i) => {
      const file = path.join(dir, `${shell}-${i}.sh`);
      writeFileSync(file, `${s.text}\n`);
      names.set(file, s);
    });
    const result = spawnSync('shellcheck', ['-s', shell, '-f', 'gcc', ...names.keys()], { encoding: 'utf8' });
    const findings = result.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const file = line.slice(0, line.indexOf(':'));
        const s = names.get(file);
        return s ? `${s.file} ${s.where}: ${line.slice(file.length + 1)}` : line;
      });
    expect(findings).toEqual([]);
    expect(result.status).toBe(0);
  });
});
