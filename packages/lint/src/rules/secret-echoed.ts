import type { Job, Rule, Workflow } from '../model.js';
import { jobCommands } from './util/job.js';
import { isSecretName } from './util/secrets.js';
import { loopNameVariables, type Command } from './util/shell.js';

const CREDENTIAL_FILE = /(credential|service[-_]?account|(^|[-_./])key\.json$|\.pem$|\.p12$|\.key$|id_rsa|id_ed25519|\.netrc$|\.dvc\/config\.local$|\.docker\/config\.json$|kubeconfig|\.aws\/credentials)/i;

/** Output goes to a file or another program, not to the log. */
function redirected(cmd: Command): boolean {
  return cmd.next === '|' || cmd.words.some((w) => /^\d?>{1,2}|^&>/.test(w.raw) && !/^\d?>&[12]$/.test(w.raw) && !/\/dev\/(stdout|stderr)$/.test(w.raw));
}

/**
 * The secret a word expands, if any. `names` are loop variables holding variable NAMES
 * (`for s in AWS_SECRET_ACCESS_KEY`): `$s` is a name, `${!s}` the value it names.
 */
function secretRef(word: string, names: Map<string, string[]>): string | undefined {
  const gh = /\$\{\{\s*secrets\.([A-Za-z0-9_]+)/.exec(word);
  if (gh) return `secrets.${gh[1]}`;
  for (const m of word.matchAll(/\$\{!([A-Za-z_][A-Za-z0-9_]*)\}/g)) if (names.get(m[1]!)?.some(isSecretName)) return `\${!${m[1]}}`;
  for (const m of word.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) if (!names.has(m[1]!) && isSecretName(m[1]!)) return `$${m[1]}`;
  return undefined;
}

function secretsInScope(workflow: Workflow, job: Job): boolean {
  if (workflow.provider === 'gitlab') return true;
  const vars = [...workflow.env, ...job.env, ...job.steps.flatMap((s) => s.env)];
  return vars.some((v) => v.secretRefs.length > 0 || isSecretName(v.name)) || job.steps.some((s) => s.run && /\$\{\{\s*secrets\./.test(s.run.text));
}

export const secretEchoed: Rule = {
  meta: {
    id: 'secret-echoed',
    description: 'Secrets or credential files printed to the job log (`echo $KEY`, `cat key.json`, `printenv`, `env`, `set -x`).',
    defaultSeverity: 'error',
    fixable: false,
    providers: ['github', 'gitlab'],
  },
  check(ctx) {
    for (const job of ctx.workflow.jobs) {
      const inScope = secretsInScope(ctx.workflow, job);
      for (const { cmd, script } of jobCommands(job)) {
        const a = cmd.argv;
        const bin = a[0];
        if (bin === undefined) continue;
        if ((bin === 'echo' || bin === 'printf') && !redirected(cmd) && !a.some((w) => w.includes('::add-mask::'))) {
          const ref = a.slice(1).map((w) => secretRef(w, loopNameVariables(script))).find((r) => r !== undefined);
          if (ref) ctx.report({ span: cmd.span, message: `\`${bin}\` prints \`${ref}\` to the job log: masking is best-effort (it fails on transformed or multi-line values); do not print secrets` });
          continue;
        }
        if ((bin === 'cat' || bin === 'head' || bin === 'tail' || bin === 'less' || bin === 'jq') && !redirected(cmd)) {
          const file = a.slice(1).find((w) => !w.startsWith('-') && (CREDENTIAL_FILE.test(w) || /GOOGLE_APPLICATION_CREDENTIALS|KUBECONFIG/.test(w)));
          if (file) ctx.report({ span: cmd.span, message: `\`${bin} ${file}\` prints a credentials file to the job log` });
          continue;
        }
        if ((bin === 'printenv' || bin === 'env' || (bin === 'export' && a[1] === '-p') || (bin === 'set' && a.length === 1)) && a.length <= 2 && !redirected(cmd) && !(bin === 'printenv' && a[1] !== undefined && !isSecretName(a[1]))) {
          if (inScope) ctx.report({ span: cmd.span, message: `\`${a.join(' ')}\` dumps the environment, secrets included, to the job log` });
          continue;
        }
        if ((bin === 'set' && a.slice(1).some((w) => /^-[a-wyz]*x/.test(w) || w === 'xtrace')) || ((bin === 'bash' || bin === 'sh') && a[1] !== undefined && /^-[a-z]*x/.test(a[1]))) {
          if (inScope) ctx.report({ span: cmd.span, message: `\`${a.slice(0, 2).join(' ')}\` traces every command with its expanded arguments, secrets included: remove it or \`set +x\` around commands that use secrets` });
        }
      }
    }
  },
};
