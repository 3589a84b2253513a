/** What every formatter may use besides the results. */
import type { RuleInfo } from '../engine/engine-rules.js';

export interface FormatOptions {
  /** Directory paths are shown relative to (SARIF artifact locations). Default: process.cwd(). */
  cwd?: string;
  /** ANSI colours (stylish only). Default: false. */
  color?: boolean;
  /** Rule metadata for SARIF `rules`; default: built-in and engine rules. */
  rules?: readonly RuleInfo[];
  /** Tool version for SARIF. */
  version?: string;
}
