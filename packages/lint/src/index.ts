/**
 * @mlops-pipeline/lint: public API.
 *
 * CONTRACT (used by create-mlops-pipeline and the cross-package tests). Keep these
 * exported names and shapes; extend them, do not break them.
 */
import type { Diagnostic, Provider } from './model.js';

export type { Diagnostic, Provider, Severity, Rule, RuleMeta, Workflow, Job, Step } from './model.js';

export interface LintOptions {
  /** Directory used to find the repo root, .mlops-lint.yaml and .dvc/config. Default: process.cwd(). */
  cwd?: string;
  provider?: Provider;
  /** Explicit config file; default: .mlops-lint.yaml / .mlops-lint.json found from cwd. */
  configFile?: string;
  strict?: boolean;
}

export interface FileResult {
  file: string;
  diagnostics: Diagnostic[];
}

export declare function lintText(text: string, filename: string, options?: LintOptions): Promise<Diagnostic[]>;
export declare function lintFiles(files: string[], options?: LintOptions): Promise<FileResult[]>;
export declare function formatResults(results: FileResult[], format: 'stylish' | 'json' | 'sarif' | 'gitlab' | 'github'): string;
