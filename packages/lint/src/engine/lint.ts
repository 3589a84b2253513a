/**
 * Linting one file end to end: parse → detect provider → (GitLab) resolve →
 * model → structural validation + rules (+ Spectral rulesets) → inline
 * disables → sorted diagnostics. Never throws for bad input.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { isMap } from 'yaml';
import type { Diagnostic, Provider, RepoContext, Rule, Severity, Workflow } from '../model.js';
import type { Source } from '../parse/source.js';
import { parseSource } from '../parse/source.js';
import { createViewContext, toView } from '../parse/view.js';
import { buildGithubWorkflow } from '../github/model.js';
import { resolveGitlab } from '../gitlab/resolve.js';
import type { IncludeLoader } from '../gitlab/resolve.js';
import { buildGitlabWorkflow } from '../gitlab/model.js';
import { validateStructure } from '../schema/index.js';
import { ENGINE_RULE_IDS } from '../config/load.js';
import { detectKind } from './detect.js';
import { applyDirectives } from './disables.js';
import { docsUrl } from './docs.js';
import { displayPath } from './repo.js';
import { readText } from './read.js';
import type { RuleSettings } from './run.js';
import { internalError, messageOf, runRules, sortDiagnostics } from './run.js';

export interface EngineContext {
  /** Directory file names are shown relative to. */
  cwd: string;
  repo: RepoContext;
  provider?: Provider;
  strict: boolean;
  rules: readonly Rule[];
  settings: RuleSettings;
  /** Spectral rulesets (absolute paths) to run on every file. */
  rulesets: string[];
  /** Parsed local includes, shared by every file of one run. */
  includeCache: Map<string, LoadedInclude>;
  /** Repository file list for glob includes, listed once per run. */
  repoFiles?: { list?: string[] };
  /** In-memory contents by absolute path, read instead of the disk. */
  overrides?: Map<string, string>;
}

type LoadedInclude = ReturnType<IncludeLoader['load']>;

export interface LintOutcome {
  diagnostics: Diagnostic[];
  workflow?: Workflow;
}

function severityOf(settings: RuleSettings, id: string, fallback: Severity): Severity | 'off' {
  return settings(id)?.severity ?? fallback;
}

/** `$[[ inputs.name ]]` → the input's default (component bodies are linted as used with defaults). */
function inputsSubstitution(header: Source['header']): ((text: string) => string) | undefined {
  if (!header) return undefined;
  let spec: unknown;
  try {
    spec = header.toJS({ maxAliasCount: 1000 });
  } catch {
    return undefined;
  }
  const inputs = (spec as { spec?: { inputs?: unknown } } | null)?.spec?.inputs;
  const defaults = new Map<string, string>();
  if (inputs && typeof inputs === 'object') {
    for (const [name, def] of Object.entries(inputs as Record<string, unknown>)) {
      if (!def || typeof def !== 'object' || !('default' in def)) continue;
      const value = (def as { default: unknown }).default;
      defaults.set(name, typeof value === 'string' ? value : JSON.stringify(value));
    }
  }
  return (text) =>
    text.includes('$[[')
      ? text.replace(/\$\[\[\s*inputs\.([A-Za-z0-9_-]+)[^\]]*\]\]/g, (whole, name: string) => defaults.get(name) ?? whole)
      : text;
}

export function includeLoader(ctx: EngineContext): IncludeLoader {
  const root = ctx.repo.root;
  const listing = ctx.repoFiles ?? {};
  return {
    expand(pattern) {
      const rel = pattern.replace(/^\/+/, '');
      if (/[*?[{]/.test(rel)) {
        listing.list ??= listFiles(root);
        const match = picomatch(rel, { dot: true });
        return listing.list.filter((f) => match(f)).map((f) => path.join(root, f));
      }
      const abs = path.join(root, rel);
      return existsSync(abs) ? [abs] : [];
    },
    load(abs) {
      const cached = ctx.includeCache.get(abs);
      if (cached) return cached;
      const override = ctx.overrides?.get(abs);
      const read = override !== undefined ? { text: override } : readText(abs);
      let loaded: LoadedInclude;
      if ('error' in read) {
        loaded = { diagnostics: [], error: read.error };
      } else {
        const file = displayPath(ctx.cwd, abs);
        const parsed = parseSource(read.text, file, 'invalidUtf8At' in read ? read.invalidUtf8At : undefined);
        loaded = { diagnostics: parsed.diagnostics };
        if (parsed.source) {
          loaded.source = parsed.source;
          loaded.root = toView(parsed.source.document.contents, createViewContext(parsed.source, inputsSubstitution(parsed.source.header)));
        }
      }
      ctx.includeCache.set(abs, loaded);
      return loaded;
    },
  };
}

const SKIP_DIRS = new Set(['.git', 'node_modules', '.dvc', '.venv', 'venv', '__pycache__']);

/** Repository files (relative, forward slashes), for glob includes. */
function listFiles(root: string, limit = 50_000): string[] {
  const out: string[] = [];
  const stack = [''];
  while (stack.length > 0 && out.length < limit) {
    const rel = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const child = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) stack.push(child);
      } else if (e.isFile()) out.push(child);
    }
  }
  return out;
}

const knownIds = new WeakMap<readonly Rule[], Set<string>>();

/** Built-in plus engine rule ids (memoised per rule list). */
function knownRuleIds(rules: readonly Rule[]): Set<string> {
  let ids = knownIds.get(rules);
  if (!ids) {
    ids = new Set([...ENGINE_RULE_IDS, ...rules.map((r) => r.meta.id)]);
    knownIds.set(rules, ids);
  }
  return ids;
}

/** Apply configured severities (or `off`) to findings the engine itself produced. */
function configured(diagnostics: Diagnostic[], settings: RuleSettings): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const severity = d.ruleId === 'internal-error' ? undefined : settings(d.ruleId)?.severity;
    if (severity === 'off') continue;
    out.push(severity ? { ...d, severity } : d);
  }
  return out;
}

export async function lintSource(text: string, file: string, ctx: EngineContext, absPath?: string, invalidUtf8At?: number): Promise<LintOutcome> {
  const parsed = parseSource(text, file, invalidUtf8At);
  if (!parsed.source) return { diagnostics: sortDiagnostics(configured(parsed.diagnostics, ctx.settings)) };
  const src = parsed.source;
  const contents = src.document.contents;
  if (!isMap(contents)) {
    const range = contents?.range ?? [0, 0];
    const a = src.lineCounter.linePos(range[0]);
    return {
      diagnostics: [{ file, line: a.line, column: a.col, endLine: a.line, endColumn: a.col, ruleId: 'yaml-syntax', severity: 'error', message: 'A CI file must be a mapping of keys (jobs, on:, stages:, …) at the top level', docsUrl: docsUrl('yaml-syntax') }],
    };
  }
  const diagnostics: Diagnostic[] = [];
  let workflow: Workflow;
  try {
    const root = toView(contents, createViewContext(src, inputsSubstitution(src.header)));
    const keys = new Set(root.kind === 'map' ? root.entries.keys() : []);
    const kind = detectKind(absPath ?? file, keys, src.header !== undefined, ctx.provider);
    if (kind === 'gitlab') {
      const resolved = resolveGitlab(root, absPath ?? path.resolve(ctx.cwd, file), includeLoader(ctx), (abs) => displayPath(ctx.cwd, abs));
      diagnostics.push(...resolved.diagnostics);
      workflow = buildGitlabWorkflow(src, resolved);
    } else {
      workflow = buildGithubWorkflow(src, kind === 'github-action');
    }
  } catch (error) {
    return { diagnostics: [internalError(file, `Could not build the pipeline model: ${messageOf(error)}`)] };
  }
  try {
    diagnostics.push(...validateStructure(workflow));
  } catch (error) {
    diagnostics.push(internalError(file, `Structural validation failed: ${messageOf(error)}`));
  }
  const engineFindings = configured(diagnostics.splice(0), ctx.settings);
  diagnostics.push(...engineFindings);
  diagnostics.push(...runRules(workflow, ctx.rules, ctx.settings, ctx.repo, ctx.strict));
  if (ctx.rulesets.length > 0) {
    const { runRulesets } = await import('../spectral/index.js');
    diagnostics.push(...(await runRulesets(ctx.rulesets, workflow, ctx.settings)));
  }
  const texts = new Map<string, string>([[file, text], ...workflow.sources]);
  const final = applyDirectives(diagnostics, texts, {
    unusedSeverity: severityOf(ctx.settings, 'unused-disable', 'warning'),
    reasonSeverity: severityOf(ctx.settings, 'disable-reason', 'warning'),
    ...(ctx.rulesets.length === 0 ? { knownRules: knownRuleIds(ctx.rules) } : {}),
  });
  return { diagnostics: sortDiagnostics(final), workflow };
}

