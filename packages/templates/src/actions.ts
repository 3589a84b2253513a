/**
 * GitHub actions the templates use, each at a full version tag, with the
 * commit SHA of that tag where it is verified. `pin-actions: sha` writes
 * `owner/repo@<sha> # v1.2.3`; a step whose action has no verified SHA is
 * replaced in that mode (CML is then installed with npm at CML_VERSION), so
 * every `uses:` of a SHA-pinned file is a full commit SHA.
 */
export type ActionKey = 'checkout' | 'setup-python' | 'gcp-auth' | 'aws-credentials' | 'setup-cml';

export interface ActionPin {
  repo: string;
  version: string;
  /** Commit the version tag points to. */
  sha?: string;
}

export const ACTIONS: Readonly<Record<ActionKey, ActionPin>> = {
  checkout: { repo: 'actions/checkout', version: 'v5.0.0', sha: '08c6903cd8c0fde910a37f88322edcfb5dd907a8' },
  'setup-python': { repo: 'actions/setup-python', version: 'v6.0.0', sha: 'e797f83bcb11b83ae66e0230d6156d7c80228e7c' },
  'gcp-auth': { repo: 'google-github-actions/auth', version: 'v3.0.0', sha: '7c6bc770dae815cd3e89ee6cdf493a5fab2cc093' },
  'aws-credentials': { repo: 'aws-actions/configure-aws-credentials', version: 'v5.0.0', sha: 'a03048d87541d1d9fcf2ecf528a4a65ba9bd7838' },
  'setup-cml': { repo: 'iterative/setup-cml', version: 'v2.0.1' },
};

/** The exact CML release installed by setup-cml (GitHub) or npm (GitLab). */
export const CML_VERSION = '0.20.6';

export type PinStyle = 'version' | 'sha';

/** `uses:` value for an action; `comment` is the version to note next to a SHA. */
export function actionRef(key: ActionKey, style: PinStyle): { uses: string; comment?: string } {
  const pin = ACTIONS[key];
  if (style === 'sha' && pin.sha) return { uses: `${pin.repo}@${pin.sha}`, comment: pin.version };
  return { uses: `${pin.repo}@${pin.version}` };
}
