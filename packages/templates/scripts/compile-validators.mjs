#!/usr/bin/env node
/**
 * Writes src/generated/validators.js: the input schemas of every template
 * compiled to standalone ajv code (see src/validator-source.ts).
 */
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(pkgDir, 'src/generated/validators.js');
const tmp = mkdtempSync(path.join(tmpdir(), 'templates-validators-'));
try {
  const entry = path.join(tmp, 'source.mjs');
  await build({ entryPoints: [path.join(pkgDir, 'src/validator-source.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile: entry, absWorkingDir: pkgDir, logLevel: 'warning' });
  // Resolve ajv from the package, not from the temporary directory.
  const moved = path.join(pkgDir, `src/generated/.source-${process.pid}.mjs`);
  writeFileSync(moved, readFileSync(entry));
  try {
    const { validatorSource } = await import(pathToFileURL(moved).href);
    const text = validatorSource();
    let current;
    try {
      current = readFileSync(out, 'utf8');
    } catch {
      current = undefined;
    }
    if (current !== text) {
      writeFileSync(`${out}.tmp`, text);
      renameSync(`${out}.tmp`, out);
      console.log('wrote src/generated/validators.js');
    }
  } finally {
    rmSync(moved, { force: true });
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
