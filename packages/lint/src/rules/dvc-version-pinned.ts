import type { Fix, Job, Rule, RuleContext, Workflow } from '../model.js';
import { DEFAULT_DVC_VERSION } from './util/defaults.js';
import { replaceScalar, replaceExact, sourceText } from './util/fix.js';
import { dvcInstalls, installsRequirementFile, runsDvc, type DvcInstall } from './util/installs.js';
import { pinRequirement } from './util/pip.js';
import { hasReferences } from './util/expand.js';
import { dvcRequirementFor, dvcRequirementForJob } from './util/repo.js';
import { repoRelative } from './util/repo-where.js';
import { adviseDvcVersion, jobDvcVersion } from './util/versions.js';

/** The version a fix pins: what the job or the requirements files it installs pin, else the repository's pin, else the default. */
function targetVersion(ctx: RuleContext, job: Job): string {
  return jobDvcVersion(ctx.repo.root, job) ?? DEFAULT_DVC_VERSION;
}

/** Adds `version:` to a setup-dvc step that has none. */
function insertVersion(workflow: Workflow, install: DvcInstall, version: string): Fix | undefined {
  const step = install.step;
  const uses = step?.uses;
  if (!step || !uses) return undefined;
  const src = sourceText(workflow, uses.span.file);
  const lines = workflow.lines(uses.span.file);
  if (src === undefined || lines === undefined) return undefined;
  const withEntry = [...step.with.values()][0];
  if (withEntry) {
    // `with:` exists: put `version:` before its first key, same indentation.
    const lineStart = lines.offsetAt(withEntry.span.line, 1);
    const keyLine = src.slice(lineStart, src.indexOf('\n', lineStart) < 0 ? src.length : src.indexOf('\n', lineStart));
    const indent = /^\s*/.exec(keyLine)?.[0] ?? '';
    return { file: uses.span.file, start: lineStart, end: lineStart, text: `${indent}${inputOf(install)}: '${version}'\n` };
  }
  const usesLineStart = lines.offsetAt(uses.span.line, 1);
  const usesLineEndRaw = src.indexOf('\n', usesLineStart);
  const usesLineEnd = usesLineEndRaw < 0 ? src.length : usesLineEndRaw;
  const usesLine = src.slice(usesLineStart, usesLineEnd);
  const keyCol = /uses\s*:/.exec(usesLine)?.index;
  if (keyCol === undefined) return undefined;
  const indent = ' '.repeat(keyCol);
  return { file: uses.span.file, start: usesLineEnd, end: usesLineEnd, text: `\n${indent}with:\n${indent}  ${inputOf(install)}: '${version}'` };
}

const inputOf = (install: DvcInstall): string => install.installer?.input ?? 'version';

export const dvcVersionPinned: Rule = {
  meta: {
    id: 'dvc-version-pinned',
    description: 'DVC must resolve to an exact version (setup-dvc `version`, `pip install dvc==…`, CML image tags).',
    defaultSeverity: 'error',
    fixable: true,
    providers: ['github', 'gitlab'],
  },
  check(ctx) {
    const { workflow } = ctx;
    for (const job of workflow.jobs) {
      const installs = dvcInstalls(job, ctx.workflow);
      if (installs.length === 0) continue;
      const version = targetVersion(ctx, job);
      let pinnedElsewhere = false;
      // An exact `pip install dvc==X` in the job bounds whatever range a requirements file allows.
      const exactPip = installs.some((i) => i.kind === 'pip' && i.exact);
      for (const install of installs) {
        if (install.unknown) {
          pinnedElsewhere = true;
          continue;
        }
        if (install.kind === 'setup-dvc') {
          if (install.exact) {
            pinnedElsewhere = true;
            continue;
          }
          const viaReference = install.written !== undefined && hasReferences(install.written);
          const name = install.installer?.name ?? 'setup-dvc';
          const input = inputOf(install);
          const fix = install.written === undefined ? insertVersion(workflow, install, version) : viaReference ? undefined : replaceScalar(workflow, install.span, version);
          ctx.report({
            span: install.span,
            message:
              install.written === undefined
                ? `${name} installs the latest DVC: set \`${input}: '${version}'\``
                : viaReference
                  ? `${name} \`${input}: ${install.written}\` resolves to \`${install.resolved ?? ''}\`, not an exact DVC version: make it '${version}'`
                  : `${name} \`${input}: ${install.written}\` is not an exact DVC version: use '${version}'`,
            ...(fix ? { fix } : {}),
          });
        } else if (install.kind === 'pip' && install.plugin) {
          if (installs.some((i) => i.exact || i.unknown) || dvcRequirementForJob(ctx.repo.root, job)?.exact) continue;
          ctx.report({ span: install.span, message: `\`${install.plugin}\` installs DVC as a dependency, at whatever version is newest: install \`dvc==${version}\` with it` });
        } else if (install.kind === 'pip' && install.req && install.raw) {
          if (install.exact) {
            pinnedElsewhere = true;
            continue;
          }
          const pinned = pinRequirement(install.raw, install.req, version);
          const fix = replaceExact(workflow, install.span, install.raw, pinned);
          ctx.report({
            span: install.span,
            message: install.req.specifier
              ? `\`${install.raw}\` allows more than one DVC version: pin \`${pinned}\``
              : `\`${install.raw}\` installs whatever DVC is newest: pin \`${pinned}\``,
            ...(fix ? { fix } : {}),
          });
        } else if (install.kind === 'project' && installsRequirementFile(install)) {
          const fromFile = dvcRequirementFor(ctx.repo.root, install.files ?? [], install.step?.workingDirectory);
          if ((install.files ?? []).some((f) => f.endsWith('.lock'))) pinnedElsewhere = true;
          else if (fromFile && fromFile.exact) pinnedElsewhere = true;
          else if (fromFile && !fromFile.exact && !exactPip) {
            ctx.report({ span: install.span, message: `DVC comes from ${repoRelative(ctx.repo.root, fromFile.file)}:${fromFile.line}, where \`${fromFile.text}\` is not an exact version: pin \`dvc==<version>\` there` });
          }
        }
      }
      for (const install of installs) {
        if (install.kind !== 'image' || install.exact || pinnedElsewhere) continue;
        if (!runsDvc(job)) continue;
        ctx.report({
          span: install.span,
          message: `image \`${install.written}\` ships whatever DVC its rolling tag points to: install an exact DVC in the job (\`pip install dvc==${adviseDvcVersion([install.written ?? ''], version)}\`) or use a tag that names the DVC version`,
        });
      }
    }
  },
};
