import type { Rule } from '../model.js';
import { DIFF_COMMANDS, DIFF_VALUE_FLAGS, dvcInvocation } from './util/dvc.js';
import { jobCommands } from './util/job.js';
import { positionals } from './util/shell.js';

const LOCAL_REVS = /^(HEAD|workspace|@)$/;

/** `git fetch` options that take a separate value. */
const GIT_FETCH_VALUE_FLAGS = new Set(['--depth', '--deepen', '--shallow-since', '--shallow-exclude', '-j', '--jobs', '--upload-pack', '--negotiation-tip', '--server-option', '-o', '--filter', '--refmap', '--recurse-submodules-default', '--submodule-prefix']);

/** Spellings of the pull/merge request's base branch: the same ref whichever a script uses. */
const BASE_BRANCH = /\$\{\{\s*(github\.base_ref|github\.event\.pull_request\.base\.ref)\s*\}\}|\$\{?GITHUB_BASE_REF\}?/g;
const MR_TARGET = /\$\{?CI_MERGE_REQUEST_TARGET_BRANCH_NAME\}?/g;

/** `origin/main`, `refs/heads/main`, `+refs/remotes/origin/main` all name `main`. */
function branchOf(ref: string): string {
  return ref
    .replace(/^\+/, '')
    .replace(/^refs\/(heads|tags|remotes\/origin)\//, '')
    .replace(/^origin\//, '')
    .replace(BASE_BRANCH, '<base>')
    .replace(MR_TARGET, '<base>');
}

export const gitHistoryForDiff: Rule = {
  meta: {
    id: 'git-history-for-diff',
    description: '`dvc metrics|params|plots|exp diff <ref>` needs that ref in the clone: `fetch-depth: 0`, `GIT_DEPTH: 0` or an explicit `git fetch`.',
    defaultSeverity: 'error',
    fixable: false,
    providers: ['github', 'gitlab'],
  },
  check(ctx) {
    const gh = ctx.workflow.provider === 'github';
    for (const job of ctx.workflow.jobs) {
      if (!job.checksOut) continue;
      const depth = job.fetchDepth?.value.trim();
      if (depth === '0') continue;
      const fetched: string[] = [];
      let unshallow = false;
      for (const { cmd } of jobCommands(job)) {
        const a = cmd.argv;
        if (a[0] === 'git' && (a[1] === 'fetch' || a[1] === 'pull')) {
          const refs = positionals(a, 2, GIT_FETCH_VALUE_FLAGS);
          // No refspec (or only the remote): every branch, by the refspec actions/checkout and GitLab configure.
          if (a.includes('--unshallow') || a.includes('--all') || refs.length <= 1 || a.some((w) => /^--deepen|^--shallow-since/.test(w))) unshallow = true;
          fetched.push(...refs);
          continue;
        }
        // `cml ci --fetch-depth 0` (and the older `--unshallow`) fetches the whole history.
        if (a[0] === 'cml' && a[1] === 'ci' && (a.includes('--unshallow') || a.some((w, k) => w === '--fetch-depth=0' || (w === '--fetch-depth' && a[k + 1] === '0')))) {
          unshallow = true;
          continue;
        }
        const inv = dvcInvocation(cmd);
        if (!inv || !DIFF_COMMANDS.has(inv.sub)) continue;
        const revs = positionals(inv.args, 0, DIFF_VALUE_FLAGS).filter((r) => !LOCAL_REVS.test(r));
        const missing = revs.filter((rev) => !unshallow && !fetched.some((f) => f.split(':').some((part) => branchOf(part) === branchOf(rev))));
        const rev = missing[0];
        if (rev === undefined) continue;
        const how = gh
          ? `set \`fetch-depth: 0\` on actions/checkout or run \`git fetch --depth=1 origin ${rev}:${rev}\` first`
          : `set \`GIT_DEPTH: 0\` or run \`git fetch --depth=1 origin ${rev}:${rev}\` first`;
        const clone = depth === undefined ? 'the clone is shallow' : `the clone has depth ${depth}`;
        ctx.report({ span: cmd.span, message: `\`dvc ${inv.sub}\` compares with \`${rev}\`, but ${clone}: ${how}` });
      }
    }
  },
};
