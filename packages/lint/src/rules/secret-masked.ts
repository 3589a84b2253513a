import type { Rule, Variable } from '../model.js';
import { writtenAsInput } from './util/fix.js';
import { jobCommands } from './util/job.js';
import { isSecretName, looksLikeSecretLiteral } from './util/secrets.js';
import { lastCommandIndex } from './util/shell.js';

const RAW_SECRET = /(JSON|SERVICE_ACCOUNT|CREDENTIALS|KEY_FILE|PRIVATE_KEY|KUBECONFIG|_KEY)$/i;

export const secretMasked: Rule = {
  meta: {
    id: 'secret-masked',
    description: 'GitLab: secrets belong in masked CI/CD variables, not in the file; JSON or multi-line secrets cannot be masked (store them base64-encoded).',
    defaultSeverity: 'warning',
    fixable: false,
    providers: ['gitlab'],
  },
  check(ctx) {
    const vars: Variable[] = [...ctx.workflow.env, ...ctx.workflow.jobs.flatMap((j) => j.env)];
    const seen = new Set<string>();
    for (const v of vars) {
      const key = `${v.span.line}:${v.span.column}`;
      if (seen.has(key) || v.value === undefined || !isSecretName(v.name) || !looksLikeSecretLiteral(v.value)) continue;
      // `$[[ inputs.x ]]`: the caller passes the value (from a masked variable or not).
      if (writtenAsInput(ctx.workflow, v.valueSpan)) continue;
      seen.add(key);
      ctx.report({ span: v.span, message: `\`${v.name}\` is defined in the file, where every reader of the repository sees it: define it as a masked CI/CD variable (Settings > CI/CD > Variables)` });
    }
    for (const job of ctx.workflow.jobs) {
      for (const { script, cmd } of jobCommands(job)) {
        const a = cmd.argv;
        if (a[0] !== 'echo' && a[0] !== 'printf') continue;
        if (!cmd.words.some((w) => /^\d?>{1,2}/.test(w.raw))) continue;
        const ref = a.slice(1).flatMap((w) => [...w.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!)).find((n) => isSecretName(n) && RAW_SECRET.test(n));
        if (!ref) continue;
        const lastDecode = lastCommandIndex(script, 'base64-decode', (c) => c.argv[0] === 'base64' && c.argv.some((w) => w === '-d' || w === '--decode' || w === '-D'));
        const decodes = lastDecode >= cmd.index;
        if (decodes) continue;
        ctx.report({
          span: cmd.span,
          message: `\`$${ref}\` is written to a file as raw text: GitLab cannot mask a JSON or multi-line value; store it base64-encoded in a masked variable and write it with \`echo "$${ref}" | base64 -d > …\``,
        });
      }
    }
  },
};
