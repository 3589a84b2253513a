import type { Provider, RemoteKind, SecretRequirement } from '@mlops-pipeline/templates';

export interface NextStepsInput {
  provider: Provider;
  remote: RemoteKind;
  secrets: SecretRequirement[];
  /** Files written, relative to the repo. */
  files: string[];
  /** `owner/repo` or `group/project`, when known from the git remote. */
  slug?: string;
  branch: string;
  /** Template inputs (keyless: the service account / provider / role the set-up refers to). */
  inputs?: Record<string, unknown>;
}

/** The local file a secret's value usually comes from (a service-account key); undefined: a typed value. */
function valueFile(secret: SecretRequirement): string | undefined {
  if (/SERVICE_ACCOUNT|CREDENTIALS|_JSON$/.test(secret.name) || /json/i.test(secret.description)) return 'google-service-account-key.json';
  return undefined;
}

function githubSecretCommands(secrets: SecretRequirement[]): string[] {
  const out: string[] = [];
  for (const s of secrets) {
    const file = valueFile(s);
    const optional = s.required ? '' : '   # optional';
    out.push(file ? `gh secret set ${s.name} < ${file}${optional}` : `gh secret set ${s.name}${optional}   # paste the value when asked`);
  }
  return out;
}

function gitlabVariableCommands(secrets: SecretRequirement[]): string[] {
  const out: string[] = [];
  for (const s of secrets) {
    const file = valueFile(s);
    const flags = s.masked ? ' --masked' : '';
    const value = s.base64 ? `"$(base64 -w0 ${file ?? 'value.txt'})"` : file ? `"$(cat ${file})"` : '"<value>"';
    out.push(`glab variable set ${s.name}${flags} --value ${value}${s.required ? '' : '   # optional'}`);
  }
  return out;
}

function str(inputs: Record<string, unknown> | undefined, name: string): string | undefined {
  const v = inputs?.[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function keylessSteps(provider: Provider, remote: RemoteKind, slug: string, branch: string, inputs?: Record<string, unknown>): string[] {
  const issuer = provider === 'github' ? 'https://token.actions.githubusercontent.com' : 'https://gitlab.com';
  if (remote === 'gcs-keyless') {
    const attr = provider === 'github' ? 'repository' : 'project_path';
    const wif = /^projects\/(\d+)\/locations\/global\/workloadIdentityPools\/([^/]+)\/providers\/([^/]+)$/.exec(str(inputs, 'workload-identity-provider') ?? '');
    const [projectNumber, pool, prov] = wif ? [wif[1], wif[2], wif[3]] : ['PROJECT_NUMBER', 'mlops-ci', provider];
    const sa = str(inputs, 'service-account') ?? 'SA_NAME@PROJECT_ID.iam.gserviceaccount.com';
    return [
      'Keyless auth: let the CI identity impersonate the service account (Workload Identity Federation):',
      `  gcloud iam workload-identity-pools create ${pool} --location=global`,
      `  gcloud iam workload-identity-pools providers create-oidc ${prov} --location=global \\`,
      `    --workload-identity-pool=${pool} --issuer-uri=${issuer} \\`,
      `    --attribute-mapping=google.subject=assertion.sub,attribute.${attr}=assertion.${attr} \\`,
      `    --attribute-condition="assertion.${attr}=='${slug}'"`,
      `  gcloud iam service-accounts add-iam-policy-binding ${sa} \\`,
      '    --role=roles/iam.workloadIdentityUser \\',
      `    --member="principalSet://iam.googleapis.com/projects/${projectNumber}/locations/global/workloadIdentityPools/${pool}/attribute.${attr}/${slug}"`,
      '  Give the service account read access to the DVC bucket (roles/storage.objectViewer).',
    ];
  }
  const role = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(.+)$/.exec(str(inputs, 'role-to-assume') ?? '');
  const account = role?.[1] ?? 'ACCOUNT_ID';
  const host = provider === 'github' ? 'token.actions.githubusercontent.com' : 'gitlab.com';
  const sub = provider === 'github' ? `repo:${slug}:ref:refs/heads/${branch}` : `project_path:${slug}:ref_type:branch:ref:${branch}`;
  const aud = provider === 'github' ? 'sts.amazonaws.com' : 'https://gitlab.com';
  return [
    'Keyless auth: let the CI identity assume an IAM role (OIDC):',
    `  aws iam create-open-id-connect-provider --url https://${host} --client-id-list ${aud}`,
    `  Give the role ${role?.[2] ?? 'ROLE_NAME'} a trust policy that allows sts:AssumeRoleWithWebIdentity for`,
    `    Federated: arn:aws:iam::${account}:oidc-provider/${host}`,
    `    Condition: StringEquals ${host}:aud = ${aud}`,
    `               StringLike   ${host}:sub = ${sub}`,
    '  and attach a policy with s3:GetObject and s3:ListBucket on the DVC bucket.',
  ];
}

/**
 * Secrets that apply to the rendered inputs: an optional secret described as "(with `input: value`)"
 * is only listed when that input has that value (e.g. REPO_TOKEN only with `cml: true`).
 */
export function applicableSecrets(secrets: SecretRequirement[], inputs: Record<string, unknown> | undefined): SecretRequirement[] {
  return secrets.filter((s) => {
    if (s.required || !inputs) return true;
    const m = /\(with `([\w-]+): ([\w.-]+)`\)/.exec(s.description);
    if (!m) return true;
    const value = inputs[m[1] as string];
    return value !== undefined && String(value) === m[2];
  });
}

/** The exact steps after writing: secrets/variables to create (copy-paste commands), then commit and push. */
export function nextSteps(input: NextStepsInput): string {
  const { provider, remote, files, branch } = input;
  const secrets = applicableSecrets(input.secrets, input.inputs);
  const slug = input.slug ?? (provider === 'github' ? 'OWNER/REPO' : 'GROUP/PROJECT');
  const lines: string[] = [];
  let n = 1;
  if (remote.endsWith('-keyless')) {
    lines.push(`${n++}. ${keylessSteps(provider, remote, slug, branch, input.inputs).join('\n   ')}`);
  }
  if (secrets.length > 0) {
    if (provider === 'github') {
      lines.push(
        `${n++}. Create the repository secrets (Settings › Secrets and variables › Actions), or with the GitHub CLI:`,
        ...githubSecretCommands(secrets).map((c) => `     ${c}`),
      );
    } else {
      const masked = secrets.filter((s) => s.masked).map((s) => s.name);
      const encoded = secrets.filter((s) => s.base64).map((s) => s.name);
      lines.push(`${n++}. Create the CI/CD variables (GitLab › Settings › CI/CD › Variables › Add variable):`);
      for (const s of secrets) {
        const file = valueFile(s);
        const value = s.base64 ? `the output of \`base64 -w0 ${file ?? 'value.txt'}\`` : file ? `the content of ${file}` : 'the value';
        lines.push(`     ${s.name}${s.required ? '' : ' (optional)'}: ${value}${s.masked ? '; tick "Masked"' : ''}`, `       ${s.description}`);
      }
      if (masked.length > 0) lines.push('   Masked keeps the value out of job logs; tick "Protected" too if the pipeline only runs on protected branches.');
      if (encoded.length > 0) lines.push('   base64 keeps the value maskable (a single line of allowed characters).');
      lines.push('   Or with the GitLab CLI:', ...gitlabVariableCommands(secrets).map((c) => `     ${c}`));
    }
  } else if (!remote.endsWith('-keyless')) {
    lines.push(`${n++}. No secrets to create: the ${remote === 'none' ? 'DVC remote needs no credentials' : 'template needs none'}.`);
  }
  lines.push(`${n}. Commit and push:`, `     git add ${files.join(' ')}`, '     git commit -m "Run the DVC pipeline in CI"', `     git push origin ${branch}`);
  return lines.join('\n');
}
