/** Command-line arguments → options. Every mistake is a UsageError (exit 2). */
import { parseArgs } from 'node:util';
import type { Provider } from '../model.js';
import type { OutputFormat } from '../format/index.js';
import { FORMATS } from '../format/index.js';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface CliOptions {
  files: string[];
  format: OutputFormat;
  maxWarnings?: number;
  provider?: Provider;
  config?: string;
  noConfig: boolean;
  strict: boolean;
  fix: boolean;
  fixDryRun: boolean;
  stdinFilename?: string;
  quiet: boolean;
  color?: boolean;
  listRules: boolean;
  help: boolean;
  version: boolean;
}

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  'max-warnings': { type: 'string' },
  provider: { type: 'string' },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  strict: { type: 'boolean' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'list-rules': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

function parseError(error: unknown): UsageError {
  const err = error as { code?: string; message?: string };
  const message = (err.message ?? String(error)).split('\n')[0] ?? '';
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = /'([^']+)'/.exec(message)?.[1] ?? message;
    return new UsageError(`unknown option ${flag} (see mlops-lint --help)`);
  }
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /(--[a-z][a-z-]*)/.exec(message)?.[1] ?? /'(-[a-z])/.exec(message)?.[1] ?? 'an option';
    if (/ambiguous/.test(message)) return new UsageError(`option ${flag}: write a value that starts with "-" as ${flag}=<value>`);
    if (/argument missing/.test(message)) return new UsageError(`option ${flag} needs a value`);
    return new UsageError(`option ${flag} takes no value`);
  }
  return new UsageError(message);
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw parseError(error);
  }
  const v = parsed.values;
  const format = (v.format ?? 'stylish') as OutputFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${v.format}": use one of ${FORMATS.join(', ')}`);
  const options: CliOptions = {
    files: parsed.positionals,
    format,
    noConfig: v['no-config'] ?? false,
    strict: v.strict ?? false,
    fix: v.fix ?? false,
    fixDryRun: v['fix-dry-run'] ?? false,
    quiet: v.quiet ?? false,
    listRules: v['list-rules'] ?? false,
    help: v.help ?? false,
    version: v.version ?? false,
  };
  if (v['max-warnings'] !== undefined) {
    const n = Number(v['max-warnings']);
    if (!/^-?\d+$/.test(v['max-warnings']) || n < -1) throw new UsageError(`--max-warnings needs a whole number ≥ -1, got "${v['max-warnings']}"`);
    options.maxWarnings = n;
  }
  if (v.provider !== undefined) {
    if (v.provider !== 'github' && v.provider !== 'gitlab') throw new UsageError(`unknown provider "${v.provider}": use github or gitlab`);
    options.provider = v.provider;
  }
  if (v.config !== undefined) options.config = v.config;
  if (v.config !== undefined && options.noConfig) throw new UsageError('--config and --no-config cannot be used together');
  if (v['stdin-filename'] !== undefined) options.stdinFilename = v['stdin-filename'];
  if (v.color && v['no-color']) throw new UsageError('--color and --no-color cannot be used together');
  if (v.color) options.color = true;
  if (v['no-color']) options.color = false;
  if (options.fix && options.fixDryRun) throw new UsageError('--fix and --fix-dry-run cannot be used together');
  const stdinCount = options.files.filter((f) => f === '-').length;
  if (stdinCount > 0 && options.files.length > 1) throw new UsageError('"-" (standard input) cannot be combined with other files');
  if (stdinCount > 0 && options.fix) throw new UsageError('--fix cannot write to standard input: use --fix-dry-run to see the changes');
  if (options.stdinFilename !== undefined && stdinCount === 0) throw new UsageError('--stdin-filename is only used with "-" (standard input)');
  return options;
}
