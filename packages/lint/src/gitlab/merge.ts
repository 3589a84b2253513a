/**
 * GitLab merge semantics on views: hashes deep-merge (later wins), arrays and
 * scalars are replaced. The result shares every leaf with its inputs, so each
 * value still points at the node (and file) it was written in.
 */
import type { MapView, View } from '../parse/view.js';

export function deepMerge(base: View, over: View): View {
  if (base.kind !== 'map' || over.kind !== 'map') return over;
  const merged: MapView = { kind: 'map', node: over.node, src: over.src, entries: new Map(base.entries) };
  if (over.tag) merged.tag = over.tag;
  for (const [key, e] of over.entries) {
    const prev = merged.entries.get(key);
    merged.entries.set(key, prev ? { key, keyView: e.keyView, value: deepMerge(prev.value, e.value) } : e);
  }
  return merged;
}

/** A copy of a map view without some keys. */
export function without(view: MapView, keys: readonly string[]): MapView {
  const out: MapView = { ...view, entries: new Map(view.entries) };
  for (const k of keys) out.entries.delete(k);
  return out;
}
