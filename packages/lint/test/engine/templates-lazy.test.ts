/**
 * The templates package (and the YAML library it loads) is imported only for files that refer to
 * the templates: a single-file run on any other workflow does not pay for it at start-up.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { refersToTemplates } from '../../src/engine/templates.js';
import { runCli, tempDir } from '../cli.helpers.js';
const PLAIN = 'on: push\npermissions:\n  contents: read\njobs:\n  t:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: dvc repro\n';
const CALLER = 'on: push\npermissions:\n  contents: read\njobs:\n  t:\n    uses: mlops-pipeline/mlops-pipeline/.github/workflows/dvc.yml@v1\n';

describe('refersToTemplates', () => {
  it.each([
    ['a workflow that names no template', [PLAIN], false],
    ['a caller of a published workflow', [CALLER], true],
    ['a vendored copy (its header names mlops-pipeline)', ['# mlops-pipeline: {"template":"dvc"}\ntrain:\n  script: [dvc repro]\n'], true],
    ['a pipeline whose local include uses a published component', ['include:\n  - local: ci/ml.yml\n', 'include:\n  - component: gitlab.com/mlops-pipeline/components/dvc@1.4.0\n'], true],
    ['a caller of a local reusable workflow (which may call a published one)', ['jobs:\n  t:\n    uses: ./.github/workflows/train.yml\n'], true],
  ])('%s → %s', (_name, texts, expected) => {
    expect(refersToTemplates(texts)).toBe(expected);
  });
});

/**
 * The built bin with a module-resolution hook that records every import of the templates package
 * (the bin bundles what it needs at start-up; the installed package is imported on demand).
 */
function templatesImportsOf(workflow: string): number {
  const dir = tempDir('mlops-lint-lazy-');
  mkdirSync(path.join(dir, '.git'));
  mkdirSync(path.join(dir, '.github/workflows'), { recursive: true });
  writeFileSync(path.join(dir, '.github/workflows/ci.yml'), workflow);
  const log = path.join(dir, 'imports.log');
  writeFileSync(
    path.join(dir, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';\nexport async function resolve(specifier, context, next) {\n  if (specifier === '@mlops-pipeline/templates') appendFileSync(${JSON.stringify(log)}, specifier + '\\n');\n  return next(specifier, context);\n}\n`,
  );
  writeFileSync(path.join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(path.join(dir, 'hooks.mjs')).href)});\n`);
  const r = runCli(['.github/workflows/ci.yml'], { cwd: dir, env: { NODE_OPTIONS: `--import ${pathToFileURL(path.join(dir, 'register.mjs')).href}` } });
  expect([0, 1], r.stderr).toContain(r.status);
  return existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0;
}

describe('the installed templates package', () => {
  it('is not imported for a workflow that does not refer to the templates (start-up stays short)', () => {
    expect(templatesImportsOf(PLAIN)).toBe(0);
  });

  it('is imported for a workflow that calls a published template', () => {
    expect(templatesImportsOf(CALLER)).toBe(1);
  });
});
