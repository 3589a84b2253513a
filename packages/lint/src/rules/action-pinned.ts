import picomatch from 'picomatch';
import { PROJECT_GITHUB_REPOSITORY } from '@mlops-pipeline/templates';
import type { ActionUse, Rule } from '../model.js';
import { replaceScalar } from './util/fix.js';
import { actionRepo } from './util/job.js';
import { KNOWN_ACTION_VERSIONS, isBranchRef, isFullSha } from './util/known-actions.js';

export const actionPinned: Rule = {
  meta: {
    id: 'action-pinned',
    description: 'Actions and reusable workflows are pinned to a release tag or commit SHA (`--strict`: full commit SHA), never a branch or nothing.',
    defaultSeverity: 'error',
    fixable: true,
    providers: ['github'],
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allow: { type: 'array', items: { type: 'string' }, description: 'owner/repo patterns (e.g. "my-org/*") that may use any ref' },
      },
    },
  },
  check(ctx) {
    const allow = Array.isArray(ctx.options.allow) ? (ctx.options.allow as string[]).map((p) => picomatch(p.toLowerCase())) : [];
    const uses: ActionUse[] = [];
    for (const job of ctx.workflow.jobs) {
      if (job.uses) uses.push(job.uses);
      for (const step of job.steps) if (step.uses) uses.push(step.uses);
    }
    for (const use of uses) {
      if (use.name.startsWith('./') || use.name.startsWith('docker://') || /\$\{\{/.test(use.raw)) continue;
      const repo = actionRepo(use.name);
      if (allow.some((m) => m(repo) || m(use.name.toLowerCase()))) continue;
      const known = repo === PROJECT_GITHUB_REPOSITORY ? `v${ctx.repo.templatesVersion}` : KNOWN_ACTION_VERSIONS[repo];
      const fixTo = known ? replaceScalar(ctx.workflow, use.span, `${use.name}@${known}`) : undefined;
      const suggestion = known ? `\`${use.name}@${known}\`` : 'a release tag (v1.2.3) or a full commit SHA';
      if (use.ref === undefined || use.ref === '') {
        ctx.report({ span: use.span, message: `\`${use.name}\` has no ref: pin ${suggestion}`, ...(fixTo ? { fix: fixTo } : {}) });
      } else if (isBranchRef(use.ref)) {
        ctx.report({ span: use.span, message: `\`${use.name}@${use.ref}\` follows a branch that can change under you: pin ${suggestion}`, ...(fixTo ? { fix: fixTo } : {}) });
      } else if (ctx.strict && !isFullSha(use.ref) && repo !== PROJECT_GITHUB_REPOSITORY) {
        ctx.report({ span: use.span, message: `\`${use.name}@${use.ref}\` is a tag, which can be moved: --strict requires a full commit SHA (\`${use.name}@<40-hex sha> # ${use.ref}\`)` });
      }
    }
  },
};
