import path from 'node:path';
import type { ParsedHeader, TemplateInfo } from '@mlops-pipeline/templates';
import { findCiFiles, readGitFactsDetail } from '@mlops-pipeline/repo-facts';
import type { CliOptions } from './args.js';
import { writeFilesOrFail } from './atomic.js';
import { UserError } from './errors.js';
import type { Io } from './io.js';
import { diffText } from './lint.js';
import type { PinnedRef } from './pipeline-files.js';
import { candidateFiles, findPinnedRef, readIfExists } from './pipeline-files.js';
import * as prompt from './prompt.js';
import { renderWith } from './render.js';
import { isMajorRef, upgradeRef } from './semver.js';
import { loadTemplates } from './templates.js';

export interface FoundPipeline {
  rel: string;
  text: string;
  header: ParsedHeader;
  pinned?: PinnedRef;
}

/** The top of the git checkout holding dir (where CI files live), else dir. */
export function checkoutRoot(dir: string): string {
  return readGitFactsDetail(dir).root ?? dir;
}

/** The generated pipeline files of a checkout (vendored header or pinned reference). */
export async function findPipelines(dir: string): Promise<FoundPipeline[]> {
  const t = await loadTemplates();
  const found: FoundPipeline[] = [];
  for (const rel of candidateFiles(dir, findCiFiles(dir).github)) {
    const text = readIfExists(path.join(dir, rel));
    if (text === undefined) continue;
    const header = t.parseHeader(text);
    if (!header) continue;
    const pinned = findPinnedRef(text);
    found.push({ rel, text, header, ...(pinned ? { pinned } : {}) });
  }
  return found;
}

/** Moves every reference to `template` in a pinned caller (and its comment) to `to`, changing nothing else. */
export function replacePinnedRef(text: string, template: TemplateInfo, to: string): string {
  const name = template.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const tag = template.provider === 'github' ? `v${to}` : to;
  const ref = template.provider === 'github' ? new RegExp(`(/\\.github/workflows/${name}\\.ya?ml@)v?[\\w.-]*\\w`, 'g') : new RegExp(`(component:\\s*["']?\\S+/${name}@)[\\w.~-]*\\w`, 'g');
  return text.replace(ref, `$1${tag}`).replace(/^(#.*\bpinned at )v?\d(?:[\w.-]*\w)?/m, `$1${tag}`);
}

/**
 * The upgraded text of a pinned caller: re-rendered with its recorded inputs when the file is exactly
 * what the generator wrote, else (edited by hand) only its version reference moves.
 */
async function upgradePinned(template: TemplateInfo, p: FoundPipeline, pinned: PinnedRef, to: string): Promise<string> {
  try {
    const asWritten = await renderWith(template, p.header.inputs, 'pinned', pinned.source, pinned.ref);
    if (asWritten.text === p.text) return (await renderWith(template, p.header.inputs, 'pinned', pinned.source, to)).text;
  } catch {
    // Inputs the templates no longer accept: keep them as written.
  }
  return replacePinnedRef(p.text, template, to);
}

/** `create-mlops-pipeline upgrade [dir]`: re-render generated files with the installed templates. */
export async function runUpgrade(opts: CliOptions, io: Io): Promise<number> {
  const dir = checkoutRoot(path.resolve(io.cwd, opts.dirs[0] ?? '.'));
  const shown = path.relative(io.cwd, dir) || '.';
  const t = await loadTemplates();
  const pipelines = await findPipelines(dir);
  if (pipelines.length === 0) {
    throw new UserError(`no generated pipeline found in ${shown} (no version header or pinned template reference in its CI files); run create-mlops-pipeline first`);
  }
  const interactive = io.interactive && !opts.yes;
  const log = opts.dryRun ? io.err : io.out;
  const newest = t.TEMPLATES_VERSION;
  const writes: Array<{ file: string; content: string; rel: string; from: string; to: string }> = [];
  for (const p of pipelines) {
    const template = t.getTemplate(p.header.provider, p.header.template);
    if (!template) throw new UserError(`${p.rel}:1:1: template "${p.header.template}" is not in the installed @mlops-pipeline/templates ${newest}`);
    const from = p.pinned?.ref ?? p.header.version;
    const to = p.pinned ? upgradeRef(from, newest) : newest;
    const shownFile = path.relative(io.cwd, path.join(dir, p.rel));
    if (t.compareTemplateVersion(from, newest) > 0 && !opts.force) {
      log(`${shownFile}: ${p.header.template} ${from} is newer than the installed templates ${newest}; not downgrading (pass --force to re-render with ${newest}).`);
      continue;
    }
    // A pinned caller already at the target version is left as it is, edits and all.
    let text: string;
    try {
      text = !p.pinned ? (await renderWith(template, p.header.inputs, 'vendored')).text : to === from ? p.text : await upgradePinned(template, p, p.pinned, to);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      const at = t.findHeader(p.text);
      throw new UserError(`${p.rel}:${at?.line ?? 1}:${at?.column ?? 1}: the inputs recorded in this file do not fit the installed templates ${newest}; ${err.message.replace(/^the template does not accept these values:/, 'edit them in the header (or re-run create-mlops-pipeline --force):')}`);
    }
    if (text === p.text) {
      log(`${shownFile}: up to date (${p.header.template} ${p.pinned && isMajorRef(from) ? `v${from}, the moving tag of ${newest}` : newest}).`);
      continue;
    }
    log(`${shownFile}: ${p.header.template} ${from} → ${to}`);
    const diff = await diffText(p.rel, p.text, text);
    if (opts.dryRun) io.out(diff);
    else log(diff);
    writes.push({ file: path.join(dir, p.rel), content: text, rel: p.rel, from, to });
  }
  if (writes.length === 0) return 0;
  if (opts.dryRun) {
    io.err('dry run: nothing was written.');
    return 0;
  }
  if (!opts.yes && !opts.force) {
    if (!interactive) throw new UserError('cannot ask in a non-interactive shell; pass --yes to write the upgrade (or --dry-run to only show it)', 2);
    if (!(await prompt.confirm(`Write ${writes.map((w) => w.rel).join(', ')}?`, true))) {
      log('Nothing was written.');
      return 1;
    }
  }
  await writeFilesOrFail(writes, dir, io.cwd);
  for (const w of writes) log(`wrote ${w.rel} (${w.from} → ${w.to})`);
  return 0;
}
