/**
 * Linting files and in-memory text: configuration per directory, ignores, reading (or the
 * caller's in-memory overrides), the engine, and folding GitLab files included by another
 * linted file into their includer's results.
 */
import { statSync } from 'node:fs';
import { liesInside } from '@mlops-pipeline/repo-facts';
import path from 'node:path';
import { isIgnored } from '../config/resolver.js';
import { kindFromPath } from '../engine/detect.js';
import { lintSource } from '../engine/lint.js';
import { readText } from '../engine/read.js';
import { findingAtStart, tooLargeToCheck } from '../parse/file-size.js';
import { displayPath, findRepoRoot } from '../engine/repo.js';
import { discoverFiles } from '../discover/index.js';
import type { Diagnostic, FileResult } from '../model.js';
import type { LintOptions } from './options.js';
import { configFor, engineContext, startSession } from './session.js';

/** Lint one in-memory file (stdin, editors, tests). `filename` decides the provider and where config is searched. */
export async function lintText(text: string, filename: string, options: LintOptions = {}): Promise<Diagnostic[]> {
  const session = await startSession(options);
  const abs = path.resolve(session.cwd, filename);
  await session.resolver.prepare(session.cwd);
  const config = await configFor(session, abs);
  if (isIgnored(config, abs)) return [];
  const outcome = await lintSource(text, filename, engineContext(session, config, options), abs);
  return outcome.diagnostics;
}

export interface ExpandedFile {
  abs: string;
  /** As shown in diagnostics. */
  shown: string;
  /** Named by the caller (not found by discovery). */
  explicit: boolean;
}

/**
 * Expand directories to the CI files inside them; empty list → the repository's CI files.
 * `planned`: absolute paths of in-memory files (overrides) that discovery cannot see on disk.
 */
export function expandFiles(files: readonly string[], cwd: string, planned: Iterable<string> = []): ExpandedFile[] {
  const discovered = (dir: string): ExpandedFile[] => {
    const found = discoverFiles(dir);
    const known = new Set(found);
    for (const abs of planned) {
      const rel = path.relative(dir, abs);
      if (!known.has(abs) && !rel.startsWith('..') && !path.isAbsolute(rel) && kindFromPath(rel.split(path.sep).join('/')) !== undefined) found.push(abs);
    }
    return found.map((abs) => ({ abs, shown: displayPath(cwd, abs), explicit: false }));
  };
  if (files.length === 0) return discovered(findRepoRoot(cwd));
  const out: ExpandedFile[] = [];
  for (const file of files) {
    const abs = path.resolve(cwd, file);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      isDir = false;
    }
    if (isDir) for (const found of discovered(abs)) out.push(found);
    else out.push({ abs, shown: file, explicit: true });
  }
  return out;
}

/** The file is a link (or lies under a linked directory) whose target is outside its repository. */
function linksOutside(abs: string): boolean {
  return !liesInside(findRepoRoot(path.dirname(abs)), abs);
}

/** The size of a file in bytes, when it can be known. */
function sizeOf(abs: string): number | undefined {
  try {
    return statSync(abs).size;
  } catch {
    return undefined;
  }
}


/** Per result: the texts its findings' positions (and fixes' offsets) refer to, by shown file name. */
const lintedTexts = new WeakMap<FileResult, Map<string, string>>();

/** The text a result's findings were computed from, for one file it covers (the linted file or an include). */
export function lintedText(result: FileResult, file: string): string | undefined {
  return lintedTexts.get(result)?.get(file);
}

/** Lint files (or, with an empty list, every CI file of the repository containing cwd). */
export function lintFiles(files: string[], options: LintOptions = {}): Promise<FileResult[]> {
  return lintFilesKeeping(files, options, false);
}

/**
 * lintFiles for fixing: each result also keeps the texts its fixes' offsets refer to (see
 * `lintedText`). A plain lint run keeps none, so a run over many files holds only findings.
 */
export function lintFilesForFix(files: string[], options: LintOptions): Promise<FileResult[]> {
  return lintFilesKeeping(files, options, true);
}

async function lintFilesKeeping(files: string[], options: LintOptions, keepTexts: boolean): Promise<FileResult[]> {
  const session = await startSession(options);
  const results: FileResult[] = [];
  const seen = new Set<string>();
  /** Per result: the absolute paths of the local files it included (GitLab). */
  const includes = new Map<string, Set<string>>();
  const absOf = new Map<FileResult, string>();
  await session.resolver.prepare(session.cwd);
  for (const { abs, shown } of expandFiles(files, session.cwd, options.overrides?.keys())) {
    if (seen.has(abs)) continue;
    seen.add(abs);
    const config = await configFor(session, abs);
    if (isIgnored(config, abs)) continue;
    const override = options.overrides?.get(abs);
    const read = override !== undefined ? { text: override } : linksOutside(abs) ? { error: 'it is a symbolic link leading outside the repository: not read', limit: true as const } : readText(abs);
    if ('error' in read) {
      // A file past a limit (too large, not a regular file) is a finding; one that cannot be read at all is an error.
      if (read.limit) results.push({ file: shown, diagnostics: [read.tooLarge ? tooLargeToCheck(shown, sizeOf(abs)) : findingAtStart(shown, 'yaml-syntax', `This file is not checked: ${read.error}`)] });
      else results.push({ file: shown, diagnostics: [], error: { message: `${shown}: ${read.error}` } });
      continue;
    }
    const outcome = await lintSource(read.text, shown, engineContext(session, config, options), abs, 'invalidUtf8At' in read ? read.invalidUtf8At : undefined);
    const result: FileResult = { file: shown, diagnostics: outcome.diagnostics };
    if (outcome.notices) result.notices = outcome.notices;
    results.push(result);
    if (keepTexts) lintedTexts.set(result, new Map([[shown, read.text], ...(outcome.workflow?.sources ?? [])]));
    absOf.set(result, abs);
    const sources = outcome.workflow?.sources;
    if (sources && sources.size > 0) includes.set(abs, new Set([...sources.keys()].map((f) => path.resolve(session.cwd, f))));
  }
  if (includes.size === 0) return results;
  // A GitLab file included by another linted file is linted through its includer (with
  // the jobs that extend it): its own stand-alone findings would be duplicates.
  for (const result of results) {
    const abs = absOf.get(result);
    if (abs === undefined) continue;
    const includedBy = [...includes].some(([includer, set]) => includer !== abs && set.has(abs) && !includes.get(abs)?.has(includer));
    if (includedBy) result.diagnostics = [];
  }
  return results;
}

