/**
 * `pnpm --filter @mlops-pipeline/templates generate`: writes the published
 * files (reusable workflows, CI/CD components, input schemas) at the
 * repository root from the template source. `--check` only reports drift.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { updateReadme } from './docs.js';
import { publishedFiles, README_PATH } from './publish.js';

function readOr(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function main(argv: string[]): number {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
  const check = argv.includes('--check');
  let changed = 0;
  const readme = readOr(path.join(root, README_PATH));
  const files = publishedFiles();
  if (readme !== undefined) files.push({ path: README_PATH, text: updateReadme(readme) });
  for (const file of files) {
    const abs = path.join(root, file.path);
    if (readOr(abs) === file.text) continue;
    changed++;
    if (check) {
      console.error(`${file.path}: differs from the template source`);
      continue;
    }
    mkdirSync(path.dirname(abs), { recursive: true });
    const tmp = `${abs}.${process.pid}.tmp`;
    writeFileSync(tmp, file.text);
    renameSync(tmp, abs);
    console.log(`wrote ${file.path}`);
  }
  if (check && changed > 0) {
    console.error(`${changed} published file(s) out of date: run pnpm --filter @mlops-pipeline/templates generate`);
    return 1;
  }
  if (!check) console.log(changed === 0 ? 'published files are up to date' : `${changed} file(s) written`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
