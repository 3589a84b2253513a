/** `mlops-lint --help`. */
export const HELP = `mlops-lint: the linter for ML pipelines in CI (GitHub Actions and GitLab CI running DVC and CML)

Usage: mlops-lint [options] [file|dir|-]...

With no files, lints the CI files of the current repository:
.github/workflows/*.{yml,yaml}, action.yml, .gitlab-ci.yml and its local includes.

Options:
  -f, --format <name>       stylish (default), json, sarif, gitlab, github
      --max-warnings <n>    exit 1 when there are more than n warnings (--max-warnings=-1: no limit)
      --provider <name>     treat files as github or gitlab instead of detecting it
  -c, --config <file>       use this config file instead of the nearest .mlops-lint.yaml
      --no-config           ignore .mlops-lint.yaml files
      --strict              stricter checks (e.g. actions pinned to full commit SHAs)
      --fix                 apply safe fixes to the files in place
      --fix-dry-run         print the fixes as a unified diff, change nothing
      --stdin-filename <f>  name (and provider) of the file read from "-"
  -q, --quiet               report errors only
      --color, --no-color   force or disable colours (default: on for a terminal, off with NO_COLOR)
      --list-rules          list the rules (id, severity, fixable, description)
  -h, --help                show this help
  -v, --version             show the version

Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 usage, config or IO error.

Examples:
  mlops-lint                                    lint this repository's CI files
  mlops-lint .github/workflows/train.yml        lint one workflow
  mlops-lint --format sarif > mlops-lint.sarif  SARIF for GitHub code scanning
  mlops-lint --format gitlab > gl-code-quality-report.json
  mlops-lint --fix-dry-run                      preview the safe fixes
  cat .gitlab-ci.yml | mlops-lint - --stdin-filename .gitlab-ci.yml

Rules: https://github.com/mlops-pipeline/mlops-pipeline/blob/main/packages/lint/docs/rules/README.md
`;
