/** Line/column ↔ offset conversion over one text: line starts found once, then binary search. */
import type { LineIndex } from './model.js';

export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    offsetAt(line, column) {
      if (line < 1) return 0;
      if (line > starts.length) return text.length;
      return Math.min(starts[line - 1]! + column - 1, text.length);
    },
    positionAt(offset) {
      const at = Math.max(0, Math.min(offset, text.length));
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= at) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: at - starts[lo]! + 1 };
    },
  };
}

/** `Workflow.lines`: one lazily built index per file of a workflow (the file itself and its included sources). */
export function workflowLines(file: string, text: string, sources: ReadonlyMap<string, string>): (name: string) => LineIndex | undefined {
  const built = new Map<string, LineIndex>();
  return (name) => {
    const known = built.get(name);
    if (known) return known;
    const content = name === file ? text : sources.get(name);
    if (content === undefined) return undefined;
    const index = lineIndex(content);
    built.set(name, index);
    return index;
  };
}
