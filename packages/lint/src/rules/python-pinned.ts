import type { Rule } from '../model.js';
import { replaceSpan, spanText } from './util/fix.js';
import { isDynamicImage, parseImage } from './util/images.js';
import { usesAction } from './util/job.js';

const FLOATING = /^(x|\*|latest|3|3\.x|3\.\*|>=?.*|~.*|\^.*)$/i;

export const pythonPinned: Rule = {
  meta: {
    id: 'python-pinned',
    description: 'Python is pinned to a minor version (`python-version: "3.12"`, `python:3.12` images), and written as a string.',
    defaultSeverity: 'warning',
    fixable: true,
    providers: ['github', 'gitlab'],
  },
  check(ctx) {
    for (const job of ctx.workflow.jobs) {
      for (const step of job.steps) {
        if (!usesAction(step, 'actions/setup-python') || !step.uses) continue;
        const input = step.with.get('python-version');
        if (!input) {
          if (!step.with.has('python-version-file')) ctx.report({ span: step.uses.span, message: 'setup-python without `python-version` uses whatever Python the runner has: set `python-version` (or `python-version-file: .python-version`)' });
          continue;
        }
        const value = input.value?.trim();
        if (value === undefined || /\$\{\{/.test(value)) continue;
        const written = spanText(ctx.workflow, input.span)?.trim() ?? value;
        if (/^\d+\.\d*0$/.test(written)) {
          const fix = replaceSpan(ctx.workflow, input.span, `'${written}'`);
          ctx.report({ span: input.span, message: `\`python-version: ${written}\` is read by YAML as the number ${Number(written)}: quote it ('${written}')`, ...(fix ? { fix } : {}) });
        } else if (FLOATING.test(value)) {
          ctx.report({ span: input.span, message: `\`python-version: ${value}\` floats to a new Python when one is released: pin a minor version such as '3.12'` });
        }
      }
      for (const img of job.images) {
        if (isDynamicImage(img.value)) continue;
        const ref = parseImage(img.value);
        if (!/^(library\/)?(python|pypy)$/.test(ref.repository) || ref.digest) continue;
        // An untagged or `latest` image is image-pinned's finding.
        const tag = ref.tag;
        if (tag !== undefined && tag !== 'latest' && /^(\d+|\d+-[a-z][a-z0-9.-]*|[a-z][a-z0-9.-]*)$/.test(tag)) {
          ctx.report({ span: img.span, message: `image \`${img.value}\` floats to a new Python when one is released: use a minor-version tag such as \`python:3.12-slim\`` });
        }
      }
    }
  },
};
