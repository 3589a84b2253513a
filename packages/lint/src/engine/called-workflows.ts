/**
 * GitHub reusable-workflow calls: the workflow a job's `uses:` names, read and modelled so
 * rules can compare the call with what the called workflow declares. Known offline: a local
 * `./.github/workflows/x.yml` (a path from the repository root, as GitHub reads it; in-memory
 * overrides first) and this project's published templates at the installed templates version.
 * Other repositories' workflows are not fetched.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { isProjectTemplateRef, parseTemplateRef } from '@mlops-pipeline/templates';
import type { CalledWorkflow, Workflow } from '../model.js';
import { buildGithubWorkflow } from '../github/model.js';
import { parseSource } from '../parse/source.js';
import type { EngineContext } from './context.js';
import { readText } from './read.js';

/** GitHub reads local reusable workflows from `.github/workflows/` itself, no sub-directory. */
const LOCAL = /^\.\/\.github\/workflows\/[^/\\]+\.ya?ml$/;

/** The file, when it really lies inside the repository (a link leading out of it is not read). */
function insideRepository(abs: string, root: string): boolean {
  try {
    const rel = path.relative(realpathSync(root), realpathSync(abs));
    return !rel.startsWith('..') && !path.isAbsolute(rel);
  } catch {
    return false;
  }
}

function modelOf(text: string, file: string, ctx: EngineContext): Workflow | undefined {
  const parsed = parseSource(text, file);
  if (!parsed.source || parsed.diagnostics.some((d) => d.severity === 'error')) return undefined;
  return buildGithubWorkflow(parsed.source, false, ctx.templates);
}

function called(raw: string, ctx: EngineContext, cache: Map<string, CalledWorkflow | null>): CalledWorkflow | undefined {
  const known = cache.get(raw);
  if (known !== undefined) return known ?? undefined;
  let out: CalledWorkflow | undefined;
  if (LOCAL.test(raw)) {
    const abs = path.join(ctx.repo.root, raw.slice(2));
    const override = ctx.overrides?.get(abs);
    const read = override !== undefined ? { text: override } : insideRepository(abs, ctx.repo.root) ? readText(abs) : { error: 'outside the repository' };
    const file = raw.slice(2);
    const workflow = 'text' in read ? modelOf(read.text, file, ctx) : undefined;
    if (workflow) out = { file, workflow };
  } else {
    const pinned = parseTemplateRef('github', raw);
    const published = pinned && isProjectTemplateRef(pinned) ? pinned : undefined;
    const text = published?.path && published.ref && ctx.templates.isCurrentRef?.(published.ref) ? ctx.templates.publishedWorkflow?.(published.path) : undefined;
    const workflow = text === undefined ? undefined : modelOf(text, raw, ctx);
    if (workflow) out = { file: raw, workflow };
  }
  cache.set(raw, out ?? null);
  return out;
}

/** Sets `job.called` on every job of a GitHub workflow whose called workflow can be read. */
export function attachCalledWorkflows(workflow: Workflow, ctx: EngineContext): void {
  const cache = new Map<string, CalledWorkflow | null>();
  for (const job of workflow.jobs) {
    if (!job.uses) continue;
    const target = called(job.uses.raw, ctx, cache);
    if (target) job.called = target;
  }
}
