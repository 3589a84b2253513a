/**
 * The mlops-lint command: arguments → lint (or fix) → report → exit code.
 * 0: no errors; 1: errors, or more warnings than --max-warnings; 2: usage,
 * config or IO error. Never throws: unexpected failures are one line on stderr.
 */
import path from 'node:path';
import type { FileResult, LintOptions } from '../index.js';
import { ConfigResolver, fixFiles, fixText, lintFiles, lintText, unifiedDiff } from '../index.js';
import { rules as builtinRules } from '../rules/index.js';
import { formatResults } from '../format/index.js';
import { ruleInfos } from '../format/rule-meta.js';
import type { CliOptions } from './args.js';
import { parseCliArgs, UsageError } from './args.js';
import { boundHeapGrowth, mayNeedMuchMemory } from './heap.js';
import { HELP } from './help.js';
import type { CliIO } from './io.js';
import { useColor } from './io.js';
import { listRules } from './list-rules.js';
import { decodeStdin } from './stdin.js';
import { whileInterruptible } from './signals.js';
import { escapeControl } from '../format/escape.js';
import { redactText } from '../rules/util/secrets.js';
import { VERSION } from './version.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** A ConfigError, also when it comes from a separately bundled module (Spectral). */
function configErrorText(error: unknown): string | undefined {
  if (error instanceof Error && error.name === 'ConfigError') {
    const format = (error as Error & { format?: () => string }).format;
    return typeof format === 'function' ? format.call(error) : error.message;
  }
  return undefined;
}

/** A message on stderr: one line, secrets redacted, control characters escaped (it may quote a file). */
function safe(text: string): string {
  return escapeControl(redactText(text));
}

export function describeFailure(error: unknown, env: Record<string, string | undefined>): string {
  if (error instanceof UsageError) return `mlops-lint: ${safe(error.message)}\n`;
  const config = configErrorText(error);
  if (config !== undefined) return `mlops-lint: ${safe(config)}\n`;
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
  const stack = env.MLOPS_LINT_DEBUG === '1' && error instanceof Error && error.stack ? `${error.stack}\n` : '';
  return `mlops-lint: internal error: ${safe(message)}\n${stack}`;
}

function lintOptions(o: CliOptions, cwd: string): LintOptions {
  const options: LintOptions = { cwd, strict: o.strict };
  if (o.provider) options.provider = o.provider;
  if (o.config) options.configFile = o.config;
  if (o.noConfig) options.noConfig = true;
  return options;
}

async function lintStdin(o: CliOptions, io: CliIO, options: LintOptions): Promise<FileResult[]> {
  const file = o.stdinFilename ?? (o.provider === 'gitlab' ? '.gitlab-ci.yml' : '<stdin>');
  const decoded = decodeStdin(await io.readStdin(), file);
  if ('diagnostic' in decoded) return [{ file, diagnostics: [decoded.diagnostic] }];
  if (o.fixDryRun) {
    const { output, diagnostics } = await fixText(decoded.text, file, options);
    if (output !== decoded.text) io.stdout(unifiedDiff(file, decoded.text, output));
    return [{ file, diagnostics }];
  }
  return [{ file, diagnostics: await lintText(decoded.text, file, options) }];
}

function configuredMaxWarnings(options: LintOptions, cwd: string): number | undefined {
  return new ConfigResolver(options, cwd, builtinRules).forDirectory(cwd).maxWarnings;
}

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    const o = parseCliArgs(argv);
    if (o.help) {
      io.stdout(HELP);
      return EXIT_OK;
    }
    if (o.version) {
      io.stdout(`${VERSION}\n`);
      return EXIT_OK;
    }
    if (o.listRules) {
      io.stdout(listRules(ruleInfos(), o.format === 'json'));
      return EXIT_OK;
    }
    const cwd = path.resolve(io.cwd);
    const options = lintOptions(o, cwd);
    let results: FileResult[];
    let skippedWrites = false;
    let reportTo = io.stdout;
    const fromStdin = o.files.length === 1 && o.files[0] === '-';
    if (!fromStdin && mayNeedMuchMemory(o.files, cwd)) await boundHeapGrowth();
    if (fromStdin) {
      results = await lintStdin(o, io, options);
      if (o.fixDryRun) reportTo = io.stderr;
    } else if (o.fix || o.fixDryRun) {
      const outcome = o.fix ? await whileInterruptible(() => fixFiles(o.files, options, true)) : await fixFiles(o.files, options, false);
      results = outcome.results;
      for (const s of outcome.skipped) io.stderr(`mlops-lint: ${safe(`${s.file}: ${s.message}`)}\n`);
      if (outcome.skipped.length > 0) skippedWrites = true;
      if (o.fixDryRun) {
        for (const change of outcome.changes) io.stdout(change.diff);
        reportTo = io.stderr;
      }
    } else {
      results = await lintFiles(o.files, options);
    }
    if (o.files.length === 0 && results.length === 0) {
      io.stderr('mlops-lint: no CI files found in this repository (.github/workflows/*.yml, action.yml, .gitlab-ci.yml, *.gitlab-ci.yml)\n');
    }
    const warnings = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'warning').length, 0);
    const shown = o.quiet ? results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') })) : results;
    const color = useColor(o.color, io) && o.format === 'stylish';
    const report = formatResults(shown, o.format, { cwd, color, version: VERSION });
    if (report) reportTo(report);
    if (!o.quiet) for (const r of results) for (const notice of r.notices ?? []) io.stderr(`mlops-lint: notice: ${safe(notice)}\n`);
    const ioErrors = results.filter((r) => r.error);
    for (const r of ioErrors) io.stderr(`mlops-lint: ${safe(r.error!.message)}\n`);
    if (ioErrors.length > 0 || skippedWrites) return EXIT_USAGE;
    if (results.some((r) => r.diagnostics.some((d) => d.severity === 'error'))) return EXIT_FINDINGS;
    const maxWarnings = o.maxWarnings ?? configuredMaxWarnings(options, cwd) ?? -1;
    if (maxWarnings >= 0 && warnings > maxWarnings) {
      io.stderr(`mlops-lint: too many warnings (${warnings}); at most ${maxWarnings} allowed by --max-warnings\n`);
      return EXIT_FINDINGS;
    }
    return EXIT_OK;
  } catch (error) {
    io.stderr(describeFailure(error, io.env));
    return EXIT_USAGE;
  }
}
