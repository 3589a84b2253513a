/** What linting one file needs from the run it belongs to (shared by the engine's modules). */
import type { Provider, RepoContext, Rule } from '../model.js';
import type { IncludeLoader } from '../gitlab/resolve.js';
import type { RuleSettings } from './rule-runner.js';
import type { TemplatesApi } from './templates.js';

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
  /** The installed @mlops-pipeline/templates, for files that refer to them (else NO_TEMPLATES). */
  templates: TemplatesApi;
  /** Loads the installed templates (once per process); the engine calls it for files that refer to them. */
  loadTemplates?: () => Promise<TemplatesApi>;
  /** Parsed local includes, shared by every file of one run. */
  includeCache: Map<string, LoadedInclude>;
  /** Repository file list for glob includes, listed once per run. */
  repoFiles?: { list?: string[] };
  /** In-memory contents by absolute path, read instead of the disk (they may name files that do not exist yet). */
  overrides?: Map<string, string>;
}

export type LoadedInclude = ReturnType<IncludeLoader['load']>;
