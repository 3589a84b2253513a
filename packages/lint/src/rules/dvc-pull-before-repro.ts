import type { Rule } from '../model.js';
import { dvcInvocation, isRepro } from './util/dvc.js';
import { jobCommands } from './util/job.js';
import { hasFlag } from './util/shell.js';

export const dvcPullBeforeRepro: Rule = {
  meta: {
    id: 'dvc-pull-before-repro',
    description: '`dvc repro` needs the data: run `dvc pull` (or `fetch` + `checkout`, or `repro --pull`) first, in a job that checks out the repository.',
    defaultSeverity: 'error',
    fixable: false,
    providers: ['github', 'gitlab'],
  },
  check(ctx) {
    for (const job of ctx.workflow.jobs) {
      const cmds = jobCommands(job);
      let pulled = false;
      let fetched = false;
      cmds.forEach(({ cmd }, i) => {
        const inv = dvcInvocation(cmd);
        if (!inv) return;
        if (inv.sub === 'pull') pulled = true;
        else if (inv.sub === 'fetch') fetched = true;
        else if (inv.sub === 'checkout' && fetched) pulled = true;
        if (!isRepro(inv) || hasFlag(inv.args, '--dry')) return;
        const name = inv.sub === 'repro' ? 'dvc repro' : 'dvc exp run';
        if (!job.checksOut) {
          ctx.report({ span: cmd.span, message: `\`${name}\` runs in job "${job.id}", which never checks out the repository: add actions/checkout before it` });
          return;
        }
        if (pulled || hasFlag(inv.args, '--pull')) return;
        const later = cmds.slice(i + 1).find((c) => {
          const l = dvcInvocation(c.cmd);
          return l?.sub === 'pull' || l?.sub === 'checkout';
        });
        ctx.report({
          span: cmd.span,
          message: later
            ? `\`${name}\` runs before \`dvc ${dvcInvocation(later.cmd)!.sub}\` (line ${later.cmd.span.line}): pull the data first, or use \`${name} --pull\``
            : `\`${name}\` runs without the tracked data: run \`dvc pull\` before it, or use \`${name} --pull\``,
        });
      });
    }
  },
};
