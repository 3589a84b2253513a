import type { Rule, Span } from '../model.js';
import { SECRET_REMOTE_OPTIONS, dvcInvocation } from './util/dvc.js';
import { jobCommands } from './util/job.js';
import { isSecretName } from './util/secrets.js';
import { wordSpan } from './util/shell.js';

const SECRET_EXPR = /\$\{\{\s*secrets\.([A-Za-z0-9_]+)\s*\}\}/g;
/** `scheme://user:secret@` or `scheme://secret@` where the secret is a reference. */
const URL_CREDENTIALS = /[a-z+]+:\/\/((?:\$\{\{[^}]*\}\}|[^/@\s])*@)/i;
const SECRET_FLAGS = /^--?(password|passwd|token|api-key|apikey|secret|access-token|auth-token|private-key)$/;

/** The word refers to a secret: `${{ secrets.X }}` or `$NAME` / `${NAME}` with a secret-like name. */
function secretReference(word: string): string | undefined {
  const gh = /\$\{\{\s*secrets\.([A-Za-z0-9_]+)/.exec(word);
  if (gh) return `secrets.${gh[1]}`;
  for (const m of word.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) if (isSecretName(m[1]!) || /^CI_JOB_TOKEN$/.test(m[1]!)) return `$${m[1]}`;
  return undefined;
}

/** Where a credential in a URL ends up, by the tool that receives the URL. */
function urlExposure(argv: readonly string[]): string {
  const [bin, sub] = argv;
  if (bin === 'git' && (sub === 'clone' || sub === 'remote' || sub === 'submodule')) return 'git stores it in .git/config and may print it; use a credential helper or `git -c http.extraHeader`';
  if (bin === 'git') return 'git prints it in error messages and it shows in the process list; use a credential helper or `git -c http.extraHeader`';
  if (bin === 'dvc' && (sub === 'remote' || sub === 'config')) {
    const where = argv.includes('--local') ? '.dvc/config.local' : argv.includes('--global') || argv.includes('--system') ? 'the global DVC config' : '.dvc/config, which is committed';
    return `DVC writes it to ${where}; set the remote's credentials with \`dvc remote modify --local <remote> password|token\` from an environment variable instead`;
  }
  return 'it shows in the process list and in error messages; give the token to the tool through its credential option or an environment variable';
}

/** A secret reference inside `scheme://…@` of a value, if any. */
function urlSecret(value: string): string | undefined {
  const url = URL_CREDENTIALS.exec(value);
  return url ? secretReference(url[1]!) : undefined;
}

export const secretInline: Rule = {
  meta: {
    id: 'secret-inline',
    description: 'Secrets spliced into `run:` scripts, embedded in git URLs or passed as command-line arguments.',
    defaultSeverity: 'error',
    fixable: false,
    providers: ['github', 'gitlab'],
  },
  check(ctx) {
    const gh = ctx.workflow.provider === 'github';
    const seen = new Set<string>();
    const report = (span: Span, message: string): void => {
      const key = `${span.line}:${span.column}`;
      if (seen.has(key)) return;
      seen.add(key);
      ctx.report({ span, message });
    };
    // A URL holding a token in `env:` / `variables:` / `with:` reaches every command and log line that prints it.
    const inValue = (ref: string): string => `\`${ref}\` is embedded in a URL: every command that prints this value, and every tool error that quotes the URL, shows the token; keep the token in its own variable and give it to the tool through its credential option`;
    const vars = [...ctx.workflow.env, ...ctx.workflow.jobs.flatMap((j) => [...j.env, ...j.steps.flatMap((s) => s.env)])];
    for (const v of vars) {
      const ref = v.value === undefined ? undefined : urlSecret(v.value);
      if (ref) report(v.valueSpan, inValue(ref));
    }
    for (const step of ctx.workflow.jobs.flatMap((j) => j.steps)) {
      for (const input of step.with.values()) {
        const ref = input.value === undefined ? undefined : urlSecret(input.value);
        if (ref) report(input.span, inValue(ref));
      }
    }
    for (const job of ctx.workflow.jobs) {
      if (gh) {
        for (const step of job.steps) {
          if (!step.run) continue;
          for (const line of step.run.lines) {
            SECRET_EXPR.lastIndex = 0;
            for (let m = SECRET_EXPR.exec(line.text); m; m = SECRET_EXPR.exec(line.text)) {
              const col = line.span.column + m.index;
              const envName = m[1]!;
              report(
                { file: line.span.file, line: line.span.line, column: col, endLine: line.span.line, endColumn: col + m[0].length },
                `\`\${{ secrets.${envName} }}\` is written into the script file and can break its quoting: pass it through \`env:\` (\`${envName}: \${{ secrets.${envName} }}\`) and use "$${envName}"`,
              );
            }
          }
        }
      }
      for (const { script, cmd } of jobCommands(job)) {
        const a = cmd.argv;
        a.forEach((w, i) => {
          const ref = urlSecret(w);
          if (ref) report(wordSpan(script, cmd, cmd.start + i), `\`${ref}\` is embedded in a URL: ${urlExposure(a)}`);
        });
        const inv = dvcInvocation(cmd);
        let valueIndex: number | undefined;
        let what = '';
        if (inv?.sub === 'remote modify') {
          const pos = inv.args.filter((w) => !w.startsWith('-'));
          if (pos[1] && SECRET_REMOTE_OPTIONS.has(pos[1]) && pos[2] !== undefined) {
            valueIndex = inv.argIndex + inv.args.indexOf(pos[2]);
            what = `\`dvc remote modify … ${pos[1]}\``;
          }
        } else if (inv?.sub === 'config') {
          const pos = inv.args.filter((w) => !w.startsWith('-'));
          if (pos[0] && /(^|\.)(token|password|secret_access_key|account_key|connection_string)$/.test(pos[0]) && pos[1] !== undefined) {
            valueIndex = inv.argIndex + inv.args.indexOf(pos[1]);
            what = `\`dvc config ${pos[0]}\``;
          }
        } else {
          const i = a.findIndex((w) => SECRET_FLAGS.test(w) || (w === '-p' && a[1] === 'login'));
          if (i >= 0 && a[i + 1] !== undefined) {
            valueIndex = i + 1;
            what = `\`${a.slice(0, a[1] === 'login' ? 2 : 1).join(' ')} ${a[i]}\``;
          }
          const eq = a.findIndex((w) => /^--?[a-z-]+=/.test(w) && SECRET_FLAGS.test(w.slice(0, w.indexOf('='))));
          if (eq >= 0 && secretReference(a[eq]!)) {
            report(wordSpan(script, cmd, cmd.start + eq), `${secretReference(a[eq]!)} is passed as a command-line argument of \`${a[0]}\` (visible in the process list and in error messages): pass it through an environment variable, a file or stdin`);
          }
        }
        if (valueIndex !== undefined) {
          const ref = secretReference(a[valueIndex]!);
          if (ref) {
            report(wordSpan(script, cmd, cmd.start + valueIndex), `\`${ref}\` is passed as a command-line argument of ${what} (visible in the process list and in error messages): pass it through an environment variable, a file or stdin`);
          }
        }
      }
    }
  },
};
