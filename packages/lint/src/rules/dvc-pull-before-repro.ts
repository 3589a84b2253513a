import type { Rule } from '../model.js';
import { dvcInvocation, isRepro } from './util/dvc.js';
import { join } from 'node:path';
import { pipelineNeedsRemoteData } from '@mlops-pipeline/repo-facts';
import { jobCommands } from './util/job.js';
import { jobProjectDir } from './util/repo.js';
import { hasFlag } from './util/shell.js';

export const dvcPullBeforeRepro: Rule = {
  meta: {
    id: 'dvc-pull-before-repro',
    description: '`dvc repro` needs the data: run `dvc pull` (or `exp pull`, `fetch` + `checkout`, `repro --pull`, `--allow-missing`) first, in a job that checks out the repository, unless every dependency of dvc.yaml is in git.',
    defaultSeverity: 'error',
    fixable: false,
    providers: ['github', 'gitlab'],
  },
  check(ctx) {
    for (const job of ctx.workflow.jobs) {
      const cmds = jobCommands(job);
      let pulled = false;
      let fetched = false;
      let needsData: boolean | undefined;
      cmds.forEach(({ cmd }, i) => {
        const inv = dvcInvocation(cmd);
        if (!inv) return;
        if (inv.sub === 'pull' || inv.sub === 'exp pull') pulled = true;
        else if (inv.sub === 'fetch') fetched = true;
        else if (inv.sub === 'checkout' && fetched) pulled = true;
        if (!isRepro(inv) || hasFlag(inv.args, '--dry')) return;
        const name = inv.sub === 'repro' ? 'dvc repro' : 'dvc exp run';
        if (!job.checksOut) {
          ctx.report({ span: cmd.span, message: `\`${name}\` runs in job "${job.id}", which never checks out the repository: add actions/checkout before it` });
          return;
        }
        // `--allow-missing` skips stages whose missing data has not changed: nothing to pull.
        if (pulled || hasFlag(inv.args, '--pull', '--allow-missing')) return;
        if (needsData === undefined) needsData = pipelineNeedsRemoteData(join(ctx.repo.root, jobProjectDir(job) ?? '.')) ?? true;
        if (!needsData) return;
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
