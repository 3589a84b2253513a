/**
 * Golden files for a representative subset: a template change shows up as a
 * reviewable diff. Update with UPDATE_GOLDEN=1 pnpm vitest run test/golden.test.ts
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATES_VERSION } from '../src/index.js';
import { packageDir, renderCase, renderCases } from './helpers.js';

const GOLDEN = [
  'github/dvc-gcs/defaults/vendored',
  'github/dvc-gcs/full/vendored',
  'github/dvc-s3-keyless/sha-self-hosted/vendored',
  'github/dvc-azure/service-principal/pinned',
  'github/dvc-minio/full/pinned',
  'gitlab/dvc-gcs/defaults/vendored',
  'gitlab/dvc-gcs-keyless/full/vendored',
  'gitlab/dvc-s3/tagged-runner/pinned',
  'gitlab/dvc/defaults/vendored',
  'gitlab/dvc-azure/service-principal/vendored',
];

const dir = path.join(packageDir, 'test/golden');
const update = process.env.UPDATE_GOLDEN === '1';

/** The package version changes with every release; golden files hold a placeholder. */
function normalize(text: string): string {
  return text.replaceAll(`@mlops-pipeline/templates ${TEMPLATES_VERSION} `, '@mlops-pipeline/templates <version> ').replaceAll(`"version":"${TEMPLATES_VERSION}"`, '"version":"<version>"');
}

describe('golden files', () => {
  const cases = renderCases();
  it.each(GOLDEN)('%s', (id) => {
    const c = cases.find((x) => x.id === id);
    expect(c, `no render case ${id}`).toBeDefined();
    const text = normalize(renderCase(c!));
    const file = path.join(dir, `${id.replaceAll('/', '--')}.yml`);
    if (update) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, text);
    }
    expect(existsSync(file), `${path.relative(packageDir, file)} is missing: run UPDATE_GOLDEN=1 pnpm vitest run test/golden.test.ts`).toBe(true);
    expect(text, `${path.relative(packageDir, file)} differs: review the diff, then run UPDATE_GOLDEN=1 pnpm vitest run test/golden.test.ts`).toBe(readFileSync(file, 'utf8'));
  });
});
