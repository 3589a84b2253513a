import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { findGitDirs, readGitFacts } from '@mlops-pipeline/repo-facts';
import type { CliOptions } from './args.js';
import { describeFailure, fsReason, UserError } from './errors.js';
import { repoSlug } from './facts.js';
import type { Io } from './io.js';
import { loadLint } from './lint.js';
import { isMajorRef } from './semver.js';
import { loadTemplates } from './templates.js';
import type { TemplatesModule } from './templates.js';
import { checkoutRoot, findPipelines } from './upgrade.js';

export interface FleetRow {
  dir: string;
  repo: string;
  provider?: string;
  file?: string;
  template?: string;
  mode?: 'vendored' | 'pinned';
  version?: string;
  outdated?: boolean;
  lintErrors: number;
  lintWarnings: number;
  problem?: string;
  /** The path could not be inspected (missing, not a directory, unreadable). */
  failed?: boolean;
}

/** Why a path cannot be inspected, in words; undefined when it is a readable directory. */
function pathProblem(dir: string): string | undefined {
  let stat;
  try {
    stat = statSync(dir);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such directory' : `cannot read: ${fsReason(err) ?? 'unreadable'}`;
  }
  if (!stat.isDirectory()) return 'not a directory';
  try {
    accessSync(dir, constants.R_OK | constants.X_OK);
  } catch {
    return 'cannot read: permission denied';
  }
  return undefined;
}

async function inspect(dir: string, io: Io, t: TemplatesModule): Promise<FleetRow> {
  const git = readGitFacts(dir);
  const row: FleetRow = { dir: path.relative(io.cwd, dir) || '.', repo: repoSlug(git.remoteUrl) ?? path.basename(dir), lintErrors: 0, lintWarnings: 0 };
  if (git.provider) row.provider = git.provider;
  const root = checkoutRoot(dir);
  const [pipeline] = await findPipelines(root);
  if (pipeline) {
    row.provider = pipeline.header.provider;
    row.file = pipeline.rel;
    row.template = pipeline.header.template;
    row.mode = pipeline.pinned ? 'pinned' : 'vendored';
    row.version = pipeline.pinned?.ref ?? pipeline.header.version;
    row.outdated = t.compareTemplateVersion(row.version, t.TEMPLATES_VERSION) < 0;
    if (pipeline.pinned && isMajorRef(row.version)) row.version = `v${row.version} (moving)`;
  } else row.problem = findGitDirs(dir) === undefined ? 'not a git checkout; no generated pipeline' : 'no generated pipeline';
  const lint = await loadLint();
  try {
    for (const r of await lint.lintFiles([], { cwd: root })) {
      for (const d of r.diagnostics) {
        if (d.severity === 'error') row.lintErrors++;
        else if (d.severity === 'warning') row.lintWarnings++;
      }
    }
  } catch (err) {
    row.problem = `lint failed: ${(err as Error).message.split('\n')[0]}`;
  }
  return row;
}

/** Renders rows as an aligned text table. */
export function formatTable(rows: FleetRow[]): string {
  const header = ['dir', 'repo', 'provider', 'file', 'template', 'mode', 'version', 'outdated', 'lint errors', 'note'];
  const cells = rows.map((r) => [
    r.dir,
    r.repo,
    r.provider ?? '-',
    r.file ?? '-',
    r.template ?? '-',
    r.mode ?? '-',
    r.version ?? '-',
    r.outdated === undefined ? '-' : r.outdated ? 'yes' : 'no',
    `${r.lintErrors}${r.lintWarnings ? ` (+${r.lintWarnings} warnings)` : ''}`,
    r.problem ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), ...cells.map(line)].join('\n');
}

/** `create-mlops-pipeline fleet <dir>…`: one row per checkout: template, version, outdated, lint errors. */
export async function runFleet(opts: CliOptions, io: Io): Promise<number> {
  if (opts.dirs.length === 0) throw new UserError('fleet needs at least one directory: create-mlops-pipeline fleet <dir>…', 2);
  const t = await loadTemplates();
  const newest = t.TEMPLATES_VERSION;
  const rows: FleetRow[] = [];
  // A path that cannot be inspected is a row saying why; the others are still inspected.
  for (const given of opts.dirs) {
    const d = path.resolve(io.cwd, given);
    const problem = pathProblem(d);
    if (problem !== undefined) {
      rows.push({ dir: given, repo: '-', lintErrors: 0, lintWarnings: 0, problem, failed: true });
      continue;
    }
    try {
      rows.push(await inspect(d, io, t));
    } catch (err) {
      rows.push({ dir: given, repo: '-', lintErrors: 0, lintWarnings: 0, problem: `cannot inspect: ${describeFailure(err)}`, failed: true });
    }
  }
  const outdated = rows.filter((r) => r.outdated).length;
  if (opts.json) io.out(JSON.stringify({ newest, repos: rows }, null, 2));
  else {
    io.out(formatTable(rows));
    io.out(`\n${rows.length} repo(s), newest templates ${newest}: ${outdated} outdated, ${rows.filter((r) => r.lintErrors > 0).length} with lint errors.`);
  }
  return rows.some((r) => r.failed) || (opts.failOnOutdated && outdated > 0) ? 1 : 0;
}
