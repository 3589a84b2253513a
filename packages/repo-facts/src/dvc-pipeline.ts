/**
 * What a DVC pipeline (dvc.yaml, else dvc.lock) needs from the remote: whether any stage depends
 * on data that only DVC brings (a path tracked by a `.dvc` file, or one that is in neither git
 * nor another stage's outputs). A pipeline whose dependencies are all in git reproduces from a
 * plain checkout, with no `dvc pull`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { parse } from 'yaml';

interface StageFiles {
  deps: string[];
  outs: string[];
}

/** A path entry of `deps:` / `outs:`: a string, or a one-key map (`- model.pkl: { cache: false }`) or `{ path: … }` (dvc.lock). */
function pathsOf(list: unknown): string[] | undefined {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) return undefined;
  const out: string[] = [];
  for (const item of list) {
    if (typeof item === 'string') out.push(item);
    else if (item && typeof item === 'object') {
      const obj = item as Record<string, unknown>;
      if (typeof obj.path === 'string') out.push(obj.path);
      else {
        const keys = Object.keys(obj);
        if (keys.length !== 1) return undefined;
        out.push(keys[0]!);
      }
    } else return undefined;
  }
  return out;
}

/** Stages of dvc.yaml (or dvc.lock), or undefined when there is none or it cannot be read plainly (templated stages). */
function readStages(dir: string): StageFiles[] | undefined {
  for (const name of ['dvc.yaml', 'dvc.lock']) {
    const file = join(dir, name);
    if (!existsSync(file)) continue;
    let doc: unknown;
    try {
      doc = parse(readFileSync(file, 'utf8'));
    } catch {
      return undefined;
    }
    const stages = doc && typeof doc === 'object' ? (doc as Record<string, unknown>).stages : undefined;
    if (!stages || typeof stages !== 'object') return undefined;
    const out: StageFiles[] = [];
    for (const stage of Object.values(stages as Record<string, unknown>)) {
      if (!stage || typeof stage !== 'object') return undefined;
      const s = stage as Record<string, unknown>;
      if ('foreach' in s || 'matrix' in s) return undefined;
      const deps = pathsOf(s.deps);
      const outs = pathsOf(s.outs);
      const metrics = pathsOf(s.metrics) ?? [];
      const plots = pathsOf(s.plots) ?? [];
      if (!deps || !outs) return undefined;
      out.push({ deps, outs: [...outs, ...metrics, ...plots] });
    }
    return out;
  }
  return undefined;
}

const within = (path: string, dir: string): boolean => path === dir || path.startsWith(dir.endsWith('/') ? dir : `${dir}/`);

/** `data/raw/x.csv` is tracked by DVC when `data/raw/x.csv.dvc`, `data/raw.dvc` or `data.dvc` exists. */
function dvcTracked(dir: string, path: string): boolean {
  for (let p = path; p !== '.' && p !== '' && p !== '/'; p = dirname(p)) if (existsSync(join(dir, `${p}.dvc`))) return true;
  return false;
}

/**
 * true: some stage needs data from the DVC remote; false: every dependency is in git or made by
 * another stage; undefined: no plain dvc.yaml / dvc.lock in `dir` (nothing known).
 */
export function pipelineNeedsRemoteData(dir: string): boolean | undefined {
  const stages = readStages(dir);
  if (!stages) return undefined;
  const outs = stages.flatMap((s) => s.outs.map((o) => normalize(o)));
  for (const dep of stages.flatMap((s) => s.deps.map((d) => normalize(d)))) {
    if (dep.includes('${') || dep.startsWith('..') || dep.startsWith('/')) return true;
    if (outs.some((o) => within(dep, o) || within(o, dep))) continue;
    if (dvcTracked(dir, dep) || !existsSync(join(dir, dep))) return true;
  }
  return false;
}
