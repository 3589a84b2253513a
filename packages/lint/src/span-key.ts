import type { Span } from './model.js';

/** Where a span starts, as a key: one finding (or one model fact) per place something is written. */
export function spanKey(span: Span): string {
  return `${span.file}:${span.line}:${span.column}`;
}
