#!/usr/bin/env node
/**
 * Builds dist/cli.cjs: the generator with everything it runs bundled in one file (the templates,
 * the mlops-lint core, @clack/prompts), so `npm create mlops-pipeline` installs one package with no
 * dependencies. Spectral is left out: custom Spectral rulesets are run by mlops-lint itself, and the
 * generator's lint step skips them (its import resolves to a stub).
 * Usage: node scripts/build.mjs [--metafile <file>]
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const metafile = args.includes('--metafile') ? args[args.indexOf('--metafile') + 1] : undefined;

/** mlops-lint loads Spectral (for custom rulesets) from `./spectral.cjs`: here, a stub finding nothing. */
const noSpectral = {
  name: 'no-spectral',
  setup(b) {
    b.onResolve({ filter: /(^|\/)spectral(\.cjs|\/index\.js)$/ }, () => ({ path: 'spectral-stub', namespace: 'stub' }));
    b.onResolve({ filter: /^@stoplight\// }, (a) => ({ path: a.path, namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export async function runRulesets() { return []; }\n', loader: 'js' }));
  },
};

const result = await build({
  absWorkingDir: pkgDir,
  entryPoints: ['src/cli.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  outfile: 'dist/cli.cjs',
  logLevel: 'warning',
  metafile: metafile !== undefined,
  plugins: [noSpectral],
});
if (metafile && result.metafile) writeFileSync(metafile, JSON.stringify(result.metafile));
