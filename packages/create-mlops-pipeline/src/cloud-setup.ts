/**
 * Cloud-side set-up commands printed after writing a pipeline: how to create the key a secret holds,
 * and, for keyless templates, the identity federation that lets the CI job in.
 */
import type { Provider, RemoteKind } from '@mlops-pipeline/templates';
import { safeBranch, safeBucket } from './shell.js';

export interface CloudContext {
  provider: Provider;
  remote: RemoteKind;
  /** `owner/repo` (GitHub) or `group/project` (GitLab), checked by {@link safeSlug}; placeholders when unknown. */
  slug: string;
  /** GitLab host serving the project (the OIDC issuer of its ID tokens): gitlab.com or a self-hosted host. */
  gitlabHost: string;
  branch: string;
  /** Rendered template inputs (identity names, push, cml). */
  inputs: Record<string, unknown>;
  /** URL of the DVC remote the pipeline pulls from (`gs://bucket/path`, `s3://bucket/path`). */
  remoteUrl?: string;
  /** Azure storage account of the DVC remote (its `account_name`), unchecked. */
  storageAccount?: string;
}

function str(inputs: Record<string, unknown>, name: string): string | undefined {
  const v = inputs[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Bucket name of a `gs://` or `s3://` URL, when it is a valid bucket name (else undefined). */
export function bucketOf(url: string | undefined): string | undefined {
  const m = /^(?:gs|s3):\/\/([^/\s]+)/i.exec(url ?? '');
  return safeBucket(m?.[1]);
}

/** The bucket in the commands: the DVC remote's, else a placeholder. */
function bucketIn(ctx: CloudContext): string {
  return bucketOf(ctx.remoteUrl) ?? 'BUCKET';
}

const SERVICE_ACCOUNT = /^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+\.iam\.gserviceaccount\.com$/;

/** GCP project id of a service account email (`name@project.iam.gserviceaccount.com`). */
function projectOfServiceAccount(sa: string | undefined): string | undefined {
  return /^[^@]+@([a-z][a-z0-9-]+)\.iam\.gserviceaccount\.com$/.exec(sa ?? '')?.[1];
}

/** GitHub Actions or GitLab: the OIDC issuer of the CI job's ID token. */
export function oidcIssuer(ctx: Pick<CloudContext, 'provider' | 'gitlabHost'>): string {
  return ctx.provider === 'github' ? 'https://token.actions.githubusercontent.com' : `https://${ctx.gitlabHost}`;
}

const PROJECT_ID = 'PROJECT_ID';

/** Service account key (dvc-gcs): a service account that can read (or, with `push`, write) the bucket, and a JSON key of it. */
export function gcsKeySteps(ctx: CloudContext, keyFile: string): string[] {
  const bucket = bucketIn(ctx);
  const push = ctx.inputs['push'] === true;
  const sa = `dvc-ci@${PROJECT_ID}.iam.gserviceaccount.com`;
  return [
    `Create ${keyFile}, a key of a service account that can ${push ? 'read and write' : 'read'} gs://${bucket} (or use a key you have):`,
    `  gcloud iam service-accounts create dvc-ci --project=${PROJECT_ID}`,
    `  gcloud storage buckets add-iam-policy-binding gs://${bucket} \\`,
    `    --member=serviceAccount:${sa} --role=${push ? 'roles/storage.objectAdmin' : 'roles/storage.objectViewer'}`,
    `  gcloud iam service-accounts keys create ${keyFile} --iam-account=${sa}`,
  ];
}

/** dvc-gcs-keyless: Workload Identity Federation pool, OIDC provider, impersonation and bucket access. */
export function gcsKeylessSteps(ctx: CloudContext): string[] {
  const attr = ctx.provider === 'github' ? 'repository' : 'project_path';
  const wif = /^projects\/(\d+)\/locations\/global\/workloadIdentityPools\/([^/]+)\/providers\/([^/]+)$/.exec(str(ctx.inputs, 'workload-identity-provider') ?? '');
  const [projectNumber, pool, provider] = wif ? [wif[1], wif[2], wif[3]] : ['PROJECT_NUMBER', 'mlops-ci', ctx.provider];
  const given = str(ctx.inputs, 'service-account');
  const sa = given !== undefined && SERVICE_ACCOUNT.test(given) ? given : `dvc-ci@${PROJECT_ID}.iam.gserviceaccount.com`;
  const project = projectOfServiceAccount(sa) ?? PROJECT_ID;
  const bucket = bucketIn(ctx);
  const role = ctx.inputs['push'] === true ? 'roles/storage.objectAdmin' : 'roles/storage.objectViewer';
  return [
    `Let ${ctx.slug}'s CI jobs impersonate ${sa} (Workload Identity Federation):`,
    `  gcloud iam workload-identity-pools create ${pool} --project=${project} --location=global`,
    `  gcloud iam workload-identity-pools providers create-oidc ${provider} --project=${project} --location=global \\`,
    `    --workload-identity-pool=${pool} --issuer-uri=${oidcIssuer(ctx)} \\`,
    `    --attribute-mapping=google.subject=assertion.sub,attribute.${attr}=assertion.${attr} \\`,
    `    --attribute-condition="assertion.${attr}=='${ctx.slug}'"`,
    `  gcloud iam service-accounts add-iam-policy-binding ${sa} --project=${project} \\`,
    '    --role=roles/iam.workloadIdentityUser \\',
    `    --member="principalSet://iam.googleapis.com/projects/${projectNumber}/locations/global/workloadIdentityPools/${pool}/attribute.${attr}/${ctx.slug}"`,
    `  gcloud storage buckets add-iam-policy-binding gs://${bucket} \\`,
    `    --member=serviceAccount:${sa} --role=${role}`,
  ];
}

/** The branches whose pushes run the pipeline: the rendered `branches` input, else the answered branch. */
function branchesOf(ctx: CloudContext): string[] {
  const b = ctx.inputs['branches'];
  const listed = Array.isArray(b) && b.length > 0 && b.every((x) => typeof x === 'string') ? (b as string[]) : [ctx.branch];
  // A branch name the OIDC subject cannot hold as is becomes a placeholder.
  return listed.map((x) => safeBranch(x) ?? 'BRANCH');
}

/** The `sub` claims of the jobs that read the remote (branch pushes, and pull/merge requests with CML). */
export function awsSubjects(ctx: CloudContext): string[] {
  if (ctx.provider === 'github') {
    const subs = branchesOf(ctx).map((b) => `repo:${ctx.slug}:ref:refs/heads/${b}`);
    if (ctx.inputs['cml'] === true) subs.push(`repo:${ctx.slug}:pull_request`);
    return subs;
  }
  // Merge request pipelines run on their source branch, whatever its name.
  if (ctx.inputs['cml'] === true) return [`project_path:${ctx.slug}:ref_type:branch:ref:*`];
  return branchesOf(ctx).map((b) => `project_path:${ctx.slug}:ref_type:branch:ref:${b}`);
}

/** dvc-s3-keyless: OIDC identity provider, a role trusting this repository's jobs, and bucket access. */
export function s3KeylessSteps(ctx: CloudContext): string[] {
  const roleArn = /^arn:(aws[a-z-]*):iam::(\d{12}):role\/(?:[A-Za-z0-9+=,.@_-]+\/)*([A-Za-z0-9+=,.@_-]+)$/.exec(str(ctx.inputs, 'role-to-assume') ?? '');
  const partition = roleArn?.[1] ?? 'aws';
  const account = roleArn?.[2] ?? 'ACCOUNT_ID';
  const roleName = roleArn?.[3] ?? 'dvc-ci';
  const host = oidcIssuer(ctx).replace(/^https:\/\//, '');
  const subs = awsSubjects(ctx);
  const sub = subs.length === 1 ? JSON.stringify(subs[0]) : `[${subs.map((s) => JSON.stringify(s)).join(', ')}]`;
  return [
    `Let ${ctx.slug}'s CI jobs assume the IAM role ${roleName} (OIDC; skip the first command if ${host} is already an identity provider of the account):`,
    `  aws iam create-open-id-connect-provider --url ${oidcIssuer(ctx)} --client-id-list sts.amazonaws.com`,
    `  aws iam create-role --role-name ${roleName} --assume-role-policy-document '{`,
    '    "Version": "2012-10-17",',
    '    "Statement": [{',
    '      "Effect": "Allow",',
    `      "Principal": {"Federated": "arn:${partition}:iam::${account}:oidc-provider/${host}"},`,
    '      "Action": "sts:AssumeRoleWithWebIdentity",',
    '      "Condition": {',
    `        "StringEquals": {"${host}:aud": "sts.amazonaws.com"},`,
    `        "StringLike": {"${host}:sub": ${sub}}`,
    '      }',
    '    }]',
    "  }'",
    `  aws iam put-role-policy --role-name ${roleName} --policy-name dvc-remote --policy-document '{`,
    ...s3PolicyLines(ctx, partition),
  ];
}

/** The body of an IAM policy giving read (with `push`, write) access to the DVC bucket, ending the quoted document. */
function s3PolicyLines(ctx: CloudContext, partition = 'aws'): string[] {
  const bucket = bucketIn(ctx);
  const actions = ctx.inputs['push'] === true ? '["s3:GetObject", "s3:PutObject"]' : '"s3:GetObject"';
  return [
    '    "Version": "2012-10-17",',
    '    "Statement": [',
    `      {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:${partition}:s3:::${bucket}"},`,
    `      {"Effect": "Allow", "Action": ${actions}, "Resource": "arn:${partition}:s3:::${bucket}/*"}`,
    '    ]',
    "  }'",
  ];
}

/** dvc-s3: an IAM user that can read (or write) the bucket, and an access key of it. */
export function s3KeySteps(ctx: CloudContext): string[] {
  const bucket = bucketIn(ctx);
  return [
    `Create an access key of an IAM user that can ${ctx.inputs['push'] === true ? 'read and write' : 'read'} s3://${bucket} (or use one you have); the last command prints its AccessKeyId and SecretAccessKey:`,
    '  aws iam create-user --user-name dvc-ci',
    "  aws iam put-user-policy --user-name dvc-ci --policy-name dvc-remote --policy-document '{",
    ...s3PolicyLines(ctx),
    '  aws iam create-access-key --user-name dvc-ci',
  ];
}
