export const HELP = `create-mlops-pipeline: write a CI pipeline that runs your DVC experiment (dvc pull + dvc repro).

Usage
  npm create mlops-pipeline@latest [dir] -- [options]
  create-mlops-pipeline [dir] [options]          inspect the repo, ask what is missing, write the pipeline
  create-mlops-pipeline upgrade [dir] [options]  re-render a generated pipeline with the installed templates
  create-mlops-pipeline fleet <dir>... [options] table of pipelines, versions and lint errors across checkouts
  create-mlops-pipeline help [upgrade|fleet]     this help, or a command's own

[dir] is an existing DVC project (default: the current directory, or the project above it). It is
inspected first: provider from the git remote or CI files; DVC remote from .dvc/config; DVC version and
what to install from requirements*.txt, pyproject.toml and lock files; Python from .python-version,
.tool-versions, pyproject.toml, runtime.txt or environment.yml; branch from git. Prompts appear only on a terminal; elsewhere pass flags (or --yes).

Options
  --provider github|gitlab   CI provider (default: from the git remote or existing CI files)
  --remote <kind>            gcs | gcs-keyless | s3 | s3-keyless | minio | azure | azure-keyless |
                             gdrive | ssh | none
                             (default: from the default remote in .dvc/config)
  --remote-name <name>       the DVC remote to pull from, when .dvc/config has several and no default
  --keyless                  keyless auth for gcs/s3/azure (OIDC / workload identity federation)
  --python <version>         Python version, e.g. 3.12 (default: from the repo, else the template's)
  --dvc <version>            exact DVC version, e.g. 3.63.0 (default: the == pin in requirements/pyproject)
  --requirements <file>      what to pip install with DVC: a requirements file, pyproject.toml for
                             the project itself, or '' for DVC only (default: from the repo)
  --branch <name>            branch whose pushes run the pipeline (default: the git default branch)
  --cml, --no-cml            post a CML report on pull/merge requests (default: no)
  --mode vendored|pinned     vendored: the full file with a version header (default);
                             pinned: a thin caller of the published template at a version
  --source <repo>            pinned: GitHub owner/repo or GitLab project hosting the templates
  --ref <version>            pinned: version to pin, 1.2.3 (GitHub @v1.2.3, GitLab @1.2.3) or v1 on
                             GitHub (default: the installed templates)
  --input <name>=<value>     any template input (repeatable), e.g. --input push=true,
                             --input service-account=dvc@proj.iam.gserviceaccount.com (keyless)
  -y, --yes                  accept inferred values, never prompt
  -f, --force                overwrite an existing file (upgrade: also re-render a newer one)
  --gitlab-include           existing .gitlab-ci.yml: add an include: for the pipeline
                             (written to .gitlab/ci/mlops.yml) instead of replacing the file
  --replace-ci               remove GitHub workflows that already run dvc repro / CML, in the same write
                             (default: keep them; asked on a terminal)
  --dry-run                  the run without writing: same checks and exit code; the file on stdout
  --lint, --no-lint          lint with mlops-lint (default: on)
  --list                     list the templates and the DVC remotes they authenticate, then exit
  --json                     fleet: JSON output
  --fail-on-outdated         fleet: exit 1 when a pipeline uses older templates
  -h, --help                 show this help
  -v, --version              show the version

Examples
  npm create mlops-pipeline@latest
  npm create mlops-pipeline@latest ./my-ml-repo -- --yes
  create-mlops-pipeline --provider gitlab --remote s3 --python 3.12 --yes
  create-mlops-pipeline --yes --keyless --input role-to-assume=arn:aws:iam::123456789012:role/dvc-ci
  create-mlops-pipeline --yes --mode pinned --ref 1.2.0
  create-mlops-pipeline --yes --dry-run --lint > mlops.yml
  create-mlops-pipeline upgrade --dry-run
  create-mlops-pipeline fleet ../repo-a ../repo-b --fail-on-outdated
  create-mlops-pipeline --list

Exit codes
  0 success   1 failed (nothing written)   2 usage: bad flag or a value that must be passed   130 cancelled
`;

export const UPGRADE_HELP = `create-mlops-pipeline upgrade: re-render the generated pipeline of a checkout with the installed templates.

Usage
  create-mlops-pipeline upgrade [dir] [options]

The pipeline is found by its version header (vendored) or its pinned template reference. It is
re-rendered with the inputs recorded in its header, changed by the options below, and the diff is
shown. A file edited by hand since it was generated is not replaced without --force.

Options
  --python <version>         change the Python version
  --dvc <version>            change the DVC version
  --input <name>=<value>     change any template input (repeatable)
  --dry-run                  show the diff (stdout), write nothing
  -y, --yes                  write without asking
  -f, --force                replace a hand-edited file, or re-render a file newer than the templates
  -h, --help                 show this help

Exit codes
  0 up to date or upgraded   1 failed or refused (nothing written)   2 usage   130 cancelled
`;

export const FLEET_HELP = `create-mlops-pipeline fleet: one row per checkout: provider, template, mode, version, outdated, lint errors.

Usage
  create-mlops-pipeline fleet <dir>... [options]

A path that is not a checkout is reported in its row; the other paths are still inspected.

Options
  --json                     JSON output
  --fail-on-outdated         exit 1 when a pipeline uses older templates
  -h, --help                 show this help

Exit codes
  0 every path inspected   1 a path could not be inspected, or (--fail-on-outdated) a pipeline is outdated   2 usage
`;

/** The help of a command (`create` is the general help). */
export function helpFor(command: string | undefined): string {
  if (command === 'upgrade') return UPGRADE_HELP;
  if (command === 'fleet') return FLEET_HELP;
  return HELP;
}
