/**
 * A read-only view over YAML nodes that remembers which file each node came from.
 *
 * The model builders read views instead of raw `yaml` nodes so that GitLab
 * resolution (extends, !reference, default:, include:) can produce merged maps
 * whose every entry still points at the node (and file) the user wrote.
 * Aliases are followed and `<<` merge keys applied; views are memoised per node
 * so an alias-heavy document stays linear.
 */
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Node as YamlNode, Scalar } from 'yaml';
import type { Span } from '../model.js';
import type { Source } from './source.js';
import { spanAt } from './source.js';

export interface ViewBase {
  /** The YAML node written by the user (null for synthesised values). */
  node: YamlNode | null;
  src: Source;
  /** `!reference` and other explicit tags. */
  tag?: string;
}
export interface MapEntry {
  key: string;
  keyView: ScalarView;
  value: View;
}
export interface MapView extends ViewBase {
  kind: 'map';
  entries: Map<string, MapEntry>;
}
export interface SeqView extends ViewBase {
  kind: 'seq';
  items: View[];
}
export interface ScalarView extends ViewBase {
  kind: 'scalar';
  value: string | number | boolean | null;
  /** Block scalar style (`|`, `>`) or quote style, from the source. */
  style?: Scalar.Type | undefined;
}
export type View = MapView | SeqView | ScalarView;

export interface ViewContext {
  src: Source;
  anchors: Map<string, YamlNode>;
  memo: Map<YamlNode, View>;
  /** Text substitution applied to string scalars (GitLab component inputs). */
  substitute?: (text: string) => string;
}

export function createViewContext(src: Source, substitute?: (text: string) => string): ViewContext {
  const ctx: ViewContext = { src, anchors: new Map(), memo: new Map() };
  if (substitute) ctx.substitute = substitute;
  return ctx;
}

function resolveAlias(node: YamlNode, ctx: ViewContext): YamlNode | undefined {
  if (!isAlias(node)) return node;
  return ctx.anchors.get(node.source);
}

/** Build the view of a node. Anchors are registered in document order as the walk meets them. */
export function toView(node: unknown, ctx: ViewContext): View {
  if (!node || typeof node !== 'object') return nullView(ctx.src);
  let n = node as YamlNode;
  if (isAlias(n)) {
    const target = resolveAlias(n, ctx);
    if (!target) return nullView(ctx.src, n);
    n = target;
  }
  // Only anchored nodes can be reached twice (through aliases): memoise just those.
  const memoise = n.anchor !== undefined;
  if (memoise) {
    const known = ctx.memo.get(n);
    if (known) return known;
    ctx.anchors.set(n.anchor!, n);
  }
  if (isMap(n)) {
    const view: MapView = { kind: 'map', node: n, src: ctx.src, entries: new Map() };
    if (n.tag) view.tag = n.tag;
    if (memoise) ctx.memo.set(n, view);
    const merges: View[] = [];
    for (const pair of n.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      const keyView = toView(keyNode, ctx);
      if (keyView.kind !== 'scalar') continue;
      const key = String(keyView.value);
      if (key === '<<' && !(isScalar(keyNode) && keyNode.type !== 'PLAIN')) {
        const v = toView(pair.value, ctx);
        if (v.kind === 'seq') for (const item of v.items) merges.push(item);
        else merges.push(v);
        continue;
      }
      view.entries.set(key, { key, keyView, value: toView(pair.value, ctx) });
    }
    for (const merged of merges) {
      if (merged.kind !== 'map') continue;
      for (const [k, entry] of merged.entries) if (!view.entries.has(k)) view.entries.set(k, entry);
    }
    return view;
  }
  if (isSeq(n)) {
    const view: SeqView = { kind: 'seq', node: n, src: ctx.src, items: [] };
    if (n.tag) view.tag = n.tag;
    if (memoise) ctx.memo.set(n, view);
    for (const item of n.items) view.items.push(toView(item, ctx));
    return view;
  }
  if (isScalar(n)) {
    let value = n.value as unknown;
    if (typeof value === 'string' && ctx.substitute) value = ctx.substitute(value);
    const scalar: ScalarView = {
      kind: 'scalar',
      node: n,
      src: ctx.src,
      value: value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : String(value),
      style: n.type,
    };
    if (n.tag) scalar.tag = n.tag;
    if (memoise) ctx.memo.set(n, scalar);
    return scalar;
  }
  return nullView(ctx.src, n);
}

export function nullView(src: Source, node: YamlNode | null = null): ScalarView {
  return { kind: 'scalar', node, src, value: null };
}

export function spanOf(view: { node: YamlNode | null; src: Source }): Span {
  const range = view.node?.range;
  if (!range) return { file: view.src.file, line: 1, column: 1, endLine: 1, endColumn: 1 };
  return spanAt(view.src.file, view.src.lineCounter, range[0], range[1]);
}

export function get(view: View | undefined, key: string): View | undefined {
  return view?.kind === 'map' ? view.entries.get(key)?.value : undefined;
}

export function entry(view: View | undefined, key: string): MapEntry | undefined {
  return view?.kind === 'map' ? view.entries.get(key) : undefined;
}

/** Scalar as text (numbers and booleans stringified); undefined for collections and null. */
export function str(view: View | undefined): string | undefined {
  if (!view || view.kind !== 'scalar' || view.value === null) return undefined;
  return String(view.value);
}

/** A scalar or a list of scalars as strings, each with its view. */
export function strList(view: View | undefined): ScalarView[] {
  if (!view) return [];
  if (view.kind === 'scalar') return view.value === null ? [] : [view];
  if (view.kind === 'seq') return view.items.filter((i): i is ScalarView => i.kind === 'scalar' && i.value !== null);
  return [];
}

/** Plain JavaScript value of a view (bounded: views are acyclic after alias memoisation only when the YAML is). */
export function toPlain(view: View | undefined, depth = 0): unknown {
  if (!view || depth > 64) return undefined;
  if (view.kind === 'scalar') return view.value;
  if (view.kind === 'seq') return view.items.map((i) => toPlain(i, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, e] of view.entries) out[k] = toPlain(e.value, depth + 1);
  return out;
}
