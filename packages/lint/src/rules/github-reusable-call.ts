/**
 * A job calling a reusable workflow must pass what the called workflow declares, and grant at
 * least the GITHUB_TOKEN permissions its jobs request: GitHub checks both when the run is
 * created, whatever `if:` says, and refuses the whole run ("startup failure").
 *
 * Facts (GitHub's own checks):
 * - inputs and secrets: names compare case-insensitively; a `required: true` input must be
 *   passed even when it has a default; an input or secret the called workflow does not declare
 *   is refused; `secrets: inherit` passes every secret
 *   (@actions/workflow-parser, model/converter/job/inputs.ts and secrets.ts; messages
 *   "Input X is required, but not provided while calling.", "Invalid input, X is not defined
 *   in the referenced workflow.").
 * - permissions: each called job requests its own `permissions:`, else the called workflow's;
 *   it may not exceed what the calling job grants (its own, else the caller workflow's)
 *   (https://docs.github.com/actions/using-workflows/reusing-workflows#access-and-permissions).
 *   The comparison is `permissionExcesses` of @mlops-pipeline/templates. A caller that declares
 *   no permissions at all gets the repository's default, unknown offline: not checked.
 * - input types: a `boolean` input takes a boolean, a `number` input a number
 *   (https://docs.github.com/actions/using-workflows/workflow-syntax-for-github-actions#onworkflow_callinputsinput_idtype).
 *   Expressions (`${{ … }}`) are only known at run time and are not checked.
 */
import { permissionExcesses } from '@mlops-pipeline/templates';
import type { PermissionsSpec } from '@mlops-pipeline/templates';
import type { CalledWorkflow, InputDeclaration, Job, KeyedValue, Permissions, Rule, RuleContext, Workflow } from '../model.js';

function specOf(permissions: Permissions | undefined): PermissionsSpec {
  if (!permissions) return undefined;
  if (permissions.shorthand === 'read-all' || permissions.shorthand === 'write-all') return permissions.shorthand;
  return Object.fromEntries([...permissions.scopes].map(([scope, s]) => [scope, s.level]));
}

/** The called workflow as the permission comparison reads it (plain data). */
function plainCalled(workflow: Workflow): unknown {
  return { permissions: specOf(workflow.permissions), jobs: Object.fromEntries(workflow.jobs.map((j) => [j.id, { permissions: specOf(j.permissions) }])) };
}

function checkPermissions(ctx: RuleContext, job: Job, called: CalledWorkflow): void {
  const grant = specOf(job.permissions);
  const workflowGrant = specOf(ctx.workflow.permissions);
  if (grant === undefined && workflowGrant === undefined) return;
  const byScope = new Map<string, { requested: string; allowed: string; jobs: string[] }>();
  for (const e of permissionExcesses(plainCalled(called.workflow), grant, workflowGrant === undefined ? {} : { workflow: workflowGrant })) {
    const known = byScope.get(e.scope);
    if (known) {
      known.jobs.push(e.job);
      if (e.requested === 'write') known.requested = 'write';
    } else byScope.set(e.scope, { requested: e.requested, allowed: e.allowed, jobs: [e.job] });
  }
  for (const [scope, e] of byScope) {
    const jobs = e.jobs.map((j) => `"${j}"`).join(', ');
    ctx.report({
      span: job.uses!.span,
      message: `job ${jobs} of \`${called.file}\` requests \`${scope}: ${e.requested}\` but job "${job.id}" grants \`${scope}: ${e.allowed}\`: GitHub refuses to start the run; grant \`${scope}: ${e.requested}\` in the \`permissions:\` of job "${job.id}"`,
    });
  }
}

function isExpression(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${{');
}

/** Why `value` is not of the input's type, or undefined when it is (or cannot be known offline). */
function typeProblem(input: InputDeclaration, value: unknown): string | undefined {
  const type = input.type?.value;
  if (isExpression(value) || value === null || value === undefined) return undefined;
  if (type === 'boolean' && typeof value !== 'boolean') return 'a boolean (`true` or `false`)';
  if (type === 'number' && typeof value !== 'number') return 'a number';
  return undefined;
}

function checkInputs(ctx: RuleContext, job: Job, called: CalledWorkflow): void {
  const call = called.workflow.call!;
  const declared = new Map([...call.inputs.values()].map((i) => [i.name.toLowerCase(), i]));
  const passed = new Map<string, [string, KeyedValue]>([...(job.with ?? [])].map(([name, v]) => [name.toLowerCase(), [name, v]]));
  for (const [key, input] of declared) {
    if (input.required && !passed.has(key)) {
      ctx.report({ span: job.uses!.span, message: `input \`${input.name}\` is required by \`${called.file}\` but job "${job.id}" does not pass it: add it under \`with:\`` });
    }
  }
  const names = [...call.inputs.keys()].join(', ') || 'none';
  for (const [key, [name, value]] of passed) {
    const input = declared.get(key);
    if (!input) {
      ctx.report({ span: value.keySpan, message: `input \`${name}\` is not declared by \`${called.file}\` (its inputs: ${names}): GitHub refuses the call` });
      continue;
    }
    const problem = typeProblem(input, value.value);
    if (problem) ctx.report({ span: value.valueSpan, message: `input \`${name}\` of \`${called.file}\` is of type ${input.type!.value}: pass ${problem}, not \`${String(value.value)}\`` });
  }
}

function checkSecrets(ctx: RuleContext, job: Job, called: CalledWorkflow): void {
  if (job.secrets && !(job.secrets instanceof Map)) return; // secrets: inherit
  const call = called.workflow.call!;
  const declared = new Map([...call.secrets.values()].map((s) => [s.name.toLowerCase(), s]));
  const passed = new Map([...(job.secrets ?? [])].map(([name, v]) => [name.toLowerCase(), { name, value: v }]));
  for (const [key, secret] of declared) {
    if (secret.required && !passed.has(key)) {
      ctx.report({ span: job.uses!.span, message: `secret \`${secret.name}\` is required by \`${called.file}\` but job "${job.id}" does not pass it: add it under \`secrets:\` (or \`secrets: inherit\`)` });
    }
  }
  const names = [...call.secrets.keys()].join(', ') || 'none';
  for (const [key, { name, value }] of passed) {
    if (!declared.has(key)) ctx.report({ span: value.keySpan, message: `secret \`${name}\` is not declared by \`${called.file}\` (its secrets: ${names}): GitHub refuses the call` });
  }
}

export const githubReusableCall: Rule = {
  meta: {
    id: 'github-reusable-call',
    description: 'A reusable-workflow call passes the inputs and secrets the called workflow declares, with the right types, and grants every permission its jobs request.',
    defaultSeverity: 'error',
    fixable: false,
    providers: ['github'],
  },
  check(ctx) {
    for (const job of ctx.workflow.jobs) {
      const called = job.called;
      if (!called || !job.uses) continue;
      if (!called.workflow.call) {
        ctx.report({ span: job.uses.span, message: `\`${called.file}\` has no \`on: workflow_call\`: GitHub refuses to call it from job "${job.id}"` });
        continue;
      }
      checkPermissions(ctx, job, called);
      checkInputs(ctx, job, called);
      checkSecrets(ctx, job, called);
    }
  },
};
