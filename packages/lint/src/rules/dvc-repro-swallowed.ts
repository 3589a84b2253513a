import { isMap, isScalar } from 'yaml';
import type { Rule } from '../model.js';
import { dvcInvocation, isRepro } from './util/dvc.js';
import { nodeSpan } from './util/fix.js';
import { jobCommands } from './util/job.js';
import { commands } from './util/shell.js';

function truthy(node: unknown): boolean {
  return isScalar(node) && (node.value === true || node.value === 'true');
}

export const dvcReproSwallowed: Rule = {
  meta: {
    id: 'dvc-repro-swallowed',
    description: 'A failed `dvc repro` / `dvc exp run` must fail the job (no `|| …`, unguarded pipes, `continue-on-error`, `allow_failure`).',
    defaultSeverity: 'error',
    fixable: false,
    providers: ['github', 'gitlab'],
  },
  check(ctx) {
    for (const job of ctx.workflow.jobs) {
      let jobHasRepro = false;
      for (const { step, script, cmd } of jobCommands(job)) {
        const inv = dvcInvocation(cmd);
        if (!inv || !isRepro(inv)) continue;
        jobHasRepro = true;
        const name = inv.sub === 'repro' ? 'dvc repro' : 'dvc exp run';
        if (cmd.next === '||') {
          ctx.report({ span: cmd.span, message: `\`${name} || …\` turns a failed experiment into a green job: remove the \`||\` fallback` });
        } else if (cmd.next === '|') {
          const all = commands(script);
          const pipefail = all.slice(0, all.indexOf(cmd)).some((c) => c.argv[0] === 'set' && c.argv.slice(1).join(' ').includes('pipefail'));
          const shell =
            (step.node && isMap(step.node) ? step.node.get('shell') : undefined) ??
            (job.node && isMap(job.node) ? job.node.getIn(['defaults', 'run', 'shell']) : undefined) ??
            ctx.workflow.document.getIn(['defaults', 'run', 'shell']);
          const bashShell = ctx.workflow.provider === 'github' && typeof shell === 'string' && shell.trim() === 'bash';
          if (!pipefail && !bashShell) {
            ctx.report({ span: cmd.span, message: `\`${name} | …\` reports the exit status of the last command of the pipe: add \`set -o pipefail\` first` });
          }
        }
        if (step.node && isMap(step.node)) {
          const pair = step.node.items.find((p) => isScalar(p.key) && p.key.value === 'continue-on-error');
          if (pair && truthy(pair.value)) {
            const span = nodeSpan(ctx.workflow, pair.key as never);
            if (span) ctx.report({ span, message: `\`continue-on-error: true\` hides a failed \`${name}\`: remove it` });
          }
        }
      }
      if (jobHasRepro && ctx.workflow.provider === 'gitlab' && job.node && isMap(job.node)) {
        const pair = job.node.items.find((p) => isScalar(p.key) && p.key.value === 'allow_failure');
        if (pair && truthy(pair.value)) {
          const span = nodeSpan(ctx.workflow, pair.key as never);
          if (span) ctx.report({ span, message: `\`allow_failure: true\` lets the pipeline pass when the experiment fails: remove it` });
        }
      }
    }
  },
};
