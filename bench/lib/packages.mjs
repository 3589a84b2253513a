// Published packages: packed tarball size (pnpm pack) and runtime dependencies — direct, from
// package.json `dependencies`, and installed, the closure over pnpm-lock.yaml (what `npm install
// <pkg>` brings in, workspace packages resolved to their own dependencies).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './env.mjs';

const require = createRequire(path.join(repoRoot, 'packages/lint/package.json'));

function lockfile() {
  const file = path.join(repoRoot, 'pnpm-lock.yaml');
  if (!existsSync(file)) return undefined;
  try {
    // pnpm writes an env lockfile document first when it manages its own version: take the last one.
    const docs = require('yaml').parseAllDocuments(readFileSync(file, 'utf8'));
    return docs.map((d) => d.toJS({ maxAliasCount: -1 })).findLast((d) => d && d.importers?.['packages/lint']);
  } catch {
    return undefined;
  }
}

/** name@version of every package installed with `importer`'s production dependencies. */
function closure(lock, importer) {
  const seen = new Set();
  const visitedImporters = new Set();
  const stack = [];
  const pushImporter = (imp) => {
    if (visitedImporters.has(imp)) return;
    visitedImporters.add(imp);
    const deps = { ...(lock.importers?.[imp]?.dependencies ?? {}), ...(lock.importers?.[imp]?.optionalDependencies ?? {}) };
    for (const [name, d] of Object.entries(deps)) {
      const version = String(d.version);
      if (version.startsWith('link:')) {
        seen.add(`${name}@workspace`);
        pushImporter(path.posix.normalize(path.posix.join(imp, version.slice(5))));
      } else stack.push(`${name}@${version}`);
    }
  };
  pushImporter(importer);
  while (stack.length > 0) {
    const key = stack.pop();
    if (seen.has(key)) continue;
    seen.add(key);
    const snap = lock.snapshots?.[key] ?? {};
    for (const [name, version] of Object.entries({ ...(snap.dependencies ?? {}), ...(snap.optionalDependencies ?? {}) })) stack.push(`${name}@${version}`);
  }
  return seen;
}

export function publishedPackages() {
  const dir = path.join(repoRoot, 'packages');
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const pj = path.join(dir, name, 'package.json');
    if (!existsSync(pj)) continue;
    const pkg = JSON.parse(readFileSync(pj, 'utf8'));
    if (pkg.private) continue;
    out.push({ dir: path.join(dir, name), importer: `packages/${name}`, pkg });
  }
  return out;
}

export function packageFacts() {
  const lock = lockfile();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'mlops-bench-pack-'));
  const rows = [];
  try {
    for (const { dir, importer, pkg } of publishedPackages()) {
      const row = { name: pkg.name, directDeps: Object.keys(pkg.dependencies ?? {}).length, deps: Object.keys(pkg.dependencies ?? {}) };
      if (lock) {
        const all = closure(lock, importer);
        row.installedDeps = [...all].filter((k) => !k.endsWith('@workspace')).length;
        row.workspaceDeps = [...all].filter((k) => k.endsWith('@workspace')).length;
      }
      const dest = path.join(tmp, importer.replace(/\//g, '_'));
      const r = spawnSync('pnpm', ['pack', '--pack-destination', dest], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
      const tgz = existsSync(dest) ? readdirSync(dest).find((f) => f.endsWith('.tgz')) : undefined;
      if (r.status === 0 && tgz) {
        row.tarballBytes = statSync(path.join(dest, tgz)).size;
        const list = spawnSync('tar', ['-tzvf', path.join(dest, tgz)], { encoding: 'utf8' });
        const lines = (list.stdout ?? '').trim().split('\n').filter(Boolean);
        row.files = lines.length;
        row.unpackedBytes = lines.reduce((sum, l) => sum + (Number(l.split(/\s+/)[2]) || 0), 0);
      } else row.packError = (r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n').slice(-2).join(' | ');
      rows.push(row);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return rows;
}
