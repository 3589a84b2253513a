/**
 * Reading GitLab local includes for resolution: paths relative to the repository
 * root, globs matched against one listing of the repository per run, every file
 * parsed once per run (shared by all the pipelines that include it).
 */
import { existsSync, readdirSync } from 'node:fs';
import { liesInside } from '@mlops-pipeline/repo-facts';
import path from 'node:path';
import picomatch from 'picomatch';
import type { IncludeLoader } from '../gitlab/resolve.js';
import { inputsSubstitution } from '../parse/component.js';
import { parseSource } from '../parse/source.js';
import { createViewContext, toView } from '../parse/view.js';
import type { EngineContext, LoadedInclude } from './context.js';
import { displayPath } from './repo.js';
import { readText } from './read.js';

export function includeLoader(ctx: EngineContext): IncludeLoader {
  const root = ctx.repo.root;
  const listing = ctx.repoFiles ?? {};
  return {
    expand(pattern) {
      const rel = pattern.replace(/^\/+/, '');
      // In-memory files (overrides) count as written, so a planned file set lints as a whole.
      if (/[*?[{]/.test(rel)) {
        listing.list ??= listFiles(root);
        const match = picomatch(rel, { dot: true });
        const matched = new Set(listing.list.filter((f) => match(f)).map((f) => path.join(root, f)));
        for (const abs of ctx.overrides?.keys() ?? []) {
          const inRepo = path.relative(root, abs).split(path.sep).join('/');
          if (!inRepo.startsWith('../') && match(inRepo)) matched.add(abs);
        }
        return [...matched];
      }
      const abs = path.join(root, rel);
      return ctx.overrides?.has(abs) || existsSync(abs) ? [abs] : [];
    },
    outside(abs) {
      return !liesInside(root, abs);
    },
    load(abs, inputs) {
      // The same file included with other inputs is another pipeline fragment.
      const key = inputs ? `${abs}\u0000${JSON.stringify(Object.entries(inputs).sort())}` : abs;
      const cached = ctx.includeCache.get(key);
      if (cached) return cached;
      const override = ctx.overrides?.get(abs);
      const read = override !== undefined ? { text: override } : readText(abs);
      let loaded: LoadedInclude;
      if ('error' in read) {
        loaded = { diagnostics: [], error: read.error };
      } else {
        const file = displayPath(ctx.cwd, abs);
        const parsed = parseSource(read.text, file, 'invalidUtf8At' in read ? read.invalidUtf8At : undefined);
        loaded = { diagnostics: parsed.diagnostics };
        if (parsed.source) {
          loaded.source = parsed.source;
          loaded.root = toView(parsed.source.document.contents, createViewContext(parsed.source, inputsSubstitution(parsed.source.header, inputs)));
        }
      }
      ctx.includeCache.set(key, loaded);
      return loaded;
    },
  };
}

const SKIP_DIRS = new Set(['.git', 'node_modules', '.dvc', '.venv', 'venv', '__pycache__']);

/** Repository files (relative, forward slashes), for glob includes. */
function listFiles(root: string, limit = 50_000): string[] {
  const out: string[] = [];
  const stack = [''];
  while (stack.length > 0 && out.length < limit) {
    const rel = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const child = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) stack.push(child);
      } else if (e.isFile()) out.push(child);
    }
  }
  return out;
}
