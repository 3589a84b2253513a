/**
 * The effective configuration per directory: an inline config, no config, an
 * explicit file, or the nearest `.mlops-lint.*` (each file loaded once per run),
 * plus the ignore-glob matcher of a configuration.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import type { Rule } from '../model.js';
import { findRepoRoot } from '../engine/repo.js';
import { describeError, loadAjv, validatorFor } from './ajv.js';
import { CONFIG_SCHEMA } from './schema.js';
import { ConfigError } from './errors.js';
import { findConfigFile, loadConfig } from './load.js';
import type { ConfigFile, ResolvedConfig } from './types.js';
import { toSeverity } from './types.js';

/** What the resolver needs from LintOptions. */
export interface ConfigChoice {
  configFile?: string;
  config?: ConfigFile;
  noConfig?: boolean;
}

export const EMPTY_CONFIG = (base: string): ResolvedConfig => ({ files: [], rules: new Map(), ignore: [], base, rulesets: [] });

/** Validate a config given as an object (library use): same schema and rule options checks as a file. */
function checkInline(config: ConfigFile, rules: readonly Rule[]): void {
  const validate = validatorFor(CONFIG_SCHEMA);
  if (!validate(config)) {
    const err = validate.errors?.[0];
    if (err) throw new ConfigError(describeError(err, 'config'));
  }
  for (const [id, entry] of Object.entries(config.rules ?? {})) {
    const options = typeof entry === 'string' ? undefined : entry[1];
    const schema = rules.find((r) => r.meta.id === id)?.meta.optionsSchema;
    if (!options || !schema) continue;
    const check = validatorFor(schema);
    const err = check(options) ? undefined : check.errors?.[0];
    if (err) throw new ConfigError(describeError(err, `rules.${id} options`));
  }
}

function inlineConfig(config: ConfigFile, base: string, rules: readonly Rule[]): ResolvedConfig {
  checkInline(config, rules);
  const resolved = EMPTY_CONFIG(base);
  for (const [id, entry] of Object.entries(config.rules ?? {})) {
    resolved.rules.set(id, typeof entry === 'string' ? { severity: toSeverity(entry), options: {} } : { severity: toSeverity(entry[0]), options: entry[1] ?? {} });
  }
  resolved.ignore = config.ignore ?? [];
  resolved.rulesets = (Array.isArray(config.rulesets) ? config.rulesets : config.rulesets ? [config.rulesets] : []).map((r) => path.resolve(base, r));
  if (config.strict !== undefined) resolved.strict = config.strict;
  if (config.maxWarnings !== undefined) resolved.maxWarnings = config.maxWarnings;
  if (config.provider !== undefined) resolved.provider = config.provider;
  return resolved;
}

/** Resolves the effective config for a directory (cached per config file within one run). */
export class ConfigResolver {
  private readonly byFile = new Map<string, ResolvedConfig>();
  readonly root: string;

  constructor(
    private readonly options: ConfigChoice,
    private readonly cwd: string,
    private readonly rules: readonly Rule[],
  ) {
    this.root = findRepoRoot(cwd);
  }

  /** Load what validating the config of `dir` needs (kept off the no-config path for start-up speed). */
  async prepare(dir: string): Promise<void> {
    if (this.options.noConfig) return;
    if (this.options.config || this.options.configFile || findConfigFile(dir, this.root)) await loadAjv();
  }

  forDirectory(dir: string): ResolvedConfig {
    if (this.options.config) return (this.inline ??= inlineConfig(this.options.config, this.cwd, this.rules));
    if (this.options.noConfig) return (this.inline ??= EMPTY_CONFIG(this.cwd));
    let file: string | undefined;
    if (this.options.configFile) {
      file = path.resolve(this.cwd, this.options.configFile);
      if (!existsSync(file)) throw new ConfigError(`config file \`${this.options.configFile}\` does not exist`);
    } else {
      file = findConfigFile(dir, this.root);
    }
    if (!file) return (this.inline ??= EMPTY_CONFIG(this.cwd));
    let config = this.byFile.get(file);
    if (!config) {
      config = loadConfig(file, this.cwd, this.rules);
      this.byFile.set(file, config);
    }
    return config;
  }

  private inline: ResolvedConfig | undefined;
}

const ignoreMatchers = new WeakMap<ResolvedConfig, (abs: string) => boolean>();

export function isIgnored(config: ResolvedConfig, absPath: string): boolean {
  if (config.ignore.length === 0) return false;
  let matcher = ignoreMatchers.get(config);
  if (!matcher) {
    const positive = config.ignore.filter((g) => !g.startsWith('!'));
    const negative = config.ignore.filter((g) => g.startsWith('!')).map((g) => g.slice(1));
    const yes = picomatch(positive, { dot: true });
    const no = negative.length > 0 ? picomatch(negative, { dot: true }) : () => false;
    const base = config.base;
    matcher = (abs) => {
      const rel = path.relative(base, abs).split(path.sep).join('/');
      return yes(rel) && !no(rel);
    };
    ignoreMatchers.set(config, matcher);
  }
  return matcher(absPath);
}

