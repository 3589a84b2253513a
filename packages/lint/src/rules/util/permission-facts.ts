/**
 * What needs which `GITHUB_TOKEN` write scope, one fact per row with where it is documented.
 * The permissions rule reports a granted write scope as unneeded only when no fact listing that
 * scope matches the job; a scope no fact lists is always assumed needed (never a guess that
 * turns into "not needed").
 */

export interface PermissionFact {
  /** What the job does, as shown in the docs table. */
  what: string;
  /** Matched against the job's `uses:`, `with:`, `env:` and scripts. */
  pattern: RegExp;
  /** Write scopes it needs. */
  scopes: readonly string[];
  /** Where the need is documented. */
  source: string;
}

const CONTENTS = 'https://docs.github.com/en/rest/authentication/permissions-required-for-fine-grained-personal-access-tokens#repository-permissions-for-contents';
const CML_COMMENT = 'https://cml.dev/doc/ref/comment';
const OIDC = 'https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect#adding-permissions-settings';
/** `cml`, also run through npx (`npx @dvcorg/cml@0.20.6 comment create`). */
const CML = String.raw`(?:\bcml|@dvcorg\/cml(?:@\S+)?)`;
const cml = (rest: string): RegExp => new RegExp(`${CML} ${rest}`);

const ALL_API = ['contents', 'pull-requests', 'issues', 'checks', 'statuses', 'actions', 'packages', 'pages', 'deployments', 'discussions', 'security-events', 'repository-projects'];

export const PERMISSION_FACTS: readonly PermissionFact[] = [
  { what: '`git push`, `git tag`', pattern: /git push|git tag/, scopes: ['contents'], source: CONTENTS },
  { what: '`dvc exp push` (pushes experiment refs to git)', pattern: /dvc exp(eriments)? push/, scopes: ['contents'], source: 'https://dvc.org/doc/command-reference/exp/push' },
  { what: 'stefanzweifel/git-auto-commit-action, EndBug/add-and-commit', pattern: /auto-commit|add-and-commit/, scopes: ['contents'], source: 'https://github.com/stefanzweifel/git-auto-commit-action#usage' },
  { what: '`cml pr` (pushes a branch, opens a pull request)', pattern: cml(String.raw`pr\b`), scopes: ['contents', 'pull-requests'], source: 'https://cml.dev/doc/ref/pr' },
  { what: '`cml comment create` / `update` (a pull-request comment, or a commit comment on a push)', pattern: new RegExp(`${cml('comment').source}|cml-send-comment`), scopes: ['pull-requests', 'issues', 'contents'], source: CML_COMMENT },
  { what: '`cml check create`', pattern: cml('check'), scopes: ['checks'], source: 'https://cml.dev/doc/ref/check' },
  { what: 'peter-evans/create-pull-request', pattern: /create-pull-request/, scopes: ['contents', 'pull-requests'], source: 'https://github.com/peter-evans/create-pull-request#workflow-permissions' },
  { what: '`gh release`, softprops/action-gh-release', pattern: /gh release|action-gh-release/, scopes: ['contents'], source: CONTENTS },
  { what: 'peaceiris/actions-gh-pages (pushes the pages branch)', pattern: /actions-gh-pages/, scopes: ['contents'], source: 'https://github.com/peaceiris/actions-gh-pages#%EF%B8%8F-first-deployment-with-github_token' },
  { what: 'changesets/action', pattern: /changesets\/action/, scopes: ['contents', 'pull-requests', 'id-token'], source: 'https://github.com/changesets/action#usage' },
  { what: 'semantic-release', pattern: /semantic-release/, scopes: ['contents', 'issues', 'pull-requests', 'id-token'], source: 'https://semantic-release.gitbook.io/semantic-release/recipes/ci-configurations/github-actions' },
  { what: '`gh pr …`', pattern: /gh pr\b/, scopes: ['pull-requests'], source: 'https://cli.github.com/manual/gh_pr' },
  { what: '`gh issue …`, `gh label …`, create-an-issue', pattern: /gh (issue|label)\b|create-(an-)?issue/, scopes: ['issues'], source: 'https://cli.github.com/manual/gh_issue' },
  { what: '`gh api`, actions/github-script (any REST call)', pattern: /gh api\b|github-script/, scopes: ALL_API, source: 'https://docs.github.com/en/rest' },
  { what: 'an OIDC login: google-github-actions/auth `workload_identity_provider`, aws-actions/configure-aws-credentials `role-to-assume`, azure/login', pattern: /workload_identity_provider|role-to-assume|azure\/login|ACTIONS_ID_TOKEN|oidc/i, scopes: ['id-token'], source: OIDC },
  { what: 'pypa/gh-action-pypi-publish (trusted publishing), sigstore, actions/attest*, `npm publish --provenance`', pattern: /gh-action-pypi-publish|sigstore|attest|--provenance/, scopes: ['id-token'], source: 'https://docs.pypi.org/trusted-publishers/using-a-publisher/' },
  { what: 'actions/deploy-pages', pattern: /deploy-pages/, scopes: ['pages', 'id-token'], source: 'https://github.com/actions/deploy-pages#usage' },
  { what: 'a push to ghcr.io, `docker push`, docker/build-push-action, `npm publish`', pattern: /ghcr\.io|docker push|build-push-action|npm publish|packages/, scopes: ['packages'], source: 'https://docs.github.com/en/packages/managing-github-packages-using-github-actions-workflows/publishing-and-installing-a-package-with-github-actions#authenticating-to-package-registries-on-github' },
  { what: 'a check-run reporter (dorny/test-reporter, …)', pattern: /check-run|test-reporter|checks/, scopes: ['checks'], source: 'https://docs.github.com/en/rest/checks/runs#create-a-check-run' },
  { what: 'a commit status', pattern: /status/, scopes: ['statuses'], source: 'https://docs.github.com/en/rest/commits/statuses#create-a-commit-status' },
  { what: 'a GitHub Pages build', pattern: /pages/, scopes: ['pages'], source: 'https://docs.github.com/en/rest/pages/pages' },
  { what: '`gh run` / `workflow` / `cache`, an action of the actions/ organisation', pattern: /gh (run|workflow|cache)\b|actions\//, scopes: ['actions'], source: 'https://docs.github.com/en/rest/actions' },
  { what: 'a SARIF upload (github/codeql-action/upload-sarif)', pattern: /codeql|sarif/, scopes: ['security-events'], source: 'https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/uploading-a-sarif-file-to-github#uploading-a-code-scanning-analysis-with-github-actions' },
];

const KNOWN_SCOPES = new Set(PERMISSION_FACTS.filter((f) => f.scopes !== ALL_API).flatMap((f) => f.scopes));

/** Whether a job doing `text` needs `write` on `scope`: true for any scope no fact describes. */
export function needsWrite(text: string, scope: string): boolean {
  if (!KNOWN_SCOPES.has(scope)) return true;
  return PERMISSION_FACTS.some((f) => f.scopes.includes(scope) && f.pattern.test(text));
}

/** The facts as a Markdown table (docs). */
export function permissionFactsTable(): string {
  return ['| the job runs | needs `write` on | source |', '|---|---|---|', ...PERMISSION_FACTS.map((f) => `| ${f.what} | ${f.scopes === ALL_API ? 'any scope' : f.scopes.map((s) => `\`${s}\``).join(', ')} | <${f.source}> |`)].join('\n');
}
