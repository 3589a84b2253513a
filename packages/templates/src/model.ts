/**
 * The provider-neutral model of a template: shared DVC steps and, per remote,
 * how each provider authenticates. Script lines may hold `@{input-name}`
 * tokens; each renderer resolves them (a literal value when vendored, an
 * environment variable fed from the input when pinned).
 */
import type { ActionKey } from './actions.js';
import type { InputDef } from './inputs.js';
import type { RemoteKind, SecretRequirement } from './types.js';

/** One input has a value (`equals`) or none of some values (`notIn`). */
export type InputCondition = { input: string; equals: string | boolean } | { input: string; notIn: readonly string[] };

/** A step or job runs only when an input condition holds, or all of several (`all`). */
export type Condition = InputCondition | { all: readonly InputCondition[] };

/** The input conditions a condition is made of (all of them must hold). */
export function conditionParts(cond: Condition): readonly InputCondition[] {
  return 'all' in cond ? cond.all : [cond];
}

export interface ScriptStep {
  id: string;
  name: string;
  lines: string[];
  when?: Condition;
  /** The step talks to the DVC remote and gets the remote credentials. */
  usesRemote?: boolean;
  /** GitLab: keep the lines together as one script entry (a shell block). */
  block?: boolean;
  /** Only in the published reusable workflow / component (a vendored file has its values checked when rendered). */
  publishedOnly?: boolean;
  /** GitHub: environment of this step only (values `secret:NAME` or literal). */
  env?: Record<string, string>;
  /**
   * A folder, relative to the working directory, put first on PATH for the rest of the job
   * (GitHub: `$GITHUB_PATH`, read by the next steps; GitLab: `export PATH`, one shell).
   */
  addToPath?: string;
}

/** GitHub: an action step (`with:` values may hold `@{input}` tokens or `secret:NAME`). */
export interface GithubActionStep {
  name: string;
  action: ActionKey;
  with: Record<string, string>;
  when?: Condition;
}

export interface GithubAuth {
  /** Needs `id-token: write` (OIDC). */
  idToken: boolean;
  steps: GithubActionStep[];
  /** Script steps run after the action steps (e.g. write a credentials file under `$RUNNER_TEMP`). */
  scripts?: ScriptStep[];
  /** Script steps run at the end of the job, whatever happened (`if: always()`): remove credentials files. */
  cleanup?: ScriptStep[];
  /** Environment of the steps that use the remote; values `secret:NAME` or literal. */
  remoteEnv: Array<{ name: string; value: string; when?: Condition }>;
}

export interface GitlabAuth {
  /** `id_tokens` entries: name → audience (may hold `@{input}` tokens). */
  idTokens: Record<string, string>;
  /** Job variables (values may reference CI variables such as `$CI_JOB_ID`, or `@{input}` tokens). */
  variables: Record<string, string>;
  /** Lines run before DVC touches the remote (write credentials files). */
  setup: string[];
  /** Conditional steps run after `setup` (e.g. keep only the variables of the chosen auth mode). */
  steps?: ScriptStep[];
  /** Lines run in `after_script` (remove credentials files). */
  cleanup: string[];
}

export interface TemplateDef {
  name: string;
  remote: RemoteKind;
  title: string;
  description: string;
  /** pip extra of DVC for the remote (`gs`, `s3`, `azure`); undefined: plain `dvc`. */
  dvcExtra?: string;
  inputs: readonly InputDef[];
  secrets: { github: SecretRequirement[]; gitlab: SecretRequirement[] };
  /** Extra steps run before DVC pulls (both providers), e.g. pointing the remote at an endpoint. */
  prepare: ScriptStep[];
  github: GithubAuth;
  gitlab: GitlabAuth;
}

/**
 * The job's own check of inputs the platform cannot check: inputs whose empty
 * value means "not set" (GitLab's `regex` never accepts an empty string).
 * POSIX ERE, one `grep -x` per value; the message names the input, not the value.
 */
export function inputChecks(inputs: readonly InputDef[]): ScriptStep[] {
  const checked = inputs.filter((d) => d.emptyAllowed && d.pattern !== undefined);
  if (checked.length === 0) return [];
  return [
    {
      id: 'check-inputs',
      name: 'Check the inputs',
      publishedOnly: true,
      lines: checked.map(
        (d) =>
          `if [ -n "@{${d.name}}" ] && printf '%s\\n' "@{${d.name}}" | grep -Eqvx '${d.pattern!}'; then echo 'mlops-pipeline: input "${d.name}" must be ${(d.patternHint ?? `matching ${d.pattern!}`)/* no quotes or backticks inside the single-quoted message */ .replace(/[`']/g, '')}' >&2; exit 1; fi`,
      ),
    },
  ];
}

/** The folder, in the working directory, where the experiment job keeps its results. */
export const RESULTS_DIR = 'dvc-results';

/**
 * Keeps what the experiment produced for people to look at: the metrics (`dvc metrics show`)
 * and the plots declared in dvc.yaml rendered to HTML (`dvc plots show`), uploaded as an artifact.
 */
export const RESULTS_STEP: ScriptStep = {
  id: 'results',
  name: 'Collect metrics and plots (dvc metrics show, dvc plots show)',
  block: true,
  lines: [
    `mkdir -p ${RESULTS_DIR}`,
    `dvc metrics show --json > ${RESULTS_DIR}/metrics.json`,
    `dvc plots show --out ${RESULTS_DIR}/plots || echo "mlops-pipeline: no plots to keep (none declared in dvc.yaml)"`,
  ],
};

/** With `dvc-remote`, the named remote becomes the default of this checkout, for pull, `repro --pull` and push alike. */
export const REMOTE_DEFAULT_STEP: ScriptStep = {
  id: 'remote-default',
  name: 'Use the DVC remote named by dvc-remote',
  lines: ['dvc remote default --local "@{dvc-remote}"'],
  when: { input: 'dvc-remote', notIn: [''] },
};

/** The Poetry and uv releases installed with pip when `installer` names them. */
export const INSTALLER_VERSIONS = { poetry: '2.1.3', uv: '0.7.13' } as const;

/** The project's own environment (Poetry in-project virtualenv, uv's default project environment). */
const PROJECT_VENV = '.venv';

const SEPARATE: InputCondition = { input: 'pull-strategy', equals: 'separate' };
const CACHE: InputCondition = { input: 'dvc-cache', equals: true };
const NO_CACHE: InputCondition = { input: 'dvc-cache', equals: false };

/**
 * GitLab: with `dvc-cache`, DVC keeps its cache in this folder of the checkout (the job's `cache:`
 * path): declared in every component, it stays empty, and GitLab keeps nothing, unless the input is on.
 */
export const GITLAB_DVC_CACHE_DIR = '.cache/dvc';

/** GitLab: points DVC's cache at the folder the job's `cache:` keeps. */
export const GITLAB_DVC_CACHE_STEP: ScriptStep = {
  id: 'dvc-cache-dir',
  name: 'Keep the DVC cache where the job cache is',
  lines: [`dvc cache dir --local "$CI_PROJECT_DIR/${GITLAB_DVC_CACHE_DIR}"`],
  when: CACHE,
};

/** The DVC steps every template runs, in order. */
export function dvcSteps(dvcExtra: string | undefined): { install: ScriptStep[]; run: ScriptStep[]; push: ScriptStep[] } {
  const pkg = `"${dvcExtra ? `dvc[${dvcExtra}]` : 'dvc'}==@{dvc-version}"`;
  const pip = (c: InputCondition): Condition => ({ all: [{ input: 'installer', equals: 'pip' }, c] });
  // `requirements` (pip): a requirements file, `pyproject.toml` (install the project) or empty (DVC only).
  // Poetry and uv install the locked dependencies into `.venv`; DVC at `dvc-version` is added to that
  // environment afterwards (replacing a DVC the lock file may hold), and `.venv/bin` leads PATH.
  return {
    install: [
      {
        id: 'install',
        name: 'Install requirements, then DVC',
        // Two installs: a requirements file with `--hash` lines puts pip in hash-checking mode,
        // which rejects an unhashed `dvc==…` argument given in the same command.
        lines: [`python -m pip install -r "@{requirements}"`, `python -m pip install ${pkg}`, 'dvc version'],
        when: pip({ input: 'requirements', notIn: ['', 'pyproject.toml'] }),
      },
      { id: 'install-project', name: 'Install the project and DVC', lines: [`python -m pip install . ${pkg}`, 'dvc version'], when: pip({ input: 'requirements', equals: 'pyproject.toml' }) },
      { id: 'install-dvc', name: 'Install DVC', lines: [`python -m pip install ${pkg}`, 'dvc version'], when: pip({ input: 'requirements', equals: '' }) },
      {
        id: 'install-poetry',
        name: 'Install the locked dependencies (Poetry), then DVC',
        lines: [
          `python -m pip install "poetry==${INSTALLER_VERSIONS.poetry}"`,
          'POETRY_VIRTUALENVS_IN_PROJECT=true poetry install --no-root --no-interaction',
          `${PROJECT_VENV}/bin/python -m pip install ${pkg}`,
          `${PROJECT_VENV}/bin/dvc version`,
        ],
        when: { input: 'installer', equals: 'poetry' },
        addToPath: `${PROJECT_VENV}/bin`,
      },
      {
        id: 'install-uv',
        name: 'Install the locked dependencies (uv), then DVC',
        lines: [
          `python -m pip install "uv==${INSTALLER_VERSIONS.uv}"`,
          'uv sync --frozen',
          `uv pip install --python ${PROJECT_VENV}/bin/python ${pkg}`,
          `${PROJECT_VENV}/bin/dvc version`,
        ],
        when: { input: 'installer', equals: 'uv' },
        addToPath: `${PROJECT_VENV}/bin`,
      },
    ],
    run: [
      { id: 'pull', name: 'Pull data and models (dvc pull)', lines: ['dvc pull'], when: { all: [SEPARATE, NO_CACHE] }, usesRemote: true },
      // The run-cache holds the outputs of stage runs by their dependencies: `dvc repro` restores them instead of running the stage.
      { id: 'pull-run-cache', name: 'Pull data, models and the run-cache (dvc pull --run-cache)', lines: ['dvc pull --run-cache'], when: { all: [SEPARATE, CACHE] }, usesRemote: true },
      { id: 'repro', name: 'Reproduce the pipeline (dvc repro)', lines: ['dvc repro'], when: { input: 'pull-strategy', equals: 'separate' } },
      { id: 'repro-pull', name: 'Reproduce the pipeline, pulling what it needs (dvc repro --pull)', lines: ['dvc repro --pull'], when: { input: 'pull-strategy', equals: 'with-repro' }, usesRemote: true },
    ],
    push: [
      {
      id: 'push',
      name: 'Push results (dvc push)',
      block: true,
      // Outputs whose dvc.lock is not committed would be orphans in the remote: nobody could pull them.
      lines: [
        'if [ -n "$(git status --porcelain -- dvc.lock)" ]; then',
        '  echo "mlops-pipeline: dvc repro changed dvc.lock, so the results do not match any commit: nothing was pushed. Run dvc repro locally, commit dvc.lock and push the commit." >&2',
        '  git --no-pager diff --stat -- dvc.lock >&2 || true',
        '  exit 1',
        'fi',
        'dvc push',
      ],
      when: { input: 'push', equals: true },
      usesRemote: true,
      },
      // After the data: the run-cache entries of the stages `dvc repro` ran.
      { id: 'push-run-cache', name: 'Push the run-cache (dvc push --run-cache)', lines: ['dvc push --run-cache'], when: { all: [{ input: 'push', equals: true }, CACHE] }, usesRemote: true },
    ],
  };
}

/**
 * Report script: metrics, params and plots diff against the target branch, posted with CML;
 * `baseVar` is the environment variable naming that branch and `runUrlVar` the one holding the
 * address of the run, whose artifacts keep the plots (`dvc plots diff` renders them to HTML,
 * which a pull/merge request comment cannot show).
 * `fetchBase`: fetch the target branch first (GitLab merge request pipelines fetch only the
 * merge request ref; GitHub's full-history checkout already has every branch, and its clone
 * keeps no credentials to fetch with).
 */
export function reportStep(fetchBase: boolean, baseVar: string, runUrlVar: string): ScriptStep {
  return {
    id: 'report',
    name: 'Post the metrics diff (CML)',
    block: true,
    lines: [
      ...(fetchBase ? [`git fetch --no-tags origin "+refs/heads/\${${baseVar}}:refs/remotes/origin/\${${baseVar}}"`] : []),
      `mkdir -p ${RESULTS_DIR}`,
      `plots="no plots are declared in dvc.yaml"`,
      `if dvc plots diff "origin/\${${baseVar}}" --out ${RESULTS_DIR}/plots-diff && [ -f ${RESULTS_DIR}/plots-diff/index.html ]; then plots="${RESULTS_DIR}/plots-diff/index.html in the artifacts of \${${runUrlVar}}"; fi`,
      '{',
      `  echo "## DVC metrics: this change vs \${${baseVar}}"`,
      `  dvc metrics diff --md "origin/\${${baseVar}}"`,
      '  echo',
      '  echo "## Parameters"',
      `  dvc params diff --md "origin/\${${baseVar}}"`,
      '  echo',
      '  echo "## Plots"',
      `  echo "This change and \${${baseVar}} side by side: \${plots}"`,
      '} > dvc-report.md',
      // On the pull/merge request only (never a commit comment, which needs write access to the
      // repository), and one comment per pull/merge request, updated on each push.
      'cml comment update --target=pr dvc-report.md',
    ],
  };
}
