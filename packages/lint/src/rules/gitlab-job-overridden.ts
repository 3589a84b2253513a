/**
 * Two files of one pipeline (the file and a local include, or two includes) defining the same
 * job name: GitLab merges them into one job, the later definition's keys replacing the earlier
 * one's without a word (https://docs.gitlab.com/ci/yaml/includes/#override-included-configuration-values;
 * included files are merged in order, then the including file). Intended overrides are better
 * written with `extends:` (a new name), which says what is reused.
 */
import type { Rule } from '../model.js';

export const gitlabJobOverridden: Rule = {
  meta: {
    id: 'gitlab-job-overridden',
    description: 'A job name defined in two files of one pipeline (the file and a local include, or two includes): the later one silently replaces keys of the other.',
    defaultSeverity: 'warning',
    fixable: false,
    providers: ['gitlab'],
  },
  check(ctx) {
    for (const { id, spans } of ctx.workflow.redefinedJobs) {
      const [first, ...later] = spans;
      for (const span of later) {
        ctx.report({
          span,
          message: `job "${id}" is also defined in ${first!.file} (line ${first!.line}): GitLab merges the two and the keys written here silently replace the ones there; rename one, or build on the other with \`extends:\``,
        });
      }
    }
  },
};
