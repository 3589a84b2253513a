import { describe, expect, it } from 'vitest';
import { lineIndex } from '../../src/line-index.js';

describe('lineIndex', () => {
  const text = 'a: 1\nbb: 22\n\nccc: 3';
  const index = lineIndex(text);

  it('turns offsets into 1-based line/column and back', () => {
    for (let offset = 0; offset <= text.length; offset++) {
      const { line, column } = index.positionAt(offset);
      expect(index.offsetAt(line, column)).toBe(offset);
    }
    expect(index.positionAt(5)).toEqual({ line: 2, column: 1 });
    expect(index.positionAt(12)).toEqual({ line: 3, column: 1 });
  });

  it('clamps positions outside the text', () => {
    expect(index.positionAt(-3)).toEqual({ line: 1, column: 1 });
    expect(index.positionAt(999)).toEqual({ line: 4, column: 7 });
    expect(index.offsetAt(99, 1)).toBe(text.length);
  });
});
