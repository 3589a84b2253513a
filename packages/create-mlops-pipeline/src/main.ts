import { readFileSync } from 'node:fs';
import path from 'node:path';
import { redactUrlCredentials } from '@mlops-pipeline/repo-facts';
import { parseCli } from './args.js';
import { CancelledError, describeFailure, InterruptedError, UserError } from './errors.js';
import { helpFor } from './help.js';
import type { Io } from './io.js';

/** The package version, read next to the bundle (dist/cli.cjs → package.json). */
function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Runs the CLI; resolves to the exit code. Failures are printed as one message, never a stack trace. */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const opts = parseCli(argv);
    if (opts.command === 'help') {
      io.out(helpFor(opts.dirs[0]));
      return 0;
    }
    if (opts.help) {
      io.out(helpFor(opts.command));
      return 0;
    }
    if (opts.list) {
      io.out(await (await import('./list.js')).listText());
      return 0;
    }
    if (opts.version) {
      io.out(readVersion());
      return 0;
    }
    if (opts.command === 'upgrade') return await (await import('./upgrade.js')).runUpgrade(opts, io);
    if (opts.command === 'fleet') return await (await import('./fleet.js')).runFleet(opts, io);
    return await (await import('./create.js')).runCreate(opts, io);
  } catch (err) {
    // The prompt already said "Cancelled; nothing was written."
    if (err instanceof CancelledError) return 130;
    if (err instanceof InterruptedError) {
      io.err(`create-mlops-pipeline: ${err.message}`);
      return err.exitCode;
    }
    if (err instanceof UserError) {
      io.err(`create-mlops-pipeline: ${redactUrlCredentials(err.message)}`);
      return err.exitCode;
    }
    const e = err as NodeJS.ErrnoException;
    io.err(`create-mlops-pipeline: ${redactUrlCredentials(describeFailure(e))}`);
    if (process.env['DEBUG']) io.err(String(e.stack));
    return 1;
  }
}
