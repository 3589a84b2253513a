/**
 * The `mlops-lint` bin compares pinned template refs with the @mlops-pipeline/templates the user
 * installed, not with a copy bundled at build time: the bin runs from an install where a newer
 * templates package sits next to it.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, runCli, tempDir } from './cli.helpers.js';

const NEWER = '97.0.0';
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** An install: node_modules/@mlops-pipeline/{lint,templates}; templates reports version `NEWER`. */
function install(): { root: string; bin: string } {
  const root = tempDir('mlops-lint-installed-');
  dirs.push(root);
  const lintDir = path.join(root, 'node_modules/@mlops-pipeline/lint');
  mkdirSync(path.join(lintDir, 'dist'), { recursive: true });
  writeFileSync(path.join(lintDir, 'package.json'), JSON.stringify({ name: '@mlops-pipeline/lint', version: '0.0.0' }));
  const bin = path.join(lintDir, 'dist/cli.cjs');
  copyFileSync(CLI, bin);
  const templatesDir = path.join(root, 'node_modules/@mlops-pipeline/templates');
  mkdirSync(templatesDir, { recursive: true });
  const real = createRequire(import.meta.url).resolve('@mlops-pipeline/templates/package.json');
  const realEntry = pathToFileURL(path.join(path.dirname(real), 'dist/index.js')).href;
  writeFileSync(path.join(templatesDir, 'package.json'), JSON.stringify({ name: '@mlops-pipeline/templates', version: NEWER, type: 'module', exports: './index.js' }));
  // Everything of the real package, at a newer version.
  writeFileSync(path.join(templatesDir, 'index.js'), `export * from ${JSON.stringify(realEntry)};\nexport const TEMPLATES_VERSION = ${JSON.stringify(NEWER)};\n`);
  const repo = path.join(root, 'repo/.github/workflows');
  mkdirSync(repo, { recursive: true });
  writeFileSync(
    path.join(repo, 'ci.yml'),
    'on: push\npermissions: {}\njobs:\n  dvc:\n    uses: mlops-pipeline/mlops-pipeline/.github/workflows/dvc.yml@v1.0.0\n    secrets: inherit\n',
  );
  return { root, bin };
}

describe('template-outdated and the installed templates', () => {
  it('compares with the installed @mlops-pipeline/templates version, without warnings', () => {
    const { root, bin } = install();
    const r = runCli(['--format', 'json', '.github/workflows/ci.yml'], { cwd: path.join(root, 'repo'), bin });
    expect(r.stderr).toBe('');
    const [file] = JSON.parse(r.stdout) as { diagnostics: { ruleId: string; message: string }[] }[];
    const outdated = file?.diagnostics.filter((d) => d.ruleId === 'template-outdated').map((d) => d.message);
    expect(outdated).toEqual([`reusable workflow \`dvc.yml\` is at v1.0.0, the newest templates version is ${NEWER}: bump it to mlops-pipeline/mlops-pipeline/.github/workflows/dvc.yml@v${NEWER}`]);
  });
});
