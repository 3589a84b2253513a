/**
 * GitLab `include: component:` of this project's published components
 * (`gitlab.com/mlops-pipeline/components/<name>@<version>`): at the installed templates version
 * the component's `spec:` is known offline, so the inputs an include passes can be checked.
 * Other components are not fetched.
 */
import type { Workflow } from '../model.js';
import { componentSpec } from '../gitlab/spec.js';
import { parseSource } from '../parse/source.js';
import type { EngineContext } from './context.js';

const PUBLISHED = /^gitlab\.com\/mlops-pipeline\/components\/([a-z0-9-]+)$/;

/** Sets `include.spec` on component includes of a published component at the installed templates version. */
export function attachPublishedComponents(workflow: Workflow, ctx: EngineContext): void {
  for (const include of workflow.includes) {
    if (include.kind !== 'component' || !include.ref) continue;
    const name = PUBLISHED.exec(include.target)?.[1];
    if (!name || !ctx.templates.isCurrentRef?.(include.ref)) continue;
    const text = ctx.templates.publishedComponent?.(name);
    if (text === undefined) continue;
    const parsed = parseSource(text, `${include.target}@${include.ref}`);
    const spec = parsed.source ? componentSpec(parsed.source) : undefined;
    if (spec) include.spec = spec;
  }
}
