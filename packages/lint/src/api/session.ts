/**
 * One lint session: what every file linted by one `lintText` / `lintFiles` call shares
 * (rules, config resolution, the loaded templates package, parsed includes, the repository
 * listing) and the engine context each file gets from it.
 */
import path from 'node:path';
import { ConfigResolver } from '../config/resolver.js';
import type { ResolvedConfig } from '../config/types.js';
import type { EngineContext } from '../engine/context.js';
import type { RuleSettings } from '../engine/rule-runner.js';
import type { TemplatesApi } from '../engine/templates.js';
import { loadTemplatesApi, NO_TEMPLATES } from '../engine/templates.js';
import type { Rule } from '../model.js';
import { rules as builtinRules } from '../rules/index.js';
import type { LintOptions } from './options.js';

export interface LintSession {
  cwd: string;
  rules: readonly Rule[];
  resolver: ConfigResolver;
  /** Loads the installed templates package, when a linted file refers to it. */
  loadTemplates: () => Promise<TemplatesApi>;
  includeCache: EngineContext['includeCache'];
  repoFiles: NonNullable<EngineContext['repoFiles']>;
}

export async function startSession(options: LintOptions): Promise<LintSession> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const rules = options.rules ?? builtinRules;
  return { cwd, rules, resolver: new ConfigResolver(options, cwd, rules), loadTemplates: loadTemplatesApi, includeCache: new Map(), repoFiles: {} };
}

/** The configuration that applies to a file (its directory's config files are loaded first). */
export async function configFor(session: LintSession, abs: string): Promise<ResolvedConfig> {
  await session.resolver.prepare(path.dirname(abs));
  return session.resolver.forDirectory(path.dirname(abs));
}

function settingsOf(config: ResolvedConfig): RuleSettings {
  return (id) => config.rules.get(id);
}

export function engineContext(session: LintSession, config: ResolvedConfig, options: LintOptions): EngineContext {
  const ctx: EngineContext = {
    cwd: session.cwd,
    repo: { root: session.resolver.root, templatesVersion: NO_TEMPLATES.version },
    strict: options.strict ?? config.strict ?? false,
    rules: session.rules,
    settings: settingsOf(config),
    rulesets: config.rulesets,
    templates: NO_TEMPLATES,
    loadTemplates: session.loadTemplates,
    includeCache: session.includeCache,
    repoFiles: session.repoFiles,
  };
  const provider = options.provider ?? config.provider;
  if (provider) ctx.provider = provider;
  if (options.overrides) ctx.overrides = options.overrides;
  return ctx;
}
