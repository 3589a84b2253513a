// Tables (Markdown, also printed to stdout) and the target checks from the measured numbers.
import { installTable, installTargets } from './install-footprint.mjs';

const ms = (v) => (v === undefined || Number.isNaN(v) ? '–' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(0)} ms`);
const ratio = (a, b) => (a && b && Number.isFinite(a) && Number.isFinite(b) ? `${(a / b).toFixed(2)}×` : '–');
const mb = (v) => (v === undefined || Number.isNaN(v) ? '–' : `${v.toFixed(0)} MB`);
const kb = (v) => (v === undefined ? '–' : v >= 1024 * 1024 ? `${(v / 1024 / 1024).toFixed(2)} MiB` : `${(v / 1024).toFixed(1)} KiB`);

function table(headers, rows) {
  const left = (h, i) => i === 0 || /^(notes|direct dependencies|version|measured|target|self time)/.test(h);
  const lines = [`| ${headers.join(' | ')} |`, `|${headers.map((h, i) => (left(h, i) ? ':---' : '---:')).join('|')}|`];
  for (const r of rows) lines.push(`| ${r.join(' | ')} |`);
  return lines.join('\n');
}

/** rows: [{ label, stats?, skipped?, note?, rss? }] with us/floor medians for the ratios. */
function timingTable(section, { withRss = false } = {}) {
  const us = section.rows.find((r) => r.key === section.usKey)?.stats?.median;
  const floor = section.rows.find((r) => r.key === section.floorKey)?.stats?.median;
  const headers = ['tool', 'runs', 'min', 'median', 'max', '× mlops-lint', '× floor'];
  if (withRss) headers.push('peak RSS (median)');
  headers.push('notes');
  const rows = section.rows.map((r) => {
    if (r.skipped) {
      const row = [r.label, '–', '–', '–', '–', '–', '–'];
      if (withRss) row.push('–');
      row.push(`skipped: ${r.skipped}`);
      return row;
    }
    const s = r.stats;
    const row = [r.label, r.runsLabel ?? String(s.n), ms(s.min), ms(s.median), ms(s.max), r.key === section.usKey ? '1.00×' : ratio(s.median, us), r.key === section.floorKey ? '1.00×' : ratio(s.median, floor)];
    if (withRss) row.push(r.rssMB ? mb(r.rssMB.median) : '–');
    row.push(r.note ?? '');
    return row;
  });
  return table(headers, rows);
}

export function evaluateTargets(results) {
  const t = [];
  const med = (section, key) => section?.rows.find((r) => r.key === key && !r.skipped)?.stats?.median;
  const cold = results.sections.cold;
  if (cold) {
    const r = med(cold, 'mlops-lint') / med(cold, 'node');
    t.push({ target: 'cold single-file lint ≤ 2.5× bare node start-up', measured: `${r.toFixed(2)}× (${ms(med(cold, 'mlops-lint'))} vs ${ms(med(cold, 'node'))})`, ok: r <= 2.5 });
  }
  const t1 = results.sections.throughput?.find((s) => s.size === 1000);
  if (t1) {
    const us = med(t1, 'mlops-lint');
    const r = us / med(t1, 'floor');
    t.push({ target: '1,000 files ≤ 3× the parse-only floor', measured: `${r.toFixed(2)}× (${ms(us)} vs ${ms(med(t1, 'floor'))})`, ok: r <= 3 });
    const sp = med(t1, 'spectral');
    if (sp) t.push({ target: '1,000 files ≥ 5× faster than Spectral CLI (equivalent rules)', measured: `${(sp / us).toFixed(2)}× faster (${ms(sp)} vs ${ms(us)})`, ok: sp / us >= 5 });
    else t.push({ target: '1,000 files ≥ 5× faster than Spectral CLI (equivalent rules)', measured: 'not measured (Spectral skipped)', ok: undefined });
  }
  const worst = results.sections.limits?.rows;
  if (worst?.length) {
    const slowest = Math.max(...worst.map((r) => r.ms));
    const largest = Math.max(...worst.map((r) => r.rssMB ?? 0));
    t.push({ target: 'worst single file still checked: ≤ 10 s and ≤ 500 MB peak RSS', measured: `${ms(slowest)}, ${mb(largest)}`, ok: slowest <= 10_000 && largest <= 500 && worst.every((r) => r.exit === '0' || r.exit === '1') });
  }
  const t10 = results.sections.throughput?.find((s) => s.size === 10000);
  if (t10) {
    const rss = t10.rows.find((r) => r.key === 'mlops-lint')?.rssMB;
    if (rss) t.push({ target: '10,000 files under 200 MB peak RSS', measured: `${rss.median.toFixed(0)} MB median (max ${rss.max.toFixed(0)} MB)`, ok: rss.max < 200 });
  }
  const gen = results.sections.generator;
  if (gen) {
    const key = gen.rows.some((x) => x.key === 'create-provider' && x.stats) ? 'create-provider' : 'create';
    const r = med(gen, key) / med(gen, 'node');
    t.push({ target: 'generator dry run ≤ 3× bare node', measured: `${r.toFixed(2)}× (${ms(med(gen, key))} vs ${ms(med(gen, 'node'))})${key === 'create-provider' ? ' with --provider github' : ''}`, ok: r <= 3 });
    const p = gen.packages?.find((x) => x.name === 'create-mlops-pipeline');
    if (p) t.push({ target: 'generator runtime dependencies ≤ 3', measured: `${p.directDeps} direct (${p.installedDeps ?? '?'} packages installed with it)`, ok: p.directDeps <= 3 });
    t.push(...installTargets(gen.install));
  }
  return t;
}

function profileBlock(title, prof) {
  if (!prof) return '';
  if (prof.error) return `#### ${title}\n\nnot profiled: ${prof.error}\n`;
  const fns = table(['self time: function (module:line)', 'ms', '%'], prof.functions.slice(0, 12).map((f) => [`\`${f.name}\``, f.ms.toFixed(1), `${f.pct}%`]));
  const pkgs = table(['self time: package / source dir', 'ms', '%'], prof.packages.slice(0, 10).map((f) => [`\`${f.name}\``, f.ms.toFixed(1), `${f.pct}%`]));
  return `#### ${title} (${prof.totalMs.toFixed(0)} ms sampled)\n\n${pkgs}\n\n${fns}\n`;
}

export function renderMarkdown(results) {
  const m = results.machine;
  const out = [];
  out.push('# mlops-lint and create-mlops-pipeline vs peers');
  out.push('');
  out.push(`Measured ${m.date} on ${m.cpuModel}, ${m.nproc} CPU(s), ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}, commit ${m.gitCommit ?? '?'}; whole run ${results.durationSeconds.toFixed(0)} s (\`pnpm bench\`); 1-minute load average ${m.loadAverageAtStart?.[0] ?? '?'} at the start, ${m.loadAverageAtEnd?.[0] ?? '?'} at the end${(m.loadAverageAtStart?.[0] ?? 0) > m.nproc ? ' (a busy machine: absolute times are inflated, compare the ratios)' : ''}.`);
  out.push('Ratios are medians measured in the same run: `× mlops-lint` > 1 means the tool is slower than mlops-lint; `× floor` is the cost over the floor (bare `node -e 0` for start-up, a parse-only `yaml` loop for throughput).');
  out.push('');
  if (results.warnings?.length) {
    for (const w of results.warnings) out.push(`> ⚠️ ${w}`);
    out.push('');
  }
  out.push('## Targets');
  out.push('');
  out.push(table(['target', 'measured', ''], results.targets.map((t) => [t.target, t.measured, t.ok === undefined ? '–' : t.ok ? '✅ met' : '❌ missed'])));
  out.push('');
  const c = results.corpus;
  if (c) {
    out.push('## Corpus');
    out.push('');
    out.push(`${c.seeds.real} real-world CI files (${c.seeds.realGithub} GitHub, ${c.seeds.realGitlab} GitLab)${c.seeds.corpusPresent ? ' from `../shared/corpus`' : ' (`../shared/corpus` absent)'} + ${c.seeds.templates} rendered templates (${c.seeds.templatesSource}), replicated with per-copy variations (job names, an env value, a comment): ${(c.sets ?? []).map((s) => `${s.count.toLocaleString('en')} files (${s.github} GitHub / ${s.gitlab} GitLab, ${kb(s.bytes)})`).join('; ')}.`);
    out.push('');
  }
  const cold = results.sections.cold;
  if (cold) {
    out.push('## 1. Cold single-file lint (pre-commit case)');
    out.push('');
    out.push(`One workflow (\`${cold.file}\`, ${cold.fileBytes} bytes), each command a fresh process, hyperfine \`-N\` with ${cold.warmup} warm-up run(s).`);
    out.push('');
    out.push(timingTable(cold));
    out.push('');
  }
  for (const s of results.sections.throughput ?? []) {
    out.push(`## 2. Throughput: ${s.size.toLocaleString('en')} files in one process`);
    out.push('');
    out.push(`Own harness (spawnSync + hrtime, stdout to a file, peak RSS from GNU time); ${s.warmupNote}.`);
    out.push('');
    out.push(timingTable(s, { withRss: true }));
    out.push('');
  }
  const t10 = results.sections.throughput?.find((s) => s.size === 10000);
  if (t10) {
    out.push('## 3. Peak memory (RSS), 10,000 files');
    out.push('');
    out.push(table(['tool', 'min', 'median', 'max'], t10.rows.filter((r) => r.rssMB).map((r) => [r.label, mb(r.rssMB.min), mb(r.rssMB.median), mb(r.rssMB.max)])));
    out.push('');
  }
  if (results.memory) {
    const base = results.memory.runs[0];
    const verdict =
      base.maxLiveMB !== undefined && base.maxHeapMB !== undefined && base.maxLiveMB < base.maxHeapMB / 2
        ? `the live heap after full GCs stays at ${mb(base.maxLiveMB)} while the heap grows to ${mb(base.maxHeapMB)} between them: most of the peak is garbage V8 has not collected yet, not retained data`
        : 'a large part of the heap survives full GCs: the run retains data as it goes';
    const each = results.memory.runs.length > 1 ? ' each' : '';
    out.push(`Where the memory goes (one \`--trace-gc\` run${each} on ${results.memory.size.toLocaleString('en')} files): ${verdict}. On a run over a directory, the whole repository or more than 20 files, mlops-lint itself bounds how far the heap may grow past what survived the last full GC (V8's \`--heap-growing-percent\`; by default V8 allows up to 4×), so full GCs come sooner and stay short.`);
    out.push('');
    out.push(table(['mlops-lint run', 'time', 'peak RSS', 'full GCs', 'max heap before a full GC', 'max live heap after a full GC'], results.memory.runs.map((r) => [`\`node ${[...r.v8Flags, '--trace-gc'].join(' ')} cli.cjs <dir>\``, ms(r.ms), mb(r.rssMB), String(r.fullGCs), mb(r.maxHeapMB), mb(r.maxLiveMB)])));
    out.push('');
  }
  const gen = results.sections.generator;
  if (gen) {
    out.push('## 4. Generator');
    out.push('');
    out.push(`\`${gen.command}\` (exit ${gen.exit}) vs bare node, hyperfine \`-N\`, ${gen.warmup} warm-up run(s).`);
    out.push('');
    out.push(timingTable(gen));
    out.push('');
    if (gen.packages) {
      out.push(table(['published package', 'tarball', 'unpacked', 'files', 'runtime deps (direct)', 'installed with it', 'direct dependencies'], gen.packages.map((p) => [p.name, p.packError ? `pack failed: ${p.packError}` : kb(p.tarballBytes), kb(p.unpackedBytes), p.files ?? '–', String(p.directDeps), p.installedDeps === undefined ? '–' : `${p.installedDeps} packages`, p.deps.map((d) => `\`${d}\``).join(', ')])));
      out.push('');
      out.push('"installed with it": the closure of production dependencies in `pnpm-lock.yaml` (workspace packages resolved to their own dependencies), i.e. what `npm install` of the package brings in.');
      out.push('');
    }
    if (gen.install) out.push(installTable(gen.install));
  }
  const worst = results.sections.limits?.rows;
  if (worst?.length) {
    out.push('## 5. Worst single files still checked');
    out.push('');
    out.push('Each shape grows until one more item would pass a limit: 2 MB, or 100,000 lines and flow items (past either, the file gets one finding and is not parsed). One `mlops-lint --format json <file>` run each; peak RSS by GNU `time`.');
    out.push('');
    out.push(table(['shape', 'bytes', 'lines + flow items', 'time', 'peak RSS', 'findings', 'exit'], worst.map((r) => [r.name, r.bytes.toLocaleString('en'), r.units.toLocaleString('en'), ms(r.ms), mb(r.rssMB), r.findings === undefined ? '–' : r.findings.toLocaleString('en'), r.exit])));
    out.push('');
  }
  if (results.profiles && Object.keys(results.profiles).length > 0) {
    out.push('## Profiles (`node --cpu-prof`, self time)');
    out.push('');
    out.push('Bundle lines are mapped back to their source module through esbuild\'s `// module` markers.');
    out.push('');
    for (const [title, prof] of Object.entries(results.profiles)) out.push(profileBlock(title, prof));
    if (results.bundle?.composition?.length) {
      const sizes = Object.entries(results.bundle).filter(([k]) => k !== 'composition').map(([k, v]) => `\`${k}\` ${kb(v)}`).join(', ');
      out.push(`#### What the CLI bundle is made of (${sizes}; V8 compiles all of it at every start)`);
      out.push('');
      out.push(table(['package / source dir (unminified bundle)', 'bytes', '%'], results.bundle.composition.map((c) => [`\`${c.name}\``, kb(c.bytes), `${c.pct}%`])));
      out.push('');
    }
  }
  out.push('## Peers');
  out.push('');
  out.push(table(['peer', 'version / status'], Object.entries(results.peers).map(([k, p]) => [k, p.skipped ? `skipped: ${p.name} (${p.skipped})` : p.name])));
  out.push('');
  if (results.notes?.length) {
    out.push('## Notes');
    out.push('');
    for (const n of results.notes) out.push(`- ${n}`);
    out.push('');
  }
  return out.join('\n');
}
