/** From a JSON instance path to the YAML node (and its position) that holds the value. */
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, Node as YamlNode, Pair } from 'yaml';
import { pointerParts } from '../json-pointer.js';

export interface Located {
  /** The value node at the path (or the deepest ancestor found). */
  node: YamlNode | undefined;
  /** The key node when the path ends in a map entry. */
  key: YamlNode | undefined;
  /** Whether the whole path was found. */
  exact: boolean;
}

function deref(node: unknown, doc: Document.Parsed): unknown {
  let n = node;
  for (let i = 0; i < 20 && isAlias(n); i++) n = n.resolve(doc);
  return n;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  if (key === null || key === undefined) return undefined;
  return typeof key === 'object' ? undefined : String(key);
}

/** The pair of `map` whose key is `name`, looking through `<<` merge keys too. */
function findPair(map: unknown, name: string, doc: Document.Parsed, depth = 0): Pair | undefined {
  if (!isMap(map) || depth > 10) return undefined;
  let merged: Pair | undefined;
  for (const item of map.items) {
    if (!isPair(item)) continue;
    const k = keyText(item.key);
    if (k === name) return item;
    if (k === '<<' && !merged) {
      const sources = deref(item.value, doc);
      const list = isSeq(sources) ? sources.items.map((s) => deref(s, doc)) : [sources];
      for (const src of list) {
        merged = findPair(src, name, doc, depth + 1);
        if (merged) break;
      }
    }
  }
  return merged;
}

export function locate(doc: Document.Parsed, pointer: string): Located {
  let node = deref(doc.contents, doc) as YamlNode | undefined;
  let key: YamlNode | undefined;
  for (const part of pointerParts(pointer)) {
    if (isMap(node)) {
      const pair = findPair(node, part, doc);
      if (!pair) return { node, key, exact: false };
      key = (pair.key ?? undefined) as YamlNode | undefined;
      node = deref(pair.value, doc) as YamlNode | undefined;
      if (node === null || node === undefined) return { node: key, key, exact: true };
    } else if (isSeq(node)) {
      const item = deref(node.items[Number(part)], doc) as YamlNode | undefined;
      if (!item) return { node, key, exact: false };
      key = undefined;
      node = item;
    } else {
      return { node, key, exact: false };
    }
  }
  return { node, key, exact: true };
}

/** The key node of entry `name` in the map at `pointer` (for unknown keys). */
export function locateKey(doc: Document.Parsed, pointer: string, name: string): YamlNode | undefined {
  const { node, exact } = locate(doc, pointer);
  if (!exact || !isMap(node)) return undefined;
  const pair = findPair(node, name, doc);
  return (pair?.key ?? undefined) as YamlNode | undefined;
}

/** The JS value at a JSON pointer. */
export function valueAt(data: unknown, pointer: string): unknown {
  let v = data;
  for (const part of pointerParts(pointer)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}
