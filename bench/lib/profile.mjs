// `node --cpu-prof` on a CLI run, summarised as self time by function and by source module. The CLIs
// are esbuild bundles: the `// path/to/module.ts` markers esbuild writes before each module map a
// bundle line back to its source module (and node_modules package).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const moduleMaps = new Map();

/** For a bundle file: sorted [line (0-based), module] markers. */
function moduleMap(file) {
  if (moduleMaps.has(file)) return moduleMaps.get(file);
  const markers = [];
  if (existsSync(file)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const m = /^\/\/ ((?:\.\.\/)*(?:node_modules|src|packages)\/\S+\.(?:[cm]?js|ts|json))$/.exec(lines[i]);
      if (m) markers.push([i, m[1]]);
    }
  }
  moduleMaps.set(file, markers);
  return markers;
}

function shortModule(mod) {
  const nm = mod.lastIndexOf('node_modules/');
  if (nm >= 0) return mod.slice(nm + 'node_modules/'.length);
  return mod.replace(/^(\.\.\/)+/, '');
}

/** The package (or src/<dir>) a module belongs to. */
function packageOf(mod) {
  const nm = mod.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = mod.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const src = /(?:^|\/)(packages\/[^/]+\/)?src\/([^/]+)(\/|$)/.exec(mod);
  if (src) return `${src[1] ?? ''}src/${src[2].replace(/\.ts$/, '')}`;
  return mod;
}

function locate(url, line) {
  if (!url) return { module: '(native / vm)', pkg: '(native / vm)' };
  if (url.startsWith('node:')) return { module: url, pkg: url.startsWith('node:internal/modules') ? 'node: module loading' : 'node: internals' };
  const file = url.startsWith('file://') ? fileURLToPath(url) : url;
  const markers = moduleMap(file);
  let mod;
  for (let lo = 0, hi = markers.length - 1; lo <= hi; ) {
    const mid = (lo + hi) >> 1;
    if (markers[mid][0] <= line) {
      mod = markers[mid][1];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (mod) return { module: shortModule(mod), pkg: packageOf(mod), bundle: path.basename(file) };
  const rel = file.includes('node_modules/') ? shortModule(file) : path.basename(file);
  return { module: rel, pkg: file.includes('node_modules/') ? packageOf(file) : rel };
}

/** Self time per function and per package from a .cpuprofile. */
export function summarize(profile, top = 15) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const dt = (timeDeltas[i + 1] ?? 0) / 1000;
    self.set(samples[i], (self.get(samples[i]) ?? 0) + dt);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fns = new Map();
  const pkgs = new Map();
  for (const [id, ms] of self) {
    const cf = byId.get(id).callFrame;
    const name = cf.functionName || '(anonymous)';
    let where;
    if (['(program)', '(garbage collector)', '(idle)', '(root)'].includes(name)) where = { module: '', pkg: name };
    else where = locate(cf.url, cf.lineNumber);
    const line = cf.lineNumber >= 0 ? cf.lineNumber + 1 : undefined;
    const fkey = where.bundle ? `${name} ${where.module} (${where.bundle}:${line})` : `${name} ${where.module}${where.module && line ? `:${line}` : ''}`.trim();
    fns.set(fkey, (fns.get(fkey) ?? 0) + ms);
    pkgs.set(where.pkg, (pkgs.get(where.pkg) ?? 0) + ms);
  }
  const rank = (m) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms: +ms.toFixed(1), pct: +((100 * ms) / total).toFixed(1) }));
  return { totalMs: +total.toFixed(1), functions: rank(fns), packages: rank(pkgs) };
}

/** Run argv[0]=node script with --cpu-prof; returns the summary (or { error }). */
export function cpuProfile(scriptArgs, { cwd, intervalUs = 200, top = 15 } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mlops-bench-prof-'));
  try {
    const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', String(intervalUs), ...scriptArgs], {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      timeout: 300_000,
    });
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) return { error: `no profile written (exit ${r.status}): ${(r.stderr ?? '').trim().split('\n').slice(-2).join(' | ')}` };
    return { exit: r.status, ...summarize(JSON.parse(readFileSync(path.join(dir, file), 'utf8')), top) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The published CLI bundle is minified, so profiles of it name nothing. For profiling only, bundle
 * the same entry unminified (same target and format, Spectral kept external like the published
 * build) into bench/.work/profile/; returns its path, or undefined when esbuild is unavailable.
 */
export async function unminifiedBundle(entry, outfile, { define = {}, spectralExternal } = {}) {
  try {
    const { createRequire } = await import('node:module');
    const repoRequire = createRequire(path.join(path.dirname(entry), '../../../package.json'));
    const { build } = repoRequire('esbuild');
    const plugins = [];
    if (spectralExternal) {
      plugins.push({
        name: 'spectral-external',
        setup(b) {
          b.onResolve({ filter: /\/spectral\/index\.js$/ }, () => ({ path: spectralExternal, external: true }));
        },
      });
    }
    await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'silent', legalComments: 'none', define, plugins });
    return outfile;
  } catch {
    return undefined;
  }
}

/** Bytes of an (unminified) esbuild bundle per package / source dir, from its `// module` markers. */
export function bundleComposition(file, top = 12) {
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const bytes = new Map();
  let current = '(bundle runtime)';
  for (const line of lines) {
    const m = /^\/\/ ((?:\.\.\/)*(?:node_modules|src|packages)\/\S+\.(?:[cm]?js|ts|json))$/.exec(line);
    if (m) current = packageOf(m[1]);
    bytes.set(current, (bytes.get(current) ?? 0) + line.length + 1);
  }
  const total = text.length;
  return [...bytes]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, b]) => ({ name, bytes: b, pct: +((100 * b) / total).toFixed(1) }));
}
