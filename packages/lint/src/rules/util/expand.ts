/**
 * Expanding references in values: `$VAR`, `${VAR}`, `${{ env.X }}` and `${{ inputs.X }}`
 * (GitHub workflow_call / workflow_dispatch defaults). Anything else is unknown.
 */
import type { Job, Step, Workflow } from '../../model.js';

/** The default of a `workflow_call` (else `workflow_dispatch`) input, when it is a scalar. */
function inputDefault(workflow: Workflow, name: string): string | undefined {
  for (const input of workflow.inputs) {
    if (input.name !== name) continue;
    const value = input.default?.value;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  }
  return undefined;
}

/** The value with every reference replaced, or undefined when one cannot be known. */
export function expand(value: string, workflow: Workflow, job?: Job, step?: Step, depth = 0): string | undefined {
  if (depth > 4) return undefined;
  const vars = [...workflow.env, ...(job?.env ?? []), ...(step?.env ?? [])];
  const lookup = (name: string): string | undefined => {
    const v = [...vars].reverse().find((x) => x.name === name);
    return v?.value === undefined ? undefined : expand(v.value, workflow, job, step, depth + 1);
  };
  let unknown = false;
  let out = value.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_m, expr: string) => {
    const env = /^env\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(expr);
    const input = /^inputs\.([A-Za-z_][A-Za-z0-9_-]*)$/.exec(expr);
    const got = env ? lookup(env[1]!) : input ? inputDefault(workflow, input[1]!) : undefined;
    if (got === undefined) unknown = true;
    return got ?? '';
  });
  out = out.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, a: string | undefined, b: string | undefined) => {
    const got = lookup((a ?? b)!);
    if (got === undefined) unknown = true;
    return got ?? '';
  });
  return unknown ? undefined : out;
}

/** The value contains a reference of any kind. */
export function hasReferences(value: string): boolean {
  return /\$\{\{|\$\[\[|\$\{?[A-Za-z_]/.test(value);
}
