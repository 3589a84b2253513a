import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { README_SECTIONS, updateReadme } from '../src/docs.js';
import { HAND_WRITTEN, publishedFiles, PUBLISHED_DIRS, README_PATH } from '../src/publish.js';
import { validatorSource } from '../src/validator-source.js';
import { packageDir } from './helpers.js';
import { renderCase, renderCases, repoRoot } from './helpers.js';

const FIX = 'run pnpm --filter @mlops-pipeline/templates generate';

describe('committed published files match the template source', () => {
  const files = publishedFiles();

  it.each(files.map((f) => [f.path, f] as const))('%s', (_path, f) => {
    const abs = path.join(repoRoot, f.path);
    const onDisk = existsSync(abs) ? readFileSync(abs, 'utf8') : undefined;
    expect(onDisk, `${f.path} is ${onDisk === undefined ? 'missing' : 'out of date'}: ${FIX}`).toBe(f.text);
  });

  it('no stale generated files remain', () => {
    const expected = new Set(files.map((f) => f.path));
    const stale: string[] = [];
    for (const dir of PUBLISHED_DIRS) {
      const abs = path.join(repoRoot, dir);
      if (!existsSync(abs)) continue;
      for (const entry of readdirSync(abs, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile()) continue;
        const rel = path.relative(repoRoot, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
        if (!expected.has(rel) && !(HAND_WRITTEN as readonly string[]).includes(rel)) stale.push(rel);
      }
    }
    expect(stale, `generated files no template produces (remove them, then ${FIX})`).toEqual([]);
  });
});

describe('the compiled validators match the input schemas', () => {
  it('src/generated/validators.js is up to date', () => {
    const committed = readFileSync(path.join(packageDir, 'src/generated/validators.js'), 'utf8');
    expect(committed === validatorSource(), 'src/generated/validators.js is out of date: run pnpm --filter @mlops-pipeline/templates build').toBe(true);
  });
});

describe('the README shows what the source renders', () => {
  const readme = readFileSync(path.join(repoRoot, README_PATH), 'utf8');
  it.each(Object.keys(README_SECTIONS))('has the generated %s section', (name) => {
    expect(readme).toContain(`<!-- BEGIN generated:${name} -->`);
    expect(readme).toContain(`<!-- END generated:${name} -->`);
  });
  it('is up to date', () => {
    expect(readme, `${README_PATH} is out of date: ${FIX}`).toBe(updateReadme(readme));
  });
});

describe('rendering is deterministic', () => {
  it('every case renders byte-identically twice', () => {
    for (const c of renderCases()) expect(renderCase(c), c.id).toBe(renderCase(c));
  });
  it('input key order does not change the output', () => {
    const c = renderCases().find((x) => x.id === 'gitlab/dvc-gcs/full/vendored')!;
    const reversed = { ...c, inputs: Object.fromEntries(Object.entries(c.inputs).reverse()) };
    expect(renderCase(reversed)).toBe(renderCase(c));
  });
});
