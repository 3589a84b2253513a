// What `npm create mlops-pipeline` costs a user before the first question, next to `npm create vite`:
// install from the packed tarball (warm npm cache) + one run, packages installed and their size.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { log, paths, repoRoot } from './env.mjs';
import { probe, stats } from './measure.mjs';

/** The create-vite release the generator is measured against (pinned: its size changes between releases). */
export const CREATE_VITE = 'create-vite@9.3.0';

function sh(cmd, args, cwd, timeout = 180_000) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, npm_config_loglevel: 'error', npm_config_update_notifier: 'false', CI: 'true' } });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error?.message };
}

function packages(nodeModules) {
  let count = 0;
  for (const e of readdirSync(nodeModules, { withFileTypes: true })) {
    if (!e.isDirectory() || e.name.startsWith('.')) continue;
    if (e.name.startsWith('@')) count += readdirSync(path.join(nodeModules, e.name)).length;
    else count++;
  }
  return count;
}

/** One install + run of a tarball in a fresh folder: milliseconds, installed packages and kilobytes. */
function installAndRun(tarball, bin, args, work) {
  const app = mkdtempSync(path.join(work, 'app-'));
  writeFileSync(path.join(app, 'package.json'), '{ "name": "app", "version": "1.0.0", "private": true }\n');
  const t0 = process.hrtime.bigint();
  const install = sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--no-package-lock', tarball], app);
  const run = install.status === 0 ? probe([path.join(app, 'node_modules/.bin', bin), ...args], { cwd: app }) : { status: install.status, stderr: install.stderr };
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const nm = path.join(app, 'node_modules');
  const kb = install.status === 0 ? Number(sh('du', ['-sk', nm], app).stdout.split(/\s/)[0]) : undefined;
  const count = install.status === 0 ? packages(nm) : undefined;
  rmSync(app, { recursive: true, force: true });
  return { ms, kb, count, status: run.status, error: run.status === 0 ? undefined : (run.stderr || install.stderr || '').trim().split('\n').slice(-1)[0] };
}

/**
 * Packs create-mlops-pipeline, fetches the pinned create-vite tarball, warms the npm cache with one
 * install of each, then times `runs` installs + runs of each. Returns the section for the report.
 */
export function installFootprint({ runs = 3 } = {}) {
  const work = mkdtempSync(path.join(os.tmpdir(), 'mlops-bench-install-'));
  try {
    const packed = sh('pnpm', ['pack', '--pack-destination', work], path.join(repoRoot, 'packages/create-mlops-pipeline'));
    const vite = sh('npm', ['pack', CREATE_VITE, '--pack-destination', work], work);
    if (packed.status !== 0 || vite.status !== 0) return { skipped: `pack failed: ${(packed.stderr || vite.stderr || vite.error || '').trim().split('\n')[0]}` };
    const files = readdirSync(work);
    const ours = path.join(work, files.find((f) => f.startsWith('create-mlops-pipeline-')) ?? '');
    const theirs = path.join(work, files.find((f) => f.startsWith('create-vite-')) ?? '');
    const repo = path.join(work, 'repo');
    cpSync(paths.example, repo, { recursive: true });
    const subjects = [
      { key: 'create-mlops-pipeline', label: 'create-mlops-pipeline: install + `<repo> --provider github --yes --dry-run`', tarball: ours, bin: 'create-mlops-pipeline', args: [repo, '--provider', 'github', '--yes', '--dry-run'] },
      { key: 'create-vite', label: `${CREATE_VITE}: install + \`<dir> --template vanilla\``, tarball: theirs, bin: 'create-vite', args: null },
    ];
    const rows = [];
    for (const s of subjects) {
      log(`install footprint: ${s.key} (1 warm-up + ${runs} runs)`);
      const argsFor = (i) => s.args ?? [path.join(work, `vite-app-${s.key}-${i}`), '--template', 'vanilla'];
      installAndRun(s.tarball, s.bin, argsFor('warm'), work);
      const results = [];
      for (let i = 0; i < runs; i++) results.push(installAndRun(s.tarball, s.bin, argsFor(i), work));
      const failed = results.find((r) => r.status !== 0);
      rows.push({ key: s.key, label: s.label, stats: stats(results.map((r) => r.ms)), installedKB: results[0]?.kb, packages: results[0]?.count, ...(failed ? { note: `exit ${failed.status}: ${failed.error ?? ''}` } : {}) });
    }
    mkdirSync(work, { recursive: true });
    return { runs, rows };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Targets: ≤ 2× create-vite's install + run time, ≤ 3 MB installed, one package. */
export function installTargets(section) {
  const ours = section?.rows?.find((r) => r.key === 'create-mlops-pipeline');
  const vite = section?.rows?.find((r) => r.key === 'create-vite');
  if (!ours?.stats || !vite?.stats) return [];
  const ratio = ours.stats.median / vite.stats.median;
  return [
    { target: '`npm create mlops-pipeline` install + dry run ≤ 2× create-vite (warm cache)', measured: `${ratio.toFixed(2)}× (${ours.stats.median.toFixed(0)} ms vs ${vite.stats.median.toFixed(0)} ms)`, ok: ratio <= 2 },
    { target: 'generator installed ≤ 3 MB, one package', measured: `${((ours.installedKB ?? 0) / 1024).toFixed(2)} MB, ${ours.packages} package(s) (create-vite: ${((vite.installedKB ?? 0) / 1024).toFixed(2)} MB, ${vite.packages})`, ok: (ours.installedKB ?? Infinity) <= 3 * 1024 && ours.packages === 1 },
  ];
}

/** The markdown table of the section. */
export function installTable(section) {
  if (!section) return '';
  if (section.skipped) return `### Install footprint\n\nskipped: ${section.skipped}\n`;
  const rows = section.rows.map((r) => `| ${r.label} | ${r.stats.median.toFixed(0)} ms | ${r.stats.min.toFixed(0)}–${r.stats.max.toFixed(0)} ms | ${((r.installedKB ?? 0) / 1024).toFixed(2)} MB | ${r.packages ?? '–'} | ${r.note ?? ''} |`);
  return [`### Install footprint (packed tarball, warm npm cache, median of ${section.runs})`, '', '| command | median | range | installed | packages | note |', '|---|---|---|---|---|---|', ...rows, ''].join('\n');
}
