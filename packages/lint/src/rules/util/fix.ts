/** Turning spans into character offsets for fixes. */
import type { Fix, Span, Workflow } from '../../model.js';

export function sourceText(workflow: Workflow, file: string): string | undefined {
  return file === workflow.file ? workflow.text : workflow.sources.get(file);
}

/** Character offset of a 1-based line/column in `text`. */
export function offsetAt(text: string, line: number, column: number): number {
  let off = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', off);
    if (nl < 0) return text.length;
    off = nl + 1;
  }
  return Math.min(off + column - 1, text.length);
}

/** Replaces the text a span covers. */
export function replaceSpan(workflow: Workflow, span: Span, text: string): Fix | undefined {
  const src = sourceText(workflow, span.file);
  if (src === undefined) return undefined;
  return { file: span.file, start: offsetAt(src, span.line, span.column), end: offsetAt(src, span.endLine, span.endColumn), text };
}

/** The text a span covers. */
export function spanText(workflow: Workflow, span: Span): string | undefined {
  const src = sourceText(workflow, span.file);
  if (src === undefined) return undefined;
  return src.slice(offsetAt(src, span.line, span.column), offsetAt(src, span.endLine, span.endColumn));
}

/** Replaces a scalar value, keeping its quoting style. */
export function replaceScalar(workflow: Workflow, span: Span, value: string): Fix | undefined {
  const old = spanText(workflow, span);
  if (old === undefined) return undefined;
  const q = old.startsWith("'") ? "'" : old.startsWith('"') ? '"' : '';
  return replaceSpan(workflow, span, `${q}${value}${q}`);
}

/** 1-based line/column of a character offset. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Span of [start, end) offsets in `file` (the workflow file unless given). */
export function spanOf(workflow: Workflow, start: number, end: number, file: string = workflow.file): Span {
  const text = sourceText(workflow, file) ?? '';
  const a = positionAt(text, start);
  const b = positionAt(text, Math.max(start, end));
  return { file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

/** Replaces a span only when it still holds `expected` (guards against positions that do not map 1:1). */
export function replaceExact(workflow: Workflow, span: Span, expected: string, text: string): Fix | undefined {
  return spanText(workflow, span) === expected ? replaceSpan(workflow, span, text) : undefined;
}

/**
 * The value at `span` is written as a GitLab component input (`$[[ inputs.x ]]`): the
 * model holds the input's default, but what the pipeline gets is whatever the caller passes.
 */
export function writtenAsInput(workflow: Workflow, span: Span): boolean {
  return spanText(workflow, span)?.includes('$[[') ?? false;
}
