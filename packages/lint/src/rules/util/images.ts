/** Container image references. */
import { DVC_IMAGES } from './dvc-facts.js';
export interface ImageRef {
  /** Registry host, when given. */
  registry?: string;
  /** Repository path without registry, e.g. "iterativeai/cml". */
  repository: string;
  tag?: string;
  digest?: string;
}

export function parseImage(text: string): ImageRef {
  let ref = text.trim().replace(/^docker:\/\//, '');
  let digest: string | undefined;
  const at = ref.indexOf('@');
  if (at >= 0) {
    digest = ref.slice(at + 1);
    ref = ref.slice(0, at);
  }
  let tag: string | undefined;
  const lastSlash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = ref.slice(colon + 1);
    ref = ref.slice(0, colon);
  }
  let registry: string | undefined;
  const firstSlash = ref.indexOf('/');
  if (firstSlash > 0) {
    const head = ref.slice(0, firstSlash);
    if (head.includes('.') || head.includes(':') || head === 'localhost') {
      registry = head;
      ref = ref.slice(firstSlash + 1);
    }
  }
  const out: ImageRef = { repository: ref };
  if (registry !== undefined) out.registry = registry;
  if (tag !== undefined) out.tag = tag;
  if (digest !== undefined) out.digest = digest;
  return out;
}

/** The image reference contains an unresolved variable / expression. */
export function isDynamicImage(text: string): boolean {
  return /\$\{\{|\$\[\[|\$[A-Za-z_{]/.test(text);
}

/** Images that ship DVC (the facts table in dvc-facts.ts): CML images under all their names and DVC's own. */
export function isDvcImage(img: ImageRef): boolean {
  const registry = img.registry ?? 'docker.io';
  const repository = registry === 'docker.io' ? img.repository.replace(/^library\//, '') : img.repository;
  return DVC_IMAGES.some((f) => f.registry === registry && f.repository.test(repository));
}

/** The exact DVC version an image tag names, when it does (e.g. "…-dvc3.63.0-…"). */
export function dvcVersionOfImage(img: ImageRef): string | undefined {
  if (/dvc$/.test(img.repository) && img.tag && /^\d+\.\d+\.\d+$/.test(img.tag)) return img.tag;
  return /(?:^|-)dvc(\d+\.\d+\.\d+)(?:-|$)/.exec(img.tag ?? '')?.[1];
}
