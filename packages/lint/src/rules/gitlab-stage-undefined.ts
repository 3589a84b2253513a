/**
 * A job's `stage` must be one of the pipeline's stages, or GitLab refuses the pipeline
 * ("chosen stage … does not exist"). Facts (https://docs.gitlab.com/ci/yaml/#stages,
 * https://docs.gitlab.com/ci/yaml/#stage): without `stages:` the stages are `.pre`, `build`,
 * `test`, `deploy`, `.post`; `.pre` and `.post` always exist; a job without `stage:` runs in
 * `test`. Checked after local includes are merged; skipped when an include that is not read
 * (remote, project, template, component) may define `stages:`, and for a component on its
 * own (its includer's stages apply).
 */
import type { Rule } from '../model.js';

const DEFAULT_STAGES = ['.pre', 'build', 'test', 'deploy', '.post'];
const ALWAYS = ['.pre', '.post'];

export const gitlabStageUndefined: Rule = {
  meta: {
    id: 'gitlab-stage-undefined',
    description: 'A job\'s `stage` (default `test`) is one of the pipeline\'s `stages:` after includes are resolved.',
    defaultSeverity: 'error',
    fixable: false,
    providers: ['gitlab'],
  },
  check(ctx) {
    const { workflow } = ctx;
    if (workflow.kind === 'component' || workflow.incomplete) return;
    const declared = workflow.stages?.map((s) => s.value);
    const available = declared ? [...new Set([...ALWAYS.slice(0, 1), ...declared, ...ALWAYS.slice(1)])] : DEFAULT_STAGES;
    const list = available.join(', ');
    for (const job of workflow.jobs) {
      const stage = job.config?.stage;
      if (stage === undefined || stage === null) {
        if (!available.includes('test')) ctx.report({ span: job.span, message: `job "${job.id}" has no \`stage:\`, so it runs in \`test\`, which is not a stage of this pipeline (stages: ${list}): GitLab refuses the pipeline; set its \`stage:\`` });
        continue;
      }
      if (typeof stage !== 'string' || stage.includes('$')) continue;
      if (available.includes(stage)) continue;
      const near = available.find((s) => s.toLowerCase() === stage.toLowerCase());
      ctx.report({
        span: job.valueSpans?.get('stage') ?? job.span,
        message: `job "${job.id}": stage \`${stage}\` is not a stage of this pipeline (stages: ${list})${near ? ` — did you mean \`${near}\`?` : ''}: GitLab refuses the pipeline; add it to \`stages:\` or pick one of them`,
      });
    }
  },
};
