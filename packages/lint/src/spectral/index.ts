/**
 * Custom rules written as Spectral rulesets (YAML/JSON files with `rules:`
 * each having `given` JSONPath(s) and `then` function(s)), run with
 * @stoplight/spectral-core on the file as written. Only imported when a config
 * lists `rulesets:`; each ruleset set is loaded once per process.
 *
 * `then.function` names map to @stoplight/spectral-functions (truthy, falsy,
 * pattern, enumeration, length, schema, casing, defined, undefined,
 * alphabetical, xor, or). Severities: error/0 → error, warn/1 → warning,
 * info/hint/2/3 → info; `rules:` in .mlops-lint.yaml may override them by name.
 * A rule's `documentationUrl` (or the ruleset's, plus `#<rule>`) becomes docsUrl.
 * `$ref`s in the linted file are never resolved, rulesets must lie inside the repository and
 * messages are redacted like the built-in rules' ones.
 */
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { Diagnostic, Severity, Workflow } from '../model.js';
import type { RuleSettings } from '../engine/rule-runner.js';
import { readText } from '../engine/read.js';
import { liesInside } from '@mlops-pipeline/repo-facts';
import { ConfigError } from '../config/errors.js';
import { redactText } from '../rules/util/secrets.js';
import { yamlMessage } from '../parse/source.js';

interface SpectralResult {
  code: string | number;
  message: string;
  severity: number;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}
interface SpectralInstance {
  setRuleset(ruleset: unknown): void;
  run(document: unknown): Promise<SpectralResult[]>;
}
interface SpectralApi {
  Spectral: new (options: { resolver: unknown }) => SpectralInstance;
  Document: new (input: string, parser: unknown, source: string) => unknown;
  Yaml: unknown;
  functions: Record<string, unknown>;
}

let api: Promise<SpectralApi> | undefined;
const instances = new Map<string, Promise<{ spectral: SpectralInstance; docs: Map<string, string> }>>();

function pick<T>(mod: unknown, name: string): T {
  const m = mod as Record<string, unknown> & { default?: Record<string, unknown> };
  return (m[name] ?? m.default?.[name]) as T;
}

/** Spectral is an optional peer dependency: installed by who configures rulesets. */
export const SPECTRAL_PACKAGES = ['@stoplight/spectral-core', '@stoplight/spectral-functions', '@stoplight/spectral-parsers'];

async function importSpectral(): Promise<[unknown, unknown, unknown]> {
  try {
    return await Promise.all([import('@stoplight/spectral-core'), import('@stoplight/spectral-parsers'), import('@stoplight/spectral-functions')]);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND' || /Cannot find (module|package)/.test((error as Error).message)) {
      throw new ConfigError(`rulesets: custom rules run with Spectral, which is not installed: npm install --save-dev ${SPECTRAL_PACKAGES.join(' ')}`);
    }
    throw error;
  }
}

function loadApi(): Promise<SpectralApi> {
  api ??= (async () => {
    const [core, parsers, functions] = await importSpectral();
    const fnMap: Record<string, unknown> = {};
    for (const name of ['alphabetical', 'casing', 'defined', 'enumeration', 'falsy', 'length', 'pattern', 'schema', 'truthy', 'undefined', 'xor', 'or', 'unreferencedReusableObject']) {
      const fn = pick<unknown>(functions, name);
      if (typeof fn === 'function') fnMap[name] = fn;
    }
    return { Spectral: pick(core, 'Spectral'), Document: pick(core, 'Document'), Yaml: pick(parsers, 'Yaml'), functions: fnMap };
  })();
  api.catch(() => {
    api = undefined;
  });
  return api;
}

function severityName(value: unknown): Severity | 'off' {
  if (value === 'off' || value === -1 || value === false) return 'off';
  if (value === 'error' || value === 0) return 'error';
  if (value === 'info' || value === 'hint' || value === 2 || value === 3) return 'info';
  return 'warning';
}

interface RawRule {
  description?: string;
  documentationUrl?: string;
  message?: string;
  severity?: unknown;
  given?: string | string[];
  then?: RawThen | RawThen[];
  recommended?: boolean;
  resolved?: boolean;
}
interface RawThen {
  field?: string;
  function?: string;
  functionOptions?: unknown;
}

/**
 * The linted file's `$ref`s are never followed: no network request, no file read. Spectral's
 * default resolver fetches `http(s)` references and reads file paths; this one hands the
 * document back as written.
 */
const NO_REFERENCES = {
  uriCache: new Map<string, unknown>(),
  resolve(source: unknown): Promise<{ result: unknown; refMap: Record<string, string>; graph: null; errors: never[] }> {
    return Promise.resolve({ result: source, refMap: {}, graph: null, errors: [] });
  },
};

/** A ruleset (or a ruleset it extends) must lie inside the repository: linting reads nothing outside it. */
function insideRepository(file: string, root: string | undefined, from: string): void {
  if (root !== undefined && !liesInside(root, file)) fail(from, `ruleset ${path.basename(file)} lies outside the repository: rulesets must be files of the repository`);
}

function fail(file: string, message: string): never {
  throw new ConfigError(message, file);
}

/**
 * Read one ruleset file into Spectral rule definitions (function names resolved).
 * `extends:` may name other ruleset files (relative paths); their rules come first.
 */
function readRuleset(file: string, functions: Record<string, unknown>, docs: Map<string, string>, root: string | undefined, chain: string[] = []): Record<string, unknown> {
  if (chain.includes(file)) fail(file, `ruleset extends cycle: ${[...chain, file].map((f) => path.basename(f)).join(' → ')}`);
  insideRepository(file, root, chain[chain.length - 1] ?? file);
  const read = readText(file);
  if ('error' in read) fail(file, `cannot read ruleset: ${read.error}`);
  const doc = parseDocument(read.text, { prettyErrors: false });
  if (doc.errors.length > 0) fail(file, `ruleset is not valid YAML/JSON: ${yamlMessage(doc.errors[0]!.code, doc.errors[0]!.message)}`);
  const value = doc.toJS({ maxAliasCount: 100 }) as { rules?: Record<string, RawRule>; extends?: unknown; documentationUrl?: unknown } | null;
  if (!value || typeof value !== 'object') fail(file, 'a ruleset needs a `rules:` mapping');
  const out: Record<string, unknown> = {};
  const parents = value.extends === undefined ? [] : Array.isArray(value.extends) ? value.extends : [value.extends];
  for (const parent of parents) {
    if (typeof parent !== 'string' || !/^\.{0,2}\//.test(parent)) {
      fail(file, `extends: only other ruleset files (./path.yaml) are supported, not ${JSON.stringify(parent)}`);
    }
    Object.assign(out, readRuleset(path.resolve(path.dirname(file), parent), functions, docs, root, [...chain, file]));
  }
  if (!value.rules || typeof value.rules !== 'object') {
    if (parents.length > 0) return out;
    fail(file, 'a ruleset needs a `rules:` mapping');
  }
  const baseUrl = typeof value.documentationUrl === 'string' ? value.documentationUrl : undefined;
  for (const [name, rule] of Object.entries(value.rules)) {
    if (!rule || typeof rule !== 'object') fail(file, `rule \`${name}\`: expected a mapping with given/then`);
    if (rule.given === undefined) fail(file, `rule \`${name}\`: \`given\` (JSONPath) is required`);
    if (rule.then === undefined) fail(file, `rule \`${name}\`: \`then\` is required`);
    const thens = (Array.isArray(rule.then) ? rule.then : [rule.then]).map((then) => {
      const fnName = then.function;
      const fn = fnName ? functions[fnName] : undefined;
      if (!fn) fail(file, `rule \`${name}\`: unknown function \`${String(fnName)}\` (known: ${Object.keys(functions).join(', ')})`);
      const mapped: Record<string, unknown> = { function: fn };
      if (then.field !== undefined) mapped.field = then.field;
      if (then.functionOptions !== undefined) mapped.functionOptions = then.functionOptions;
      return mapped;
    });
    const sev = severityName(rule.severity);
    const def: Record<string, unknown> = {
      given: rule.given,
      then: thens,
      severity: sev === 'off' ? 'off' : sev === 'warning' ? 'warn' : sev,
      recommended: rule.recommended ?? true,
    };
    if (rule.description !== undefined) def.description = rule.description;
    if (rule.message !== undefined) def.message = rule.message;
    if (rule.resolved !== undefined) def.resolved = rule.resolved;
    out[name] = def;
    const url = rule.documentationUrl ?? (baseUrl ? `${baseUrl}#${name}` : undefined);
    if (url) docs.set(name, url);
  }
  return out;
}

async function instanceFor(rulesets: string[], root: string | undefined): Promise<{ spectral: SpectralInstance; docs: Map<string, string> }> {
  const key = `${root ?? ''}\0${rulesets.join('\0')}`;
  let inst = instances.get(key);
  if (!inst) {
    inst = (async () => {
      const { Spectral, functions } = await loadApi();
      const docs = new Map<string, string>();
      const rules: Record<string, unknown> = {};
      for (const file of rulesets) Object.assign(rules, readRuleset(file, functions, docs, root));
      const spectral = new Spectral({ resolver: NO_REFERENCES });
      try {
        spectral.setRuleset({ rules });
      } catch (error) {
        fail(rulesets.map((r) => path.basename(r)).join(', '), `invalid ruleset: ${(error as Error).message.split('\n')[0]}`);
      }
      return { spectral, docs };
    })();
    instances.set(key, inst);
    inst.catch(() => instances.delete(key));
  }
  return inst;
}

/** Run the configured rulesets on the file as written; results become Diagnostics named after each ruleset rule. */
export async function runRulesets(rulesets: string[], workflow: Workflow, settings: RuleSettings, root?: string): Promise<Diagnostic[]> {
  const { spectral, docs } = await instanceFor(rulesets, root);
  const { Document, Yaml } = await loadApi();
  const results = await spectral.run(new Document(workflow.text, Yaml, workflow.file));
  const out: Diagnostic[] = [];
  for (const r of results) {
    const ruleId = String(r.code);
    if (ruleId === 'parser') continue;
    const severity = settings(ruleId)?.severity ?? severityName(r.severity);
    if (severity === 'off') continue;
    out.push({
      file: workflow.file,
      line: r.range.start.line + 1,
      column: r.range.start.character + 1,
      endLine: r.range.end.line + 1,
      endColumn: r.range.end.character + 1,
      ruleId,
      severity,
      message: redactText(r.message),
      docsUrl: redactText(docs.get(ruleId) ?? ''),
    });
  }
  return out;
}
