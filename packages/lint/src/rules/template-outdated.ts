import type { Rule, Span } from '../model.js';
import { compareTemplateVersion, isProjectTemplateRef, parseTemplateRef } from '@mlops-pipeline/templates';
import { replaceScalar } from './util/fix.js';

/** The ref is older than `latest`; a moving `v1` / `1.2` ref is current while `latest` is in its range. */
function older(ref: string, latest: string): boolean {
  return compareTemplateVersion(ref, latest) < 0;
}

export const templateOutdated: Rule = {
  meta: {
    id: 'template-outdated',
    description: 'A vendored template header or a pinned template ref is older than the newest templates version.',
    defaultSeverity: 'info',
    fixable: true,
    providers: ['github', 'gitlab'],
  },
  check(ctx) {
    const latest = ctx.repo.templatesVersion;
    const report = (span: Span, what: string, ref: string, text: string | undefined, rerender: boolean): void => {
      const fix = text === undefined ? undefined : replaceScalar(ctx.workflow, span, text);
      ctx.report({
        span,
        message: `${what} is at ${ref}, the newest templates version is ${latest}: ${rerender ? 'run `npx create-mlops-pipeline upgrade` to re-render it' : `bump it to ${text ?? latest}`}`,
        ...(fix ? { fix } : {}),
      });
    };
    const header = ctx.workflow.header;
    if (header && older(header.version, latest)) {
      // No automatic fix: bumping the header without re-rendering the body would make it lie.
      ctx.report({
        span: header.span,
        message: `vendored template "${header.template}" is version ${header.version}, the newest is ${latest}: run \`npx create-mlops-pipeline upgrade\` to re-render it`,
      });
    }
    const headerLine = header ? `${header.span.file}:${header.span.line}` : undefined;
    for (const job of ctx.workflow.jobs) {
      const use = job.uses;
      const pinned = use && parseTemplateRef('github', use.raw);
      if (!use || !pinned?.ref || !isProjectTemplateRef(pinned) || !older(pinned.ref, latest)) continue;
      if (headerLine === `${use.span.file}:${use.span.line}` && older(header!.version, latest)) continue;
      report(use.span, `reusable workflow \`${use.name.split('/').pop()}\``, pinned.ref, `${use.name}@v${latest}`, false);
    }
    for (const inc of ctx.workflow.includes) {
      if (inc.kind !== 'component' || !inc.ref) continue;
      const name = inc.target.replace(/@.*$/, '');
      const pinned = parseTemplateRef('gitlab', name);
      if (!pinned || !isProjectTemplateRef(pinned) || !older(inc.ref, latest)) continue;
      if (headerLine === `${inc.span.file}:${inc.span.line}` && older(header!.version, latest)) continue;
      report(inc.span, `component \`${name.split('/').pop()}\``, inc.ref, `${name}@${latest}`, false);
    }
  },
};
