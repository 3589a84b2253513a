#!/usr/bin/env node
/**
 * Builds the package:
 *   dist/index.js     ESM library (runtime dependencies, @mlops-pipeline/templates among them, external; repo-facts bundled)
 *   dist/cli.cjs      the `mlops-lint` bin: one CommonJS file, everything but Spectral and the lazily loaded installed templates bundled
 *   dist/spectral.cjs custom Spectral rulesets, loaded lazily by dist/cli.cjs only when configured
 *   hook/mlops-lint.cjs  self-contained bin for pre-commit (no dependencies)
 *   hook/spectral.cjs    Spectral with every dependency bundled, loaded by the hook only when rulesets are configured
 * Usage: node scripts/build.mjs [--hook-out <file>] [--only-hook] [--metafile <file>] (esbuild metafile of dist/cli.cjs, for size analysis)
 * The hook bundle is deterministic, so a test can rebuild it and compare; it is not minified,
 * so a change to the sources changes only the matching lines of the committed file.
 */
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkgDir = path.resolve(here, '..');
const pkg = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const hookOut = path.resolve(flag('--hook-out') ?? path.join(pkgDir, 'hook/mlops-lint.cjs'));
const hookSpectralOut = path.join(path.dirname(hookOut), 'spectral.cjs');
const onlyHook = args.includes('--only-hook');

const SPECTRAL_ENTRY = path.join(pkgDir, 'src/spectral/index.ts');
// Runtime and (optional) peer dependencies stay outside the npm bundles (@mlops-pipeline/templates too): Spectral is installed by who uses rulesets.
const runtimeDeps = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
const external = runtimeDeps.flatMap((d) => [d, `${d}/*`]);

/**
 * dist/cli.cjs bundles what its modules import statically (a CommonJS file cannot `require()` the ESM
 * templates package on every Node 20), and leaves the engine's lazy `import('@mlops-pipeline/templates')`
 * to the installed package, so template-outdated compares with the templates the user installed.
 */
const installedTemplatesPlugin = {
  name: 'installed-templates',
  setup(b) {
    b.onResolve({ filter: /^@mlops-pipeline\/templates$/ }, (a) => (a.kind === 'dynamic-import' ? { path: a.path, external: true } : undefined));
  },
};

/** Leaves `../spectral/index.js` imports to `./spectral.cjs` next to the bundle, loaded only when rulesets are configured. */
const spectralPlugin = {
  name: 'spectral-split',
  setup(b) {
    b.onResolve({ filter: /\/spectral\/index\.js$/ }, (a) => {
      if (path.resolve(a.resolveDir, a.path.replace(/\.js$/, '.ts')) !== SPECTRAL_ENTRY) return undefined;
      return { path: './spectral.cjs', external: true };
    });
  },
};

const common = {
  absWorkingDir: pkgDir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  legalComments: 'none',
  define: { __MLOPS_LINT_VERSION__: JSON.stringify(pkg.version) },
};

const jobs = [];
if (!onlyHook) {
  jobs.push(
    build({ ...common, entryPoints: ['src/index.ts'], format: 'esm', outfile: 'dist/index.js', external, plugins: [spectralPlugin] }),
    build({ ...common, entryPoints: ['src/cli.ts'], format: 'cjs', outfile: 'dist/cli.cjs', minify: true, banner: { js: '#!/usr/bin/env node' }, metafile: Boolean(flag('--metafile')), plugins: [spectralPlugin, installedTemplatesPlugin] }).then((r) => {
      if (r.metafile) writeFileSync(flag('--metafile'), JSON.stringify(r.metafile));
    }),
    build({ ...common, entryPoints: ['src/spectral/index.ts'], format: 'cjs', outfile: 'dist/spectral.cjs', external }),
  );
}
jobs.push(
  // Not minified: the hook is committed, and an unminified bundle changes only where its sources change.
  build({ ...common, entryPoints: ['src/cli.ts'], format: 'cjs', outfile: hookOut, banner: { js: '#!/usr/bin/env node' }, plugins: [spectralPlugin] }),
  // ESM entry points first: some dependencies' UMD builds (jsonc-parser) require their own files at run time.
  build({ ...common, entryPoints: ['src/spectral/index.ts'], format: 'cjs', outfile: hookSpectralOut, minify: true, mainFields: ['module', 'main'] }),
);
await Promise.all(jobs);
if (!onlyHook) {
  // Declarations of the generated validators (tsc only emits declarations of .ts sources).
  const generated = path.join(pkgDir, 'src/schema/generated');
  mkdirSync(path.join(pkgDir, 'dist/schema/generated'), { recursive: true });
  for (const f of readdirSync(generated).filter((n) => n.endsWith('.d.ts'))) copyFileSync(path.join(generated, f), path.join(pkgDir, 'dist/schema/generated', f));
}
// pre-commit runs the hook file directly (`language: script`).
chmodSync(hookOut, 0o755);
