/**
 * GitLab resolution before rules run: local `include:` (string, list, `local:`,
 * globs; nested; cycles and missing files reported), `extends:` (multiple
 * parents, multi-level, deep merge of hashes), `!reference [job, key, ...]`,
 * and `default:` / legacy global keys inherited by jobs (respecting `inherit:`).
 *
 * Everything is done on views: merged maps are new objects whose entries still
 * point at the nodes the user wrote, in the file they wrote them in.
 */
import type { Diagnostic, Include, KeyedValue, Span } from '../model.js';
import type { Source } from '../parse/source.js';
import type { MapEntry, MapView, ScalarView, SeqView, View } from '../parse/view.js';
import { get, nullView, spanOf, str, strList } from '../parse/view.js';
import { docsUrl } from '../engine/docs.js';
import { declaredInputs } from '../parse/component.js';
import { keyedValues } from '../keyed.js';
import { deepMerge, without } from './merge.js';
import { DEFAULT_KEYS, GLOBAL_KEYWORDS, LEGACY_GLOBALS } from './keywords.js';

export const RESOLVE_RULE = 'gitlab-resolve';

/** What resolution needs from the outside world (file access is injected for tests and caching). */
export interface IncludeLoader {
  /** Resolve a local include (as written) to absolute paths; globs expand to every match. */
  expand(pattern: string): string[];
  /**
   * Load and view an included file. `error` when it cannot be read. `inputs`: the values the
   * include passes to the file's `spec:inputs` (`$[[ inputs.x ]]`), instead of their defaults.
   */
  load(absPath: string, inputs?: Record<string, string>): { root?: View; source?: Source; diagnostics: Diagnostic[]; error?: string };
  /** The path leaves the project (GitLab refuses such includes): it is never read. */
  outside?(absPath: string): boolean;
}

export interface ResolvedJob {
  id: string;
  keyView: ScalarView;
  view: View;
}

export interface Resolved {
  root: MapView;
  jobs: ResolvedJob[];
  /** Every include of the pipeline: the file's own and those of its local includes, at any depth (each merged file once). */
  includes: Include[];
  /** Display path → text of every included file that was merged in. */
  sources: Map<string, string>;
  /** The parsed included files (checked for structure like the main file). */
  includedSources: Source[];
  diagnostics: Diagnostic[];
  /** The files' top-level mappings in merge order (included files first, the including file last). */
  layers: View[];
  /** Some of the pipeline comes from includes that are not read (remote, project, template, component, a path with variables). */
  incomplete: boolean;
  /** Every local include that was read (at any depth), with the inputs it passes and the file it read. */
  loaded: { include: Include; inputs?: IncludeInputs; source: Source }[];
  /** What was not checked, and why (not findings: nothing is wrong with the file). */
  notices: string[];
}

const MAX_INCLUDE_DEPTH = 100;
const MAX_REFERENCE_DEPTH = 10;
/** GitLab's limit of included files per pipeline. */
export const MAX_INCLUDES = 150;
/** GitLab's limit of `extends:` levels. */
export const MAX_EXTENDS_DEPTH = 11;
/** Values `!reference` may copy into one pipeline (a fan-out of references multiplies them). */
export const MAX_REFERENCED_VALUES = 100_000;

function problem(span: Span, message: string): Diagnostic {
  return { ...span, ruleId: RESOLVE_RULE, severity: 'error', message, docsUrl: docsUrl(RESOLVE_RULE) };
}

/** `inputs:` of an include entry: values (scalars as text, lists and maps as JSON) and where each name was written. */
export interface IncludeInputs {
  values: Record<string, string>;
  keys: Map<string, Span>;
  /** Each input as written (typed plain value, key and value positions). */
  entries: Map<string, KeyedValue>;
}

function includeInputs(item: View): IncludeInputs | undefined {
  const inputs = get(item, 'inputs');
  if (inputs?.kind !== 'map') return undefined;
  const out: IncludeInputs = { values: {}, keys: new Map(), entries: keyedValues(inputs) };
  for (const [name, entry] of inputs.entries) {
    out.keys.set(name, spanOf(entry.keyView));
    const value = entry.value;
    if (value.kind === 'scalar') {
      if (value.value !== null) out.values[name] = String(value.value);
    } else if (value.node && typeof (value.node as { toJSON?: unknown }).toJSON === 'function') {
      out.values[name] = JSON.stringify((value.node as { toJSON: () => unknown }).toJSON());
    }
  }
  return out;
}

/** What GitLab refuses about the inputs an include passes to a file: unknown names, missing required ones. */
function inputProblems(include: Include, inputs: IncludeInputs | undefined, source: Source, file: string): Diagnostic[] {
  const declared = declaredInputs(source.header);
  const given = inputs?.keys ?? new Map<string, Span>();
  if (!declared) {
    const first = [...given.values()][0];
    return first ? [problem(first, `include: \`${file}\` declares no \`spec:inputs\`, so it takes no \`inputs:\``)] : [];
  }
  const out: Diagnostic[] = [];
  for (const [name, span] of given) {
    if (!declared.has(name)) out.push(problem(span, `include: input \`${name}\` is not declared in the \`spec:inputs\` of \`${file}\` (declared: ${[...declared.keys()].join(', ') || 'none'})`));
  }
  for (const [name, value] of declared) {
    if (value === undefined && !given.has(name)) out.push(problem(include.span, `include: \`${file}\` requires the input \`${name}\` (it has no default): pass it under \`inputs:\``));
  }
  return out;
}

/** The `include:` entries of one file, as model Includes with the view that declared them. */
export function includesOf(root: View): { include: Include; local?: ScalarView; inputs?: IncludeInputs }[] {
  const value = get(root, 'include');
  if (!value) return [];
  const items = value.kind === 'seq' ? value.items : [value];
  const out: { include: Include; local?: ScalarView; inputs?: IncludeInputs }[] = [];
  for (const item of items) {
    if (item.kind === 'scalar') {
      const target = str(item);
      if (target === undefined) continue;
      const kind = /^https?:\/\//.test(target) ? 'remote' : 'local';
      out.push(kind === 'local' ? { include: { kind, target, span: spanOf(item) }, local: item } : { include: { kind, target, span: spanOf(item) } });
      continue;
    }
    if (item.kind !== 'map') continue;
    const local = get(item, 'local');
    const component = get(item, 'component');
    const project = get(item, 'project');
    const remote = get(item, 'remote');
    const template = get(item, 'template');
    if (local?.kind === 'scalar' && str(local) !== undefined) {
      const inputs = includeInputs(item);
      out.push({ include: { kind: 'local', target: str(local)!, span: spanOf(local) }, local, ...(inputs ? { inputs } : {}) });
    } else if (component && str(component) !== undefined) {
      const text = str(component)!;
      const at = text.lastIndexOf('@');
      const include: Include = { kind: 'component', target: at >= 0 ? text.slice(0, at) : text, span: spanOf(component) };
      if (at >= 0) include.ref = text.slice(at + 1);
      const inputs = includeInputs(item);
      if (inputs) include.inputs = inputs.entries;
      out.push({ include });
    } else if (project && str(project) !== undefined) {
      const include: Include = { kind: 'project', target: str(project)!, span: spanOf(project) };
      const ref = str(get(item, 'ref'));
      if (ref !== undefined) include.ref = ref;
      const files = strList(get(item, 'file')).map((f) => String(f.value));
      if (files.length > 0) include.target = `${include.target}:${files.join(',')}`;
      out.push({ include });
    } else if (remote && str(remote) !== undefined) {
      out.push({ include: { kind: 'remote', target: str(remote)!, span: spanOf(remote) } });
    } else if (template && str(template) !== undefined) {
      out.push({ include: { kind: 'template', target: str(template)!, span: spanOf(template) } });
    }
  }
  return out;
}

export function resolveGitlab(mainRoot: View, mainFile: string, loader: IncludeLoader, displayName: (abs: string) => string): Resolved {
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const includedSources: Source[] = [];
  const includes: Include[] = [];
  const layers: View[] = [];
  const loadedIncludes: Resolved['loaded'] = [];

  // Jobs may extend hidden jobs from remote/project/template/component includes,
  // which are not read: then unknown names cannot be reported.
  let opaque = false;
  /** Every file (with the inputs it was given) is merged once, as GitLab does: an include diamond stays linear. */
  const merged = new Set<string>();
  let includeCount = 0;
  let notChecked: Include | undefined;
  const visit = (root: View, stack: string[]): void => {
    for (const { include, local, inputs } of includesOf(root)) {
      includes.push(include);
      if (include.kind !== 'local') {
        opaque = true;
        notChecked ??= include;
      }
      if (include.kind !== 'local' || !local) continue;
      if (include.target.includes('$')) {
        // A path built from CI/CD variables cannot be resolved before the pipeline runs.
        opaque = true;
        continue;
      }
      if (stack.length > MAX_INCLUDE_DEPTH) {
        diagnostics.push(problem(include.span, `Too many nested includes (more than ${MAX_INCLUDE_DEPTH})`));
        continue;
      }
      const paths = loader.expand(include.target);
      if (paths.length === 0) {
        diagnostics.push(problem(include.span, /[*?[]/.test(include.target) ? `include: no file matches \`${include.target}\`` : `include: local file \`${include.target}\` does not exist`));
        continue;
      }
      for (const abs of paths) {
        if (loader.outside?.(abs)) {
          diagnostics.push(problem(include.span, `include: \`${include.target}\` is outside the project: GitLab includes only files of the project, and mlops-lint does not read it`));
          continue;
        }
        const key = inputs ? `${abs}\u0000${JSON.stringify(Object.entries(inputs.values).sort())}` : abs;
        if (merged.has(key) && !stack.includes(abs)) continue;
        if (++includeCount > MAX_INCLUDES) {
          if (includeCount === MAX_INCLUDES + 1) diagnostics.push(problem(include.span, `Too many included files (more than ${MAX_INCLUDES}, GitLab's limit): the rest are not checked`));
          continue;
        }
        if (stack.includes(abs)) {
          const chain = [...stack.slice(stack.indexOf(abs)), abs].map(displayName).join(' → ');
          diagnostics.push(problem(include.span, `include cycle: ${chain}`));
          continue;
        }
        const loaded = loader.load(abs, inputs?.values);
        if (loaded.error) {
          diagnostics.push(problem(include.span, `include: cannot read \`${include.target}\`: ${loaded.error}`));
          continue;
        }
        for (const d of loaded.diagnostics) diagnostics.push(d);
        if (loaded.source) for (const d of inputProblems(include, inputs, loaded.source, displayName(abs))) diagnostics.push(d);
        if (loaded.source) loadedIncludes.push({ include, ...(inputs ? { inputs } : {}), source: loaded.source });
        if (loaded.source && !sources.has(loaded.source.file)) {
          sources.set(loaded.source.file, loaded.source.text);
          includedSources.push(loaded.source);
        }
        if (!loaded.root) continue;
        merged.add(key);
        visit(loaded.root, [...stack, abs]);
        layers.push(loaded.root);
      }
    }
  };
  visit(mainRoot, [mainFile]);
  layers.push(mainRoot);
  const notices: string[] = [];
  if (notChecked) {
    const at = notChecked.span;
    notices.push(`${at.file}:${at.line}:${at.column}: ${notChecked.kind} includes are not read (mlops-lint works offline and reads only this repository): what they define is not checked`);
  }

  let top: View = layers[0]!;
  for (const layer of layers.slice(1)) top = deepMerge(top, layer);
  const root: MapView = top.kind === 'map' ? top : { kind: 'map', node: top.node, src: top.src, entries: new Map() };

  const resolver = new JobResolver(root, diagnostics, opaque);
  const defaults = resolver.defaults();
  const jobs: ResolvedJob[] = [];
  for (const [id, e] of root.entries) {
    if (GLOBAL_KEYWORDS.has(id) || id.startsWith('.')) continue;
    if (e.value.kind !== 'map') continue;
    const resolved = resolver.job(id, e.value);
    jobs.push({ id, keyView: e.keyView, view: inheritDefaults(resolved, defaults) });
  }
  const out: Resolved = { root, jobs, includes, sources, includedSources, diagnostics, layers, loaded: loadedIncludes, notices, incomplete: opaque };
  const variables = get(root, 'variables');
  if (variables) {
    const resolvedVars = resolver.references(variables, 0);
    if (resolvedVars !== variables) out.root = { ...root, entries: new Map(root.entries).set('variables', { ...root.entries.get('variables')!, value: resolvedVars }) };
  }
  return out;
}

class JobResolver {
  private readonly done = new Map<string, View>();
  private readonly active = new Set<string>();
  private tooDeep = false;
  /** Values copied by `!reference` so far, and the size of each view (memoised: views share their parts). */
  private referenced = 0;
  private readonly sizes = new WeakMap<View, number>();
  private overBudget = false;
  /** `!reference` results by path: the same reference resolves once. */
  private readonly referenceResults = new Map<string, View>();

  constructor(
    private readonly root: MapView,
    private readonly diagnostics: Diagnostic[],
    /** Some content comes from includes that are not read: unknown names are not errors. */
    private readonly opaque: boolean,
  ) {}

  /** `default:` merged over legacy top-level globals, references resolved. */
  defaults(): MapView | undefined {
    let base: MapView | undefined;
    for (const key of LEGACY_GLOBALS) {
      const e = this.root.entries.get(key);
      if (!e) continue;
      base ??= { kind: 'map', node: null, src: this.root.src, entries: new Map() };
      base.entries.set(key, e);
    }
    const def = this.root.entries.get('default')?.value;
    let merged: View | undefined = base;
    if (def?.kind === 'map') merged = base ? deepMerge(base, def) : def;
    if (!merged || merged.kind !== 'map') return undefined;
    const resolved = this.references(merged, 0);
    return resolved.kind === 'map' ? resolved : undefined;
  }

  job(id: string, view: View): View {
    return this.references(this.extended(id, view), 0);
  }

  /** A job with its `extends:` parents merged in (memoised; cycles, unknown parents and chains deeper than GitLab allows reported). */
  extended(id: string, view: View, depth = 1): View {
    const known = this.done.get(id);
    if (known) return known;
    if (view.kind !== 'map') return view;
    const ext = view.entries.get('extends');
    if (!ext) {
      this.done.set(id, view);
      return view;
    }
    if (depth > MAX_EXTENDS_DEPTH) {
      if (!this.tooDeep) {
        this.tooDeep = true;
        this.diagnostics.push(problem(spanOf(ext.keyView), `extends: \`${id}\` is more than ${MAX_EXTENDS_DEPTH} levels of extends deep (GitLab's limit): the chain is not followed further`));
      }
      const own = without(view, ['extends']);
      this.done.set(id, own);
      return own;
    }
    this.active.add(id);
    let base: View | undefined;
    for (const parent of strList(ext.value)) {
      const name = String(parent.value);
      const target = this.root.entries.get(name)?.value;
      if (!target) {
        if (!this.opaque) this.diagnostics.push(problem(spanOf(parent), `extends: \`${name}\` is not defined in this pipeline or its local includes`));
        continue;
      }
      if (this.active.has(name)) {
        this.diagnostics.push(problem(spanOf(parent), `extends cycle: \`${id}\` → \`${name}\``));
        continue;
      }
      const resolvedParent = this.extended(name, target, depth + 1);
      base = base ? deepMerge(base, resolvedParent) : resolvedParent;
    }
    this.active.delete(id);
    const own = without(view, ['extends']);
    const result = base ? deepMerge(base, own) : own;
    this.done.set(id, result);
    return result;
  }

  /** Replace every `!reference [job, key, ...]` below `view` (copy-on-write). */
  references(view: View, depth: number): View {
    if (depth > 64) return view;
    if (view.kind === 'seq' && view.tag === '!reference') return this.reference(view, depth);
    if (view.kind === 'seq') {
      let changed = false;
      const items = view.items.map((item) => {
        const r = this.references(item, depth + 1);
        if (r !== item) changed = true;
        return r;
      });
      return changed ? ({ ...view, items } as SeqView) : view;
    }
    if (view.kind === 'map') {
      let entries: Map<string, MapEntry> | undefined;
      for (const [k, e] of view.entries) {
        const r = this.references(e.value, depth + 1);
        if (r !== e.value) {
          entries ??= new Map(view.entries);
          entries.set(k, { ...e, value: r });
        }
      }
      return entries ? { ...view, entries } : view;
    }
    return view;
  }

  private refDepth = 0;

  private reference(view: SeqView, depth: number): View {
    const path = view.items.map((i) => str(i));
    if (path.length < 2 || path.some((p) => p === undefined)) {
      this.diagnostics.push(problem(spanOf(view), '!reference needs a job name and at least one key: `!reference [.job, script]`'));
      return nullView(view.src, view.node);
    }
    if (this.refDepth >= MAX_REFERENCE_DEPTH) {
      this.diagnostics.push(problem(spanOf(view), `!reference nested more than ${MAX_REFERENCE_DEPTH} levels deep`));
      return nullView(view.src, view.node);
    }
    const [jobName, ...keys] = path as string[];
    const target = this.root.entries.get(jobName!)?.value;
    if (!target) {
      if (!this.opaque) this.diagnostics.push(problem(spanOf(view), `!reference: \`${jobName}\` is not defined`));
      return nullView(view.src, view.node);
    }
    let current: View | undefined = jobName === 'default' || jobName === 'variables' ? target : this.extended(jobName!, target);
    for (const key of keys) {
      current = get(current, key);
      if (!current) break;
    }
    if (!current) {
      this.diagnostics.push(problem(spanOf(view), `!reference: \`${path.join('.')}\` does not exist`));
      return nullView(view.src, view.node);
    }
    const key = JSON.stringify(path);
    let result = this.referenceResults.get(key);
    if (!result) {
      this.refDepth++;
      try {
        result = this.references(current, depth + 1);
      } finally {
        this.refDepth--;
      }
      this.referenceResults.set(key, result);
    }
    // Each reference copies its target: a fan-out of references multiplies what the pipeline holds.
    this.referenced += this.sizeOf(result);
    if (this.referenced > MAX_REFERENCED_VALUES) {
      if (!this.overBudget) {
        this.overBudget = true;
        this.diagnostics.push(problem(spanOf(view), `!reference: the references of this pipeline copy more than ${MAX_REFERENCED_VALUES.toLocaleString('en-US')} values (a reference bomb): the rest are not resolved`));
      }
      return nullView(view.src, view.node);
    }
    return result;
  }

  /** Values in a view, counting shared parts each time they appear (iterative, memoised per view). */
  private sizeOf(root: View): number {
    const known = this.sizes.get(root);
    if (known !== undefined) return known;
    const order: View[] = [];
    const stack: View[] = [root];
    while (stack.length > 0) {
      const v = stack.pop()!;
      if (this.sizes.has(v)) continue;
      order.push(v);
      if (v.kind === 'seq') for (const item of v.items) stack.push(item);
      else if (v.kind === 'map') for (const e of v.entries.values()) stack.push(e.value);
    }
    for (let i = order.length - 1; i >= 0; i--) {
      const v = order[i]!;
      let n = 1;
      if (v.kind === 'seq') for (const item of v.items) n += this.sizes.get(item) ?? 1;
      else if (v.kind === 'map') for (const e of v.entries.values()) n += this.sizes.get(e.value) ?? 1;
      this.sizes.set(v, Math.min(n, Number.MAX_SAFE_INTEGER));
    }
    return this.sizes.get(root) ?? 1;
  }
}

function inheritDefaults(job: View, defaults: MapView | undefined): View {
  if (!defaults || job.kind !== 'map') return job;
  const inherit = get(get(job, 'inherit'), 'default');
  let allowed: Set<string> | undefined;
  if (inherit?.kind === 'scalar' && inherit.value === false) return job;
  if (inherit?.kind === 'seq') allowed = new Set(strList(inherit).map((s) => String(s.value)));
  let entries: Map<string, MapEntry> | undefined;
  for (const key of DEFAULT_KEYS) {
    if (allowed && !allowed.has(key)) continue;
    if (job.entries.has(key)) continue;
    const e = defaults.entries.get(key);
    if (!e) continue;
    entries ??= new Map(job.entries);
    entries.set(key, e);
  }
  return entries ? { ...job, entries } : job;
}
