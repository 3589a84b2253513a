import type { RemoteKind } from '@mlops-pipeline/templates';
import { PROVIDERS, REMOTE_KINDS } from './plan.js';
import { loadTemplates } from './templates.js';

/** What each remote kind is, and the DVC remote URLs it is inferred from. */
const REMOTE_INFO: Record<RemoteKind, { what: string; urls: string }> = {
  gcs: { what: 'Google Cloud Storage with a service-account key', urls: 'gs://' },
  'gcs-keyless': { what: 'Google Cloud Storage through Workload Identity Federation (--keyless)', urls: 'gs://' },
  s3: { what: 'Amazon S3 with access keys', urls: 's3://' },
  's3-keyless': { what: 'Amazon S3 through an OIDC role (--keyless)', urls: 's3://' },
  minio: { what: 'MinIO or another S3-compatible store', urls: 's3:// with endpointurl' },
  azure: { what: 'Azure Blob Storage (connection string or service principal)', urls: 'azure://' },
  'azure-keyless': { what: 'Azure Blob Storage through workload identity federation (--keyless)', urls: 'azure://' },
  gdrive: { what: 'Google Drive with a service account', urls: 'gdrive://' },
  ssh: { what: 'an SSH server with a private key', urls: 'ssh://' },
  none: { what: 'no credentials: a local path, HTTP(S), or no remote', urls: 'a path, http://, https://' },
};

/** Remote URL schemes no template authenticates yet. */
const UNSUPPORTED = 'hdfs://, webdav://, oss://';

/** `--list`: the templates per provider and the remote kinds, as create-vite lists its templates. */
export async function listText(): Promise<string> {
  const t = await loadTemplates();
  const lines: string[] = [`Templates (@mlops-pipeline/templates ${t.TEMPLATES_VERSION}):`];
  for (const provider of PROVIDERS) {
    lines.push(`  ${provider}:`);
    const list = t.listTemplates(provider);
    const width = Math.max(...list.map((x) => x.name.length));
    for (const x of list) lines.push(`    ${x.name.padEnd(width)}  --remote ${x.remote.padEnd(Math.max(...REMOTE_KINDS.map((r) => r.length)))}  ${x.description}`);
  }
  lines.push('', 'Remotes (--remote):');
  const width = Math.max(...REMOTE_KINDS.map((r) => r.length));
  for (const r of REMOTE_KINDS) lines.push(`  ${r.padEnd(width)}  ${REMOTE_INFO[r].what} (${REMOTE_INFO[r].urls})`);
  lines.push('', `Not supported yet: DVC remotes at ${UNSUPPORTED}.`);
  return lines.join('\n');
}
