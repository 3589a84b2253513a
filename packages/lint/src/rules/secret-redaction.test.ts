/** A secret in a CI file is never printed back, in any output format. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatResults, lintFiles } from '../index.js';

// Fake credentials shaped like real ones.
const SECRETS = {
  awsId: 'AKIAIOSFODNN7EXAMPLE',
  awsSecret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  github: `ghp_${'Z9y8X7w6V5'.repeat(3)}u4T3s2`,
  gitlab: 'glpat-AbCdEfGhIjKlMnOpQrSt',
  slack: 'xoxb-123456789012-abcdefghijkl',
  azure: `AccountKey=${'Q'.repeat(43)}=`,
  password: 'correct-horse-battery-staple',
  pemBody: 'MIIEowIBAAKCAQEAx4Ul3vmS9kXh',
};

const GITHUB = `on: push
permissions:
  contents: read
env:
  AWS_ACCESS_KEY_ID: ${SECRETS.awsId}
  AWS_SECRET_ACCESS_KEY: ${SECRETS.awsSecret}
jobs:
  t:
    runs-on: ubuntu-24.04
    steps:
      - uses: some/action@v1
        with:
          token: ${SECRETS.github}
          password: ${SECRETS.password}
      - run: |
          curl -H "Authorization: Bearer ${SECRETS.slack}" https://slack.example.com
          echo "DefaultEndpointsProtocol=https;${SECRETS.azure}" > conn.txt
`;
const GITLAB = `variables:
  GITLAB_TOKEN: ${SECRETS.gitlab}
  DEPLOY_KEY: |
    -----BEGIN RSA PRIVATE KEY-----
    ${SECRETS.pemBody}
    -----END RSA PRIVATE KEY-----
train:
  script:
    - dvc remote modify --local storage password ${SECRETS.password}
`;

describe('secret redaction', () => {
  it.each(['stylish', 'json', 'sarif', 'gitlab', 'github'] as const)('%s output never contains a secret', async (format) => {
    const dir = mkdtempSync(join(tmpdir(), 'mlops-lint-redact-'));
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    writeFileSync(join(dir, '.github/workflows/ci.yml'), GITHUB);
    writeFileSync(join(dir, '.gitlab-ci.yml'), GITLAB);
    const results = await lintFiles([join(dir, '.github/workflows/ci.yml'), join(dir, '.gitlab-ci.yml')], { cwd: dir });
    const found = results.flatMap((r) => r.diagnostics).filter((d) => d.ruleId === 'secret-hardcoded');
    expect(found.length).toBeGreaterThanOrEqual(8);
    const out = formatResults(results, format);
    for (const [kind, value] of Object.entries(SECRETS)) {
      expect(out.includes(value), `${kind} printed in ${format}`).toBe(false);
      expect(out.includes(value.slice(4, 12)), `part of ${kind} printed in ${format}`).toBe(false);
    }
  });
});
