/**
 * @mlops-pipeline/lint: public API.
 *
 * CONTRACT (used by create-mlops-pipeline and the cross-package tests). Keep these
 * exported names and shapes; extend them, do not break them.
 *
 * lintText/lintFiles load the nearest `.mlops-lint.yaml` (cached per directory),
 * build the model, run the rules and return sorted diagnostics. Usage, config
 * and IO problems throw ConfigError (CLI: exit 2); bad input files never throw.
 */
import { statSync } from 'node:fs';
import { liesInside } from '@mlops-pipeline/repo-facts';
import path from 'node:path';
import type { Diagnostic, Fix, Provider, Rule } from './model.js';
import { rules as builtinRules } from './rules/index.js';
import { discoverFiles } from './discover/index.js';
import { ConfigError } from './config/errors.js';
import { ConfigResolver, isIgnored } from './config/resolver.js';
import type { ConfigFile, ResolvedConfig } from './config/types.js';
import type { EngineContext } from './engine/lint.js';
import { lintSource } from './engine/lint.js';
import { readText } from './engine/read.js';
import { displayPath, findRepoRoot } from './engine/repo.js';
import type { RuleSettings } from './engine/run.js';
import { loadTemplates } from './engine/templates.js';
import { docsUrl } from './engine/docs.js';
import { applyFixes as applyFixesImpl } from './fix/apply.js';
import { unifiedDiff } from './fix/diff.js';
import { WriteRefused, writeAtomic as writeAtomicImpl } from './fix/write.js';

export type { Diagnostic, Provider, Severity, Rule, RuleMeta, Workflow, Job, Step, Fix, Span, Script, ScriptLine, Variable, ActionUse, RuleContext, RepoContext } from './model.js';
export type { ConfigFile, ResolvedConfig } from './config/types.js';
export { ConfigError, isConfigError } from './config/errors.js';
export { CONFIG_SCHEMA } from './config/schema.js';
export { findConfigFile, loadConfig, clearConfigCache, CONFIG_NAMES, ENGINE_RULE_IDS } from './config/load.js';
export { discoverFiles } from './discover/index.js';
export { ConfigResolver, isIgnored } from './config/resolver.js';
export type { ConfigChoice } from './config/resolver.js';
export { docsUrl } from './engine/docs.js';
export { formatResults } from './format/index.js';

export interface LintOptions {
  /** Directory used to find the repo root, .mlops-lint.yaml and .dvc/config. Default: process.cwd(). */
  cwd?: string;
  provider?: Provider;
  /** Explicit config file; default: .mlops-lint.yaml / .mlops-lint.json found from cwd. */
  configFile?: string;
  strict?: boolean;
  /** Rules to run instead of the built-in ones (tests and embedders). */
  rules?: readonly Rule[];
  /** Configuration given inline: used instead of any config file. */
  config?: ConfigFile;
  /** Do not look for a config file. */
  noConfig?: boolean;
  /** In-memory file contents by absolute path, used instead of the disk (fix passes, editors). */
  overrides?: Map<string, string>;
}

export interface FileResult {
  file: string;
  diagnostics: Diagnostic[];
  /** The file could not be read (CLI: exit 2). */
  error?: { message: string };
  /** What was not checked, and why (CLI: printed on stderr). */
  notices?: string[];
}

function settingsOf(config: ResolvedConfig): RuleSettings {
  return (id) => config.rules.get(id);
}

interface Run {
  cwd: string;
  rules: readonly Rule[];
  resolver: ConfigResolver;
  includeCache: EngineContext['includeCache'];
  repoFiles: NonNullable<EngineContext['repoFiles']>;
  templatesVersion: string;
}

async function startRun(options: LintOptions): Promise<Run> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const rules = options.rules ?? builtinRules;
  const templates = await loadTemplates();
  return { cwd, rules, resolver: new ConfigResolver(options, cwd, rules), includeCache: new Map(), repoFiles: {}, templatesVersion: templates.version };
}

function engineContext(run: Run, config: ResolvedConfig, options: LintOptions): EngineContext {
  const ctx: EngineContext = {
    cwd: run.cwd,
    repo: { root: run.resolver.root, templatesVersion: run.templatesVersion },
    strict: options.strict ?? config.strict ?? false,
    rules: run.rules,
    settings: settingsOf(config),
    rulesets: config.rulesets,
    includeCache: run.includeCache,
    repoFiles: run.repoFiles,
  };
  const provider = options.provider ?? config.provider;
  if (provider) ctx.provider = provider;
  if (options.overrides) ctx.overrides = options.overrides;
  return ctx;
}

/** Lint one in-memory file (stdin, editors, tests). `filename` decides the provider and where config is searched. */
export async function lintText(text: string, filename: string, options: LintOptions = {}): Promise<Diagnostic[]> {
  const run = await startRun(options);
  const abs = path.resolve(run.cwd, filename);
  await run.resolver.prepare(run.cwd);
  await run.resolver.prepare(path.dirname(abs));
  const config = run.resolver.forDirectory(path.dirname(abs));
  if (isIgnored(config, abs)) return [];
  const outcome = await lintSource(text, filename, engineContext(run, config, options), abs);
  return outcome.diagnostics;
}

/** Expand directories to the CI files inside them; empty list → the repository's CI files. */
export function expandFiles(files: readonly string[], cwd: string): { abs: string; shown: string; explicit: boolean }[] {
  if (files.length === 0) return discoverFiles(findRepoRoot(cwd)).map((abs) => ({ abs, shown: displayPath(cwd, abs), explicit: false }));
  const out: { abs: string; shown: string; explicit: boolean }[] = [];
  for (const file of files) {
    const abs = path.resolve(cwd, file);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      isDir = false;
    }
    if (isDir) for (const a of discoverFiles(abs)) out.push({ abs: a, shown: displayPath(cwd, a), explicit: false });
    else out.push({ abs, shown: file, explicit: true });
  }
  return out;
}

/** The file is a link (or lies under a linked directory) whose target is outside its repository. */
function linksOutside(abs: string): boolean {
  return !liesInside(findRepoRoot(path.dirname(abs)), abs);
}

function limitFinding(file: string, reason: string): Diagnostic {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1, ruleId: 'yaml-syntax', severity: 'error', message: `This file is not checked: ${reason}`, docsUrl: docsUrl('yaml-syntax') };
}

/** Per result: the texts its findings' positions (and fixes' offsets) refer to, by shown file name. */
const lintedTexts = new WeakMap<FileResult, Map<string, string>>();

/** Lint files (or, with an empty list, every CI file of the repository containing cwd). */
export async function lintFiles(files: string[], options: LintOptions = {}): Promise<FileResult[]> {
  const run = await startRun(options);
  const results: FileResult[] = [];
  const seen = new Set<string>();
  /** Per result: the absolute paths of the local files it included (GitLab). */
  const includes = new Map<string, Set<string>>();
  const absOf = new Map<FileResult, string>();
  await run.resolver.prepare(run.cwd);
  for (const { abs, shown } of expandFiles(files, run.cwd)) {
    if (seen.has(abs)) continue;
    seen.add(abs);
    await run.resolver.prepare(path.dirname(abs));
    const config = run.resolver.forDirectory(path.dirname(abs));
    if (isIgnored(config, abs)) continue;
    const override = options.overrides?.get(abs);
    const read = override !== undefined ? { text: override } : linksOutside(abs) ? { error: 'it is a symbolic link leading outside the repository: not read', limit: true as const } : readText(abs);
    if ('error' in read) {
      // A file past a limit (too large, not a regular file) is a finding; one that cannot be read at all is an error.
      if (read.limit) results.push({ file: shown, diagnostics: [limitFinding(shown, read.error)] });
      else results.push({ file: shown, diagnostics: [], error: { message: `${shown}: ${read.error}` } });
      continue;
    }
    const outcome = await lintSource(read.text, shown, engineContext(run, config, options), abs, 'invalidUtf8At' in read ? read.invalidUtf8At : undefined);
    const result: FileResult = { file: shown, diagnostics: outcome.diagnostics };
    if (outcome.notices) result.notices = outcome.notices;
    results.push(result);
    lintedTexts.set(result, new Map([[shown, read.text], ...(outcome.workflow?.sources ?? [])]));
    absOf.set(result, abs);
    const sources = outcome.workflow?.sources;
    if (sources && sources.size > 0) includes.set(abs, new Set([...sources.keys()].map((f) => path.resolve(run.cwd, f))));
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

export { applyFixes } from './fix/apply.js';
export type { ApplyResult } from './fix/apply.js';
export { unifiedDiff };
export { writeAtomic, WriteRefused } from './fix/write.js';
export type { WriteOptions } from './fix/write.js';

/** Fix passes stop after this many rounds even if rules keep offering fixes. */
export const MAX_FIX_PASSES = 10;

export interface FileChange {
  /** Path as shown in diagnostics. */
  file: string;
  absPath: string;
  before: string;
  after: string;
  /** Unified diff (what `--fix-dry-run` prints). */
  diff: string;
}

export interface FixOutcome {
  /** Diagnostics remaining after the fixes. */
  results: FileResult[];
  changes: FileChange[];
  /** Changed files that were not written, and why (edited meanwhile, a link leading outside the repository). */
  skipped: { file: string; message: string }[];
}

/**
 * Lint, apply every safe fix, re-lint (up to MAX_FIX_PASSES) and, with `write`,
 * save each changed file atomically. Without `write` nothing touches the disk.
 */
export async function fixFiles(files: string[], options: LintOptions = {}, write = false): Promise<FixOutcome> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const overrides = new Map(options.overrides ?? []);
  const originals = new Map<string, string>();
  let results: FileResult[] = [];
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    results = await lintFiles(files, { ...options, overrides });
    // Fixes apply to the very text they were computed from (never to a later read of the file).
    const byFile = new Map<string, { text: string; fixes: Fix[] }>();
    for (const r of results) {
      const texts = lintedTexts.get(r);
      for (const d of r.diagnostics) {
        if (!d.fix) continue;
        const abs = path.resolve(cwd, d.fix.file);
        const text = overrides.get(abs) ?? texts?.get(d.fix.file);
        if (text === undefined) continue;
        const entry = byFile.get(abs);
        if (entry) entry.fixes.push(d.fix);
        else byFile.set(abs, { text, fixes: [d.fix] });
      }
    }
    let changed = false;
    for (const [abs, { text, fixes }] of byFile) {
      if (!originals.has(abs)) originals.set(abs, text);
      const { output } = applyFixesImpl(text, fixes);
      if (output !== text) {
        overrides.set(abs, output);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const changes: FileChange[] = [];
  for (const [abs, before] of originals) {
    const after = overrides.get(abs) ?? before;
    if (after === before) continue;
    const file = displayPath(cwd, abs);
    changes.push({ file, absPath: abs, before, after, diff: unifiedDiff(file, before, after) });
  }
  const skipped: FixOutcome['skipped'] = [];
  if (write) {
    const root = findRepoRoot(cwd);
    for (const c of changes) {
      // A signal (Ctrl-C) is handled between two files: the remaining ones stay as they were.
      await new Promise((resolve) => setImmediate(resolve));
      try {
        // A text handed in by the caller is not what the disk holds: only disk reads are compared.
        writeAtomicImpl(c.absPath, c.after, { root, ...(options.overrides?.has(c.absPath) ? {} : { expected: c.before }) });
      } catch (error) {
        if (error instanceof WriteRefused) {
          skipped.push({ file: c.file, message: error.message });
          continue;
        }
        const code = (error as NodeJS.ErrnoException).code;
        throw new ConfigError(`cannot write the fixed file: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : ((error as Error).message.split('\n')[0] ?? 'write failed')}`, c.file);
      }
    }
  }
  return { results, changes: changes.filter((c) => !skipped.some((s) => s.file === c.file)), skipped };
}

/** Fix one in-memory file (stdin): returns the fixed text and the diagnostics that remain. */
export async function fixText(text: string, filename: string, options: LintOptions = {}): Promise<{ output: string; diagnostics: Diagnostic[] }> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const abs = path.resolve(cwd, filename);
  let output = text;
  let diagnostics: Diagnostic[] = [];
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    diagnostics = await lintText(output, filename, options);
    const fixes = diagnostics.flatMap((d) => (d.fix && path.resolve(cwd, d.fix.file) === abs ? [d.fix] : []));
    if (fixes.length === 0) break;
    const next = applyFixesImpl(output, fixes).output;
    if (next === output) break;
    output = next;
  }
  return { output, diagnostics };
}
