/**
 * Set-up commands for the remotes that are not a cloud bucket: a Google Drive folder shared with a
 * service account, an SSH server trusting a CI key, and Azure's federated credentials (keyless).
 * Every value from the repository is checked against the shape its service accepts, else a placeholder.
 */
import type { CloudContext } from './cloud-setup.js';
import { awsSubjects, oidcIssuer } from './cloud-setup.js';
import { safeHost } from './shell.js';

/** The files the SSH key pair and the server's host keys are written to (the names the commands use throughout). */
export const SSH_KEY_FILE = 'dvc-ci-key';
export const KNOWN_HOSTS_FILE = 'dvc-ci-known-hosts';

/** A Google Drive folder ID (`gdrive://<folder-id>/path`): letters, digits, `-` and `_`. */
const DRIVE_FOLDER = /^[A-Za-z0-9_-]{10,200}$/;

/** The Drive folder ID of a `gdrive://` URL, when it has that shape (`root` and `appDataFolder` are the service account's own). */
export function driveFolderOf(url: string | undefined): string | undefined {
  const m = /^gdrive:\/\/([^/\s]+)/i.exec(url ?? '');
  return m?.[1] !== undefined && DRIVE_FOLDER.test(m[1]) && m[1] !== 'appDataFolder' ? m[1] : undefined;
}

/** dvc-gdrive: a service account with the Drive API, a JSON key of it, and the folder shared with it. */
export function gdriveKeySteps(ctx: CloudContext, keyFile: string): string[] {
  const sa = 'dvc-ci@PROJECT_ID.iam.gserviceaccount.com';
  const folder = driveFolderOf(ctx.remoteUrl) ?? 'FOLDER_ID';
  const role = ctx.inputs['push'] === true ? 'Editor' : 'Viewer';
  return [
    `Create ${keyFile}, a key of a service account that can use the Drive API (or use a key you have), then share the remote's folder https://drive.google.com/drive/folders/${folder} with ${sa} as ${role} (Share in Google Drive):`,
    '  gcloud iam service-accounts create dvc-ci --project=PROJECT_ID',
    '  gcloud services enable drive.googleapis.com --project=PROJECT_ID',
    `  gcloud iam service-accounts keys create ${keyFile} --iam-account=${sa}`,
  ];
}

/** User, host and port of an `ssh://[user@]host[:port]/path` URL, each only when it has a valid shape. */
export function sshTargetOf(url: string | undefined): { user?: string; host?: string; port?: string } {
  const m = /^ssh:\/\/(?:([^@/\s]+)@)?([^:/\s]+)(?::(\d{1,5}))?(?:\/|$)/i.exec(url ?? '');
  if (!m) return {};
  const out: { user?: string; host?: string; port?: string } = {};
  if (m[1] !== undefined && /^[A-Za-z_][A-Za-z0-9._-]{0,31}$/.test(m[1])) out.user = m[1];
  const host = safeHost(m[2]);
  if (host !== undefined) out.host = host;
  if (m[3] !== undefined && Number(m[3]) > 0 && Number(m[3]) < 65536) out.port = m[3];
  return out;
}

/** dvc-ssh: a key pair for CI allowed on the server, and the server's host keys, checked out of band. */
export function sshKeySteps(ctx: CloudContext): string[] {
  const target = sshTargetOf(ctx.remoteUrl);
  const host = target.host ?? 'HOST';
  const user = target.user ?? 'USER';
  const port = target.port !== undefined && target.port !== '22' ? ` -p ${target.port}` : '';
  return [
    `Create ${SSH_KEY_FILE}, a key pair without a passphrase for CI, allow it on ${host} (or use a key you have), and record the server's host keys in ${KNOWN_HOSTS_FILE}; compare the fingerprints the last command prints with the server's own (\`ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub\` on it) before trusting them:`,
    `  ssh-keygen -t ed25519 -N '' -C dvc-ci -f ${SSH_KEY_FILE}`,
    `  ssh-copy-id -i ${SSH_KEY_FILE}.pub${port} ${user}@${host}`,
    `  ssh-keyscan -H${port} ${host} > ${KNOWN_HOSTS_FILE}`,
    `  ssh-keygen -lf ${KNOWN_HOSTS_FILE}`,
  ];
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const STORAGE_ACCOUNT = /^[a-z0-9]{3,24}$/;
const CONTAINER = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$/;

function str(inputs: Record<string, unknown>, name: string): string | undefined {
  const v = inputs[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** A federated credential's name from its subject: letters, digits, `-` (unique per subject). */
function credentialName(subject: string): string {
  const tail = subject
    .replace(/^(repo|project_path):[^:]+:/, '')
    .replace(/^(ref:refs\/heads\/|ref_type:branch:ref:)/, 'branch-')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `dvc-ci-${tail}`.slice(0, 120);
}

/** dvc-azure-keyless: the identity's service principal, a federated credential per CI subject, and access to the storage. */
export function azureKeylessSteps(ctx: CloudContext): string[] {
  const clientId = GUID.test(str(ctx.inputs, 'azure-client-id') ?? '') ? (str(ctx.inputs, 'azure-client-id') as string) : 'CLIENT_ID';
  const account = str(ctx.inputs, 'azure-storage-account') ?? ctx.storageAccount;
  const storage = account !== undefined && STORAGE_ACCOUNT.test(account) ? account : 'STORAGE_ACCOUNT';
  const container = /^azure:\/\/([^/\s]+)/i.exec(ctx.remoteUrl ?? '')?.[1];
  const scope = `/subscriptions/SUBSCRIPTION_ID/resourceGroups/RESOURCE_GROUP/providers/Microsoft.Storage/storageAccounts/${storage}${container !== undefined && CONTAINER.test(container) ? `/blobServices/default/containers/${container}` : ''}`;
  const role = ctx.inputs['push'] === true ? 'Storage Blob Data Contributor' : 'Storage Blob Data Reader';
  // Entra ID matches subjects exactly: GitLab merge request pipelines (any branch) get the pushed branches' subjects and a note.
  const subjects = awsSubjects({ ...ctx, inputs: { ...ctx.inputs, cml: ctx.provider === 'github' ? ctx.inputs['cml'] : false } });
  const issuer = oidcIssuer(ctx);
  const lines = [
    `Let ${ctx.slug}'s CI jobs sign in as the app ${clientId} (workload identity federation: one federated credential per job subject; skip \`az ad sp create\` if the app has a service principal):`,
    `  az ad sp create --id ${clientId}`,
    ...subjects.map((subject) => `  az ad app federated-credential create --id ${clientId} --parameters '{"name": "${credentialName(subject)}", "issuer": "${issuer}", "subject": "${subject}", "audiences": ["api://AzureADTokenExchange"]}'`),
    `  az role assignment create --assignee ${clientId} --role "${role}" \\`,
    `    --scope ${scope}`,
  ];
  lines.push('For a user-assigned managed identity instead of an app registration: `az identity federated-credential create --identity-name IDENTITY --resource-group RESOURCE_GROUP` with the same name, issuer, subject and audience, and the role assigned to its principal.');
  if (ctx.provider === 'gitlab' && ctx.inputs['cml'] === true) {
    lines.push(`Merge request pipelines run on their source branch and Entra ID matches subjects exactly: add a federated credential with the subject project_path:${ctx.slug}:ref_type:branch:ref:BRANCH for each branch whose merge requests need the CML report.`);
  }
  return lines;
}
