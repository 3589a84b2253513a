import type { Rule } from '../model.js';
import { dvcInstalls, installsRequirementFile, type DvcInstall } from './util/installs.js';
import { dvcRequirementFor } from './util/repo.js';
import { sameVersion } from './util/versions.js';

function describe(i: DvcInstall): string {
  if (i.kind === 'setup-dvc') return `setup-dvc (line ${i.span.line}) installs ${i.version ?? 'the latest DVC'}`;
  if (i.kind === 'pip') return `\`pip install ${i.written}\` (line ${i.span.line}) installs ${i.version ?? 'an unpinned DVC'}`;
  return `the requirements (line ${i.span.line}) install ${i.version ?? 'an unpinned DVC'}`;
}

export const twoDvcInstalls: Rule = {
  meta: {
    id: 'two-dvc-installs',
    description: 'One job installs DVC twice (setup-dvc and pip) with different versions.',
    defaultSeverity: 'warning',
    fixable: false,
    providers: ['github', 'gitlab'],
  },
  check(ctx) {
    for (const job of ctx.workflow.jobs) {
      const all = dvcInstalls(job, ctx.workflow);
      const setup = all.find((i) => i.kind === 'setup-dvc');
      if (!setup || setup.unknown) continue;
      const others: DvcInstall[] = all.filter((i) => i.kind === 'pip' && !i.unknown);
      for (const p of all.filter((i) => i.kind === 'project' && installsRequirementFile(i))) {
        const req = dvcRequirementFor(ctx.repo.root, p.files ?? [], p.step?.workingDirectory);
        if (req) others.push({ ...p, ...(req.version ? { version: req.version } : {}), exact: req.exact });
      }
      for (const other of others) {
        if (setup.version !== undefined && other.version !== undefined && sameVersion(setup.version, other.version)) continue;
        ctx.report({
          span: other.span,
          message: `DVC is installed twice in job "${job.id}": ${describe(setup)} and ${describe(other)}; whichever is first on PATH wins: keep one`,
        });
      }
    }
  },
};
