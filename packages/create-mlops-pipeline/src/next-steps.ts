import type { Provider, RemoteKind, SecretRequirement } from '@mlops-pipeline/templates';
import type { CloudContext } from './cloud-setup.js';
import { gcsKeylessSteps, gcsKeySteps, s3KeylessSteps, s3KeySteps } from './cloud-setup.js';
import { azureKeylessSteps, gdriveKeySteps, KNOWN_HOSTS_FILE, SSH_KEY_FILE, sshKeySteps } from './remote-setup.js';
import { safeHost, safeSlug, shellWord } from './shell.js';

export interface NextStepsInput {
  provider: Provider;
  remote: RemoteKind;
  /** The secrets / CI/CD variables the rendered pipeline reads (templates' requiredSecrets for its inputs). */
  secrets: SecretRequirement[];
  /** Files written, relative to the working directory. */
  files: string[];
  /** `owner/repo` or `group/project`, when known from the git remote. */
  slug?: string;
  /** GitLab host of the project (self-hosted or gitlab.com); default gitlab.com. */
  gitlabHost?: string;
  branch: string;
  /** The git remote to push to (default `origin`). */
  gitRemote?: string;
  /** Rendered template inputs (identity names, push, cml). */
  inputs?: Record<string, unknown>;
  /** URL of the DVC remote (for the bucket in the cloud commands). */
  remoteUrl?: string;
  /** Azure storage account of the DVC remote (`account_name` in .dvc/config). */
  storageAccount?: string;
  /** Secrets the repository's existing CI already reads, with the file reading them. */
  alreadyRead?: Record<string, string>;
}

/** The file a service-account key goes to (the name the commands use throughout). */
export const KEY_FILE = 'key.json';

const AZURE_CONNECTION_STRING = 'az storage account show-connection-string --name STORAGE_ACCOUNT --query connectionString --output tsv';

/** Where a secret's value comes from: a key file, a command printing it, or typed by the user. */
type ValueSource = { kind: 'file'; file: string } | { kind: 'command'; command: string } | { kind: 'typed' };

function valueSource(secret: SecretRequirement): ValueSource {
  if (/^SSH_PRIVATE_KEY/.test(secret.name)) return { kind: 'file', file: SSH_KEY_FILE };
  if (/^SSH_KNOWN_HOSTS/.test(secret.name)) return { kind: 'file', file: KNOWN_HOSTS_FILE };
  if (/^GCP_SERVICE_ACCOUNT_KEY/.test(secret.name) || /JSON key/i.test(secret.description)) return { kind: 'file', file: KEY_FILE };
  if (secret.name === 'AZURE_STORAGE_CONNECTION_STRING') return { kind: 'command', command: AZURE_CONNECTION_STRING };
  return { kind: 'typed' };
}

/** A secret's description for users: without the template's `(with `input: value`)` conditions, which already hold. */
function describeSecret(s: SecretRequirement): string {
  const text = s.description.replace(/\s*\(with `[^`]+`\)/g, '');
  return s.name === 'REPO_TOKEN' ? `${text.replace(/\.$/, '')}; create it under Settings › Access tokens.` : text;
}

function githubCommand(s: SecretRequirement): string {
  const source = valueSource(s);
  if (source.kind === 'file') return `gh secret set ${s.name} < ${source.file}`;
  if (source.kind === 'command') return `${source.command} | gh secret set ${s.name}`;
  return `gh secret set ${s.name}`;
}

function gitlabCommand(s: SecretRequirement, isProtected: boolean): string {
  const source = valueSource(s);
  const flags = `${s.masked ? ' --masked' : ''}${isProtected ? ' --protected' : ''} --raw`;
  const value =
    source.kind === 'file'
      ? s.base64
        ? `"$(base64 -w0 ${source.file})"`
        : `"$(cat ${source.file})"`
      : source.kind === 'command'
        ? `"$(${source.command})"`
        : `"$${s.name}"`;
  return `glab variable set ${s.name}${flags} --value ${value}`;
}

/** Steps that produce the values before they are stored (a service-account key, a service principal). */
function valueSteps(input: NextStepsInput, ctx: CloudContext): string[] {
  const names = new Set(input.secrets.map((s) => s.name));
  if (input.remote === 'gcs' && input.secrets.some((s) => valueSource(s).kind === 'file')) {
    return gcsKeySteps(ctx, KEY_FILE);
  }
  if (input.remote === 'gdrive' && input.secrets.some((s) => valueSource(s).kind === 'file')) return gdriveKeySteps(ctx, KEY_FILE);
  if (input.remote === 'ssh' && input.secrets.some((s) => valueSource(s).kind === 'file')) return sshKeySteps(ctx);
  if (input.remote === 's3' && names.has('AWS_ACCESS_KEY_ID')) return s3KeySteps(ctx);
  if (names.has('AZURE_CLIENT_ID')) {
    const role = input.inputs?.['push'] === true ? 'Storage Blob Data Contributor' : 'Storage Blob Data Reader';
    return [
      'Create a service principal that can read the storage account; its appId, tenant and password are AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_CLIENT_SECRET:',
      `  az ad sp create-for-rbac --name dvc-ci --role "${role}" \\`,
      '    --scopes /subscriptions/SUBSCRIPTION_ID/resourceGroups/RESOURCE_GROUP/providers/Microsoft.Storage/storageAccounts/STORAGE_ACCOUNT',
    ];
  }
  return [];
}

/** Whether GitLab variables should be protected: only when no merge request pipeline needs them. */
function protectVariables(inputs: Record<string, unknown> | undefined): boolean {
  return inputs?.['cml'] !== true;
}

function secretSteps(input: NextStepsInput): string[] {
  const { secrets, provider, branch } = input;
  const files = [...new Set(secrets.flatMap((s) => { const v = valueSource(s); return v.kind === 'file' ? [v.file] : []; }))];
  const typed = secrets.filter((s) => valueSource(s).kind === 'typed');
  const plural = secrets.length > 1 ? 's' : '';
  const names = secrets.map((s) => s.name).join(', ');
  const then = files.length > 0 ? `, then delete ${files.join(', ')}` : '';
  const reused = Object.entries(input.alreadyRead ?? {})
    .filter(([name]) => secrets.some((x) => x.name === name))
    .map(([name, file]) => `${name} is already read by ${file}: when it exists, skip creating it (the new pipeline reads it too).`);
  if (provider === 'github') {
    return [
      ...reused,
      `Create the repository secret${plural} ${names} (Settings › Secrets and variables › Actions), with the GitHub CLI${then}${typed.length > 0 ? `; \`gh secret set\` asks for ${typed.length > 1 ? 'each' : 'the'} value` : ''}:`,
      ...secrets.map((s) => `  ${githubCommand(s)}`),
      ...files.map((f) => `  rm ${f}`),
      ...typed.map((s) => `${s.name}: ${describeSecret(s)}`),
    ];
  }
  const isProtected = protectVariables(input.inputs);
  const encoded = secrets.filter((s) => s.base64).map((s) => {
    const source = valueSource(s);
    return `${s.name} holds the output of \`base64 -w0 ${source.kind === 'file' ? source.file : KEY_FILE}\` (one line, so GitLab can mask it).`;
  });
  return [
    ...reused,
    `Create the CI/CD variable${plural} ${names} (Settings › CI/CD › Variables), with the GitLab CLI${then}${typed.length > 0 ? `; export ${typed.map((s) => s.name).join(', ')} in your shell first` : ''}:`,
    ...secrets.map((s) => `  ${gitlabCommand(s, isProtected)}`),
    ...files.map((f) => `  rm ${f}`),
    ...typed.map((s) => `${s.name}: ${describeSecret(s)}`),
    ...encoded,
    `In the web form: Visibility "Masked"; "Expand variable reference" off; ${
      isProtected
        ? `"Protect variable" on: only pipelines of protected branches can read it (${branch} must be one; a default branch is).`
        : `"Protect variable" off: merge request pipelines (the CML report) run on unprotected branches and need ${secrets.length > 1 ? 'them' : 'it'}.`
    }`,
  ];
}

/** The exact steps after writing: cloud set-up, secrets/variables with copy-paste commands, then commit and push. */
export function nextSteps(input: NextStepsInput): string {
  const { provider, remote, files, branch } = input;
  const ctx: CloudContext = {
    provider,
    remote,
    // Values read from the repository go into commands only when they have the shape their service accepts.
    slug: safeSlug(input.slug) ?? (provider === 'github' ? 'OWNER/REPO' : 'GROUP/PROJECT'),
    gitlabHost: input.gitlabHost === undefined ? 'gitlab.com' : (safeHost(input.gitlabHost) ?? 'GITLAB_HOST'),
    branch,
    inputs: input.inputs ?? {},
    ...(input.remoteUrl === undefined ? {} : { remoteUrl: input.remoteUrl }),
    ...(input.storageAccount === undefined ? {} : { storageAccount: input.storageAccount }),
  };
  const steps: string[][] = [];
  if (remote === 'gcs-keyless') steps.push(gcsKeylessSteps(ctx));
  if (remote === 's3-keyless') steps.push(s3KeylessSteps(ctx));
  if (remote === 'azure-keyless') steps.push(azureKeylessSteps(ctx));
  const values = valueSteps(input, ctx);
  if (values.length > 0) steps.push(values);
  if (input.secrets.length > 0) steps.push(secretSteps(input));
  else if (!remote.endsWith('-keyless')) steps.push([`No secrets to create: the ${remote === 'none' ? 'DVC remote needs no credentials' : 'template needs none'}.`]);
  // HEAD: the commit goes to the checked-out branch, whichever it is; the pipeline runs once it reaches the branch.
  const listed = input.inputs?.['branches'];
  const branches = Array.isArray(listed) && listed.length > 0 ? listed.join(', ') : branch;
  steps.push([`Commit and push (the pipeline runs on pushes to ${branches}):`, `  git add ${files.map(shellWord).join(' ')}`, '  git commit -m "Run the DVC pipeline in CI"', `  git push ${shellWord(input.gitRemote ?? 'origin')} HEAD`]);
  return steps.map((lines, i) => lines.map((l, j) => (j === 0 ? `${i + 1}. ${l}` : `   ${l}`)).join('\n')).join('\n');
}
