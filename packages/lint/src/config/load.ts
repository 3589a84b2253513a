/**
 * Finding and loading `.mlops-lint.yaml|.yml|.json`: searched from a directory
 * up to the repository root (cached per directory), validated against
 * CONFIG_SCHEMA, `extends:` followed (cycles reported), rule options checked
 * against each rule's `meta.optionsSchema`. Every problem is a ConfigError with
 * file:line:col.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { Rule } from '../model.js';
import { readText } from '../engine/read.js';
import { ENGINE_RULE_IDS } from '../engine/engine-rules.js';
import { duplicateKeys, yamlMessage } from '../parse/source.js';
import { displayPath } from '../engine/repo.js';
import { ConfigError } from './errors.js';
import { CONFIG_SCHEMA } from './schema.js';
import type { ConfigFile, ResolvedConfig, RuleEntry } from './types.js';
import { toSeverity } from './types.js';
import { describeError, validatorFor } from './ajv.js';
import { pointerParts } from '../json-pointer.js';

export const CONFIG_NAMES = ['.mlops-lint.yaml', '.mlops-lint.yml', '.mlops-lint.json'];

const found = new Map<string, string | undefined>();

/** Nearest config file from `dir` up to `root` (inclusive). */
export function findConfigFile(dir: string, root: string): string | undefined {
  const start = path.resolve(dir);
  if (found.has(start)) return found.get(start);
  let result: string | undefined;
  for (const name of CONFIG_NAMES) {
    const candidate = path.join(start, name);
    if (existsSync(candidate)) {
      result = candidate;
      break;
    }
  }
  const parent = path.dirname(start);
  const rel = path.relative(path.resolve(root), start);
  if (!result && parent !== start && rel !== '' && !rel.startsWith('..')) result = findConfigFile(parent, root);
  found.set(start, result);
  return result;
}

/** Forget cached lookups (tests, long-running processes after edits). */
export function clearConfigCache(): void {
  found.clear();
  loaded.clear();
}

interface LoadedFile {
  file: string;
  config: ConfigFile;
  document: Document.Parsed;
  lineCounter: LineCounter;
}

const loaded = new Map<string, LoadedFile>();

function positionOf(lf: LoadedFile, pathParts: string[], key?: string): { line: number; column: number } {
  let node: YamlNode | null | undefined = lf.document.contents;
  let keyNode: YamlNode | undefined;
  for (const part of [...pathParts, ...(key !== undefined ? [key] : [])]) {
    if (isMap(node)) {
      const pair: unknown = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === part);
      if (!isPair(pair)) break;
      keyNode = pair.key as YamlNode;
      node = part === key ? (pair.key as YamlNode) : (pair.value as YamlNode);
    } else if (isSeq(node)) {
      node = node.items[Number(part)] as YamlNode | undefined;
      keyNode = undefined;
    } else break;
  }
  const offset = (node ?? keyNode)?.range?.[0] ?? 0;
  const pos = lf.lineCounter.linePos(offset);
  return { line: Math.max(pos.line, 1), column: pos.col };
}

function readConfigFile(file: string, cwd: string): LoadedFile {
  const cached = loaded.get(file);
  if (cached) return cached;
  const shown = displayPath(cwd, file);
  const read = readText(file);
  if ('error' in read) throw new ConfigError(`cannot read config file: ${read.error}`, shown);
  const lineCounter = new LineCounter();
  // Unique keys checked in linear time (the parser's own check is quadratic in the keys of a map).
  const document = parseDocument(read.text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const error = document.errors[0];
  if (error) {
    const pos = lineCounter.linePos(error.pos[0]);
    throw new ConfigError(error.code === 'DUPLICATE_KEY' ? 'duplicate key' : yamlMessage(error.code, error.message), shown, pos.line, pos.col);
  }
  const duplicate = duplicateKeys(document.contents)[0];
  if (duplicate !== undefined) {
    const pos = lineCounter.linePos(duplicate);
    throw new ConfigError('duplicate key', shown, pos.line, pos.col);
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (e) {
    throw new ConfigError(`invalid config: ${(e as Error).message}`, shown, 1, 1);
  }
  const lf: LoadedFile = { file, config: value as ConfigFile, document, lineCounter };
  const validate = validatorFor(CONFIG_SCHEMA);
  if (!validate(value)) {
    const err = validate.errors?.[0];
    if (err) {
      const parts = pointerParts(err.instancePath);
      const extra = err.keyword === 'additionalProperties' ? String((err.params as { additionalProperty: string }).additionalProperty) : err.keyword === 'propertyNames' ? String((err.params as { propertyName: string }).propertyName) : undefined;
      const pos = positionOf(lf, parts, extra);
      throw new ConfigError(describeError(err, 'config'), shown, pos.line, pos.column);
    }
  }
  loaded.set(file, lf);
  return lf;
}

function asList(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function entryOf(entry: RuleEntry): { severity: ReturnType<typeof toSeverity>; options: Record<string, unknown> } {
  if (typeof entry === 'string') return { severity: toSeverity(entry), options: {} };
  return { severity: toSeverity(entry[0]), options: entry[1] ?? {} };
}

/** Load a config file and everything it extends; `rules` (optional) checks rule ids and options. */
export function loadConfig(file: string, cwd: string, rules?: readonly Rule[]): ResolvedConfig {
  const abs = path.resolve(cwd, file);
  const resolved: ResolvedConfig = { files: [], rules: new Map(), ignore: [], base: path.dirname(abs), rulesets: [] };
  const chain: string[] = [];
  const apply = (configPath: string, from?: { lf: LoadedFile; index: number }): void => {
    if (chain.includes(configPath)) {
      const pos = from ? positionOf(from.lf, ['extends', ...(Array.isArray(from.lf.config.extends) ? [String(from.index)] : [])]) : { line: 1, column: 1 };
      throw new ConfigError(`extends cycle: ${[...chain, configPath].map((f) => displayPath(cwd, f)).join(' → ')}`, from ? displayPath(cwd, from.lf.file) : undefined, pos.line, pos.column);
    }
    if (from && !existsSync(configPath)) {
      const pos = positionOf(from.lf, ['extends', ...(Array.isArray(from.lf.config.extends) ? [String(from.index)] : [])]);
      throw new ConfigError(`extends: config file \`${displayPath(cwd, configPath)}\` does not exist`, displayPath(cwd, from.lf.file), pos.line, pos.column);
    }
    chain.push(configPath);
    const lf = readConfigFile(configPath, cwd);
    const dir = path.dirname(configPath);
    asList(lf.config.extends).forEach((ext, index) => apply(path.resolve(dir, ext), { lf, index }));
    chain.pop();
    resolved.files.push(configPath);
    for (const [id, entry] of Object.entries(lf.config.rules ?? {})) {
      const setting = entryOf(entry);
      checkRule(lf, id, setting.options, rules, cwd, asList(lf.config.rulesets).length > 0 || resolved.rulesets.length > 0);
      resolved.rules.set(id, setting);
    }
    for (const glob of lf.config.ignore ?? []) resolved.ignore.push(rebase(glob, dir, resolved.base));
    asList(lf.config.rulesets).forEach((r, index) => {
      const rulesetPath = path.resolve(dir, r);
      if (!existsSync(rulesetPath)) {
        const pos = positionOf(lf, ['rulesets', ...(Array.isArray(lf.config.rulesets) ? [String(index)] : [])]);
        throw new ConfigError(`rulesets: file \`${r}\` does not exist`, displayPath(cwd, configPath), pos.line, pos.column);
      }
      if (!resolved.rulesets.includes(rulesetPath)) resolved.rulesets.push(rulesetPath);
    });
    if (lf.config.strict !== undefined) resolved.strict = lf.config.strict;
    if (lf.config.maxWarnings !== undefined) resolved.maxWarnings = lf.config.maxWarnings;
    if (lf.config.provider !== undefined) resolved.provider = lf.config.provider;
  };
  apply(abs);
  return resolved;
}

/** A glob written relative to `from`, rewritten relative to `to`. */
function rebase(glob: string, from: string, to: string): string {
  const negated = glob.startsWith('!');
  const body = negated ? glob.slice(1) : glob;
  const rel = path.relative(to, from).split(path.sep).join('/');
  const joined = rel === '' ? body.replace(/^\/+/, '') : `${rel}/${body.replace(/^\/+/, '')}`;
  return negated ? `!${joined}` : joined;
}

function checkRule(lf: LoadedFile, id: string, options: Record<string, unknown>, rules: readonly Rule[] | undefined, cwd: string, hasRulesets: boolean): void {
  if (!rules) return;
  const rule = rules.find((r) => r.meta.id === id);
  if (!rule) {
    if (hasRulesets || ENGINE_RULE_IDS.includes(id)) return;
    const pos = positionOf(lf, ['rules'], id);
    throw new ConfigError(`rules: unknown rule \`${id}\``, displayPath(cwd, lf.file), pos.line, pos.column);
  }
  if (Object.keys(options).length === 0) return;
  const schema = rule.meta.optionsSchema;
  if (!schema) {
    const pos = positionOf(lf, ['rules', id, '1']);
    throw new ConfigError(`rules.${id}: this rule takes no options`, displayPath(cwd, lf.file), pos.line, pos.column);
  }
  const validate = validatorFor(schema);
  if (!validate(options)) {
    const err = validate.errors?.[0];
    if (!err) return;
    const parts = ['rules', id, '1', ...err.instancePath.split('/').slice(1)];
    const extra = err.keyword === 'additionalProperties' ? String((err.params as { additionalProperty: string }).additionalProperty) : undefined;
    const pos = positionOf(lf, parts, extra);
    throw new ConfigError(describeError(err, `rules.${id} options`), displayPath(cwd, lf.file), pos.line, pos.column);
  }
}
