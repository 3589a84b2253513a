/**
 * GitHub actions the templates use, each at a full version tag and the commit
 * SHA of that tag. `pin-actions: sha` (the default, and always in the published
 * reusable workflows) writes `owner/repo@<sha> # v1.2.3`.
 *
 * Every SHA below was checked against the action's own repository (git data
 * with tags): `git rev-parse "refs/tags/<version>^{commit}"` printed this SHA,
 * and `git show <sha>:action.yml` declares the runtime noted.
 *
 * | action                                | tag    | commit of the tag                          | runtime |
 * | ------------------------------------- | ------ | ------------------------------------------ | ------- |
 * | actions/checkout                      | v5.0.0 | 08c6903cd8c0fde910a37f88322edcfb5dd907a8 | node24  |
 * | actions/setup-python                  | v6.0.0 | e797f83bcb11b83ae66e0230d6156d7c80228e7c | node24  |
 * | aws-actions/configure-aws-credentials | v6.2.3 | e6de054238d6b7531b4efff3b6587d9aade6a06c | node24  |
 * | actions/upload-artifact               | v7.0.0 | bbbca2ddaa5d8feaa63e36b76fdaad77386f024f | node24  |
 * | actions/cache                         | v5.0.5 | 27d5ce7f107fe9357f9df03efb73ab90386fccae | node24  |
 *
 * Not used: iterative/setup-cml (node16, unsupported: CML is installed with
 * npm at CML_VERSION) and google-github-actions/auth (it writes its
 * credentials file into the workspace, where user code runs: the templates
 * write theirs under `$RUNNER_TEMP`).
 */
export type ActionKey = 'checkout' | 'setup-python' | 'aws-credentials' | 'upload-artifact' | 'cache';

export interface ActionPin {
  repo: string;
  version: string;
  /** Commit the version tag points to. */
  sha: string;
}

export const ACTIONS: Readonly<Record<ActionKey, ActionPin>> = {
  checkout: { repo: 'actions/checkout', version: 'v5.0.0', sha: '08c6903cd8c0fde910a37f88322edcfb5dd907a8' },
  'setup-python': { repo: 'actions/setup-python', version: 'v6.0.0', sha: 'e797f83bcb11b83ae66e0230d6156d7c80228e7c' },
  'aws-credentials': { repo: 'aws-actions/configure-aws-credentials', version: 'v6.2.3', sha: 'e6de054238d6b7531b4efff3b6587d9aade6a06c' },
  'upload-artifact': { repo: 'actions/upload-artifact', version: 'v7.0.0', sha: 'bbbca2ddaa5d8feaa63e36b76fdaad77386f024f' },
  cache: { repo: 'actions/cache', version: 'v5.0.5', sha: '27d5ce7f107fe9357f9df03efb73ab90386fccae' },
};

/** The exact CML release installed with npm. */
export const CML_VERSION = '0.20.6';

export type PinStyle = 'version' | 'sha';

/** `uses:` value for an action; `comment` is the version to note next to a SHA. */
export function actionRef(key: ActionKey, style: PinStyle): { uses: string; comment?: string } {
  const pin = ACTIONS[key];
  if (style === 'sha') return { uses: `${pin.repo}@${pin.sha}`, comment: pin.version };
  return { uses: `${pin.repo}@${pin.version}` };
}
