import type { Rule } from '../model.js';
import { jobCommands, usesAction } from './util/job.js';

/** Triggers that run with the base repository's secrets and a write token even for outside contributions. */
const PRIVILEGED = new Set(['pull_request_target', 'workflow_run', 'issue_comment']);
const PR_CODE = /github\.event\.pull_request\.head\.(sha|ref)|github\.head_ref|github\.event\.workflow_run\.head_(sha|branch)|refs\/pull\/|merge_commit_sha/;

export const dangerousTrigger: Rule = {
  meta: {
    id: 'dangerous-trigger',
    description: '`pull_request_target` / `workflow_run` / `issue_comment` workflows must not check out and run pull-request code with secrets or a write token.',
    defaultSeverity: 'error',
    fixable: false,
    providers: ['github'],
  },
  check(ctx) {
    const trigger = ctx.workflow.triggers.find((t) => PRIVILEGED.has(t.event));
    if (!trigger) return;
    for (const job of ctx.workflow.jobs) {
      for (const step of job.steps) {
        if (usesAction(step, 'actions/checkout')) {
          const ref = step.with.get('ref');
          if (ref?.value && PR_CODE.test(ref.value)) {
            ctx.report({
              span: ref.span,
              message: `\`${trigger.event}\` runs with secrets and a write token, and this checks out the pull request's code (\`${ref.value.trim()}\`): anything it runs can steal them; use \`pull_request\` for untrusted code`,
            });
          }
        }
      }
      for (const { cmd } of jobCommands(job)) {
        const a = cmd.argv;
        const checkout = (a[0] === 'git' && (a[1] === 'checkout' || a[1] === 'fetch' || a[1] === 'switch')) || (a[0] === 'gh' && a[1] === 'pr' && a[2] === 'checkout');
        if (checkout && a.some((w) => PR_CODE.test(w) || (a[0] === 'gh' && /number/.test(w)))) {
          ctx.report({ span: cmd.span, message: `\`${trigger.event}\` runs with secrets and a write token, and \`${a.slice(0, a[0] === 'gh' ? 3 : 2).join(' ')}\` brings in the pull request's code: anything it runs can steal them; use \`pull_request\` for untrusted code` });
        }
      }
    }
  },
};
