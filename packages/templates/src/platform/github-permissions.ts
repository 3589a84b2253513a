/**
 * GitHub's load-time rule for reusable workflows: when a run is created, each
 * job of a called workflow may request no more `GITHUB_TOKEN` permission than
 * the calling job grants, whatever the nested job's `if:` says. A violation
 * fails the whole run before any job starts ("startup failure").
 *
 * What a nested job requests: its own `permissions`, else the called
 * workflow's top-level `permissions`, else nothing beyond what it inherits.
 * What the calling job grants: its own `permissions`, else the caller
 * workflow's top-level `permissions`, else the repository default
 * (`restricted`: contents and packages read; `permissive`: write on every
 * scope but `id-token`).
 */

export const PERMISSION_SCOPES = [
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'discussions',
  'id-token',
  'issues',
  'models',
  'packages',
  'pages',
  'pull-requests',
  'repository-projects',
  'security-events',
  'statuses',
] as const;
export type PermissionScope = (typeof PERMISSION_SCOPES)[number];
export type PermissionLevel = 'none' | 'read' | 'write';
export type Permissions = Record<PermissionScope, PermissionLevel>;

/** `permissions:` as written in a workflow: a map, `read-all`, `write-all`, `{}` or absent. */
export type PermissionsSpec = Record<string, unknown> | 'read-all' | 'write-all' | undefined;

/** The repository/organisation setting "Workflow permissions" for GITHUB_TOKEN. */
export type DefaultTokenPermissions = 'restricted' | 'permissive';

/** Where the calling job's token comes from when the job declares no `permissions`. */
export interface CallerContext {
  /** The caller workflow's top-level `permissions`, used when the job has none. */
  workflow?: PermissionsSpec;
  /** Used when neither declares permissions. Default: `restricted` (GitHub's default for new repositories). */
  repositoryDefault?: DefaultTokenPermissions;
}

export interface PermissionExcess {
  job: string;
  scope: PermissionScope;
  requested: PermissionLevel;
  allowed: PermissionLevel;
  /** GitHub's own wording of the startup failure. */
  message: string;
}

const RANK: Record<PermissionLevel, number> = { none: 0, read: 1, write: 2 };

function uniform(level: PermissionLevel): Permissions {
  return Object.fromEntries(PERMISSION_SCOPES.map((scope) => [scope, level])) as Permissions;
}

function isLevel(value: unknown): value is PermissionLevel {
  return value === 'none' || value === 'read' || value === 'write';
}

/** The token a `permissions:` value grants (a map leaves every scope it does not name at `none`). */
export function resolvePermissions(spec: Exclude<PermissionsSpec, undefined>): Permissions {
  if (spec === 'read-all') return { ...uniform('read'), 'id-token': 'none' };
  if (spec === 'write-all') return uniform('write');
  const resolved = uniform('none');
  for (const [scope, level] of Object.entries(spec)) {
    if ((PERMISSION_SCOPES as readonly string[]).includes(scope) && isLevel(level)) {
      resolved[scope as PermissionScope] = level;
    }
  }
  return resolved;
}

export function defaultPermissions(kind: DefaultTokenPermissions): Permissions {
  if (kind === 'permissive') return { ...uniform('write'), 'id-token': 'none' };
  return { ...uniform('none'), contents: 'read', packages: 'read' };
}

function isSpec(value: unknown): value is Exclude<PermissionsSpec, undefined> {
  return value === 'read-all' || value === 'write-all' || (typeof value === 'object' && value !== null && !Array.isArray(value));
}

/** What a calling job's GITHUB_TOKEN holds. */
export function grantedPermissions(job: unknown, context: CallerContext = {}): Permissions {
  if (isSpec(job)) return resolvePermissions(job);
  if (isSpec(context.workflow)) return resolvePermissions(context.workflow);
  return defaultPermissions(context.repositoryDefault ?? 'restricted');
}

/**
 * Each nested job of `calledWorkflow` (a parsed reusable workflow) that asks
 * for more than `grant` allows, one entry per job and scope, in job order.
 * `jobPermissions` is the calling job's `permissions` (a map, `read-all`,
 * `write-all`, or `undefined` when the job has none: then `context` decides).
 */
export function permissionExcesses(calledWorkflow: unknown, jobPermissions: unknown, context: CallerContext = {}): PermissionExcess[] {
  if (typeof calledWorkflow !== 'object' || calledWorkflow === null) return [];
  const workflow = calledWorkflow as { permissions?: unknown; jobs?: unknown };
  const allowed = grantedPermissions(jobPermissions, context);
  const jobs = typeof workflow.jobs === 'object' && workflow.jobs !== null ? (workflow.jobs as Record<string, unknown>) : {};
  const excesses: PermissionExcess[] = [];
  for (const [name, job] of Object.entries(jobs)) {
    const own = typeof job === 'object' && job !== null ? (job as { permissions?: unknown }).permissions : undefined;
    const requestedSpec = isSpec(own) ? own : isSpec(workflow.permissions) ? workflow.permissions : undefined;
    if (requestedSpec === undefined) continue;
    const requested = resolvePermissions(requestedSpec);
    for (const scope of PERMISSION_SCOPES) {
      if (RANK[requested[scope]] > RANK[allowed[scope]]) {
        excesses.push({
          job: name,
          scope,
          requested: requested[scope],
          allowed: allowed[scope],
          message: `The nested job '${name}' is requesting '${scope}: ${requested[scope]}', but is only allowed '${scope}: ${allowed[scope]}'.`,
        });
      }
    }
  }
  return excesses;
}

/** The least `permissions:` map a calling job must grant so that no nested job of `calledWorkflow` exceeds it. */
export function requiredPermissions(calledWorkflow: unknown): Partial<Permissions> {
  const needed: Partial<Permissions> = {};
  for (const excess of permissionExcesses(calledWorkflow, {})) {
    const current = needed[excess.scope];
    if (!current || RANK[excess.requested] > RANK[current]) needed[excess.scope] = excess.requested;
  }
  return needed;
}
