/**
 * @mlops-pipeline/lint: public API (re-exports only; the code lives in `api/`, `engine/`,
 * `config/`, `format/`, `fix/`).
 *
 * CONTRACT (used by create-mlops-pipeline and the cross-package tests). Keep these
 * exported names and shapes; extend them, do not break them.
 *
 * lintText/lintFiles load the nearest `.mlops-lint.yaml` (cached per directory),
 * build the model, run the rules and return sorted diagnostics. Usage, config
 * and IO problems throw ConfigError (CLI: exit 2); bad input files never throw.
 */
export type {
  ActionUse,
  ComponentSpec,
  Diagnostic,
  FileKind,
  FileResult,
  Fix,
  InputDeclaration,
  Job,
  KeyedValue,
  LineIndex,
  Permissions,
  Provider,
  RepoContext,
  Rule,
  RuleContext,
  RuleMeta,
  Script,
  ScriptLine,
  Severity,
  Span,
  Step,
  Variable,
  Workflow,
} from './model.js';
export type { LintOptions } from './api/options.js';
export { lintText, lintFiles, expandFiles } from './api/lint.js';
export type { ExpandedFile } from './api/lint.js';
export { fixFiles, fixText, MAX_FIX_PASSES } from './api/fix.js';
export type { FileChange, FixOutcome } from './api/fix.js';
export type { ConfigFile, ResolvedConfig } from './config/types.js';
export { ConfigError, isConfigError } from './config/errors.js';
export { CONFIG_SCHEMA } from './config/schema.js';
export { findConfigFile, loadConfig, clearConfigCache, CONFIG_NAMES } from './config/load.js';
export { ENGINE_RULE_IDS } from './engine/engine-rules.js';
export { discoverFiles } from './discover/index.js';
export { ConfigResolver, isIgnored } from './config/resolver.js';
export type { ConfigChoice } from './config/resolver.js';
export { docsUrl } from './engine/docs.js';
export { formatResults } from './format/index.js';
export { applyFixes } from './fix/apply.js';
export type { ApplyResult } from './fix/apply.js';
export { unifiedDiff } from './fix/diff.js';
export { writeAtomic, WriteRefused } from './fix/write.js';
export type { WriteOptions } from './fix/write.js';
