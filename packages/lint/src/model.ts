/**
 * The provider-neutral model every rule reads.
 *
 * A GitHub workflow and a GitLab pipeline are both a Workflow of Jobs, each a list
 * of Steps. A step either runs a shell script (GitHub `run:`, one entry of a GitLab
 * `before_script`/`script`/`after_script`) or uses an action (GitHub `uses:`).
 * GitLab `extends:`, `!reference`, `default:` and local `include:` are resolved
 * before the model is built; every position points at what the user wrote.
 */
import type { Document, Node as YamlNode } from 'yaml';

export type Provider = 'github' | 'gitlab';
export type Severity = 'error' | 'warning' | 'info';

/** A source range, 1-based lines and columns, end exclusive. */
export interface Span {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Located<T> {
  value: T;
  span: Span;
}

/** Where an environment variable / CI variable was defined. */
export type VariableScope = 'workflow' | 'job' | 'step' | 'container';

export interface Variable {
  name: string;
  /** Literal text as written (undefined when not a scalar). May contain ${{ }} or $VAR references. */
  value: string | undefined;
  scope: VariableScope;
  /** Span of the key. */
  span: Span;
  /** Span of the value. */
  valueSpan: Span;
  /** GitHub: the value is exactly `${{ secrets.X }}` (or contains one). */
  secretRefs: string[];
}

/** One line of a shell script, with its exact position in the file. */
export interface ScriptLine {
  text: string;
  span: Span;
}

export interface Script {
  /** Full script text as the shell will see it (GitHub expressions left as written). */
  text: string;
  span: Span;
  lines: ScriptLine[];
  /** GitLab: which section the line came from. */
  section?: 'before_script' | 'script' | 'after_script';
}

export interface ActionUse {
  /** e.g. "treeverse/setup-dvc" (owner/repo[/path]), "./local", "docker://…". */
  name: string;
  /** The ref after @, undefined when missing. */
  ref: string | undefined;
  /** Raw `uses:` string. */
  raw: string;
  span: Span;
}

export interface Step {
  index: number;
  id?: string;
  name?: string;
  span: Span;
  run?: Script;
  uses?: ActionUse;
  /** `with:` inputs of an action step. */
  with: Map<string, Located<string | undefined>>;
  env: Variable[];
  /** GitHub `if:` text. */
  condition?: string;
  workingDirectory?: string;
  node: YamlNode | null;
}

export interface PathEntry {
  path: string;
  span: Span;
}

export interface Job {
  id: string;
  name?: string;
  span: Span;
  /** GitLab hidden jobs (".name") are not in the model; their content is merged into the jobs that extend them. */
  steps: Step[];
  env: Variable[];
  /** GitLab `image:` or GitHub `container:` / `docker://` images, plus services. */
  images: Located<string>[];
  /** GitHub `runs-on`, GitLab `tags`. */
  runsOn: Located<string>[];
  /** GitHub job `permissions:` (raw YAML node) when present. */
  permissions?: YamlNode;
  /** GitHub reusable-workflow call (`uses:` at job level). */
  uses?: ActionUse;
  /** GitHub job `secrets:` when calling a reusable workflow. */
  needs: string[];
  cachePaths: PathEntry[];
  artifactPaths: PathEntry[];
  /** GitLab `id_tokens` names; GitHub: present when permissions grant id-token: write. */
  idTokens: string[];
  /** fetch-depth of actions/checkout (GitHub) or GIT_DEPTH (GitLab); undefined = provider default (shallow). */
  fetchDepth?: Located<string>;
  /** The job checks out the repository (GitHub: actions/checkout step; GitLab: always unless GIT_STRATEGY none). */
  checksOut: boolean;
  condition?: string;
  node: YamlNode | null;
  /**
   * GitLab: the job's configuration after `extends:`, `!reference`, `default:` and
   * includes are resolved, as plain data (`rules`, `only`, `when`, `allow_failure`…).
   * `node` is only the job's own mapping; inherited keys are here.
   */
  config?: Record<string, unknown>;
  /** GitLab: where each top-level key of `config` was written (possibly a hidden job or an included file). */
  keySpans?: Map<string, Span>;
  /** GitLab: the global `variables:` this job inherits (respecting `inherit: variables`). */
  inheritedEnv?: Variable[];
}

export interface Trigger {
  event: string;
  span: Span;
}

export interface Include {
  kind: 'local' | 'component' | 'project' | 'remote' | 'template';
  /** Path, component address, remote URL… */
  target: string;
  /** For component/project includes: the version after @ or `ref:`. */
  ref?: string;
  span: Span;
}

export interface VendoredHeader {
  template: string;
  version: string;
  inputs: Record<string, unknown>;
  span: Span;
}

export interface Workflow {
  provider: Provider;
  /** Path as given on the command line (used in diagnostics). */
  file: string;
  /** The whole file text. */
  text: string;
  document: Document.Parsed;
  triggers: Trigger[];
  env: Variable[];
  /** GitHub top-level `permissions:` node when present. */
  permissions?: YamlNode;
  jobs: Job[];
  includes: Include[];
  header?: VendoredHeader;
  /** Files other than `file` whose content was merged in (GitLab local includes). */
  sources: Map<string, string>;
  /** GitLab CI/CD component: the `spec:` header document (`document` is the body after `---`). */
  spec?: Document.Parsed;
}

/** A safe, automatic edit: replace [start, end) character offsets in `file` with `text`. */
export interface Fix {
  file: string;
  start: number;
  end: number;
  text: string;
}

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
  severity: Severity;
  message: string;
  docsUrl: string;
  fix?: Fix;
}

/** What a rule gets besides the workflow. */
export interface RepoContext {
  /** Repository root (where .dvc/ and requirements live). */
  root: string;
  /** Newest templates version the installed @mlops-pipeline/templates knows. */
  templatesVersion: string;
}

export interface RuleReport {
  span: Span;
  message: string;
  fix?: Fix;
  /**
   * This finding's severity when it differs from the rule's default (e.g. a rule whose
   * main finding is an error and a lesser one a warning). A severity set in the user's
   * configuration wins over it.
   */
  severity?: Severity;
}

export interface RuleContext {
  workflow: Workflow;
  repo: RepoContext;
  options: Record<string, unknown>;
  /** --strict mode (e.g. action-pinned requires SHAs). */
  strict: boolean;
  report(report: RuleReport): void;
}

export interface RuleMeta {
  id: string;
  description: string;
  defaultSeverity: Severity;
  fixable: boolean;
  /** Which providers the rule applies to. */
  providers: Provider[];
  /** JSON Schema of the rule's options (in .mlops-lint.yaml). */
  optionsSchema?: Record<string, unknown>;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}
