import type { Rule } from '../model.js';
import { dvcInvocation } from './util/dvc.js';
import { replaceExact } from './util/fix.js';
import { jobCommands } from './util/job.js';
import { wordSpan } from './util/shell.js';
import { DVC_SINCE } from './util/dvc-facts.js';
import { atLeast, jobDvcVersion } from './util/versions.js';

/** Old CML commands and their replacements (`undefined`: no drop-in replacement). */
const OLD_BINARIES: Record<string, string> = {
  'cml-send-comment': 'cml comment create',
  'cml-publish': 'cml asset publish',
  'cml-send-github-check': 'cml check create',
  'cml-runner': 'cml runner launch',
  'cml-pr': 'cml pr create',
  'cml-tensorboard-dev': 'cml tensorboard connect',
};
const OLD_SUBCOMMANDS: Record<string, string> = {
  'send-comment': 'comment create',
  'send-github-check': 'check create',
  publish: 'asset publish',
  'tensorboard-dev': 'tensorboard connect',
};
/**
 * DVC options removed in DVC 3 (`--show-md`/`--show-json`/`--show-csv` gave way to `--md`/
 * `--json`/`--csv` in DVC 2.8). `dvc plots show|diff --show-vega` still exists and is not flagged.
 * A job on a DVC older than 2.8 has only the old spelling: nothing is reported there.
 */
const OLD_DVC_FLAGS: Record<string, string> = {
  '--show-md': '--md',
  '--show-json': '--json',
  '--show-csv': '--csv',
};

export const cmlDeprecated: Rule = {
  meta: {
    id: 'cml-deprecated',
    description: 'Deprecated CML commands (`cml-publish`, `cml-send-comment`, `cml send-comment`) and removed DVC options (`--show-md`).',
    defaultSeverity: 'warning',
    fixable: true,
    providers: ['github', 'gitlab'],
  },
  check(ctx) {
    for (const job of ctx.workflow.jobs) {
      for (const { script, cmd } of jobCommands(job)) {
        const a = cmd.argv;
        const bin = a[0] ?? '';
        const replacement = OLD_BINARIES[bin];
        if (replacement) {
          const span = wordSpan(script, cmd, cmd.start);
          const fix = replaceExact(ctx.workflow, span, bin, replacement);
          ctx.report({ span, message: `\`${bin}\` was removed from CML: use \`${replacement}\``, ...(fix ? { fix } : {}) });
          continue;
        }
        if (bin === 'cml' && a[1] !== undefined && OLD_SUBCOMMANDS[a[1]]) {
          const sub = OLD_SUBCOMMANDS[a[1]]!;
          const span = wordSpan(script, cmd, cmd.start + 1);
          const fix = replaceExact(ctx.workflow, span, a[1], sub);
          ctx.report({ span, message: `\`cml ${a[1]}\` is deprecated: use \`cml ${sub}\``, ...(fix ? { fix } : {}) });
          continue;
        }
        const inv = dvcInvocation(cmd);
        if (!inv) continue;
        const dvcVersion = jobDvcVersion(ctx.repo.root, job);
        if (dvcVersion !== undefined && atLeast(dvcVersion, DVC_SINCE.md.version) === false) continue;
        inv.args.forEach((arg, k) => {
          const next = OLD_DVC_FLAGS[arg];
          if (next === undefined) return;
          const span = wordSpan(script, cmd, cmd.start + inv.argIndex + k);
          const fix = replaceExact(ctx.workflow, span, arg, next);
          ctx.report({ span, message: `\`dvc ${inv.sub} ${arg}\` was removed in DVC 3: use \`${next}\``, ...(fix ? { fix } : {}) });
        });
      }
    }
  },
};
