import { isMap, isScalar } from 'yaml';
import type { Rule } from '../model.js';
import { nodeSpan, spanOf } from './util/fix.js';

const JWT = /\bCI_JOB_JWT(?:_V[12])?\b/g;
const NOT_JOBS = new Set(['default', 'include', 'stages', 'variables', 'workflow', 'spec', 'image', 'services', 'cache', 'before_script', 'after_script']);

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
    const root = workflow.document.contents;
    if (isMap(root)) {
      for (const job of root.items) {
        if (!isScalar(job.key) || NOT_JOBS.has(String(job.key.value)) || !isMap(job.value)) continue;
        for (const pair of job.value.items) {
          if (!isScalar(pair.key)) continue;
          const key = String(pair.key.value);
          if (key !== 'only' && key !== 'except') continue;
          const span = nodeSpan(workflow, pair.key);
          if (span) ctx.report({ span, message: `\`${key}:\` is deprecated: express when job "${String(job.key.value)}" runs with \`rules:\`` });
        }
      }
    }
    for (const { file, text } of docs) {
      const lines = text.split('\n');
      let offset = 0;
      for (const line of lines) {
        const commentAt = /(^|\s)#/.exec(line)?.index ?? line.length;
        JWT.lastIndex = 0;
        for (let m = JWT.exec(line); m; m = JWT.exec(line)) {
          if (m.index >= commentAt) break;
          ctx.report({
            span: spanOf(workflow, offset + m.index, offset + m.index + m[0].length, file),
            message: `\`${m[0]}\` was removed in GitLab 17.0: declare \`id_tokens:\` in the job and use that token instead`,
          });
        }
        offset += line.length + 1;
      }
    }
  },
};
