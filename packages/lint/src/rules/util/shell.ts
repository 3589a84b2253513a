/**
 * Shell-line tokenising for rules: a script becomes a list of simple commands, each with
 * its words (quotes removed), the operator that joins it to the next command, and the
 * position of its first word in the file.
 */
import type { Script, Span } from '../../model.js';

export type Joiner = '&&' | '||' | ';' | '|' | '&' | 'end';

export interface Word {
  /** The word with quotes removed (expansions left as written). */
  value: string;
  /** The word as written. */
  raw: string;
  /** Offset of the word in the logical line. */
  offset: number;
}

export interface Command {
  /** Words after wrappers (sudo, env assignments, poetry run, python -m, uv run…) are removed. */
  argv: string[];
  /** All words as written, wrappers included. */
  words: Word[];
  /** Index in `words` of argv[0]. */
  start: number;
  /** The command text as written (wrappers included). */
  text: string;
  /** Operator after this command. */
  next: Joiner;
  /** Operator before this command ('end' for the first of a line). */
  prev: Joiner;
  /** Position of the command's first word. */
  span: Span;
  /** Index of the logical line in the script. */
  lineIndex: number;
  /** Index of this command in `commands(script)`. */
  index: number;
  /** Leading `NAME=value` assignments. */
  assignments: string[];
  /** The text of the here-documents the command reads (`cat <<EOF > f` … `EOF`), line by line. */
  hereDoc?: string[];
}

interface Segment {
  /** Offset in the logical line's text where this physical line's part begins. */
  offset: number;
  line: number;
  column: number;
}

interface LogicalLine {
  text: string;
  /** One entry per physical line joined into `text`, in order of `offset`. */
  segments: Segment[];
  file: string;
}

/** File line and column of character `i` of a logical line (undefined past its end). */
function posAt(ll: LogicalLine, i: number): { line: number; column: number } | undefined {
  if (i < 0 || i >= ll.text.length) return undefined;
  const segs = ll.segments;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid]!.offset <= i) lo = mid;
    else hi = mid - 1;
  }
  const s = segs[lo]!;
  return { line: s.line, column: s.column + (i - s.offset) };
}

const CONTINUED = /(^|[^\\])(\\\\)*\\\s*$/;
const logicalCache = new WeakMap<Script, LogicalLine[]>();

/** Joins physical lines ending with a backslash, and the lines of a folded (`>`) scalar. */
export function logicalLines(script: Script): LogicalLine[] {
  const hit = logicalCache.get(script);
  if (hit) return hit;
  const out: LogicalLine[] = [];
  let parts: string[] = [];
  let segments: Segment[] = [];
  let length = 0;
  let file = '';
  // A folded scalar's lines reach the shell as one line: its text has no line breaks.
  const folded = script.lines.length > 1 && !script.text.trimEnd().includes('\n');
  const n = script.lines.length;
  for (let index = 0; index < n; index++) {
    const line = script.lines[index]!;
    const text = line.text;
    const last = index === n - 1;
    const continued = (folded && !last) || CONTINUED.test(text);
    const body = continued && !folded ? text.replace(/\\\s*$/, '') : text;
    if (segments.length === 0) file = line.span.file;
    else {
      // The joining space takes the position of the next physical line's first character.
      parts.push(' ');
      length += 1;
      segments.push({ offset: length - 1, line: line.span.line, column: line.span.column });
      segments.push({ offset: length, line: line.span.line, column: line.span.column });
    }
    if (segments.length === 0) segments.push({ offset: 0, line: line.span.line, column: line.span.column });
    parts.push(body);
    length += body.length;
    if (!continued) {
      out.push({ text: parts.length === 1 ? parts[0]! : parts.join(''), segments, file });
      parts = [];
      segments = [];
      length = 0;
    }
  }
  if (segments.length > 0) out.push({ text: parts.join(''), segments, file });
  logicalCache.set(script, out);
  return out;
}

const WRAPPER_KEYWORDS = new Set(['then', 'do', 'else', 'elif', 'if', 'while', 'until', '!', '{', '}', '(', ')', 'time', 'exec', 'sudo', 'nohup', 'command']);

/** Removes wrappers so argv[0] is the program that really runs. */
export function unwrap(words: string[]): { argv: string[]; start: number; assignments: string[] } {
  let i = 0;
  const assignments: string[] = [];
  for (;;) {
    const w = words[i];
    if (w === undefined) break;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) {
      assignments.push(w);
      i++;
      continue;
    }
    if (WRAPPER_KEYWORDS.has(w)) {
      i++;
      if (w === 'sudo') while (words[i]?.startsWith('-')) i++;
      continue;
    }
    if (w === 'env') {
      let j = i + 1;
      while (words[j] !== undefined && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[j]!) || words[j]!.startsWith('-'))) j++;
      if (words[j] === undefined) break;
      i++;
      while (words[i] !== undefined && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!) || words[i]!.startsWith('-'))) {
        if (!words[i]!.startsWith('-')) assignments.push(words[i]!);
        i++;
      }
      continue;
    }
    if ((w === 'poetry' || w === 'pipenv' || w === 'pdm' || w === 'hatch' || w === 'rye') && words[i + 1] === 'run') {
      i += 2;
      continue;
    }
    if (w === 'uv' && words[i + 1] === 'run') {
      i += 2;
      while (words[i]?.startsWith('-')) i += words[i] === '--with' || words[i] === '--python' ? 2 : 1;
      continue;
    }
    if ((w === 'conda' || w === 'micromamba' || w === 'mamba') && words[i + 1] === 'run') {
      i += 2;
      while (words[i]?.startsWith('-')) i += /^(-n|--name|-p|--prefix)$/.test(words[i]!) ? 2 : 1;
      continue;
    }
    if (/^(python|python3(\.\d+)?|py)$/.test(w) && words[i + 1] === '-m') {
      i += 2;
      continue;
    }
    break;
  }
  return { argv: words.slice(i), start: i, assignments };
}

function unquote(raw: string): string {
  if (!/["'\\$]/.test(raw)) return raw;
  let out = '';
  let q: string | undefined;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '$' && raw.startsWith('${{', i)) {
      const close = raw.indexOf('}}', i + 3);
      const stop = close < 0 ? raw.length : close + 2;
      out += raw.slice(i, stop);
      i = stop - 1;
      continue;
    }
    if (q) {
      if (c === q) q = undefined;
      else if (c === '\\' && q === '"' && i + 1 < raw.length && /["\\$`]/.test(raw[i + 1]!)) out += raw[++i];
      else out += c;
    } else if (c === '"' || c === "'") q = c;
    else if (c === '\\' && i + 1 < raw.length) out += raw[++i];
    else out += c;
  }
  return out;
}

interface RawCommand {
  words: Word[];
  begin: number;
  end: number;
  next: Joiner;
}

/** Splits one logical line into commands; `#` comments are dropped. */
export function splitLine(text: string): RawCommand[] {
  const cmds: RawCommand[] = [];
  let words: Word[] = [];
  let wordStart = -1;
  let wordEnd = -1;
  let begin = -1;
  let quote: string | undefined;
  let depth = 0; // $( … ) and ` … ` nesting: operators inside do not split
  let backtick = false;
  const flushWord = (): void => {
    if (wordStart >= 0) {
      // A word is always one stretch of the line: slice it instead of building it character by character.
      const raw = text.slice(wordStart, wordEnd);
      words.push({ raw, value: unquote(raw), offset: wordStart });
    }
    wordStart = -1;
  };
  const flushCmd = (end: number, next: Joiner): void => {
    flushWord();
    if (words.length > 0) cmds.push({ words, begin, end, next });
    else if (cmds.length > 0 && next !== 'end') cmds[cmds.length - 1]!.next = next;
    words = [];
    begin = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\' && quote === '"' && i + 1 < text.length) i++;
      else if (c === quote) quote = undefined;
      wordEnd = i + 1;
      continue;
    }
    if (depth > 0 || backtick) {
      wordEnd = i + 1;
      if (c === '`') backtick = !backtick;
      else if (c === '(') depth++;
      else if (c === ')') depth--;
      continue;
    }
    if (c === '#' && wordStart < 0) break;
    // `( … )` runs its commands in a subshell: the parentheses separate commands like operators.
    if (c === '(' && wordStart < 0) {
      flushCmd(i, ';');
      continue;
    }
    if (c === ')') {
      flushCmd(i, ';');
      continue;
    }
    if (c === ' ' || c === '\t') {
      flushWord();
      continue;
    }
    if ((c === '&' || c === '|') && text[i + 1] === c) {
      flushCmd(i, c === '&' ? '&&' : '||');
      i++;
      continue;
    }
    if (c === ';' || c === '|' || (c === '&' && text[i + 1] !== '>' && text[i - 1] !== '>')) {
      if (c === ';' && text[i + 1] === ';') i++;
      flushCmd(i, c as Joiner);
      continue;
    }
    if (wordStart < 0) {
      wordStart = i;
      if (begin < 0) begin = i;
    }
    if (c === '$' && text.startsWith('${{', i)) {
      const close = text.indexOf('}}', i + 3);
      const stop = close < 0 ? text.length : close + 2;
      i = stop - 1;
      wordEnd = stop;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '\\' && i + 1 < text.length) i++;
    else if (c === '`') backtick = true;
    else if (c === '(' && text[i - 1] === '$') depth++;
    wordEnd = i + 1;
  }
  flushCmd(text.length, 'end');
  return cmds;
}

/** The delimiters of the here-documents a command opens (`<<EOF`, `<<-'EOF'`, `<< "EOF"`), in order. */
export function hereDocDelimiters(words: readonly Word[]): { word: string; stripTabs: boolean }[] {
  const out: { word: string; stripTabs: boolean }[] = [];
  words.forEach((w, i) => {
    const m = /(?:^|[^<])<<(-?)(?!<)(.*)$/.exec(w.raw);
    if (!m) return;
    // `<<` inside quotes is text, not a redirection.
    const upTo = w.raw.slice(0, m.index + m[0].length - m[2]!.length);
    const before = upTo.slice(upTo.lastIndexOf('$(') + 1);
    if ((before.split('"').length - 1) % 2 === 1 || (before.split("'").length - 1) % 2 === 1) return;
    const rest = m[2]!.trim().split(/\s/)[0]!;
    const word = unquote(rest !== '' ? rest : (words[i + 1]?.raw ?? ''));
    if (/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(word)) out.push({ word, stripTabs: m[1] === '-' });
  });
  return out;
}

const cache = new WeakMap<Script, Command[]>();

/** Every simple command of a script, in order. */
export function commands(script: Script): Command[] {
  const hit = cache.get(script);
  if (hit) return hit;
  const out: Command[] = [];
  // Here-document bodies still to skip: they are data for the command that opened them.
  const pendingDocs: { word: string; stripTabs: boolean; owner: Command }[] = [];
  logicalLines(script).forEach((ll, lineIndex) => {
    const doc = pendingDocs[0];
    if (doc) {
      if ((doc.stripTabs ? ll.text.replace(/^\t+/, '') : ll.text).trim() === doc.word) pendingDocs.shift();
      else (doc.owner.hereDoc ??= []).push(ll.text);
      return;
    }
    let prev: Joiner = 'end';
    for (const rc of splitLine(ll.text)) {
      const docs = hereDocDelimiters(rc.words);
      const { argv, start, assignments } = unwrap(rc.words.map((w) => w.value));
      const first = rc.words[start] ?? rc.words[0]!;
      const p = posAt(ll, first.offset) ?? posAt(ll, 0) ?? { line: script.span.line, column: script.span.column };
      const lastWord = rc.words[rc.words.length - 1]!;
      const endIdx = Math.min(lastWord.offset + lastWord.raw.length, ll.text.length) - 1;
      const pe = posAt(ll, Math.max(endIdx, first.offset)) ?? p;
      const sameLine = pe.line === p.line;
      out.push({
        argv,
        words: rc.words,
        start,
        text: ll.text.slice(rc.begin, rc.end).trim(),
        next: rc.next,
        prev,
        span: {
          file: ll.file,
          line: p.line,
          column: p.column,
          endLine: sameLine ? p.line : pe.line,
          endColumn: pe.column + 1,
        },
        lineIndex,
        index: out.length,
        assignments,
      });
      for (const d of docs) pendingDocs.push({ ...d, owner: out[out.length - 1]! });
      prev = rc.next;
    }
  });
  cache.set(script, out);
  return out;
}

const indexCache = new WeakMap<Script, Map<string, number>>();

function cachedIndex(script: Script, key: string, find: () => number): number {
  let byKey = indexCache.get(script);
  if (!byKey) indexCache.set(script, (byKey = new Map()));
  let found = byKey.get(key);
  if (found === undefined) {
    found = find();
    byKey.set(key, found);
  }
  return found;
}

/**
 * Index of the first command of a script that satisfies `test` (-1 when none). It is computed
 * once per script and `key`, so a rule asking it for every command stays linear.
 */
export function firstCommandIndex(script: Script, key: string, test: (cmd: Command) => boolean): number {
  return cachedIndex(script, `first:${key}`, () => commands(script).findIndex(test));
}

/** Index of the last command of a script that satisfies `test` (-1 when none), cached like `firstCommandIndex`. */
export function lastCommandIndex(script: Script, key: string, test: (cmd: Command) => boolean): number {
  return cachedIndex(script, `last:${key}`, () => commands(script).findLastIndex(test));
}

/** Span of one word of a command (falls back to the command span). */
export function wordSpan(script: Script, cmd: Command, wordIndex: number): Span {
  const ll = logicalLines(script)[cmd.lineIndex];
  const w = cmd.words[wordIndex];
  if (!ll || !w) return cmd.span;
  const p = posAt(ll, w.offset);
  const pe = posAt(ll, w.offset + w.raw.length - 1);
  if (!p || !pe) return cmd.span;
  return { file: ll.file, line: p.line, column: p.column, endLine: pe.line, endColumn: pe.column + 1 };
}

/**
 * Variables of `for NAME in A B …` loops whose items are all plain variable names: each such
 * variable holds a NAME (`$NAME` is not the value of A); `${!NAME}` reads the value.
 */
const loopCache = new WeakMap<Script, Map<string, string[]>>();

export function loopNameVariables(script: Script): Map<string, string[]> {
  const hit = loopCache.get(script);
  if (hit) return hit;
  const out = new Map<string, string[]>();
  for (const cmd of commands(script)) {
    const [kw, name, inWord, ...items] = cmd.argv;
    if (kw !== 'for' || name === undefined || inWord !== 'in' || items.length === 0) continue;
    if (items.every((w) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(w))) out.set(name, items);
  }
  loopCache.set(script, out);
  return out;
}

/** Flags and positional arguments after `skip` leading words of argv. */
export function positionals(argv: string[], skip: number, flagsWithValue: Set<string> = new Set()): string[] {
  const out: string[] = [];
  for (let i = skip; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      out.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('-')) {
      if (!a.includes('=') && flagsWithValue.has(a)) i++;
      continue;
    }
    if (/^[<>]|^\d?[<>]/.test(a)) {
      if (/^\d?[<>]{1,2}&?$/.test(a)) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

export function hasFlag(argv: string[], ...flags: string[]): boolean {
  return argv.some((a) => flags.includes(a) || flags.some((f) => f.startsWith('--') && a.startsWith(f + '=')));
}
