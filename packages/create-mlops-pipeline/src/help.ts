export const HELP = `create-mlops-pipeline: write a CI pipeline that runs your DVC experiment (dvc pull + dvc repro).

Usage
  npm create mlops-pipeline@latest [dir] -- [options]
  create-mlops-pipeline [dir] [options]          inspect the repo, ask what is missing, write the pipeline
  create-mlops-pipeline upgrade [dir] [options]  re-render a generated pipeline with the installed templates
  create-mlops-pipeline fleet <dir>... [options] table of pipelines, versions and lint errors across checkouts

[dir] is an existing DVC project (default: the current directory, or the project above it). It is
inspected first: provider from the git remote or CI files; DVC remote from .dvc/config; DVC version and
what to install from requirements*.txt, pyproject.toml and lock files; Python from .python-version,
.tool-versions, pyproject.toml, runtime.txt or environment.yml; branch from git. Prompts appear only on a terminal; elsewhere pass flags (or --yes).

Options
  --provider github|gitlab   CI provider (default: from the git remote or existing CI files)
  --remote <kind>            gcs | gcs-keyless | s3 | s3-keyless | minio | azure | none
                             (default: from the default remote in .dvc/config)
  --keyless                  keyless auth for gcs/s3 (OIDC / Workload Identity Federation)
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
  --dry-run                  print what would be written (the file on stdout), write nothing
  --lint, --no-lint          lint with mlops-lint (default: on when writing, off on --dry-run)
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

Exit codes
  0 success   1 failed (nothing written)   2 usage: bad flag or a value that must be passed   130 cancelled
`;
