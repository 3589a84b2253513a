/**
 * Shell scripts with exact positions: one ScriptLine per source line of a block
 * scalar (`|` or `>`), or one line at the value position for plain/quoted scalars.
 */
import type { Script, ScriptLine } from '../model.js';
import type { ScalarView } from './view.js';
import { spanOf } from './view.js';
import { spanAt } from './source.js';

export function scriptOf(view: ScalarView, section?: Script['section']): Script {
  const text = view.value === null ? '' : String(view.value);
  const span = spanOf(view);
  const script: Script = { text, span, lines: scriptLines(view, text) };
  if (section) script.section = section;
  return script;
}

function scriptLines(view: ScalarView, text: string): ScriptLine[] {
  const range = view.node?.range;
  if (!range) return text.split('\n').filter((l) => l.trim() !== '').map((l) => ({ text: l, span: spanOf(view) }));
  const src = view.src;
  const isBlock = view.style === 'BLOCK_LITERAL' || view.style === 'BLOCK_FOLDED';
  if (!isBlock) {
    return [{ text, span: spanAt(src.file, src.lineCounter, range[0], range[1]) }];
  }
  const source = src.text;
  const out: ScriptLine[] = [];
  const headerEnd = source.indexOf('\n', range[0]);
  if (headerEnd < 0 || headerEnd >= range[1]) return out;
  let indent = -1;
  let pos = headerEnd + 1;
  while (pos < range[1]) {
    let lineEnd = source.indexOf('\n', pos);
    if (lineEnd < 0 || lineEnd > range[1]) lineEnd = range[1];
    let line = source.slice(pos, lineEnd);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.trim() !== '') {
      if (indent < 0) indent = line.length - line.trimStart().length;
      const content = line.slice(Math.min(indent, line.length)).trimEnd();
      const start = pos + Math.min(indent, line.length);
      out.push({ text: content, span: spanAt(src.file, src.lineCounter, start, start + content.length) });
    }
    pos = lineEnd + 1;
  }
  return out;
}
