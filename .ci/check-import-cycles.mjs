#!/usr/bin/env node
/**
 * Fails when modules under src/ import each other in a cycle. Every import counts: type-only
 * ones (`import type`, `export type … from`) and dynamic `import()` too, read with TypeScript's
 * own import scanner (`ts.preProcessFile`), so a layer that only borrows a type still may not
 * point back at a layer above it.
 *
 *   node .ci/check-import-cycles.mjs [dir]     (default: src; every package runs it on its src/ in `pnpm lint`)
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(process.argv[2] ?? 'src');

function sources(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(full));
    else if (/\.tsx?$/.test(entry.name) && !/\.(test|d)\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** The module a relative specifier names (`./x.js` is `./x.ts`, `./dir` is `./dir/index.ts`). */
function resolveSpecifier(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), `${base}.ts`, path.join(base, 'index.ts')];
  return candidates.find((c) => existsSync(c));
}

const files = sources(root);
const graph = new Map(
  files.map((file) => {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = info.importedFiles.map((f) => resolveSpecifier(file, f.fileName)).filter((t) => t !== undefined);
    return [file, [...new Set(targets)]];
  }),
);

// Tarjan's strongly connected components: every component of more than one module (or a
// module importing itself) is a cycle.
let counter = 0;
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
function connect(v) {
  index.set(v, counter);
  low.set(v, counter);
  counter++;
  stack.push(v);
  onStack.add(v);
  for (const w of graph.get(v) ?? []) {
    if (!index.has(w)) {
      connect(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
  }
  if (low.get(v) !== index.get(v)) return;
  const component = [];
  let w;
  do {
    w = stack.pop();
    onStack.delete(w);
    component.push(w);
  } while (w !== v);
  if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component);
}
for (const file of files) if (!index.has(file)) connect(file);

/** One concrete loop through a component, for the message. */
function loopThrough(component) {
  const members = new Set(component);
  const start = [...component].sort()[0];
  const seen = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift();
    for (const w of graph.get(v) ?? []) {
      if (w === start) {
        const loop = [start];
        for (let at = v; at !== start; at = seen.get(at)) loop.splice(1, 0, at);
        return [...loop, start];
      }
      if (members.has(w) && !seen.has(w)) {
        seen.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

const rel = (f) => path.relative(process.cwd(), f);
if (cycles.length > 0) {
  for (const c of cycles) console.error(`import cycle: ${loopThrough(c).map(rel).join(' → ')}${c.length > 2 ? ` (${c.length} modules in the cycle)` : ''}`);
  console.error(`\n${cycles.length} import cycle${cycles.length === 1 ? '' : 's'} in ${rel(root)}: move the shared piece to a module both sides can import.`);
  process.exit(1);
}
console.log(`no import cycles in ${rel(root)} (${files.length} modules)`);
