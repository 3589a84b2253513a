import type { Rule, Span } from '../model.js';
import { replaceScalar } from './util/fix.js';

const OWN_WORKFLOW = /^mlops-pipeline\/mlops-pipeline\/\.github\/workflows\/[^@]+$/;
const OWN_COMPONENT = /^gitlab\.com\/mlops-pipeline\/components\/[^@]+$/;

function parse(v: string): number[] | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(v.trim());
  if (!m) return undefined;
  return [Number(m[1]), m[2] === undefined ? NaN : Number(m[2]), m[3] === undefined ? NaN : Number(m[3])];
}

/** The ref is older than `latest`; a moving `v1` / `1.2` ref is current when its prefix matches. */
function older(ref: string, latest: string): boolean {
  const a = parse(ref);
  const b = parse(latest);
  if (!a || !b) return false;
  for (let i = 0; i < 3; i++) {
    if (Number.isNaN(a[i]!)) return false;
    if (a[i]! !== b[i]!) return a[i]! < b[i]!;
  }
  return false;
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
      if (!use?.ref || !OWN_WORKFLOW.test(use.name) || !older(use.ref, latest)) continue;
      if (headerLine === `${use.span.file}:${use.span.line}` && older(header!.version, latest)) continue;
      report(use.span, `reusable workflow \`${use.name.split('/').pop()}\``, use.ref, `${use.name}@v${latest}`, false);
    }
    for (const inc of ctx.workflow.includes) {
      if (inc.kind !== 'component' || !inc.ref) continue;
      const name = inc.target.replace(/@.*$/, '');
      if (!OWN_COMPONENT.test(name) || !older(inc.ref, latest)) continue;
      if (headerLine === `${inc.span.file}:${inc.span.line}` && older(header!.version, latest)) continue;
      report(inc.span, `component \`${name.split('/').pop()}\``, inc.ref, `${name}@${latest}`, false);
    }
  },
};
