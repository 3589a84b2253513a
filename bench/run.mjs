#!/usr/bin/env node
// `pnpm bench`: mlops-lint and create-mlops-pipeline against peer tools, side by side, in one run.
// Writes bench/results/latest.{md,json} (partial runs with --only: bench/.work/results/).
//
//   node bench/run.mjs [--only lint|memory|generator|limits] [--sizes 1000,10000] [--quick] [--no-install]
//                      [--no-profile] [--keep] [--out <dir>]
//   --only memory: mlops-lint and the parse-only floor on the 10,000-file corpus (time, peak RSS, GC trace)
//   --only limits: mlops-lint on the worst single files it still checks (2 MB, 100,000 lines and flow items)
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCorpus, loadSeeds } from './lib/corpus.mjs';
import { elapsedSeconds, log, machineInfo, paths, repoRoot, resultsDir, sharedDir, workDir } from './lib/env.mjs';
import { adaptiveRuns, coldRuns, gcTrace, probe, timedRuns } from './lib/measure.mjs';
import { installFootprint } from './lib/install-footprint.mjs';
import { writeWorstFiles } from './lib/worst-files.mjs';
import { packageFacts } from './lib/packages.mjs';
import { ensurePeers } from './lib/peers.mjs';
import { bundleComposition, cpuProfile, unminifiedBundle } from './lib/profile.mjs';
import { evaluateTargets, renderMarkdown } from './lib/report.mjs';

const { values: opts } = parseArgs({
  options: {
    only: { type: 'string' },
    sizes: { type: 'string' },
    quick: { type: 'boolean', default: false },
    'no-install': { type: 'boolean', default: false },
    'no-profile': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opts.help) {
  process.stdout.write(readFileSync(new URL(import.meta.url), 'utf8').split('\n').slice(1, 7).map((l) => l.replace(/^\/\/ ?/, '')).join('\n') + '\n');
  process.exit(0);
}

const only = opts.only;
if (only && !['lint', 'memory', 'generator', 'limits'].includes(only)) {
  process.stderr.write(`--only must be lint, memory, generator or limits\n`);
  process.exit(2);
}
const memoryOnly = only === 'memory';
const doLint = !only || only === 'lint' || memoryOnly;
const doGenerator = !only || only === 'generator';
const doLimits = !only || only === 'limits';
const sizes = (opts.sizes ?? (memoryOnly ? '10000' : opts.quick ? '200,1000' : '1000,10000')).split(',').map(Number).filter((n) => n > 0);
const COLD_RUNS = opts.quick ? 5 : 10;
const RUNS = 5;
const BUDGET_SECONDS = 540; // stay under 10 minutes on 2 cores
const outDir = path.resolve(opts.out ?? (only || opts.quick || opts.sizes ? path.join(workDir, 'results') : resultsDir));

const node = process.execPath;
const warnings = [];
const notes = [];
const results = { machine: machineInfo(), peers: {}, sections: {}, profiles: {}, warnings, notes };

log(`mlops-pipeline benchmarks: ${results.machine.cpuModel}, ${results.machine.nproc} CPU(s), Node ${results.machine.node}`);
if (!existsSync(sharedDir)) log(`skipped: real-world corpus and upstream schemas (${sharedDir} not found); using our templates only`);

// ---------------------------------------------------------------- peers
const peers = ensurePeers({ skipInstall: opts['no-install'] });
results.peers = Object.fromEntries(Object.entries(peers).map(([k, p]) => [k, { name: p.name, ...(p.skipped ? { skipped: p.skipped } : {}) }]));
const hyperfine = !peers.hyperfine.skipped;
const schemasPresent = existsSync(path.join(paths.schemas, 'github-workflow.json')) && existsSync(path.join(paths.schemas, 'gitlab-ci.json'));

const tmp = mkdtempSync(path.join(os.tmpdir(), 'mlops-bench-'));
const cleanup = () => {
  if (!opts.keep) rmSync(tmp, { recursive: true, force: true });
};
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

function checkCli(file, what) {
  if (!existsSync(file)) {
    warnings.push(`${what} is not built (${path.relative(repoRoot, file)} missing): run \`pnpm build\``);
    return false;
  }
  const help = probe([node, file, '--help'], { cwd: repoRoot, timeoutMs: 30_000 });
  const text = `${help.stdout}${help.stderr}`;
  if (help.status !== 0 || text.trim().length < 60 || !/usage/i.test(text)) {
    warnings.push(`\`${path.relative(repoRoot, file)} --help\` does not print a usage text (exit ${help.status}, output ${JSON.stringify(text.trim().slice(0, 80))}): the CLI may be unfinished, numbers below measure what it does today`);
  }
  return true;
}

const lintArgv = (...args) => [node, paths.lintCli, ...args];
const label = (key) =>
  ({
    node: 'bare `node -e 0` (floor)',
    floor: 'parse-only `yaml` loop (floor)',
    'mlops-lint': '**mlops-lint**',
    'mlops-lint-hook': 'mlops-lint pre-commit build (`hook/mlops-lint.cjs`)',
    'create-provider': 'create-mlops-pipeline --yes --dry-run --provider github',
    spectral: `Spectral CLI ${peers.spectral?.name?.split('@').pop() ?? ''} (equivalent ruleset)`,
    actionValidator: `action-validator ${peers.actionValidator?.name?.split('@').pop() ?? ''} (GitHub schema, wasm)`,
    yamllint: `yamllint ${peers.yamllint?.name?.split(' ').pop()?.replace(/-.*/, '') ?? ''} (default config)`,
    jsonschema: `Python jsonschema ${peers.jsonschema?.name?.split(' ')[1]?.replace(/-.*/, '') ?? ''} (upstream schemas)`,
    create: '**create-mlops-pipeline --yes --dry-run**',
  })[key] ?? key;

// Profiles run an unminified bundle of the same sources (the published one is minified).
let profileCli;
async function lintForProfile() {
  if (profileCli === undefined) {
    const version = JSON.parse(readFileSync(path.join(repoRoot, 'packages/lint/package.json'), 'utf8')).version;
    profileCli =
      (await unminifiedBundle(paths.lintSrc, path.join(workDir, 'profile/mlops-lint.cjs'), {
        define: { __MLOPS_LINT_VERSION__: JSON.stringify(version) },
        spectralExternal: path.join(repoRoot, 'packages/lint/dist/spectral.cjs'),
      })) ?? paths.lintCli;
    notes.push(profileCli === paths.lintCli ? 'profiles ran the published (minified) bundle: function names are minified' : 'profiles ran an unminified esbuild bundle of packages/lint/src/cli.ts (same target, Spectral external as published), so functions and modules have their source names; timings above use the published dist/cli.cjs');
  }
  return profileCli;
}

try {
  if (doLint) {
    const lintBuilt = checkCli(paths.lintCli, 'mlops-lint');
    // ------------------------------------------------------------ corpus
    const { seeds, summary } = await loadSeeds();
    log(`corpus seeds: ${summary.real} real-world files (${summary.realGithub} GitHub, ${summary.realGitlab} GitLab) + ${summary.templates} templates (${summary.templatesSource})`);
    results.corpus = { seeds: summary, sets: [] };
    if (seeds.length === 0) throw new Error('no corpus: neither ../shared/corpus nor any template is available');
    const sets = [];
    for (const n of sizes) {
      const t0 = Date.now();
      const set = buildCorpus(seeds, n, path.join(tmp, `corpus-${n}`));
      sets.push(set);
      results.corpus.sets.push({ count: set.count, github: set.github, gitlab: set.gitlab, bytes: set.bytes });
      log(`wrote ${n} files (${set.github} GitHub / ${set.gitlab} GitLab, ${(set.bytes / 1024 / 1024).toFixed(1)} MiB) in ${Date.now() - t0} ms`);
    }

    // What mlops-lint sees in the smallest set: every file discovered from the directory argument.
    if (lintBuilt && sets.length > 0 && !memoryOnly) {
      const check = probe(lintArgv('--format', 'json', sets[0].dir), { cwd: tmp, timeoutMs: 300_000 });
      try {
        const parsed = JSON.parse(check.stdout);
        const byRule = {};
        for (const f of parsed) for (const d of f.diagnostics ?? []) byRule[d.ruleId] = (byRule[d.ruleId] ?? 0) + 1;
        const total = Object.values(byRule).reduce((a, b) => a + b, 0);
        const top = Object.entries(byRule).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ');
        notes.push(`mlops-lint \`<dir>\` on the ${sets[0].count.toLocaleString('en')}-file corpus linted ${parsed.length.toLocaleString('en')} files and reported ${total.toLocaleString('en')} findings (${top}).`);
        if (parsed.length !== sets[0].count) warnings.push(`mlops-lint linted ${parsed.length} of ${sets[0].count} corpus files`);
        results.corpus.lintFindings = { files: parsed.length, total, byRule };
      } catch {
        warnings.push(`mlops-lint --format json on the corpus did not print JSON (exit ${check.status}): ${check.stderr.trim().split('\n').slice(-2).join(' | ').slice(0, 200)}`);
      }
    }

    // ------------------------------------------------------------ 1. cold single file
    if (lintBuilt && !memoryOnly) {
      const coldSeed = seeds.find((s) => /step-6-orchestrate.*github_workflows_mlops\.yml$/.test(s.origin)) ?? seeds.find((s) => s.provider === 'github') ?? seeds[0];
      const coldRepo = path.join(tmp, 'cold');
      const rel = coldSeed.provider === 'github' ? '.github/workflows/mlops.yml' : '.gitlab-ci.yml';
      mkdirSync(path.dirname(path.join(coldRepo, rel)), { recursive: true });
      writeFileSync(path.join(coldRepo, rel), coldSeed.text);
      const commands = [
        { key: 'node', argv: [node, '-e', '0'] },
        { key: 'mlops-lint', argv: lintArgv(rel) },
      ];
      // The pre-commit hook runs the single-file build committed at packages/lint/hook/mlops-lint.cjs.
      if (existsSync(paths.lintHook)) commands.push({ key: 'mlops-lint-hook', argv: [node, paths.lintHook, rel] });
      const rows = [];
      const addPeer = (key, argv, cond = true, why = '') => {
        if (peers[key]?.skipped) rows.push({ key, label: label(key), skipped: peers[key].skipped });
        else if (!cond) rows.push({ key, label: label(key), skipped: why });
        else commands.push({ key, argv });
      };
      addPeer('spectral', [...(peers.spectral.argv ?? []), 'lint', '-r', paths.spectralRuleset, rel]);
      addPeer('actionValidator', [...(peers.actionValidator.argv ?? []), rel], coldSeed.provider === 'github', 'GitHub files only');
      addPeer('yamllint', ['yamllint', rel]);
      const first = probe(commands[1].argv, { cwd: coldRepo });
      log(`mlops-lint ${rel}: exit ${first.status}, ${first.stdout.split('\n').filter(Boolean).length} output lines`);
      log(`cold single-file: ${commands.map((c) => c.key).join(', ')} (hyperfine, ${COLD_RUNS} runs)`);
      const timed = coldRuns(commands, { cwd: coldRepo, runs: COLD_RUNS, warmup: 1, hyperfine });
      for (const c of commands) rows.push({ key: c.key, label: label(c.key), stats: timed[c.key], note: timed[c.key]?.exitCodes?.some((e) => e !== 0) ? `exit ${timed[c.key].exitCodes.join('/')}` : '' });
      const order = ['mlops-lint', 'mlops-lint-hook', 'node', 'spectral', 'actionValidator', 'yamllint'];
      rows.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
      results.sections.cold = { file: `${rel} (${coldSeed.origin})`, fileBytes: Buffer.byteLength(coldSeed.text), warmup: 1, usKey: 'mlops-lint', floorKey: 'node', rows };
      const r = results.sections.cold.rows.find((x) => x.key === 'mlops-lint')?.stats;
      const f = results.sections.cold.rows.find((x) => x.key === 'node')?.stats;
      log(`cold: mlops-lint ${r?.median?.toFixed(0)} ms vs node ${f?.median?.toFixed(0)} ms`);
      if (!opts['no-profile']) {
        results.profiles['cold single file: mlops-lint <one workflow>'] = cpuProfile([await lintForProfile(), rel], { cwd: coldRepo, intervalUs: 100 });
        results.bundle = { 'packages/lint/dist/cli.cjs (published, minified)': statSync(paths.lintCli).size, ...(existsSync(paths.lintHook) ? { 'packages/lint/hook/mlops-lint.cjs': statSync(paths.lintHook).size } : {}), composition: bundleComposition(await lintForProfile()) };
      }
    }

    // ------------------------------------------------------------ 2./3. throughput + memory
    results.sections.throughput = [];
    for (const set of sets) {
      const big = set.count >= 5000;
      const rows = [];
      const dir = set.dir;
      // Each tool: `warmup` untimed runs, then between min and max timed runs fitted to `budget`
      // seconds. A 1,000-file Spectral run takes tens of seconds: it gets no separate warm-up (the
      // cold section already ran it) and at least 3 runs; at 10,000 files it is extrapolated, and
      // the Python validator too when the time budget is short.
      const late = elapsedSeconds() > BUDGET_SECONDS * 0.6;
      const plan = [
        { key: 'mlops-lint', argv: lintArgv(dir), warmup: big ? 0 : 1, min: big ? 3 : RUNS, max: RUNS, budget: big ? (late ? 60 : 150) : 60, cond: lintBuilt, why: 'mlops-lint not built' },
        { key: 'floor', argv: [node, paths.yamlFloor, dir], warmup: big ? 0 : 1, min: big ? 3 : RUNS, max: RUNS, budget: big ? 60 : 30 },
        {
          key: 'spectral',
          argv: [...(peers.spectral.argv ?? []), 'lint', '-r', paths.spectralRuleset, `${dir}/*/.github/workflows/*.yml`, `${dir}/*/.gitlab-ci.yml`],
          warmup: 0,
          min: big ? 1 : 3,
          max: RUNS,
          budget: 90,
          extrapolate: big,
        },
        {
          key: 'jsonschema',
          argv: [...(peers.jsonschema.argv ?? []), paths.jsonschemaPeer, paths.schemas, dir],
          warmup: big ? 0 : 1,
          min: big ? 1 : 3,
          max: big ? 1 : RUNS,
          budget: 30,
          extrapolate: big && late,
          cond: schemasPresent,
          why: `upstream schemas not found in ${paths.schemas}`,
        },
      ];
      for (const p of plan) {
        if (memoryOnly && p.key !== 'mlops-lint' && p.key !== 'floor') continue;
        if (peers[p.key]?.skipped) {
          rows.push({ key: p.key, label: label(p.key), skipped: peers[p.key].skipped });
          continue;
        }
        if (p.cond === false) {
          rows.push({ key: p.key, label: label(p.key), skipped: p.why });
          continue;
        }
        const measuredBefore = results.sections.throughput.map((t) => [t.size, t.rows.find((r) => r.key === p.key && r.stats?.n > 0)?.stats]).filter(([, st]) => st);
        if (p.extrapolate && measuredBefore.length > 0) {
          const [n, st] = measuredBefore[measuredBefore.length - 1];
          const scale = set.count / n;
          const stats = { min: st.min * scale, median: st.median * scale, max: st.max * scale, n: 0 };
          rows.push({ key: p.key, label: label(p.key), stats, runsLabel: 'extrapolated', note: `not run: ${n.toLocaleString('en')}-file times × ${scale} (per-file cost is linear; a ${set.count.toLocaleString('en')}-file run would take ~${(stats.median / 1000).toFixed(0)} s)` });
          log(`${set.count} files: ${p.key} extrapolated from ${n} files: median ${(stats.median / 1000).toFixed(1)} s`);
          continue;
        }
        if (elapsedSeconds() > BUDGET_SECONDS && p.key !== 'mlops-lint' && p.key !== 'floor') {
          rows.push({ key: p.key, label: label(p.key), skipped: `time budget (${BUDGET_SECONDS} s) used up` });
          log(`skipped: ${p.key} on ${set.count} files (time budget used up)`);
          continue;
        }
        log(`${set.count} files: ${p.key} (${p.warmup} warm-up, ${p.min}-${p.max} runs in ~${p.budget} s)`);
        const res = adaptiveRuns(p.argv, { cwd: tmp, warmup: p.warmup, min: p.min, max: p.max, budgetMs: p.budget * 1000 });
        const bad = res.exitCodes.filter((e) => e !== 0 && !(p.key !== 'floor' && e === 1));
        const notesHere = [];
        if (p.warmup === 0 || res.n < RUNS) notesHere.push(`${res.n} run${res.n > 1 ? 's' : ''}${p.warmup ? ' after a warm-up' : ', no warm-up'} (capped to keep the whole run near 10 min: one run takes ${(res.times[0] / 1000).toFixed(0)} s)`);
        if (bad.length) notesHere.push(`exit ${res.exitCodes.join('/')}: ${res.stderrTail.slice(0, 160)}`);
        if (p.key === 'floor' || p.key === 'jsonschema') notesHere.push(res.stdoutHead.trim().split('\n').pop());
        rows.push({ key: p.key, label: label(p.key), stats: res, rssMB: res.rssMB, note: notesHere.join('; '), runsLabel: `${res.n}` });
        log(`  median ${res.median.toFixed(0)} ms over ${res.n} runs, peak RSS ${res.rssMB?.max?.toFixed(0) ?? '?'} MB, exit ${res.exitCodes.join('/')}`);
      }
      results.sections.throughput.push({ size: set.count, usKey: 'mlops-lint', floorKey: 'floor', rows, warmupNote: `${RUNS} runs after 1 warm-up unless noted` });
      // Where the peak comes from: how much is retained (live heap after full GCs) vs garbage not
      // yet collected; over the memory target, also what a capped old space does to RSS and time.
      const lintRss = rows.find((r) => r.key === 'mlops-lint')?.rssMB;
      if (big && lintRss && !opts['no-profile']) {
        const over = lintRss.max >= 200;
        if (elapsedSeconds() > BUDGET_SECONDS) log('skipped: memory diagnosis (time budget used up)');
        else {
          log(`${set.count} files: mlops-lint memory diagnosis (--trace-gc${over ? ', default heap and --max-old-space-size=96' : ''})`);
          const runs = [gcTrace([paths.lintCli, dir], { cwd: tmp })];
          if (over) runs.push(gcTrace([paths.lintCli, dir], { cwd: tmp, v8Flags: ['--max-old-space-size=96'] }));
          results.memory = { size: set.count, runs };
        }
      }
      if (set.count === 1000 && lintBuilt && !opts['no-profile']) {
        log('profiling mlops-lint on 1,000 files');
        results.profiles['1,000 files: mlops-lint <dir>'] = cpuProfile([await lintForProfile(), dir], { cwd: tmp, intervalUs: 500 });
      }
    }
  }

  // -------------------------------------------------------------- 4. generator
  if (doGenerator) {
    const built = checkCli(paths.createCli, 'create-mlops-pipeline');
    const args = [paths.example, '--yes', '--dry-run'];
    const gen = { command: `create-mlops-pipeline ${path.relative(repoRoot, paths.example)} --yes --dry-run`, warmup: 1, usKey: 'create', floorKey: 'node', rows: [] };
    if (built) {
      const first = probe([node, paths.createCli, ...args], { cwd: repoRoot });
      gen.exit = first.status;
      if (first.status !== 0) warnings.push(`create-mlops-pipeline dry run exits ${first.status}: ${(first.stderr || first.stdout).trim().split('\n').slice(-2).join(' | ').slice(0, 200)}`);
      log(`generator: create-mlops-pipeline dry run vs node -e 0 (${COLD_RUNS} runs)`);
      const timed = coldRuns(
        [
          { key: 'create', argv: [node, paths.createCli, ...args] },
          { key: 'node', argv: [node, '-e', '0'] },
        ],
        { cwd: repoRoot, runs: COLD_RUNS, warmup: 1, hyperfine },
      );
      gen.rows.push({ key: 'create', label: label('create'), stats: timed.create, note: first.status ? `exit ${first.status}` : '' }, { key: 'node', label: label('node'), stats: timed.node });
      if (first.status !== 0) {
        const withProvider = [node, paths.createCli, ...args, '--provider', 'github'];
        const second = probe(withProvider, { cwd: repoRoot });
        const t2 = coldRuns([{ key: 'create-provider', argv: withProvider }], { cwd: repoRoot, runs: COLD_RUNS, warmup: 1, hyperfine });
        gen.rows.splice(1, 0, { key: 'create-provider', label: label('create-provider'), stats: t2['create-provider'], note: `exit ${second.status}${second.status === 0 ? ` (prints ${second.stdout.split('\n').length} lines)` : ''}` });
        gen.usKey = 'create-provider';
        notes.push('`--yes --dry-run` alone exits non-zero on examples/dvc-project (the provider cannot be inferred there), so the generator is also timed with `--provider github`.');
      }

      if (!opts['no-profile']) {
        const profArgs = gen.usKey === 'create-provider' ? [...args, '--provider', 'github'] : args;
        results.profiles[`generator: create-mlops-pipeline ${profArgs.slice(1).join(' ')}`] = cpuProfile([paths.createCli, ...profArgs], { cwd: repoRoot, intervalUs: 100 });
      }
    } else gen.rows.push({ key: 'create', label: label('create'), skipped: 'not built' });
    log('packing published packages');
    gen.packages = packageFacts();
    if (!opts['no-install']) gen.install = installFootprint({ runs: opts.quick ? 2 : 3 });
    results.sections.generator = gen;
  }

  // -------------------------------------------------------------- 5. worst single files
  if (doLimits && checkCli(paths.lintCli, 'mlops-lint')) {
    log('limits: mlops-lint on the worst single files it still checks (one run each)');
    const rows = [];
    for (const shape of writeWorstFiles(path.join(tmp, 'worst'))) {
      const stdoutFile = path.join(shape.repo, 'report.json');
      const run = timedRuns(lintArgv('--format', 'json', shape.file), { cwd: shape.repo, runs: 1, warmup: 0, stdoutFile });
      let findings;
      try {
        findings = JSON.parse(readFileSync(stdoutFile, 'utf8')).reduce((n, f) => n + f.diagnostics.length, 0);
      } catch {
        findings = undefined;
      }
      rows.push({ name: shape.name, bytes: shape.bytes, units: shape.units, ms: run.median, rssMB: run.rssValues[0], exit: run.exitCodes.join(','), findings });
    }
    results.sections.limits = { rows };
  }
} finally {
  cleanup();
}

results.targets = evaluateTargets(results);
results.durationSeconds = elapsedSeconds();
results.machine.loadAverageAtEnd = os.loadavg().map((v) => +v.toFixed(2));
if (results.durationSeconds > 600) notes.push(`the run took ${results.durationSeconds.toFixed(0)} s, over the 10-minute budget`);

mkdirSync(outDir, { recursive: true });
const md = renderMarkdown(results);
writeFileSync(path.join(outDir, 'latest.md'), md + '\n');
writeFileSync(path.join(outDir, 'latest.json'), JSON.stringify(results, (k, v) => (k === 'stdoutHead' || k === 'stderrTail' ? undefined : typeof v === 'number' ? +v.toFixed(3) : v), 2) + '\n');
process.stdout.write(`\n${md}\n`);
log(`wrote ${path.relative(process.cwd(), path.join(outDir, 'latest.md'))} and latest.json in ${results.durationSeconds.toFixed(0)} s`);
