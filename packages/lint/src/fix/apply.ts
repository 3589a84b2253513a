/**
 * Applying fixes to a text: sorted by position, overlapping fixes skipped (a
 * later pass picks them up after re-linting), identical duplicates applied once.
 */
import type { Fix } from '../model.js';

export interface ApplyResult {
  output: string;
  applied: Fix[];
  skipped: Fix[];
}

export function applyFixes(text: string, fixes: readonly Fix[]): ApplyResult {
  const sorted = fixes
    .map((fix, order) => ({ fix, order }))
    .filter(({ fix }) => fix.start >= 0 && fix.end >= fix.start && fix.end <= text.length)
    .sort((a, b) => a.fix.start - b.fix.start || a.fix.end - b.fix.end || a.order - b.order);
  const applied: Fix[] = [];
  const skipped: Fix[] = fixes.filter((f) => !(f.start >= 0 && f.end >= f.start && f.end <= text.length));
  let out = '';
  let cursor = 0;
  let last: Fix | undefined;
  for (const { fix } of sorted) {
    if (last && fix.start === last.start && fix.end === last.end && fix.text === last.text) continue;
    if (fix.start < cursor || (last && fix.start === cursor && fix.start === fix.end && last.start === last.end)) {
      skipped.push(fix);
      continue;
    }
    out += text.slice(cursor, fix.start) + fix.text;
    cursor = fix.end;
    applied.push(fix);
    last = fix;
  }
  out += text.slice(cursor);
  return { output: out, applied, skipped };
}
