// Timing: hyperfine for short (cold start) commands, an own harness (spawnSync + hrtime, peak RSS
// from GNU time) for the long throughput runs. Every result has min/median/max/mean in ms.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function stats(values) {
  const v = [...values].sort((a, b) => a - b);
  if (v.length === 0) return { min: NaN, median: NaN, max: NaN, mean: NaN, n: 0 };
  const mid = Math.floor(v.length / 2);
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { min: v[0], median, max: v[v.length - 1], mean: v.reduce((a, b) => a + b, 0) / v.length, n: v.length };
}

const quote = (s) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** One run of argv (for exit status and output checks); stdout/stderr captured. */
export function probe(argv, { cwd, env, timeoutMs = 120_000 } = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { cwd, env, encoding: 'utf8', maxBuffer: 256 * 2 ** 20, timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { status: r.status, signal: r.signal, error: r.error?.message, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms };
}

/**
 * Cold-start timing of several commands with hyperfine (-N: no shell), or the own harness when
 * hyperfine is missing. commands: [{ key, argv }]. Returns { key: stats + times[] }.
 */
export function coldRuns(commands, { cwd, runs = 10, warmup = 1, hyperfine = true } = {}) {
  const out = {};
  if (hyperfine) {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'mlops-bench-hf-'));
    const json = path.join(tmp, 'hf.json');
    const args = ['-N', '-i', '--style', 'basic', '--warmup', String(warmup), '--runs', String(runs), '--export-json', json];
    for (const c of commands) args.push('-n', c.key, c.argv.map(quote).join(' '));
    const r = spawnSync('hyperfine', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 });
    if (r.status === 0 && existsSync(json)) {
      for (const res of JSON.parse(readFileSync(json, 'utf8')).results) {
        const times = res.times.map((t) => t * 1000);
        out[res.command] = { ...stats(times), times, tool: 'hyperfine', exitCodes: [...new Set(res.exit_codes ?? [])] };
      }
      rmSync(tmp, { recursive: true, force: true });
      return out;
    }
    rmSync(tmp, { recursive: true, force: true });
    process.stdout.write(`hyperfine failed (${r.error?.message ?? `exit ${r.status}`}): ${(r.stderr ?? '').trim().split('\n').slice(-2).join(' | ')}; using the own harness\n`);
  }
  for (const c of commands) {
    const res = timedRuns(c.argv, { cwd, runs, warmup, rss: false });
    out[c.key] = { ...res, tool: 'harness' };
  }
  return out;
}

/**
 * The own harness: `warmup` untimed runs then `runs` timed runs of argv, stdout to a file, with
 * peak RSS (GNU time %M, KiB → MB) when /usr/bin/time exists. Returns stats + times[] + rss.
 */
export function timedRuns(argv, { cwd, env, runs = 5, warmup = 1, rss = true, timeoutMs = 600_000, stdoutFile } = {}) {
  const useTime = rss && existsSync('/usr/bin/time');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'mlops-bench-run-'));
  const rssFile = path.join(tmp, 'rss');
  const outFile = stdoutFile ?? path.join(tmp, 'stdout');
  const times = [];
  const warmupTimes = [];
  const rssMB = [];
  const exitCodes = new Set();
  let stderrTail = '';
  for (let i = 0; i < warmup + runs; i++) {
    const cmd = useTime ? ['/usr/bin/time', '-f', '%M', '-o', rssFile, ...argv] : argv;
    const fd = openSync(outFile, 'w');
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd[0], cmd.slice(1), { cwd, env, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', maxBuffer: 64 * 2 ** 20, timeout: timeoutMs });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    closeSync(fd);
    exitCodes.add(r.status ?? r.signal ?? r.error?.message);
    if (r.stderr) stderrTail = r.stderr.trim().split('\n').slice(-3).join(' | ');
    if (i < warmup) {
      warmupTimes.push(ms);
      continue;
    }
    times.push(ms);
    if (useTime && existsSync(rssFile)) {
      const kb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
      if (Number.isFinite(kb)) rssMB.push(kb / 1024);
    }
  }
  const stdoutHead = existsSync(outFile) ? readFileSync(outFile, 'utf8').slice(0, 4000) : '';
  rmSync(tmp, { recursive: true, force: true });
  return { ...stats(times), times, rssMB: rssMB.length ? stats(rssMB) : undefined, rssValues: rssMB, exitCodes: [...exitCodes], stderrTail, stdoutHead, warmup, warmupTimes };
}

/**
 * timedRuns with a run count fitted to a time budget: `warmup` untimed runs, one timed run, then
 * as many more as fit in budgetMs (counting the first), between min and max runs in total.
 */
export function adaptiveRuns(argv, { cwd, warmup = 1, min = 3, max = 5, budgetMs = 60_000 } = {}) {
  const first = timedRuns(argv, { cwd, runs: 1, warmup });
  const runs = Math.max(min, Math.min(max, Math.floor(budgetMs / first.median)));
  if (runs <= 1) return first;
  const rest = timedRuns(argv, { cwd, runs: runs - 1, warmup: 0 });
  const times = [...first.times, ...rest.times];
  const rssValues = [...first.rssValues, ...rest.rssValues];
  return {
    ...stats(times),
    times,
    rssMB: rssValues.length ? stats(rssValues) : undefined,
    rssValues,
    exitCodes: [...new Set([...first.exitCodes, ...rest.exitCodes])],
    stderrTail: rest.stderrTail || first.stderrTail,
    stdoutHead: rest.stdoutHead || first.stdoutHead,
    warmup,
    warmupTimes: first.warmupTimes,
  };
}

/**
 * One run of `node <v8Flags> --trace-gc <script args>`: wall time, peak RSS and the live heap after
 * each full GC (Mark-Compact "a (b) -> c (d) MB": c is what survives). Tells retained memory from
 * garbage V8 has not collected yet.
 */
export function gcTrace(scriptArgs, { cwd, v8Flags = [] } = {}) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'mlops-bench-gc-'));
  try {
    const out = path.join(tmp, 'out');
    const res = timedRuns([process.execPath, ...v8Flags, '--trace-gc', ...scriptArgs], { cwd, runs: 1, warmup: 0, stdoutFile: out });
    const text = readFileSync(out, 'utf8');
    const live = [];
    const total = [];
    for (const m of text.matchAll(/Mark-(?:Compact|sweep)[^\n]*?([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB/g)) {
      live.push(Number(m[3]));
      total.push(Number(m[2]));
    }
    return { ms: res.median, rssMB: res.rssMB?.max, fullGCs: live.length, maxLiveMB: live.length ? Math.max(...live) : undefined, maxHeapMB: total.length ? Math.max(...total) : undefined, v8Flags };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
