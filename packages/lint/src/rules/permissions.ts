import type { Job, Permissions, Rule, Span, Workflow } from '../model.js';
import { needsWrite } from './util/permission-facts.js';

function jobText(job: Job): string {
  return job.steps
    .map((s) => [s.uses?.raw ?? '', s.run?.text ?? '', ...[...s.with].map(([k, v]) => `${k}: ${v.value ?? ''}`), ...s.env.map((v) => `${v.name}=${v.value ?? ''}`)].join('\n'))
    .join('\n');
}

function writeScopes(permissions: Permissions | undefined): { scope: string; span: Span }[] {
  return [...(permissions?.scopes ?? [])].filter(([, s]) => s.level === 'write').map(([scope, s]) => ({ scope, span: s.keySpan }));
}

function isWriteAll(permissions: Permissions | undefined): permissions is Permissions {
  return permissions?.shorthand === 'write-all';
}

function keySpan(workflow: Workflow, key: string): Span {
  return workflow.keySpans.get(key) ?? { file: workflow.file, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

export const permissions: Rule = {
  meta: {
    id: 'permissions',
    description: 'Declare top-level `permissions:` and grant no more write access than each job needs.',
    defaultSeverity: 'warning',
    fixable: false,
    providers: ['github'],
  },
  check(ctx) {
    const wf = ctx.workflow;
    // An action's metadata (action.yml: no `on:`) gets the token of the workflow that uses it.
    if (wf.triggers.length === 0 && !wf.permissions) return;
    const jobs = wf.jobs;
    if (!wf.permissions && jobs.some((j) => !j.permissions)) {
      ctx.report({ span: keySpan(wf, 'jobs'), message: 'no top-level `permissions:`: the GITHUB_TOKEN gets the repository default, which may be write-all; add `permissions: { contents: read }` and grant more per job' });
    }
    const report = (span: Span, text: string): void => ctx.report({ span, message: text });
    if (isWriteAll(wf.permissions)) report(wf.permissions.span, '`permissions: write-all` gives every job every write scope: list only the scopes the jobs need');
    for (const job of jobs) {
      if (isWriteAll(job.permissions)) report(job.permissions.span, `\`permissions: write-all\` on job "${job.id}": list only the scopes it needs`);
    }
    const texts = new Map(jobs.map((j) => [j, jobText(j)]));
    const needed = (job: Job, scope: string): boolean => job.uses !== undefined || needsWrite(texts.get(job) ?? '', scope);
    for (const { scope, span } of writeScopes(wf.permissions)) {
      if (!jobs.some((j) => !j.permissions && needed(j, scope))) report(span, `\`${scope}: write\` is granted to the whole workflow, but no job that inherits it needs it: remove it or move it to the job that does`);
    }
    for (const job of jobs) {
      for (const { scope, span } of writeScopes(job.permissions)) {
        if (!needed(job, scope)) report(span, `job "${job.id}" is granted \`${scope}: write\` but does nothing that needs it: remove it`);
      }
    }
  },
};
