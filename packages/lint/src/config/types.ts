/** Shapes of `.mlops-lint.yaml` as written and as resolved. */
import type { Provider, Severity } from '../model.js';

export type SeverityName = 'off' | 'warn' | 'warning' | 'error' | 'info';

export type RuleEntry = SeverityName | [SeverityName] | [SeverityName, Record<string, unknown>];

/** The config file as written (after schema validation). */
export interface ConfigFile {
  extends?: string[] | string;
  rules?: Record<string, RuleEntry>;
  ignore?: string[];
  rulesets?: string[] | string;
  strict?: boolean;
  maxWarnings?: number;
  provider?: Provider;
}

/** The effective configuration for one directory. */
export interface ResolvedConfig {
  /** Config files that contributed, nearest last (empty when none). */
  files: string[];
  rules: Map<string, { severity: Severity | 'off'; options: Record<string, unknown> }>;
  /** Ignore globs, relative to `base`. */
  ignore: string[];
  /** Directory the ignore globs are relative to. */
  base: string;
  /** Absolute paths of Spectral ruleset files. */
  rulesets: string[];
  strict?: boolean;
  maxWarnings?: number;
  provider?: Provider;
}

export function toSeverity(name: SeverityName): Severity | 'off' {
  return name === 'warn' ? 'warning' : name;
}
