#!/usr/bin/env node
// `pnpm --filter @mlops-pipeline/lint bench`: the repository benchmark restricted to the lint
// measurements (cold single-file lint, throughput, peak memory, profiles). Extra arguments are
// passed through, e.g. `-- --quick` or `-- --sizes 1000`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const r = spawnSync(process.execPath, [path.join(root, 'bench/run.mjs'), '--only', 'lint', ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);
