/**
 * Template inputs: one definition per input, shared by both providers, the
 * JSON Schemas, validation, the reusable workflow `inputs:` and the GitLab
 * component `spec: inputs:`.
 */
import type { Provider } from './types.js';

export type InputType = 'string' | 'boolean' | 'integer' | 'array';

/** Where an input lives once the template is consumed pinned. */
export type PinnedUse =
  /** An input of the reusable workflow / component. */
  | 'input'
  /** Written into the caller snippet (triggers, runner tags): the caller owns it. */
  | 'caller'
  /** Decided when rendering only (e.g. action pinning of a vendored file). */
  | 'render';

export type InputValue = string | boolean | number | string[] | Array<Record<string, unknown>>;

export interface InputDef {
  name: string;
  type: InputType;
  description: string;
  /** Absent: the input is required. */
  default?: InputValue;
  /** Per-provider defaults overriding `default`. */
  defaults?: Partial<Record<Provider, InputValue>>;
  /** Arrays: the type of the items (default `string`). */
  items?: 'string' | 'object';
  enum?: readonly string[];
  /** Regular expression the value (or each array item) must match. */
  pattern?: string;
  /** Human explanation of `pattern`, used in error messages. */
  patternHint?: string;
  /** A valid value, shown as the JSON Schema `examples`. */
  example?: string;
  /**
   * The empty string is a valid value ("not set") and `pattern` applies to
   * other values only. GitLab never matches an empty string against a
   * `regex`, so such inputs get no `regex` in a component: the job checks them.
   */
  emptyAllowed?: boolean;
  minimum?: number;
  maximum?: number;
  providers?: readonly Provider[];
  pinned?: Partial<Record<Provider, PinnedUse>>;
}

/**
 * A relative path safe to place in a shell word and a YAML scalar: letters,
 * digits, `.`, `_`, `-` and `/`, not starting with `/`, never two dots in a
 * row. Written for RE2 (GitLab compiles input regexes with it: no lookaround),
 * ECMAScript (ajv) and POSIX ERE (the job's own check) alike.
 */
const SAFE_PATH = '^(\\.|([A-Za-z0-9_-]|\\.[A-Za-z0-9_/-])([A-Za-z0-9_/-]|\\.[A-Za-z0-9_/-])*\\.?)$';

export const COMMON_INPUTS: readonly InputDef[] = [
  {
    name: 'python-version',
    type: 'string',
    description: 'Python version for the job (`3.12` or an exact `3.12.7`).',
    default: '3.12',
    pattern: '^3\\.[0-9]{1,2}(\\.[0-9]{1,2})?$',
    patternHint: 'a Python 3 version such as 3.12 or 3.12.7',
  },
  {
    name: 'dvc-version',
    type: 'string',
    description: 'Exact DVC version installed with pip (with the extra matching the remote).',
    default: '3.63.0',
    pattern: '^[0-9]+\\.[0-9]+\\.[0-9]+$',
    patternHint: 'an exact version such as 3.63.0',
  },
  {
    name: 'requirements',
    type: 'string',
    description: 'With `installer: pip`: requirements file installed before DVC (in its own `pip install`, so a file with `--hash` lines works), relative to `working-directory`; `pyproject.toml` installs the project itself (`pip install .`); empty installs DVC only. Not used by `poetry` and `uv`, which install from their lock file.',
    default: 'requirements.txt',
    pattern: SAFE_PATH,
    emptyAllowed: true,
    patternHint: 'empty or a relative path of letters, digits, `.`, `_`, `-` and `/` (no `..`)',
  },
  {
    name: 'installer',
    type: 'string',
    description: 'How the project is installed: `pip` (the `requirements` input), `poetry` (`poetry install --no-root` from `poetry.lock`) or `uv` (`uv sync --frozen` from `uv.lock`). DVC (`dvc-version`, with the remote\'s extra) is then added to that environment, whose `bin` folder comes first on PATH for `dvc pull` and `dvc repro`.',
    default: 'pip',
    enum: ['pip', 'poetry', 'uv'],
  },
  {
    name: 'branches',
    type: 'array',
    description: 'Branches whose pushes run the experiment.',
    default: ['main'],
    pattern: '^[A-Za-z0-9][A-Za-z0-9._/-]*$',
    patternHint: 'a branch name of letters, digits, `.`, `_`, `-` and `/`',
    pinned: { github: 'caller', gitlab: 'caller' },
  },
  {
    name: 'paths',
    type: 'array',
    description: 'Monorepos: run only when one of these paths changes (GitHub `on.push.paths` / `on.pull_request.paths`; GitLab `rules:changes`), e.g. `ml/**` for the DVC project in `ml` (empty: every change).',
    default: [],
    // From the repository's root: GitHub and GitLab match paths without `./`, which would match nothing.
    pattern: '^([A-Za-z0-9_*-]|\\.[A-Za-z0-9_*-])[A-Za-z0-9._/*-]*$',
    patternHint: 'a path or glob from the repository root (no leading `./`) of letters, digits, `.`, `_`, `-`, `/` and `*`',
    pinned: { github: 'caller', gitlab: 'caller' },
  },
  {
    name: 'runner',
    type: 'array',
    description: 'GitHub: `runs-on` labels (`ubuntu-latest` or self-hosted labels). GitLab: runner `tags` (empty: any shared runner).',
    defaults: { github: ['ubuntu-latest'], gitlab: [] },
    pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
    patternHint: 'a runner label of letters, digits, `.`, `_` and `-`',
  },
  {
    name: 'timeout-minutes',
    type: 'integer',
    description: 'Job timeout in minutes.',
    default: 60,
    minimum: 1,
    maximum: 4320,
  },
  {
    name: 'working-directory',
    type: 'string',
    description: 'Directory holding `dvc.yaml`, relative to the repository root.',
    default: '.',
    pattern: SAFE_PATH,
    patternHint: 'a relative path of letters, digits, `.`, `_`, `-` and `/` (no `..`)',
  },
  {
    name: 'dvc-remote',
    type: 'string',
    description: 'DVC remote to pull from and push to, made the default of the checkout (`dvc remote default --local`); needed when `.dvc/config` names no default remote (empty: the default remote).',
    default: '',
    pattern: '^[A-Za-z0-9._-]+$',
    emptyAllowed: true,
    patternHint: 'empty or a DVC remote name of letters, digits, `.`, `_` and `-`',
  },
  {
    name: 'pull-strategy',
    type: 'string',
    description: '`separate`: `dvc pull` then `dvc repro`; `with-repro`: `dvc repro --pull` (pulls only what the stages need).',
    default: 'separate',
    enum: ['separate', 'with-repro'],
  },
  {
    name: 'dvc-cache',
    type: 'boolean',
    description: 'Keep the DVC cache between runs (keyed on `dvc.lock`; GitHub falls back to the latest cache of the project) and use the run-cache (`dvc pull --run-cache`, `dvc push --run-cache`), so stages whose dependencies did not change are restored by `dvc repro` instead of run again. GitHub: `actions/cache` of `.dvc/cache`; GitLab: a job `cache:` of `.cache/dvc` that DVC is pointed at.',
    default: false,
  },
  {
    name: 'cml',
    type: 'boolean',
    description: 'Post a CML report (metrics diff against the target branch) as a comment on pull/merge requests. GitHub: the caller calls the `<template>-report.yml` workflow on pull requests, with `pull-requests: write`.',
    default: false,
    pinned: { github: 'caller' },
  },
  {
    name: 'push',
    type: 'boolean',
    description: 'Run `dvc push` after `dvc repro` on branch pushes, to store the results in the remote.',
    default: false,
  },
  {
    name: 'cancel-in-progress',
    type: 'boolean',
    description: 'Cancel a running experiment of a pull/merge request when a newer commit of it starts one (runs on branches always complete).',
    default: true,
  },
  {
    name: 'concurrency-group',
    type: 'string',
    description: 'Extra text in the concurrency group, to separate calls of one template with the same `working-directory` (empty: none needed).',
    default: '',
    pattern: '^[A-Za-z0-9._-]+$',
    emptyAllowed: true,
    patternHint: 'empty or letters, digits, `.`, `_` and `-`',
    providers: ['github'],
  },
  {
    name: 'pin-actions',
    type: 'string',
    description: 'How actions are referenced: `sha` (full commit SHA with the version as a comment; Renovate and Dependabot update both) or `version` (full version tag, e.g. `@v5.0.0`).',
    default: 'sha',
    enum: ['version', 'sha'],
    providers: ['github'],
    pinned: { github: 'render' },
  },
];

/** The experiment job's rules in a component (`$CI_COMMIT_BRANCH`: never on tags or merge request pipelines). */
export const DEFAULT_GITLAB_RULES = [{ if: '$CI_COMMIT_BRANCH && ($CI_PIPELINE_SOURCE == "push" || $CI_PIPELINE_SOURCE == "web")' }];

/** How the jobs fit in the including pipeline (GitLab). */
export const GITLAB_COMPOSITION_INPUTS: readonly InputDef[] = [
  {
    name: 'as',
    type: 'string',
    description: 'Prefix of the job names: `<as>-repro` runs the experiment, `<as>-report` posts the CML report. Give each include its own (two DVC projects, two remotes) so their jobs do not merge.',
    default: 'dvc',
    pattern: '^[A-Za-z0-9_-]+$',
    patternHint: 'letters, digits, `_` and `-`',
    providers: ['gitlab'],
  },
  {
    name: 'stage',
    type: 'string',
    description: 'Stage of the jobs; it must be one of the pipeline\'s `stages:`.',
    default: 'test',
    pattern: '^[A-Za-z0-9_. -]+$',
    patternHint: 'a stage name of letters, digits, spaces, `.`, `_` and `-`',
    providers: ['gitlab'],
  },
  {
    name: 'rules',
    type: 'array',
    items: 'object',
    description: 'GitLab `rules:` of the experiment job (default: branch pushes and pipelines run from the web UI). Add `schedule`, `api`, `trigger` or `parent_pipeline` sources to run it there; the include\'s own `rules:` still decide whether it is included at all.',
    default: DEFAULT_GITLAB_RULES,
    providers: ['gitlab'],
  },
];

export const GCP_KEYLESS_INPUTS: readonly InputDef[] = [
  {
    name: 'workload-identity-provider',
    type: 'string',
    description: 'Full resource name of the Workload Identity Federation provider.',
    pattern: '^projects/[0-9]+/locations/global/workloadIdentityPools/[A-Za-z0-9_-]+/providers/[A-Za-z0-9_-]+$',
    patternHint: 'projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>',
  },
  {
    name: 'service-account',
    type: 'string',
    description: 'Service account email the job impersonates.',
    pattern: '^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+\\.iam\\.gserviceaccount\\.com$',
    patternHint: 'a service account email such as dvc@my-project.iam.gserviceaccount.com',
  },
];

export const AWS_KEYLESS_INPUTS: readonly InputDef[] = [
  {
    name: 'role-to-assume',
    type: 'string',
    description: 'ARN of the IAM role trusted for the CI OIDC provider.',
    pattern: '^arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]+$',
    patternHint: 'an IAM role ARN such as arn:aws:iam::123456789012:role/dvc-ci',
  },
  {
    name: 'aws-region',
    type: 'string',
    description: 'AWS region of the security token service call.',
    default: 'us-east-1',
    pattern: '^[a-z]{2}(-[a-z]+)+-[0-9]$',
    patternHint: 'an AWS region such as eu-west-1',
  },
  {
    name: 'role-duration-seconds',
    type: 'integer',
    description: 'Lifetime of the role session in seconds: at least the job\'s `timeout-minutes` (the role\'s maximum session duration must allow it). GitHub only: on GitLab the SDK refreshes the web identity session itself.',
    default: 3600,
    minimum: 900,
    maximum: 43200,
    providers: ['github'],
  },
];

export const MINIO_INPUTS: readonly InputDef[] = [
  {
    name: 'endpoint-url',
    type: 'string',
    description: 'URL of the S3-compatible endpoint (MinIO, Ceph, R2…); written to the DVC remote as `endpointurl` in `.dvc/config.local`.',
    pattern: '^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~/-]*)?$',
    patternHint: 'an http(s) URL such as https://minio.example.com:9000',
  },
];

export const AZURE_INPUTS: readonly InputDef[] = [
  {
    name: 'azure-auth',
    type: 'string',
    description: '`connection-string` (AZURE_STORAGE_CONNECTION_STRING) or `service-principal` (AZURE_CLIENT_ID, AZURE_TENANT_ID, AZURE_CLIENT_SECRET).',
    default: 'connection-string',
    enum: ['connection-string', 'service-principal'],
  },
  {
    name: 'azure-storage-account',
    type: 'string',
    description: 'Storage account name, set as AZURE_STORAGE_ACCOUNT for DVC (service principal auth needs it unless the DVC remote sets `account_name`); empty: from the DVC remote config.',
    default: '',
    pattern: '^[a-z0-9]{3,24}$',
    emptyAllowed: true,
    patternHint: 'empty or a storage account name of 3 to 24 lower-case letters and digits',
  },
];

export function appliesTo(def: InputDef, provider: Provider): boolean {
  return !def.providers || def.providers.includes(provider);
}

export function defaultOf(def: InputDef, provider: Provider): InputDef['default'] {
  return def.defaults?.[provider] ?? def.default;
}

export function pinnedUse(def: InputDef, provider: Provider): PinnedUse {
  return def.pinned?.[provider] ?? 'input';
}

const GUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

export const AZURE_KEYLESS_INPUTS: readonly InputDef[] = [
  {
    name: 'azure-client-id',
    type: 'string',
    description: 'Application (client) ID of the Entra ID app registration or user-assigned managed identity with a federated credential for this repository.',
    pattern: GUID,
    patternHint: 'a client ID such as 00000000-0000-0000-0000-000000000000',
    example: '11111111-2222-3333-4444-555555555555',
  },
  {
    name: 'azure-tenant-id',
    type: 'string',
    description: 'Directory (tenant) ID of that identity.',
    pattern: GUID,
    patternHint: 'a tenant ID such as 00000000-0000-0000-0000-000000000000',
    example: '66666666-7777-8888-9999-000000000000',
  },
  AZURE_INPUTS.find((d) => d.name === 'azure-storage-account')!,
];
