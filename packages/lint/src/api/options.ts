/** What callers of the library pass to lint and fix. */
import type { ConfigFile } from '../config/types.js';
import type { Provider, Rule } from '../model.js';

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
  /**
   * In-memory file contents by absolute path, used instead of the disk (fix passes, editors,
   * a generator checking the files it plans to write). A path may name a file that does not
   * exist yet: it is linted when listed, found by discovery and by GitLab local includes.
   */
  overrides?: Map<string, string>;
}
