/** The `mlops-lint` bin (bundled into dist/cli.cjs and hook/mlops-lint.cjs). */
import { processIO } from './cli/io.js';
import { describeFailure, runCli } from './cli/main.js';

function fail(error: unknown): void {
  process.stderr.write(describeFailure(error, process.env));
  process.exitCode = 2;
}

process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

runCli(process.argv.slice(2), processIO()).then((code) => {
  process.exitCode = code;
}, fail);
