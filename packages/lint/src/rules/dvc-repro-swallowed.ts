import type { Rule } from '../model.js';
import { dvcInvocation, isRepro } from './util/dvc.js';
import { jobCommands } from './util/job.js';
import { firstCommandIndex } from './util/shell.js';

function truthy(value: unknown): boolean {
  return value === true || value === 'true';
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
          const firstPipefail = firstCommandIndex(script, 'set-pipefail', (c) => c.argv[0] === 'set' && c.argv.slice(1).join(' ').includes('pipefail'));
          const pipefail = firstPipefail >= 0 && firstPipefail < cmd.index;
          const bashShell = ctx.workflow.provider === 'github' && step.shell?.trim() === 'bash';
          if (!pipefail && !bashShell) {
            ctx.report({ span: cmd.span, message: `\`${name} | …\` reports the exit status of the last command of the pipe: add \`set -o pipefail\` first` });
          }
        }
        const continueOnError = step.keys.get('continue-on-error');
        if (continueOnError && truthy(continueOnError.value)) {
          ctx.report({ span: continueOnError.keySpan, message: `\`continue-on-error: true\` hides a failed \`${name}\`: remove it` });
        }
      }
      const allowFailure = job.keySpans?.get('allow_failure');
      if (jobHasRepro && ctx.workflow.provider === 'gitlab' && allowFailure && truthy(job.config?.allow_failure)) {
        ctx.report({ span: allowFailure, message: `\`allow_failure: true\` lets the pipeline pass when the experiment fails: remove it` });
      }
    }
  },
};
