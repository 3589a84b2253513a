// The benchmark corpus: the real-world CI files in ../shared/corpus (when present) plus our rendered
// templates, replicated with small variations (job names, an env value, a comment) to N files laid
// out as <dir>/repo-NNNNN/.github/workflows/<name>.yml or <dir>/repo-NNNNN/.gitlab-ci.yml, so that
// provider detection by path works exactly as in users' repositories.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { log, paths, repoRoot } from './env.mjs';

const require = createRequire(path.join(repoRoot, 'packages/lint/package.json'));
const YAML = require('yaml');

function providerOfCorpusFile(rel) {
  if (rel.startsWith('gitlab/')) return 'gitlab';
  if (rel.startsWith('github/')) return 'github';
  return /gitlab-ci/.test(rel) ? 'gitlab' : 'github';
}

function realFiles() {
  if (!existsSync(paths.corpus)) return [];
  const out = [];
  for (const sub of ['github', 'gitlab']) {
    const dir = path.join(paths.corpus, sub);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      out.push({ origin: `corpus/${sub}/${name}`, provider: providerOfCorpusFile(`${sub}/${name}`), text: readFileSync(path.join(dir, name), 'utf8') });
    }
  }
  return out;
}

/** Inputs that satisfy a template's inputs schema well enough to render it: required strings get a plausible value. */
function sampleInputs(schema) {
  const inputs = {};
  const props = schema?.properties ?? {};
  for (const key of schema?.required ?? []) {
    const p = props[key] ?? {};
    if (p.default !== undefined) inputs[key] = p.default;
    else if (Array.isArray(p.enum) && p.enum.length > 0) inputs[key] = p.enum[0];
    else if (p.type === 'boolean') inputs[key] = false;
    else if (p.type === 'number' || p.type === 'integer') inputs[key] = 1;
    else if (/version/i.test(key)) inputs[key] = '3.59.1';
    else inputs[key] = `bench-${key}`;
  }
  return inputs;
}

async function renderedTemplates() {
  if (existsSync(paths.templatesDist)) {
    try {
      const mod = await import(pathToFileURL(paths.templatesDist).href);
      if (typeof mod.listTemplates === 'function' && typeof mod.render === 'function') {
        const out = [];
        for (const t of mod.listTemplates()) {
          let schema;
          try {
            schema = typeof mod.inputsSchema === 'function' ? mod.inputsSchema(t.provider, t.name) : undefined;
          } catch {
            schema = undefined;
          }
          for (const inputs of [{}, sampleInputs(schema)]) {
            try {
              out.push({ origin: `rendered ${t.provider}/${t.name}`, provider: t.provider, text: mod.render(t.provider, t.name, inputs) });
              break;
            } catch {
              // try the next set of inputs
            }
          }
        }
        if (out.length > 0) return { source: '@mlops-pipeline/templates render()', files: out };
      }
    } catch (e) {
      log(`templates package not usable (${e.message.split('\n')[0]}); falling back to committed templates`);
    }
  }
  const out = [];
  const tdir = path.join(repoRoot, 'templates');
  if (existsSync(tdir)) {
    for (const name of readdirSync(tdir).sort()) {
      const f = path.join(tdir, name, 'template.yml');
      if (existsSync(f)) out.push({ origin: `templates/${name}/template.yml`, provider: 'gitlab', text: readFileSync(f, 'utf8') });
    }
  }
  const wdir = path.join(repoRoot, '.github/workflows');
  if (existsSync(wdir)) {
    for (const name of readdirSync(wdir).sort()) {
      if (/^dvc.*\.ya?ml$/.test(name)) out.push({ origin: `.github/workflows/${name}`, provider: 'github', text: readFileSync(path.join(wdir, name), 'utf8') });
    }
  }
  return { source: out.length > 0 ? 'committed templates/ and .github/workflows/dvc*.yml' : 'none available', files: out };
}

/** Seed files: the real-world corpus plus our templates. */
export async function loadSeeds() {
  const real = realFiles();
  const templates = await renderedTemplates();
  const seeds = [...real, ...templates.files];
  return {
    seeds,
    summary: {
      real: real.length,
      realGithub: real.filter((s) => s.provider === 'github').length,
      realGitlab: real.filter((s) => s.provider === 'gitlab').length,
      templates: templates.files.length,
      templatesSource: templates.source,
      corpusPresent: existsSync(paths.corpus),
    },
  };
}

const GITLAB_RESERVED = new Set(['default', 'include', 'stages', 'variables', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script', 'pages', 'spec']);

function renameRefs(node, names, suffix) {
  // needs: [a, {job: a}], dependencies: [a], extends: a / [a]
  if (YAML.isScalar(node) && typeof node.value === 'string' && names.has(node.value)) node.value = `${node.value}${suffix}`;
  else if (YAML.isSeq(node)) for (const item of node.items) renameRefs(item, names, suffix);
  else if (YAML.isMap(node)) {
    const job = node.get('job', true);
    if (job) renameRefs(job, names, suffix);
  }
}

/** A variant of `text`: jobs renamed with a suffix (references follow), one env value and a comment changed. */
export function vary(seed, copy) {
  const suffix = `-c${copy}`;
  const header = `# copy ${copy} of ${seed.origin}\n`;
  if (copy === 0) return header + seed.text;
  let docs;
  try {
    docs = YAML.parseAllDocuments(seed.text);
  } catch {
    docs = undefined;
  }
  const doc = Array.isArray(docs) ? docs[docs.length - 1] : undefined;
  if (!doc || doc.errors.length > 0 || !YAML.isMap(doc.contents) || docs.length > 1) {
    // Keep what cannot be rewritten faithfully (parse errors, components with a spec header) as text.
    return `${header + seed.text}\n# bench variant ${copy}\n`;
  }
  const root = doc.contents;
  if (seed.provider === 'github') {
    const jobs = root.get('jobs', true);
    if (YAML.isMap(jobs)) {
      const names = new Set(jobs.items.map((p) => String(p.key?.value ?? p.key)));
      for (const pair of jobs.items) {
        if (YAML.isScalar(pair.key)) pair.key.value = `${pair.key.value}${suffix}`;
        if (YAML.isMap(pair.value)) {
          const needs = pair.value.get('needs', true);
          if (needs) renameRefs(needs, names, suffix);
        }
      }
    }
    const env = root.get('env', true);
    if (YAML.isMap(env)) env.set('BENCH_COPY', String(copy));
    else if (!env) root.set('env', { BENCH_COPY: String(copy) });
  } else {
    const names = new Set();
    for (const pair of root.items) {
      const k = YAML.isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (k && !GITLAB_RESERVED.has(k) && !k.startsWith('.') && YAML.isMap(pair.value)) names.add(k);
    }
    for (const pair of root.items) {
      const k = YAML.isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (k && names.has(k)) pair.key.value = `${k}${suffix}`;
      if (YAML.isMap(pair.value)) for (const key of ['needs', 'dependencies']) {
        const ref = pair.value.get(key, true);
        if (ref) renameRefs(ref, names, suffix);
      }
    }
    const vars = root.get('variables', true);
    if (YAML.isMap(vars)) vars.set('BENCH_COPY', String(copy));
  }
  doc.commentBefore = `${doc.commentBefore ? `${doc.commentBefore}\n` : ''} copy ${copy} of ${seed.origin}`;
  return doc.toString({ lineWidth: 0 });
}

function fileName(seed) {
  const m = /(?:workflows[_/])([A-Za-z0-9_.-]+?)\.ya?ml(?:_\d+_)?$/.exec(seed.origin);
  return m ? `${m[1].replace(/[^A-Za-z0-9_-]/g, '-')}.yml` : 'mlops.yml';
}

/**
 * Write `count` files under `dir`, cycling through the seeds (GitHub/GitLab mix preserved).
 * Returns { dir, files, github, gitlab, bytes }.
 */
export function buildCorpus(seeds, count, dir) {
  mkdirSync(dir, { recursive: true });
  const files = [];
  let github = 0;
  let gitlab = 0;
  let bytes = 0;
  const width = String(count).length;
  const cache = new Map();
  for (let i = 0; i < count; i++) {
    const seed = seeds[i % seeds.length];
    const copy = Math.floor(i / seeds.length);
    const key = `${i % seeds.length}:${copy}`;
    let text = cache.get(key);
    if (text === undefined) {
      text = vary(seed, copy);
      cache.set(key, text);
    }
    const repo = path.join(dir, `repo-${String(i).padStart(width, '0')}`);
    let file;
    if (seed.provider === 'github') {
      mkdirSync(path.join(repo, '.github/workflows'), { recursive: true });
      file = path.join(repo, '.github/workflows', fileName(seed));
      github++;
    } else {
      mkdirSync(repo, { recursive: true });
      file = path.join(repo, '.gitlab-ci.yml');
      gitlab++;
    }
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
    files.push(file);
  }
  return { dir, files, count, github, gitlab, bytes };
}
