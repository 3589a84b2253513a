#!/usr/bin/env node
// The parse-only floor: read every CI file under the given directories (or the given files) and
// parse it with `yaml` exactly as a linter needing positions would (all documents + LineCounter),
// then do nothing else. Prints "<files> files, <documents> documents, <errors> parse errors".
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(repoRoot, 'packages/lint/package.json'));
const { parseAllDocuments, LineCounter } = require('yaml');

function* walk(dir) {
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop();
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (/\.ya?ml$/.test(e.name)) yield p;
    }
  }
}

let files = 0;
let docs = 0;
let errors = 0;
for (const arg of process.argv.slice(2)) {
  const list = statSync(arg).isDirectory() ? walk(arg) : [arg];
  for (const file of list) {
    const lineCounter = new LineCounter();
    const parsed = parseAllDocuments(readFileSync(file, 'utf8'), { lineCounter });
    const all = Array.isArray(parsed) ? parsed : [parsed];
    files++;
    docs += all.length;
    for (const d of all) errors += d.errors?.length ?? 0;
  }
}
console.log(`${files} files, ${docs} documents, ${errors} parse errors`);
