import picomatch from 'picomatch';
import type { Job, PathEntry, Rule, Span, Step, Variable, Workflow } from '../model.js';
import { jobCommands, usesAction, withValue } from './util/job.js';
import { isSecretName } from './util/secrets.js';
import { commands, type Command } from './util/shell.js';

interface CredentialWrite {
  /** Path as written. */
  written: string;
  /** Path relative to the workspace; undefined when outside it. */
  path: string | undefined;
  /** Variable holding the path, when written through one. */
  variable?: string;
  step: Step;
  span: Span;
}

const WORKSPACE_PREFIX = /^(\$\{?CI_PROJECT_DIR\}?|\$\{?GITHUB_WORKSPACE\}?|\$\{\{\s*github\.workspace\s*\}\})\/?/;
const OUTSIDE = /^(\/|~|\$\{?(HOME|RUNNER_TEMP|TMPDIR|XDG_[A-Z_]+)\}?|\$\{\{\s*runner\.temp\s*\}\})/;

function resolvePath(target: string, vars: Variable[], depth = 0): { path: string | undefined; variable?: string } {
  const t = target.trim();
  const only = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(t);
  if (only && depth < 3) {
    const v = [...vars].reverse().find((x) => x.name === only[1]);
    if (v?.value === undefined) return { path: undefined, variable: only[1]! };
    return { ...resolvePath(v.value, vars, depth + 1), variable: only[1]! };
  }
  const inWs = t.replace(WORKSPACE_PREFIX, '');
  if (inWs === t && OUTSIDE.test(t)) return { path: undefined };
  return { path: inWs.replace(/^\.\//, '') || '.' };
}

function secretSource(cmd: Command, prev: Command | undefined): boolean {
  const refs = (c: Command | undefined): boolean =>
    c !== undefined && c.argv.some((w) => /\$\{\{\s*secrets\./.test(w) || [...w.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].some((m) => isSecretName(m[1]!)));
  if (cmd.argv[0] === 'base64' && cmd.argv.some((w) => w === '-d' || w === '--decode')) return true;
  if (cmd.argv[0] === 'gpg' && cmd.argv.some((w) => w === '--decrypt' || w === '-d')) return true;
  // A here-document holding the secret (`cat <<EOF > key.json` … `${{ secrets.KEY }}` … `EOF`).
  if ((cmd.hereDoc ?? []).some((l) => /\$\{\{\s*secrets\./.test(l) || [...l.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].some((m) => isSecretName(m[1]!)))) return true;
  return refs(cmd) || (prev?.next === '|' && refs(prev));
}

function credentialWrites(job: Job, vars: Variable[]): CredentialWrite[] {
  const out: CredentialWrite[] = [];
  for (const step of job.steps) {
    if (!step.run) continue;
    const scope = [...vars, ...step.env];
    const cmds = commands(step.run);
    cmds.forEach((cmd, i) => {
      if (!secretSource(cmd, cmds[i - 1])) return;
      let target: string | undefined;
      const words = cmd.words.map((w) => w.value);
      const r = cmd.words.findIndex((w) => /^\d?>{1,2}$/.test(w.raw));
      // `… | tee key.json` writes its input to the file (whatever its own output does).
      if (cmd.argv[0] === 'tee') target = cmd.argv.slice(1).find((w) => !w.startsWith('-') && !/^\d?>/.test(w));
      else if (r >= 0) target = words[r + 1];
      if (target === undefined && cmd.argv[0] !== 'tee') {
        const glued = cmd.words.find((w) => /^\d?>{1,2}./.test(w.raw));
        if (glued) target = glued.value.replace(/^\d?>{1,2}/, '');
      }
      const o = words.findIndex((w) => w === '--output' || w === '-o');
      if (target === undefined && cmd.argv[0] === 'gpg' && o >= 0) target = words[o + 1];
      const eq = words.find((w) => w.startsWith('--output='));
      if (target === undefined && cmd.argv[0] === 'gpg' && eq) target = eq.slice('--output='.length);
      if (target === undefined || /^\/dev\//.test(target)) return;
      const { path, variable } = resolvePath(target, scope);
      out.push({ written: target, path, step, span: cmd.span, ...(variable ? { variable } : {}) });
    });
  }
  return out;
}

function covers(entry: PathEntry, path: string): boolean {
  const p = entry.path.trim().replace(/^\.\//, '').replace(/\/$/, '').replace(WORKSPACE_PREFIX, '');
  if (p === '' || p === '.' || p === '**' || p === '*') return true;
  if (path === p || path.startsWith(`${p}/`)) return true;
  return picomatch(p, { dot: true })(path);
}

function needsCredentials(step: Step, write: CredentialWrite): boolean {
  const text = step.run?.text ?? '';
  if (write.path && text.includes(write.path)) return true;
  if (write.variable && text.includes(write.variable)) return true;
  return /\b(dvc|gcloud|gsutil|aws|az|cml|docker|kubectl|terraform|python|python3)\b/.test(text) || step.uses !== undefined && /auth|login|credentials/.test(step.uses.name);
}

function removed(job: Job, write: CredentialWrite): boolean {
  return jobCommands(job).some(({ cmd }) => (cmd.argv[0] === 'rm' || cmd.argv[0] === 'shred') && cmd.argv.some((w) => w === write.written || (write.path !== undefined && w.endsWith(write.path))));
}

function scopeVars(workflow: Workflow, job: Job): Variable[] {
  return [...workflow.env, ...job.env];
}

/** google-github-actions/auth writes `gha-creds-<hash>.json` into the workspace unless told not to. */
function authCredentialFiles(job: Job): { step: Step; span: Span }[] {
  return job.steps
    .filter((s) => usesAction(s, 'google-github-actions/auth') && s.uses && withValue(s, 'create_credentials_file')?.trim() !== 'false')
    .map((s) => ({ step: s, span: s.uses!.span }));
}

export const credentialsFileExposed: Rule = {
  meta: {
    id: 'credentials-file-exposed',
    description: 'A decoded credentials file inside a cached or artifact path, or left on disk for later steps that do not need it.',
    defaultSeverity: 'error',
    fixable: false,
    providers: ['github', 'gitlab'],
  },
  check(ctx) {
    for (const job of ctx.workflow.jobs) {
      for (const auth of authCredentialFiles(job)) {
        const later = [...job.cachePaths.map((e) => ({ e, kind: 'cache' })), ...job.artifactPaths.map((e) => ({ e, kind: 'artifacts' }))].find(
          ({ e }) => e.span.line > auth.span.line && covers(e, 'gha-creds-0123456789abcdef.json'),
        );
        const excluded = [...job.cachePaths, ...job.artifactPaths].some((e) => e.path.trim().startsWith('!') && /gha-creds/.test(e.path));
        if (later && !excluded) {
          ctx.report({
            span: later.e.span,
            message: `google-github-actions/auth (line ${auth.span.line}) wrote a gha-creds-*.json credentials file into the workspace, and the ${later.kind} path \`${later.e.path}\` includes it: exclude it (\`!gha-creds-*.json\`) or narrow the path`,
          });
        }
      }
      for (const write of credentialWrites(job, scopeVars(ctx.workflow, job))) {
        if (write.path === undefined || removed(job, write)) continue;
        const exposed = [...job.cachePaths.map((e) => ({ e, kind: 'cache' })), ...job.artifactPaths.map((e) => ({ e, kind: 'artifacts' }))].find(({ e }) => covers(e, write.path!));
        if (exposed) {
          ctx.report({
            span: write.span,
            message: `credentials written to \`${write.path}\` end up in the ${exposed.kind} path \`${exposed.e.path}\` (line ${exposed.e.span.line}): write them outside the workspace (${ctx.workflow.provider === 'github' ? '$RUNNER_TEMP' : '/tmp'}) or exclude the file`,
          });
          continue;
        }
        if (ctx.workflow.provider !== 'github') continue;
        const later = job.steps.filter((s) => s.index > write.step.index);
        let lastNeeded = -1;
        later.forEach((s, i) => {
          if (needsCredentials(s, write)) lastNeeded = i;
        });
        const idle = later.slice(lastNeeded + 1);
        if (idle.length === 0) continue;
        ctx.report({
          span: write.span,
          message: `credentials written to \`${write.path}\` stay in the workspace for ${idle.length} later step(s) that do not use them: write them to $RUNNER_TEMP and delete them (\`rm -f\`) once the last step that needs them is done`,
          // Lingering on the runner is a hygiene risk; inside a cache or artifact (above) the key is published.
          severity: 'warning',
        });
      }
    }
  },
};
