import type { Span } from '../model.js';
import type { Rule } from '../model.js';
import { spanBetween } from './util/fix.js';
import { spanKey } from '../span-key.js';

const JWT = /\bCI_JOB_JWT(?:_V[12])?\b/g;
const DEPRECATED_KEYS = ['only', 'except'] as const;

export const gitlabDeprecated: Rule = {
  meta: {
    id: 'gitlab-deprecated',
    description: 'Deprecated GitLab CI syntax: `only`/`except` (use `rules`), `CI_JOB_JWT`/`CI_JOB_JWT_V2` (removed in GitLab 17.0, use `id_tokens`).',
    defaultSeverity: 'warning',
    fixable: false,
    providers: ['gitlab'],
  },
  check(ctx) {
    const { workflow } = ctx;
    const docs = [{ file: workflow.file, text: workflow.text }, ...[...workflow.sources].map(([file, text]) => ({ file, text }))];
    // Hidden jobs first, then jobs (with what they inherit through `extends:`, includes and
    // `!reference`): each place `only:`/`except:` is written is reported once, naming the job
    // it was written in when that is a hidden one.
    const reported = new Set<string>();
    const report = (key: string, span: Span | undefined, job: string): void => {
      if (!span) return;
      const at = spanKey(span);
      if (reported.has(at)) return;
      reported.add(at);
      ctx.report({ span, message: `\`${key}:\` is deprecated: express when job "${job}" runs with \`rules:\`` });
    };
    for (const hidden of workflow.hiddenJobs) for (const key of DEPRECATED_KEYS) report(key, hidden.keySpans.get(key), hidden.id);
    for (const job of workflow.jobs) for (const key of DEPRECATED_KEYS) if (job.config && key in job.config) report(key, job.keySpans?.get(key), job.id);
    for (const { file, text } of docs) {
      const lines = text.split('\n');
      let offset = 0;
      for (const line of lines) {
        const commentAt = /(^|\s)#/.exec(line)?.index ?? line.length;
        JWT.lastIndex = 0;
        for (let m = JWT.exec(line); m; m = JWT.exec(line)) {
          if (m.index >= commentAt) break;
          ctx.report({
            span: spanBetween(workflow, offset + m.index, offset + m.index + m[0].length, file),
            message: `\`${m[0]}\` was removed in GitLab 17.0: declare \`id_tokens:\` in the job and use that token instead`,
          });
        }
        offset += line.length + 1;
      }
    }
  },
};
