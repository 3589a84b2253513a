/** Turning spans into character offsets for fixes (through the workflow's line index of each file). */
import type { Fix, Span, Workflow } from '../../model.js';
import { lineIndex } from '../../line-index.js';

export function sourceText(workflow: Workflow, file: string): string | undefined {
  return file === workflow.file ? workflow.text : workflow.sources.get(file);
}

/** Replaces the text a span covers. */
export function replaceSpan(workflow: Workflow, span: Span, text: string): Fix | undefined {
  const lines = workflow.lines(span.file);
  if (lines === undefined) return undefined;
  return { file: span.file, start: lines.offsetAt(span.line, span.column), end: lines.offsetAt(span.endLine, span.endColumn), text };
}

/** The text a span covers. */
export function spanText(workflow: Workflow, span: Span): string | undefined {
  const src = sourceText(workflow, span.file);
  const lines = workflow.lines(span.file);
  if (src === undefined || lines === undefined) return undefined;
  return src.slice(lines.offsetAt(span.line, span.column), lines.offsetAt(span.endLine, span.endColumn));
}

/** Replaces a scalar value, keeping its quoting style. */
export function replaceScalar(workflow: Workflow, span: Span, value: string): Fix | undefined {
  const old = spanText(workflow, span);
  if (old === undefined) return undefined;
  const q = old.startsWith("'") ? "'" : old.startsWith('"') ? '"' : '';
  return replaceSpan(workflow, span, `${q}${value}${q}`);
}

/** Span of [start, end) offsets in `file` (the workflow file unless given). */
export function spanBetween(workflow: Workflow, start: number, end: number, file: string = workflow.file): Span {
  const lines = workflow.lines(file) ?? lineIndex('');
  const a = lines.positionAt(start);
  const b = lines.positionAt(Math.max(start, end));
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
