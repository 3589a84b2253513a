/** Where a job gets DVC from: setup-dvc, pip, project lock files, or a CML image. */
import type { Job, Span, Step, Workflow } from '../../model.js';
import { parseImage, isDvcImage, dvcVersionOfImage, isDynamicImage } from './images.js';
import { jobCommands, usesAction } from './job.js';
import { parsePipInstall, type Requirement } from './pip.js';
import { wordSpan } from './shell.js';
import { dvcInvocation } from './dvc.js';
import { DVC_INSTALLERS, DVC_PLUGINS } from './dvc-facts.js';
import { expand, hasReferences } from './expand.js';
import { parsePipRequirement } from './pip.js';

export type DvcInstallKind = 'setup-dvc' | 'pip' | 'project' | 'image';

export interface DvcInstall {
  kind: DvcInstallKind;
  /** Exact version when known. */
  version?: string;
  /** As written: setup-dvc `version` value, pip requirement, image reference, or file. */
  written?: string;
  exact: boolean;
  extras: string[];
  span: Span;
  /** setup-dvc: the step; pip: the step whose script installs. */
  step?: Step;
  /** pip: the requirement and its raw word. */
  req?: Requirement;
  raw?: string;
  /** project: the files installed from (requirements*.txt, poetry.lock…). */
  files?: string[];
  /** Order in the job (step index * 1000 + command index). */
  order: number;
  /** The written value with references expanded. */
  resolved?: string;
  /** The version is written through a reference that cannot be resolved (matrix, vars, CI/CD variables). */
  unknown?: boolean;
  /** pip kind: a DVC remote plugin (`dvc-s3`, `dvc-gdrive`, …) whose install pulls in an unpinned DVC. */
  plugin?: string;
  /** setup-dvc kind: the action (`setup-dvc`, or `iterative/setup-tools`, which runs it) and its version input. */
  installer?: { name: string; input: string };
}



const cache = new WeakMap<Job, DvcInstall[]>();

export function dvcInstalls(job: Job, workflow?: Workflow): DvcInstall[] {
  const hit = cache.get(job);
  if (hit) return hit;
  const out: DvcInstall[] = [];
  for (const img of job.images) {
    if (isDynamicImage(img.value)) continue;
    const ref = parseImage(img.value);
    if (!isDvcImage(ref)) continue;
    const version = dvcVersionOfImage(ref);
    out.push({ kind: 'image', written: img.value, exact: version !== undefined, extras: ['all'], span: img.span, order: -1, ...(version ? { version } : {}) });
  }
  for (const step of job.steps) {
    const installer = DVC_INSTALLERS.find((a) => usesAction(step, a.repo));
    if (installer && step.uses) {
      const v = step.with.get(installer.input);
      const value = v?.value?.trim();
      const resolved = value !== undefined && workflow && hasReferences(value) ? expand(value, workflow, job, step) : value;
      const unknown = value !== undefined && hasReferences(value) && resolved === undefined;
      const exact = resolved !== undefined && /^\d+\.\d+\.\d+$/.test(resolved.trim());
      out.push({
        kind: 'setup-dvc',
        installer: { name: installer.name, input: installer.input },
        written: value,
        exact,
        ...(unknown ? { unknown } : {}),
        ...(resolved !== undefined ? { resolved } : {}),
        extras: ['all'],
        span: v?.span ?? step.uses.span,
        step,
        order: step.index * 1000,
        ...(exact ? { version: resolved!.trim() } : {}),
      });
    }
  }
  jobCommands(job).forEach(({ step, script, cmd }, n) => {
    const pip = parsePipInstall(cmd);
    if (!pip) return;
    const pinsDvc = pip.packages.some((p) => p.req.name === 'dvc');
    for (const p of pip.packages) {
      if (DVC_PLUGINS.includes(p.req.name) && !pinsDvc && !hasReferences(p.raw)) {
        out.push({ kind: 'pip', written: p.raw, raw: p.raw, exact: false, extras: [], plugin: p.req.name, span: wordSpan(script, cmd, cmd.start + p.argIndex), step, order: step.index * 1000 + n + 1 });
        continue;
      }
      if (p.req.name !== 'dvc') continue;
      let req = p.req;
      let unknown = false;
      if (hasReferences(p.raw)) {
        const resolved = workflow ? expand(p.raw, workflow, job, step) : undefined;
        if (resolved === undefined) unknown = true;
        else req = parsePipRequirement(resolved) ?? req;
      }
      out.push({
        kind: 'pip',
        written: p.raw,
        raw: p.raw,
        exact: req.exact,
        extras: req.extras,
        ...(unknown ? { unknown } : {}),
        span: wordSpan(script, cmd, cmd.start + p.argIndex),
        step,
        req,
        order: step.index * 1000 + n + 1,
        ...(req.version ? { version: req.version } : {}),
      });
    }
    if (pip.files.length > 0) out.push({ kind: 'project', exact: false, extras: [], span: cmd.span, step, files: pip.files, order: step.index * 1000 + n + 1 });
  });
  out.sort((a, b) => a.order - b.order);
  cache.set(job, out);
  return out;
}

/** The job runs a `dvc` command. */
export function runsDvc(job: Job): boolean {
  return jobCommands(job).some(({ cmd }) => dvcInvocation(cmd) !== undefined);
}

/** Files that look like they list the repo's Python requirements. */
export function installsRequirementFile(install: DvcInstall): boolean {
  return (install.files ?? []).some((f) => /requirements[^/]*\.(txt|in)$|pyproject\.toml$|\.lock$|^\.$|^\.\[|setup\.py$/.test(f) || f === '.');
}
