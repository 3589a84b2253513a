import { join } from 'node:path';
import type { Job, Rule, Workflow } from '../model.js';
import type { DvcRemote } from '@mlops-pipeline/repo-facts';
import { dvcInvocation } from './util/dvc.js';
import { dvcInstalls, installsRequirementFile, type DvcInstall } from './util/installs.js';
import { parsePipInstall } from './util/pip.js';
import { jobCommands, usesAction } from './util/job.js';
import { dvcConfig, dvcRequirementFor, requirementNames } from './util/repo.js';
import { repoRelative } from './util/repo-where.js';
import { hasFlag } from './util/shell.js';

/** The first command that talks to a remote, and the remote it names with `-r` (default otherwise). */
function usesRemote(job: Job): { line: number; remote?: string; workingDirectory?: string } | undefined {
  for (const { step, cmd } of jobCommands(job)) {
    const inv = dvcInvocation(cmd);
    if (!inv) continue;
    const talks =
      ['pull', 'push', 'fetch', 'exp push', 'exp pull', 'update'].includes(inv.sub) ||
      ((inv.sub === 'repro' || inv.sub === 'exp run') && hasFlag(inv.args, '--pull')) ||
      ((inv.sub === 'status' || inv.sub === 'gc') && hasFlag(inv.args, '-c', '--cloud'));
    if (!talks) continue;
    const r = inv.args.findIndex((a) => a === '-r' || a === '--remote');
    const eq = inv.args.find((a) => a.startsWith('--remote='));
    const remote = r >= 0 ? inv.args[r + 1] : eq?.slice('--remote='.length);
    const wd = step.workingDirectory !== undefined && !step.workingDirectory.includes('$') ? { workingDirectory: step.workingDirectory } : {};
    return remote !== undefined && !remote.includes('$') ? { line: cmd.span.line, remote, ...wd } : { line: cmd.span.line, ...wd };
  }
  return undefined;
}

const EXTRA: Partial<Record<DvcRemote['scheme'], string>> = { gs: 'gs', s3: 's3', azure: 'azure', ssh: 'ssh', gdrive: 'gdrive', oss: 'oss', hdfs: 'hdfs', webdav: 'webdav' };

/** Evidence that the job provides credentials for a remote scheme. */
const PROVIDED: Partial<Record<DvcRemote['scheme'], { actions: string[]; text: RegExp }>> = {
  gs: { actions: ['google-github-actions/auth'], text: /GOOGLE_APPLICATION_CREDENTIALS|GOOGLE_OAUTH_ACCESS_TOKEN|CLOUDSDK_AUTH|gcloud auth|credentialpath|GCP_|GCS_|GOOGLE_/ },
  s3: { actions: ['aws-actions/configure-aws-credentials'], text: /AWS_ACCESS_KEY_ID|AWS_PROFILE|AWS_ROLE_ARN|AWS_WEB_IDENTITY_TOKEN_FILE|AWS_SHARED_CREDENTIALS_FILE|aws configure|assume-role|access_key_id|credentialpath|MINIO_|S3_ACCESS/ },
  azure: { actions: ['azure/login'], text: /AZURE_STORAGE_(CONNECTION_STRING|KEY|SAS_TOKEN|ACCOUNT_KEY)|AZURE_CLIENT_SECRET|AZURE_CLIENT_ID|connection_string|account_key|sas_token|az login/ },
  ssh: { actions: ['webfactory/ssh-agent', 'shimataro/ssh-key-action'], text: /ssh-agent|ssh-add|\.ssh\/|keyfile|SSH_(PRIVATE_)?KEY|password/ },
  gdrive: { actions: [], text: /GDRIVE_CREDENTIALS_DATA|gdrive_service_account|gdrive_user_credentials/ },
  oss: { actions: [], text: /OSS_ACCESS_KEY|oss_key/ },
};

const HOW: Partial<Record<DvcRemote['scheme'], string>> = {
  gs: 'authenticate with google-github-actions/auth (workload identity or a service-account key secret)',
  s3: 'set AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY from secrets or use aws-actions/configure-aws-credentials',
  azure: 'set AZURE_STORAGE_CONNECTION_STRING from a secret or use azure/login',
  ssh: 'load an SSH key from a secret (ssh-agent) or configure `keyfile`',
  gdrive: 'set GDRIVE_CREDENTIALS_DATA from a secret',
  oss: 'set OSS_ACCESS_KEY_ID / OSS_ACCESS_KEY_SECRET from secrets',
};

function jobEvidence(workflow: Workflow, job: Job): string {
  const vars = [...workflow.env, ...job.env, ...job.steps.flatMap((s) => s.env)].map((v) => `${v.name}=${v.value ?? ''}`);
  const scripts = job.steps.map((s) => [s.run?.text ?? '', ...[...s.with].map(([k, v]) => `${k}: ${v.value ?? ''}`)].join('\n'));
  return [...vars, ...scripts].join('\n');
}

/**
 * Where the job installs DVC without the remote's plugin, or undefined when it has it.
 * pip installs add up, so one install that brings the plugin is enough: `dvc[<extra>]`,
 * `dvc[all]`, the `dvc-<extra>` package (on the command line or in an installed
 * requirements file), setup-dvc or a CML image.
 */
function missingExtra(job: Job, workflow: Workflow, root: string, extra: string): DvcInstall | undefined {
  const plugin = `dvc-${extra}`;
  let first: DvcInstall | undefined;
  for (const install of dvcInstalls(job, workflow)) {
    let extras = install.extras;
    if (install.kind === 'project') {
      const req = installsRequirementFile(install) ? dvcRequirementFor(root, install.files ?? [], install.step?.workingDirectory) : undefined;
      if (requirementNames(root, install.files ?? [], install.step?.workingDirectory).has(plugin)) return undefined;
      if (!req) continue;
      extras = req.extras;
    }
    if (extras.some((e) => e.toLowerCase() === extra || e.toLowerCase() === 'all')) return undefined;
    first ??= install;
  }
  if (!first) return undefined;
  const pluginOnCommandLine = jobCommands(job).some(({ cmd }) => parsePipInstall(cmd)?.packages.some((p) => p.req.name === plugin));
  return pluginOnCommandLine ? undefined : first;
}

export const dvcRemoteCredentials: Rule = {
  meta: {
    id: 'dvc-remote-credentials',
    description: "Jobs that use a DVC remote provide its credentials, and install DVC with the remote's extra (`dvc[gs]` for gs://).",
    defaultSeverity: 'error',
    fixable: false,
    providers: ['github', 'gitlab'],
  },
  check(ctx) {
    for (const job of ctx.workflow.jobs) {
      const use = usesRemote(job);
      if (!use) continue;
      // A DVC project in a sub-directory (monorepos) is where the job's dvc commands run.
      const config = (use.workingDirectory ? dvcConfig(join(ctx.repo.root, use.workingDirectory)) : undefined) ?? dvcConfig(ctx.repo.root);
      if (!config) continue;
      const remote = use.remote !== undefined ? config.remotes.find((r) => r.name === use.remote) : config.defaultRemote;
      if (!remote) continue;
      const where = `${repoRelative(ctx.repo.root, config.file)}:${remote.line}`;
      const label = remote.endpointUrl ? `${remote.url} at ${remote.endpointUrl}` : remote.url;
      const which = remote.isDefault ? 'the default remote' : 'the remote';
      const provided = PROVIDED[remote.scheme];
      const selfHosted = job.runsOn.some((r) => /self-hosted/.test(r.value)) || job.runsOn.some((r) => !/^(ubuntu|windows|macos)-/.test(r.value) && ctx.workflow.provider === 'github');
      // GitLab CI/CD variables set in the project settings are invisible in the file, so only GitHub jobs can be checked.
      if (provided && ctx.workflow.provider === 'github' && !selfHosted) {
        const ok = job.steps.some((s) => usesAction(s, ...provided.actions)) || provided.text.test(jobEvidence(ctx.workflow, job));
        if (!ok) {
          ctx.report({
            span: job.span,
            message: `job "${job.id}" uses the DVC remote "${remote.name}" (${label}, ${where}) on line ${use.line} but provides no credentials for it: ${HOW[remote.scheme] ?? 'provide them from secrets'}`,
          });
        }
      }
      const extra = EXTRA[remote.scheme];
      if (!extra) continue;
      const missing = missingExtra(job, ctx.workflow, ctx.repo.root, extra);
      if (!missing) continue;
      ctx.report({
        span: missing.span,
        message: `DVC is installed without the \`${extra}\` extra, but ${which} "${remote.name}" is ${label} (${where}): install \`dvc[${extra}]\``,
        severity: 'warning',
      });
    }
  },
};
