import type { Rule } from '../model.js';
import { replaceScalar, replaceExact } from './util/fix.js';
import { dvcInstalls } from './util/installs.js';
import { pinRequirement } from './util/pip.js';
import { dvcRequirementForJob } from './util/repo.js';
import { repoRelative } from './util/repo-where.js';
import { sameVersion } from './util/versions.js';

export const dvcVersionConsistent: Rule = {
  meta: {
    id: 'dvc-version-consistent',
    description: 'The DVC version CI installs equals the one pinned in the repository requirements.',
    defaultSeverity: 'error',
    fixable: true,
    providers: ['github', 'gitlab'],
  },
  check(ctx) {
    for (const job of ctx.workflow.jobs) {
      const req = dvcRequirementForJob(ctx.repo.root, job);
      if (!req?.exact || !req.version) continue;
      const where = `${repoRelative(ctx.repo.root, req.file)}:${req.line}`;
      for (const install of dvcInstalls(job, ctx.workflow)) {
        if (!install.version || sameVersion(install.version, req.version)) continue;
        const message = `DVC ${install.version} here, but ${where} pins \`${req.text}\`: CI and local runs would use different DVC versions`;
        if (install.kind === 'setup-dvc') {
          const fix = replaceScalar(ctx.workflow, install.span, req.version);
          ctx.report({ span: install.span, message, ...(fix ? { fix } : {}) });
        } else if (install.kind === 'pip' && install.req && install.raw) {
          const pinned = pinRequirement(install.raw, install.req, req.version);
          const fix = replaceExact(ctx.workflow, install.span, install.raw, pinned);
          ctx.report({ span: install.span, message, ...(fix ? { fix } : {}) });
        } else {
          ctx.report({ span: install.span, message });
        }
      }
    }
  },
};
