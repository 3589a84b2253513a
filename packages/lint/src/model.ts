/**
 * The provider-neutral model every rule reads.
 *
 * A GitHub workflow and a GitLab pipeline are both a Workflow of Jobs, each a list
 * of Steps. A step either runs a shell script (GitHub `run:`, one entry of a GitLab
 * `before_script`/`script`/`after_script`) or uses an action (GitHub `uses:`).
 * GitLab `extends:`, `!reference`, `default:` and local `include:` are resolved
 * before the model is built; every position points at what the user wrote.
 *
 * Rules read this model only (no `yaml` import under `src/rules/`, enforced by ESLint): the
 * file kind, key and value positions (`keySpans`, `KeyedValue`), permissions, inputs, the
 * reusable-workflow call and the called workflow, the component spec, includes and the line
 * index are here, so a rule sees included, extended and referenced jobs like written ones.
 * `document` and `node` are the parser's own objects, for the engine and custom rulesets.
 */
import type { Document, Node as YamlNode } from 'yaml';
import type { Provider } from '@mlops-pipeline/templates';

export type { Provider };
/** What a file is: a GitHub workflow, a GitHub action (`action.yml`), a GitLab pipeline, a GitLab CI/CD component (a `spec:` header, then `---`). */
export type FileKind = 'workflow' | 'action' | 'gitlab-ci' | 'component';
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

/** A mapping entry: its value as plain data, where its key and its value were written. */
export interface KeyedValue {
  value: unknown;
  keySpan: Span;
  valueSpan: Span;
}

/** Line/column ↔ character offset conversion for one file's text (1-based lines and columns). */
export interface LineIndex {
  offsetAt(line: number, column: number): number;
  positionAt(offset: number): { line: number; column: number };
}

/** GitHub `permissions:` (workflow or job) as written. */
export interface Permissions {
  /** Span of the value. */
  span: Span;
  /** `read-all`, `write-all` (or any other scalar) when the value is not a mapping. */
  shorthand?: string;
  /** scope → level (`read`, `write`, `none`), with where each was written. */
  scopes: Map<string, { level: string; keySpan: Span; valueSpan: Span }>;
}

/** A GitHub `workflow_call` / `workflow_dispatch` input, or a GitLab component `spec:inputs` entry. */
export interface InputDeclaration {
  name: string;
  /** Span of the input's name. */
  span: Span;
  type?: Located<string>;
  required: boolean;
  default?: Located<unknown>;
  description?: string;
  /** GitLab: `regex:` (RE2 syntax). */
  regex?: Located<string>;
  /** GitLab `options:` / GitHub `choice` options. */
  options?: Located<unknown[]>;
}

/** A GitHub `workflow_call` secret. */
export interface SecretDeclaration {
  name: string;
  span: Span;
  required: boolean;
}

/** GitHub: what a reusable workflow (`on: workflow_call`) takes. */
export interface CallInterface {
  span: Span;
  inputs: Map<string, InputDeclaration>;
  secrets: Map<string, SecretDeclaration>;
}

/** GitLab CI/CD component header (`spec:`). */
export interface ComponentSpec {
  span: Span;
  inputs: Map<string, InputDeclaration>;
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
  /** GitHub: the shell a `run:` step runs in (step `shell:`, else job, else workflow `defaults.run.shell`). */
  shell?: string;
  /** GitHub: every key of the step as written (`continue-on-error`, `timeout-minutes`…). */
  keys: Map<string, KeyedValue>;
  node: YamlNode | null;
}

export interface PathEntry {
  path: string;
  span: Span;
}

/**
 * A path the platform matches against the repository's files, which it names by their path from
 * the repository's root: GitHub `on.<event>.paths` / `paths-ignore` filters; GitLab `rules:changes`,
 * `rules:exists`, `only:changes` / `except:changes` and `cache:key:files`.
 */
export interface RepoPath {
  path: string;
  span: Span;
  /** The key as written, for messages: `on.push.paths`, `rules:changes`, `cache:key:files`. */
  key: string;
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
  /** GitHub job `permissions:` when present. */
  permissions?: Permissions;
  /** GitHub reusable-workflow call (`uses:` at job level). */
  uses?: ActionUse;
  /**
   * GitHub reusable-workflow call: the called workflow, when it can be known offline (a local
   * `./.github/workflows/x.yml`, or a published template at the installed templates version).
   */
  called?: CalledWorkflow;
  /** GitHub reusable-workflow call: the `with:` inputs passed. */
  with?: Map<string, KeyedValue>;
  /** GitHub reusable-workflow call: `secrets: inherit`, or the secrets passed by name. */
  secrets?: Located<'inherit'> | Map<string, KeyedValue>;
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
   * The job's configuration as plain data. GitLab: after `extends:`, `!reference`, `default:`
   * and includes are resolved (`rules`, `only`, `when`, `allow_failure`…); `node` is only the
   * job's own mapping, inherited keys are here.
   */
  config?: Record<string, unknown>;
  /** Where each top-level key of `config` was written (GitLab: possibly a hidden job or an included file). */
  keySpans?: Map<string, Span>;
  /** GitLab: where each top-level value of `config` was written. */
  valueSpans?: Map<string, Span>;
  /** GitLab: the global `variables:` this job inherits (respecting `inherit: variables`). */
  inheritedEnv?: Variable[];
}

export interface CalledWorkflow {
  /** The called file as shown (a repository path, or the `uses:` address of a published template). */
  file: string;
  workflow: Workflow;
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
  /** Component includes: the `inputs:` passed, as written. */
  inputs?: Map<string, KeyedValue>;
  /** Component includes of a published mlops-pipeline component at the installed templates version: its `spec:`. */
  spec?: ComponentSpec;
}

/** GitLab: a local include that was read, with the inputs it passes and the `spec:` of the file it includes. */
export interface LocalInclude {
  include: Include;
  /** Display path of the included file. */
  file: string;
  inputs: Map<string, KeyedValue>;
  spec?: ComponentSpec;
}

export interface VendoredHeader {
  template: string;
  version: string;
  inputs: Record<string, unknown>;
  span: Span;
}

/** GitLab: a job name defined in more than one place; the last definition wins (GitLab merges them key by key). */
export interface JobDefinition {
  id: string;
  /** Every place the job name was written, in merge order (includes first, the including file last). */
  spans: Span[];
}

/** A GitLab hidden job (`.name`), as written (not merged into anything). */
export interface HiddenJob {
  id: string;
  span: Span;
  keySpans: Map<string, Span>;
}

export interface Workflow {
  provider: Provider;
  kind: FileKind;
  /** Path as given on the command line (used in diagnostics). */
  file: string;
  /** The whole file text. */
  text: string;
  document: Document.Parsed;
  triggers: Trigger[];
  /** Paths matched against the repository's files (each place written once, whatever inherits it). */
  repoPaths: RepoPath[];
  env: Variable[];
  /** GitHub top-level `permissions:` when present. */
  permissions?: Permissions;
  /** Where each top-level key was written (GitLab: after includes are merged). */
  keySpans: Map<string, Span>;
  /** GitHub: `workflow_call` and `workflow_dispatch` inputs. */
  inputs: (InputDeclaration & { trigger: 'workflow_call' | 'workflow_dispatch' })[];
  /** GitHub reusable workflow: the `on: workflow_call` interface. */
  call?: CallInterface;
  /** GitLab: `stages:` after includes are merged (undefined: not written, GitLab's defaults apply). */
  stages?: Located<string>[];
  /** GitLab: hidden jobs after includes are merged. */
  hiddenJobs: HiddenJob[];
  /** GitLab: job names defined more than once across the file and its local includes. */
  redefinedJobs: JobDefinition[];
  jobs: Job[];
  /** GitLab: every include of the pipeline, the file's own and those of its local includes at any depth. */
  includes: Include[];
  /**
   * GitLab: some of the pipeline comes from includes that are not read (remote, project,
   * template, component, or a path built from variables): jobs, stages and hidden jobs the
   * model does not hold may still exist.
   */
  incomplete?: boolean;
  /** GitLab: every local include that was read, at any depth. */
  localIncludes: LocalInclude[];
  header?: VendoredHeader;
  /** Files other than `file` whose content was merged in (GitLab local includes). */
  sources: Map<string, string>;
  /** GitLab CI/CD component: the `spec:` header (`document` is the body after `---`). */
  spec?: ComponentSpec;
  /** Line index of the file or of one of its `sources`. */
  lines(file: string): LineIndex | undefined;
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

/** The findings of one linted file (what the output formats print). */
export interface FileResult {
  file: string;
  diagnostics: Diagnostic[];
  /** The file could not be read (CLI: exit 2). */
  error?: { message: string };
  /** What was not checked, and why (CLI: printed on stderr). */
  notices?: string[];
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
