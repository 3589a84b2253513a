import type { Rule, Span, Variable } from '../model.js';
import { spanBetween, writtenAsInput } from './util/fix.js';
import { jobCommands } from './util/job.js';
import { findSecretValues, isSecretName, looksLikeSecretLiteral, redact } from './util/secrets.js';
import { wordSpan } from './util/shell.js';
import { SECRET_REMOTE_OPTIONS, dvcInvocation } from './util/dvc.js';
import { spanKey } from '../span-key.js';

const ADVICE = 'store it as a secret (GitHub: repository secret; GitLab: masked CI/CD variable) and rotate it';

export const secretHardcoded: Rule = {
  meta: {
    id: 'secret-hardcoded',
    description: 'Private keys, service-account JSON, cloud keys, tokens and passwords written as literal values in the file.',
    defaultSeverity: 'error',
    fixable: false,
    providers: ['github', 'gitlab'],
  },
  check(ctx) {
    const { workflow } = ctx;
    const seen = new Set<string>();
    const report = (span: Span, message: string): void => {
      // `$[[ inputs.x ]]`: the model holds the input's default, the caller passes the value.
      if (writtenAsInput(workflow, span)) return;
      const key = spanKey(span);
      if (seen.has(key)) return;
      seen.add(key);
      ctx.report({ span, message });
    };
    // 1. Values that are secrets by their shape, anywhere in the files (comments included).
    const docs = [{ file: workflow.file, text: workflow.text }, ...[...workflow.sources].map(([file, text]) => ({ file, text }))];
    for (const { file, text } of docs) {
      for (const m of findSecretValues(text)) {
        // Multi-line values (PEM keys, JSON) are marked on their first line.
        const firstLine = m.value.split('\n')[0]!.length;
        report(spanBetween(workflow, m.index, m.index + firstLine, file), `hard-coded ${m.kind} ${redact(m.value)}: ${ADVICE}`);
      }
    }
    // 2. Literal values of secret-like variables and action inputs.
    const vars: Variable[] = [...workflow.env, ...workflow.jobs.flatMap((j) => [...j.env, ...j.steps.flatMap((s) => s.env)])];
    for (const v of vars) {
      if (v.value === undefined || v.secretRefs.length > 0 || !isSecretName(v.name) || !looksLikeSecretLiteral(v.value) || findSecretValues(v.value).length > 0) continue;
      report(v.valueSpan, `\`${v.name}\` is set to a literal value ${redact(v.value)}: ${ADVICE}`);
    }
    for (const job of workflow.jobs) {
      for (const step of job.steps) {
        for (const [name, input] of step.with) {
          if (input.value === undefined || !isSecretName(name) || !looksLikeSecretLiteral(input.value) || findSecretValues(input.value).length > 0) continue;
          report(input.span, `input \`${name}\` is a literal value ${redact(input.value)}: ${ADVICE}`);
        }
      }
      // 3. Literal secrets passed to commands.
      for (const { script, cmd } of jobCommands(job)) {
        const a = cmd.argv;
        const inv = dvcInvocation(cmd);
        let valueIndex: number | undefined;
        if (inv?.sub === 'remote modify') {
          const pos = inv.args.filter((w) => !w.startsWith('-'));
          const opt = pos[1];
          if (opt && SECRET_REMOTE_OPTIONS.has(opt) && pos[2] !== undefined) valueIndex = inv.argIndex + inv.args.indexOf(pos[2]);
        } else {
          const i = a.findIndex((w) => /^--(password|token|api-key|secret)$/.test(w) || (w === '-p' && a[1] === 'login'));
          if (i >= 0 && a[i + 1] !== undefined) valueIndex = i + 1;
          const eq = a.findIndex((w) => /^--(password|token|api-key|secret)=./.test(w));
          if (eq >= 0) {
            const value = a[eq]!.slice(a[eq]!.indexOf('=') + 1);
            if (looksLikeSecretLiteral(value)) report(wordSpan(script, cmd, cmd.start + eq), `a literal secret ${redact(value)} is passed to \`${a[0]}\`: ${ADVICE}`);
          }
        }
        if (valueIndex !== undefined) {
          const value = a[valueIndex]!;
          if (looksLikeSecretLiteral(value)) report(wordSpan(script, cmd, cmd.start + valueIndex), `a literal secret ${redact(value)} is passed to \`${a[0]}\`: ${ADVICE}`);
        }
        for (const w of a) {
          const m = /:\/\/[^/@\s:]*:([^/@\s]+)@/.exec(w);
          if (m && looksLikeSecretLiteral(m[1]!)) report(wordSpan(script, cmd, cmd.start + a.indexOf(w)), `a URL carries a literal password ${redact(m[1]!)}: ${ADVICE}`);
        }
      }
    }
  },
};
