/** Recognising DVC commands. */
import type { Command } from './shell.js';

export interface DvcInvocation {
  /** Sub-command path, e.g. "pull", "repro", "exp run", "metrics diff", "remote modify". */
  sub: string;
  /** Arguments after the sub-command words. */
  args: string[];
  /** Index in argv of the first argument after the sub-command. */
  argIndex: number;
}

const GROUPS = new Set(['exp', 'experiments', 'metrics', 'params', 'plots', 'remote', 'stage', 'cache', 'data', 'artifacts', 'queue', 'config']);
const GROUP_COMMANDS: Record<string, Set<string>> = {
  exp: new Set(['run', 'diff', 'show', 'push', 'pull', 'apply', 'save', 'branch', 'list', 'remove', 'clean']),
  metrics: new Set(['diff', 'show']),
  params: new Set(['diff']),
  plots: new Set(['diff', 'show', 'modify', 'templates']),
  remote: new Set(['add', 'modify', 'default', 'list', 'remove', 'rename']),
  stage: new Set(['add', 'list']),
  cache: new Set(['dir', 'migrate']),
  data: new Set(['status']),
  artifacts: new Set(['get']),
  queue: new Set(['start', 'stop', 'status', 'logs', 'remove', 'kill']),
};

/** The DVC invocation a command runs, if it is `dvc …`. */
export function dvcInvocation(cmd: Command): DvcInvocation | undefined {
  const argv = cmd.argv;
  if (argv[0] !== 'dvc') return undefined;
  let i = 1;
  while (i < argv.length && argv[i]!.startsWith('-')) i += argv[i] === '--cd' ? 2 : 1;
  const first = argv[i];
  if (first === undefined) return { sub: '', args: [], argIndex: i };
  const group = first === 'experiments' ? 'exp' : first;
  const next = argv[i + 1];
  if (GROUPS.has(group) && next !== undefined && GROUP_COMMANDS[group]?.has(next)) {
    return { sub: `${group} ${next}`, args: argv.slice(i + 2), argIndex: i + 2 };
  }
  return { sub: group, args: argv.slice(i + 1), argIndex: i + 1 };
}

/** `dvc repro` or `dvc exp run` (both reproduce the pipeline). */
export function isRepro(inv: DvcInvocation): boolean {
  return inv.sub === 'repro' || inv.sub === 'exp run';
}

/** Diff-like commands that compare against a git revision. */
export const DIFF_COMMANDS = new Set(['metrics diff', 'params diff', 'plots diff', 'exp diff', 'diff']);

/** Options of DVC diff commands that take a value. */
export const DIFF_VALUE_FLAGS = new Set(['--targets', '-t', '--target', '--template', '-x', '-y', '--x-label', '--y-label', '--title', '-o', '--out', '--precision', '--param-deps', '--cd', '--md-table']);

/** Remote option names whose value is a secret. */
export const SECRET_REMOTE_OPTIONS = new Set([
  'password',
  'secret_access_key',
  'access_key_id',
  'session_token',
  'account_key',
  'connection_string',
  'sas_token',
  'client_secret',
  'gdrive_client_secret',
  'key',
  'token',
  'ask_password',
  'keyfile',
]);
