import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ParsedHeader, TemplateInfo } from '@mlops-pipeline/templates';
import { findCiFiles, findGitDirs, readGitFactsDetail, readSmallText } from '@mlops-pipeline/repo-facts';
import type { CliOptions } from './args.js';
import { writeFilesOrFail } from './atomic.js';
import { UserError } from './errors.js';
import type { Io } from './io.js';
import { diffText } from './lint.js';
import type { PinnedRef } from './pipeline-files.js';
import { candidateFiles, findPinnedRef } from './pipeline-files.js';
import * as prompt from './prompt.js';
import { renderWith } from './render.js';
import { isMajorRef, upgradeRef } from './semver.js';
import { bodyState, withoutBodyHash } from './body-hash.js';
import { withFlagInputs } from './extra-inputs.js';
import { inputNameFor } from './inputs.js';
import { mergeThreeWay } from './merge.js';
import { dvcProblem, isSupportedDvc, isSupportedPython, pythonProblem } from './versions.js';
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
    const text = readSmallText(path.join(dir, rel));
    if (text === undefined) continue;
    const header = t.parseHeader(text);
    if (!header) continue;
    const pinned = findPinnedRef(t, text);
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
async function upgradePinned(template: TemplateInfo, p: FoundPipeline, pinned: PinnedRef, to: string, inputs: Record<string, unknown>): Promise<string> {
  try {
    const asWritten = await renderWith(template, p.header.inputs, 'pinned', pinned.source, pinned.ref);
    if (withoutBodyHash(asWritten.text) === withoutBodyHash(p.text)) return (await renderWith(template, inputs, 'pinned', pinned.source, to)).text;
  } catch {
    // Inputs the templates no longer accept: keep them as written.
  }
  return replacePinnedRef(p.text, template, to);
}

/** The file was edited by hand and the edits cannot be carried over: nothing is written. */
class HandEditError extends UserError {}

/**
 * The upgraded text of a vendored file. A file edited by hand since it was rendered (its body no
 * longer matches the hash in its header) is merged three ways when the render it came from can be
 * rebuilt (same templates version), else refused without --force.
 */
async function upgradeVendored(template: TemplateInfo, p: FoundPipeline, inputs: Record<string, unknown>, newest: string, force: boolean, shownFile: string): Promise<string> {
  const next = (await renderWith(template, inputs, 'vendored')).text;
  if (force) return next;
  let state = bodyState(p.text);
  const sameVersion = p.header.version === newest;
  const base = sameVersion ? (await renderWith(template, p.header.inputs, 'vendored')).text : undefined;
  // A file from before body hashes: edited when it differs from the render it came from (when that can be rebuilt).
  if (state === 'unknown' && base !== undefined) state = withoutBodyHash(base) === withoutBodyHash(p.text) ? 'intact' : 'edited';
  if (state !== 'edited') return next;
  if (base === undefined) {
    throw new HandEditError(`${shownFile} was edited by hand since it was generated (its body no longer matches the hash in its header), and the render it came from (templates ${p.header.version}) cannot be rebuilt with the installed ${newest} to merge the edits; pass --force to replace it (the edits are lost), or re-apply them after`);
  }
  const merged = mergeThreeWay(withoutBodyHash(p.text), withoutBodyHash(base), withoutBodyHash(next));
  if (merged.ok) return withBodyHashOf(merged.text, next);
  if ('conflicts' in merged) {
    throw new HandEditError(`${shownFile} was edited by hand, and ${merged.conflicts} of the edits conflict with the new render; pass --force to replace the file (the edits are lost), or change it by hand`);
  }
  throw new HandEditError(`${shownFile} was edited by hand since it was generated, and the edits cannot be merged here (git is needed for the three-way merge); pass --force to replace it (the edits are lost)`);
}

/** A merged text keeps the hash of the pure render, so the next upgrade still sees the hand edits. */
function withBodyHashOf(merged: string, rendered: string): string {
  const hashLine = rendered.split('\n').find((l) => l.startsWith('# mlops-pipeline-body:'));
  if (hashLine === undefined) return merged;
  const lines = merged.split('\n');
  const at = lines.findIndex((l) => l.startsWith('# mlops-pipeline: {'));
  lines.splice(at + 1, 0, hashLine);
  return lines.join('\n');
}

/** The recorded inputs with --python, --dvc and --input applied (named as the template names them). */
function changedInputs(recorded: Record<string, unknown>, opts: CliOptions, schema: Record<string, unknown>): Record<string, unknown> {
  const out = { ...recorded };
  if (opts.python !== undefined) {
    if (!isSupportedPython(opts.python)) throw new UserError(pythonProblem('--python', opts.python), 2);
    const name = inputNameFor('python', schema);
    if (name) out[name] = opts.python;
  }
  if (opts.dvc !== undefined) {
    if (!isSupportedDvc(opts.dvc)) throw new UserError(dvcProblem('--dvc', opts.dvc), 2);
    const name = inputNameFor('dvc', schema);
    if (name) out[name] = opts.dvc;
  }
  return withFlagInputs(out, opts.inputs, schema);
}

function describeChanges(before: Record<string, unknown>, after: Record<string, unknown>): string {
  return Object.keys(after)
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => `${k}: ${JSON.stringify(before[k] ?? null)} → ${JSON.stringify(after[k])}`)
    .join(', ');
}

/** `create-mlops-pipeline upgrade [dir]`: re-render generated files with the installed templates. */
export async function runUpgrade(opts: CliOptions, io: Io): Promise<number> {
  const given = path.resolve(io.cwd, opts.dirs[0] ?? '.');
  if (!existsSync(given)) throw new UserError(`directory not found: ${opts.dirs[0] ?? '.'}`);
  const dir = checkoutRoot(given);
  const shown = path.relative(io.cwd, dir) || '.';
  const t = await loadTemplates();
  const pipelines = await findPipelines(dir);
  if (pipelines.length === 0) {
    const why = findGitDirs(dir) === undefined ? `${shown} is not a git checkout, and has no CI file with a version header or pinned template reference` : 'no version header or pinned template reference in its CI files';
    throw new UserError(`no generated pipeline found in ${shown} (${why}); run create-mlops-pipeline first`);
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
    const inputs = changedInputs(p.header.inputs, opts, t.inputsSchema(template.provider, template.name));
    const inputsChanged = JSON.stringify(inputs) !== JSON.stringify(p.header.inputs);
    // A pinned caller already at the target version is left as it is, edits and all.
    let text: string;
    try {
      if (!p.pinned) text = await upgradeVendored(template, p, inputs, newest, opts.force, shownFile);
      else text = to === from && !inputsChanged ? p.text : await upgradePinned(template, p, p.pinned, to, inputs);
    } catch (err) {
      if (!(err instanceof UserError) || err instanceof HandEditError) throw err;
      const at = t.findHeader(p.text);
      throw new UserError(`${p.rel}:${at?.line ?? 1}:${at?.column ?? 1}: the inputs recorded in this file do not fit the installed templates ${newest}; ${err.message.replace(/^the template does not accept these values:/, 'edit them in the header (or re-run create-mlops-pipeline --force):')}`);
    }
    if (withoutBodyHash(text) === withoutBodyHash(p.text)) {
      log(`${shownFile}: up to date (${p.header.template} ${p.pinned && isMajorRef(from) ? `v${from}, the moving tag of ${newest}` : newest}).`);
      continue;
    }
    log(`${shownFile}: ${p.header.template} ${from} → ${to}${inputsChanged ? ` (inputs: ${describeChanges(p.header.inputs, inputs)})` : ''}`);
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
