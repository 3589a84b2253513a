import type { RepoPath, Rule } from '../model.js';
import { replaceScalar, writtenAsInput } from './util/fix.js';

const LEADING_DOT_SLASH = /^(\.\/)+/;

/** What a `./` path does on the platform, by the key it is written under. */
function consequence(p: RepoPath): string {
  if (p.key.startsWith('cache:key:')) return `GitLab looks \`${p.key}\` up at the commit by the path from the project's root, so \`${p.path}\` names no file and the cache key falls back to \`default\``;
  if (p.key === 'rules:exists') return `GitLab compares \`rules:exists\` with the project's files by their path from its root, so \`${p.path}\` never exists and the rule never matches`;
  if (p.key.startsWith('on.')) return `GitHub matches \`${p.key}\` against changed files by their path from the repository's root, which never starts with \`./\`, so \`${p.path}\` matches nothing`;
  return `GitLab compares \`${p.key}\` with changed files by their path from the project's root, which never starts with \`./\`, so \`${p.path}\` matches nothing`;
}

export const pathFromRoot: Rule = {
  meta: {
    id: 'path-from-root',
    description: 'Paths the platform matches against the repository (GitHub `paths` filters; GitLab `rules:changes`, `rules:exists`, `cache:key:files`) are written from its root, without `./`.',
    defaultSeverity: 'error',
    fixable: true,
    providers: ['github', 'gitlab'],
  },
  check(ctx) {
    for (const p of ctx.workflow.repoPaths) {
      // Built from a component input: what the path is depends on what the caller passes.
      if (!LEADING_DOT_SLASH.test(p.path) || writtenAsInput(ctx.workflow, p.span)) continue;
      const fixed = p.path.replace(LEADING_DOT_SLASH, '');
      const fix = fixed === '' ? undefined : replaceScalar(ctx.workflow, p.span, fixed);
      ctx.report({ span: p.span, message: `${consequence(p)}: write \`${fixed === '' ? '**/*' : fixed}\``, ...(fix ? { fix } : {}) });
    }
  },
};
