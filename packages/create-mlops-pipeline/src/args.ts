import { parseArgs } from 'node:util';
import { UserError } from './errors.js';

export type Command = 'create' | 'upgrade' | 'fleet' | 'help';

export interface CliOptions {
  command: Command;
  /** Positional directories (create/upgrade: at most one; fleet: one or more). */
  dirs: string[];
  provider?: string;
  remote?: string;
  /** --remote-name: the DVC remote (by name) the pipeline pulls from. */
  remoteName?: string;
  python?: string;
  dvc?: string;
  requirements?: string;
  branch?: string;
  cml?: boolean;
  keyless: boolean;
  mode?: string;
  source?: string;
  ref?: string;
  yes: boolean;
  force: boolean;
  dryRun: boolean;
  /** undefined: the command's default (lint when writing, not on --dry-run). */
  lint?: boolean;
  gitlabInclude: boolean;
  /** --replace-ci: remove workflows that already run the experiment, in the same write. */
  replaceCi: boolean;
  json: boolean;
  failOnOutdated: boolean;
  help: boolean;
  version: boolean;
  /** --list: print the templates and remote kinds. */
  list: boolean;
  /** Monorepo runs: the pipeline file of this project (not a flag). */
  pipelineFile?: string;
  /** Monorepo runs on GitLab: the job name prefix of this project (not a flag). */
  jobName?: string;
  /** Monorepo runs: the paths whose changes run the pipeline (not a flag). */
  pathsFilter?: string[];
  /** Extra template inputs from `--input name=value` (repeatable). */
  inputs: Record<string, string>;
}

export const OPTIONS = {
  provider: { type: 'string' },
  remote: { type: 'string' },
  'remote-name': { type: 'string' },
  python: { type: 'string' },
  dvc: { type: 'string' },
  requirements: { type: 'string' },
  branch: { type: 'string' },
  cml: { type: 'boolean' },
  'no-cml': { type: 'boolean' },
  keyless: { type: 'boolean' },
  mode: { type: 'string' },
  source: { type: 'string' },
  ref: { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  force: { type: 'boolean', short: 'f' },
  'dry-run': { type: 'boolean' },
  lint: { type: 'boolean' },
  'no-lint': { type: 'boolean' },
  'gitlab-include': { type: 'boolean' },
  'replace-ci': { type: 'boolean' },
  list: { type: 'boolean' },
  json: { type: 'boolean' },
  input: { type: 'string', multiple: true },
  'fail-on-outdated': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

const COMMANDS = new Set<string>(['upgrade', 'fleet', 'help']);

/** Flags each command takes besides --help, --version and --yes (create takes every flag not listed for fleet only). */
const FLEET_FLAGS = new Set(['json', 'fail-on-outdated']);
const UPGRADE_FLAGS = new Set(['python', 'dvc', 'input', 'dry-run', 'force']);

/** A flag of another command is a usage error naming the command it belongs to. */
function checkCommandFlags(command: Command, given: string[]): void {
  const common = new Set(['help', 'version', 'yes']);
  const wrong = given.filter((f) => !common.has(f) && (command === 'fleet' ? !FLEET_FLAGS.has(f) : command === 'upgrade' ? !UPGRADE_FLAGS.has(f) : command === 'create' ? FLEET_FLAGS.has(f) : false));
  if (wrong.length === 0) return;
  const owner = (f: string) => (FLEET_FLAGS.has(f) ? 'fleet' : 'create');
  const list = wrong.map((f) => `--${f} (${owner(f)})`).join(', ');
  throw new UserError(`${command === 'create' ? 'create-mlops-pipeline' : `create-mlops-pipeline ${command}`} does not take ${list}; run create-mlops-pipeline ${command === 'create' ? '' : `${command} `}--help for its options`, 2);
}

/** Parses the command line; unknown flags and missing values are usage errors (exit 2). */
export function parseCli(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    const message = (err as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UserError(`${message}\nRun create-mlops-pipeline --help for the list of options.`, 2);
  }
  const v = parsed.values;
  const positionals = [...parsed.positionals];
  let command: Command = 'create';
  if (positionals[0] !== undefined && COMMANDS.has(positionals[0])) command = positionals.shift() as Command;
  if (command === 'help' && positionals.length > 0 && !['create', 'upgrade', 'fleet'].includes(positionals[0] ?? '')) {
    throw new UserError(`no help for "${positionals[0]}"; the commands are create (the default), upgrade and fleet`, 2);
  }
  if (command !== 'fleet' && positionals.length > 1) {
    throw new UserError(`expected at most one directory, got ${positionals.length}: ${positionals.join(' ')}`, 2);
  }
  checkCommandFlags(command, Object.keys(v).filter((k) => v[k as keyof typeof v] !== undefined));
  const opts: CliOptions = {
    command,
    dirs: positionals,
    keyless: v.keyless === true,
    yes: v.yes === true,
    force: v.force === true,
    dryRun: v['dry-run'] === true,
    gitlabInclude: v['gitlab-include'] === true,
    replaceCi: v['replace-ci'] === true,
    json: v.json === true,
    failOnOutdated: v['fail-on-outdated'] === true,
    help: v.help === true,
    version: v.version === true,
    list: v.list === true,
    inputs: {},
  };
  for (const pair of v.input ?? []) {
    const m = /^([A-Za-z0-9_-]+)=(.*)$/s.exec(pair);
    if (!m) throw new UserError(`--input expects name=value (got "${pair}")`, 2);
    opts.inputs[m[1] as string] = (m[2] as string).trim();
  }
  for (const key of ['provider', 'remote', 'python', 'dvc', 'requirements', 'branch', 'mode', 'source', 'ref'] as const) {
    const value = v[key];
    if (value !== undefined) {
      // An empty --requirements means "no requirements file: install DVC only".
      if (value.trim() === '' && key !== 'requirements') throw new UserError(`--${key} needs a value`, 2);
      opts[key] = value.trim();
    }
  }
  const remoteName = v['remote-name'];
  if (remoteName !== undefined) {
    if (!/^[A-Za-z0-9._-]+$/.test(remoteName.trim())) throw new UserError(`--remote-name must be a DVC remote name of letters, digits, ., _ and - (got ${JSON.stringify(remoteName)})`, 2);
    opts.remoteName = remoteName.trim();
  }
  if (v.cml === true) opts.cml = true;
  if (v['no-cml'] === true) opts.cml = false;
  if (v.lint === true) opts.lint = true;
  if (v['no-lint'] === true) opts.lint = false;
  return opts;
}
