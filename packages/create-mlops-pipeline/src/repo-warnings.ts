/** Warnings about the repository the pipeline will run against, shown before anything is written. */
import type { DvcRemote } from '@mlops-pipeline/repo-facts';

/** Why hosted runners cannot reach a host (loopback, private network, local names), or undefined. */
export function unreachableFromHostedRunners(host: string): string | undefined {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost') || /^127\./.test(h) || h === '::1' || h === '0.0.0.0') return 'a loopback address';
  if (/^10\./.test(h) || /^192\.168\./.test(h) || /^172\.(1[6-9]|2\d|3[01])\./.test(h) || /^169\.254\./.test(h) || /^f[cd][0-9a-f]{2}:/.test(h)) return 'a private network address';
  if (/\.(local|internal|lan|home|corp|intranet)$/.test(h)) return 'a local network name';
  if (!h.includes('.') && !h.includes(':')) return 'a name without a domain';
  return undefined;
}

function hostOfUrl(url: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/?#]+)/i.exec(url.trim());
  return m?.[1];
}

/** The endpoint the pipeline's runner must reach for a remote: its endpointurl, else its URL (network schemes only). */
export function endpointWarning(remote: DvcRemote | undefined, configFile: string): string | undefined {
  if (remote === undefined) return undefined;
  const url = remote.endpointUrl ?? (['http', 'https', 'ssh', 'webdav', 'hdfs'].includes(remote.scheme) ? remote.url : undefined);
  const host = url === undefined ? undefined : hostOfUrl(url);
  const why = host === undefined ? undefined : unreachableFromHostedRunners(host);
  if (why === undefined || host === undefined) return undefined;
  return `warning: ${configFile}:${remote.line || 1}: remote "${remote.name}" is at ${host}, ${why}: GitHub-hosted runners and GitLab.com shared runners cannot reach it; run the pipeline on a runner in that network (--input runner=<label>) or use an address reachable from the internet.`;
}

/** Credentials committed in .dvc/config: named with their line, never shown. */
export function committedSecretWarnings(secrets: Array<{ remote: string; key: string; line: number }>, configFile: string): string[] {
  return secrets.map(
    (s) => `warning: ${configFile}:${s.line}: remote "${s.remote}" has ${s.key} committed in .dvc/config; anyone who can read the repository can use it: rotate it, and keep credentials in .dvc/config.local (\`dvc remote modify --local\`) or in CI secrets.`,
  );
}
