/**
 * Parsing one YAML file into a `Source`: the text, its parsed document(s) and a
 * LineCounter to turn character offsets into 1-based line/column spans.
 *
 * Never throws: syntax errors, duplicate keys, binary input, alias bombs and
 * over-deep nesting come back as `yaml-syntax` / `empty-file` diagnostics and no
 * document, so rules are skipped for that file.
 */
import { LineCounter, parseAllDocuments, isAlias, isCollection, isPair, isScalar, isMap } from 'yaml';
import type { Document, Node as YamlNode, YAMLMap } from 'yaml';
import type { Diagnostic, Span } from '../model.js';
import { docsUrl } from '../engine/docs.js';
import { uncheckedSize } from './file-size.js';

export interface Source {
  file: string;
  text: string;
  lineCounter: LineCounter;
  /** The document rules read (for a GitLab component: the body after `spec:`). */
  document: Document.Parsed;
  /** GitLab component header document (`spec:`), when present. */
  header?: Document.Parsed;
}

/** Deeper nesting than this is reported instead of modelled. */
export const MAX_DEPTH = 256;
/**
 * Lines plus flow-collection separators a file may have: an upper bound of the YAML values the
 * parser builds, counted before parsing so that any file up to the size cap is checked (or
 * refused) in seconds. The largest workflow GitHub runs (500 KB) has about 15,000 lines.
 */
export const MAX_STRUCTURE = 100_000;
/**
 * Upper bound of nodes once aliases are expanded: what the model, the schema check and the rules
 * walk (a 2 KB alias bomb under a million nodes still cost seconds and hundreds of MB).
 */
export const MAX_EXPANDED_NODES = 100_000;

const referenceTag = {
  tag: '!reference',
  collection: 'seq' as const,
  default: false as const,
  resolve: (value: unknown) => value,
};

/**
 * `<<` merge keys (YAML 1.1, which GitLab's parser follows): the key stays the text `<<` in the
 * document, and converting it to plain data applies the merge, so `<<: *defaults` is never an
 * unknown key.
 */
const mergeKeyTag = {
  identify: (value: unknown) => value === '<<',
  default: 'key' as const,
  tag: 'tag:yaml.org,2002:merge',
  test: /^<<$/,
  resolve: () => '<<',
};

/**
 * Unique keys are checked by `duplicateKeys` (linear); the parser's own check compares every
 * key of a map with every other one (60,000 keys: minutes).
 */
export const yamlParseOptions = {
  prettyErrors: false,
  uniqueKeys: false,
  strict: false,
  customTags: [referenceTag, mergeKeyTag],
  maxAliasCount: 1000,
};

let plainEnv: NodeJS.ProcessEnv | undefined;

/**
 * The `yaml` parser reads `process.env.LOG_TOKENS` once per token; on Node's
 * native env object that lookup is a large share of parsing time. For the
 * duration of the (synchronous) parse only, `process.env` is a plain copy with
 * the same values; no other code runs meanwhile, and the real object is put back.
 */
function withPlainEnv<T>(parse: () => T): T {
  const real = process.env;
  plainEnv ??= { LOG_TOKENS: real.LOG_TOKENS, LOG_STREAM: real.LOG_STREAM };
  try {
    process.env = plainEnv;
  } catch {
    return parse();
  }
  try {
    return parse();
  } finally {
    process.env = real;
  }
}

export interface ParseResult {
  source?: Source;
  diagnostics: Diagnostic[];
}

export function spanAt(file: string, lc: LineCounter, start: number, end: number): Span {
  const a = lc.linePos(start);
  const b = lc.linePos(Math.max(end, start));
  return { file, line: Math.max(a.line, 1), column: a.col, endLine: Math.max(b.line, 1), endColumn: b.col };
}

/**
 * The last offset a diagnostic may point at: just after the last character that is not
 * white space. A parser reporting "end of input" after the final line break (or after
 * trailing blank lines) would otherwise point at a line past the end of the file.
 */
export function lastPosition(text: string): number {
  return text.trimEnd().length;
}

function diag(file: string, lc: LineCounter | undefined, start: number, end: number, ruleId: string, message: string, text: string): Diagnostic {
  const last = lastPosition(text);
  const span = lc ? spanAt(file, lc, Math.min(start, last), Math.min(end, last)) : { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
  return { ...span, ruleId, severity: 'error', message, docsUrl: docsUrl(ruleId) };
}

/** Content YAML cannot be: NUL bytes (binary files) or bytes that are not UTF-8. */
export function binaryProblem(text: string, invalidUtf8At?: number): { offset: number; message: string } | undefined {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return { offset: nul, message: 'File contains NUL bytes: binary files are not YAML' };
  if (invalidUtf8At !== undefined) return { offset: invalidUtf8At, message: 'File is not valid UTF-8' };
  return undefined;
}

export function parseSource(text: string, file: string, invalidUtf8At?: number): ParseResult {
  const binary = binaryProblem(text, invalidUtf8At);
  if (binary) {
    const lc = new LineCounter();
    countLines(text, lc);
    return { diagnostics: [diag(file, lc, binary.offset, binary.offset + 1, 'yaml-syntax', binary.message, text)] };
  }
  const tooLarge = uncheckedSize(file, text);
  if (tooLarge) return { diagnostics: [tooLarge] };
  const tooBig = structureLimit(text);
  if (tooBig !== undefined) {
    const lc = new LineCounter();
    countLines(text, lc);
    return { diagnostics: [diag(file, lc, tooBig, tooBig, 'yaml-syntax', `The file has more than ${MAX_STRUCTURE.toLocaleString('en-US')} lines and flow items: it is too large to check (a CI file is never this big)`, text)] };
  }
  const lineCounter = new LineCounter();
  let docs: Document.Parsed[];
  try {
    const parsed = withPlainEnv(() => parseAllDocuments(text, { ...yamlParseOptions, lineCounter }));
    docs = Array.isArray(parsed) ? parsed : [];
  } catch (error) {
    const message = error instanceof RangeError ? 'YAML nesting is too deep to parse' : 'YAML could not be parsed';
    const lc = new LineCounter();
    countLines(text, lc);
    return { diagnostics: [diag(file, lc, 0, 0, 'yaml-syntax', message, text)] };
  }
  const diagnostics: Diagnostic[] = [];
  for (const doc of docs) {
    for (const error of doc.errors) {
      diagnostics.push(diag(file, lineCounter, error.pos[0], error.pos[1], 'yaml-syntax', yamlMessage(error.code, error.message), text));
    }
  }
  for (const doc of docs) for (const offset of duplicateKeys(doc.contents)) diagnostics.push(diag(file, lineCounter, offset, offset, 'yaml-syntax', DUPLICATE_KEY, text));
  if (diagnostics.length > 0) return { diagnostics: dedupe(diagnostics) };
  const nonEmpty = docs.filter((d) => d.contents !== null);
  if (nonEmpty.length === 0) {
    return { diagnostics: [diag(file, lineCounter, 0, 0, 'empty-file', 'File is empty: there is no pipeline to lint', text)] };
  }
  let document = nonEmpty[0]!;
  let header: Document.Parsed | undefined;
  if (nonEmpty.length >= 2) {
    const first = nonEmpty[0]!;
    if (isMap(first.contents) && first.contents.has('spec')) {
      header = first;
      document = nonEmpty[1]!;
      if (nonEmpty.length > 2) {
        const extra = nonEmpty[2]!;
        const r = extra.contents?.range ?? [0, 0];
        return { diagnostics: [diag(file, lineCounter, r[0], r[0], 'yaml-syntax', 'A CI/CD component has at most two documents: the `spec:` header and the body', text)] };
      }
    } else {
      const r = nonEmpty[1]!.contents?.range ?? [0, 0];
      return { diagnostics: [diag(file, lineCounter, r[0], r[0], 'yaml-syntax', 'More than one YAML document: a CI file holds one (a GitLab component may start with a `spec:` document)', text)] };
    }
  }
  for (const doc of header ? [header, document] : [document]) {
    const problem = shapeProblem(doc.contents);
    if (problem) return { diagnostics: [diag(file, lineCounter, problem.offset, problem.offset, 'yaml-syntax', problem.message, text)] };
  }
  const source: Source = { file, text, lineCounter, document };
  if (header) source.header = header;
  return { source, diagnostics: [] };
}

/** The offset at which the file passes MAX_STRUCTURE lines and flow separators, if it does. */
function structureLimit(text: string): number | undefined {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // \n , [ {
    if (c === 10 || c === 44 || c === 91 || c === 123) {
      if (++count > MAX_STRUCTURE) return i;
    }
  }
  return undefined;
}

function countLines(text: string, lc: LineCounter): void {
  lc.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lc.addNewLine(i + 1);
}

/**
 * The parser's messages, without the source text some of them quote (`Not a YAML token: <text>`,
 * `Block scalar header includes extra characters: <text>`, `Unexpected <text> in …`): a finding
 * never echoes what the file holds, which may be a secret.
 */
const QUOTING_MESSAGES: [RegExp, string][] = [
  [/^Block scalar header includes extra characters/, 'Block scalar header includes extra characters after `|` or `>`'],
  [/^Not a YAML token/, 'Not a YAML token'],
  [/^Unexpected .* in (flow map|flow sequence|flow collection|collection|block map|block sequence)/, 'Unexpected text in a $1'],
  [/^Unexpected .*at node end/, 'Unexpected text at the end of a value'],
  [/^Unexpected .* token in YAML (stream|document)/, 'Unexpected text in the YAML $1'],
  [/^Unexpected .* token/, 'Unexpected text'],
  [/^Anchors and tags must be after the .* indicator/, 'Anchors and tags must come after the indicator'],
  [/^Unresolved tag/, 'Unknown tag (only `!reference` is known)'],
  [/^Invalid escape sequence/, 'Invalid escape sequence in a double-quoted string'],
  [/^Plain value cannot start with/, 'A plain value cannot start with this character: quote it'],
  [/^Expected a flow scalar value, but found/, 'Expected a quoted or plain value'],
  [/^.* used for .* collection, but expects/, 'A tag is used on the wrong kind of collection'],
];

/** A YAML parser message without any source text it quotes. */
export function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0] ?? message;
  if (code === 'DUPLICATE_KEY') return DUPLICATE_KEY;
  if (/call stack|too much recursion/i.test(first)) return 'YAML nesting is too deep to parse';
  const plain = first.replace(/ at line \d+, column \d+:?$/, '');
  for (const [re, replacement] of QUOTING_MESSAGES) if (re.test(plain)) return plain.replace(new RegExp(`${re.source}.*$`), replacement);
  // Any other message that ends by quoting the source (`<message>: "<text>"`) loses the quote.
  return plain.replace(/:\s.*$/, '');
}

const DUPLICATE_KEY = 'Duplicate key: a later value would silently replace the earlier one';

/** Offsets of keys written twice in the same map (scalar keys, compared by value), in one linear walk. */
export function duplicateKeys(root: YamlNode | null): number[] {
  const out: number[] = [];
  const seen = new Set<YamlNode>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || typeof node !== 'object' || isAlias(node as YamlNode) || !isCollection(node as YamlNode)) continue;
    if (seen.has(node as YamlNode)) continue;
    seen.add(node as YamlNode);
    const keys = new Set<string>();
    for (const item of (node as YAMLMap).items as unknown[]) {
      if (!isPair(item)) {
        stack.push(item);
        continue;
      }
      const key = item.key as YamlNode | null;
      if (isScalar(key)) {
        const id = `${typeof key.value}:${String(key.value)}`;
        if (keys.has(id)) out.push(key.range?.[0] ?? 0);
        else keys.add(id);
      } else stack.push(key);
      stack.push(item.value);
    }
  }
  return out.sort((a, b) => a - b);
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.line}:${d.column}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Iteratively measure nesting depth and alias-expanded size (memoised per node,
 * so the walk is linear in the document even for an alias bomb).
 */
function shapeProblem(root: YamlNode | null): { offset: number; message: string } | undefined {
  if (!root) return undefined;
  const anchors = new Map<string, YamlNode>();
  // The limit is on what aliases add: a large document with one anchor is no bomb.
  const limit = collectAnchors(root, anchors) + MAX_EXPANDED_NODES;
  if (anchors.size === 0) return depthProblem(root);
  const size = new Map<YamlNode, number>();
  type Frame = { node: YamlNode; depth: number; children?: YamlNode[]; i: number; total: number };
  const stack: Frame[] = [{ node: root, depth: 1, i: 0, total: 1 }];
  const onPath = new Set<YamlNode>();
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.depth > MAX_DEPTH) {
      return { offset: frame.node.range?.[0] ?? 0, message: `YAML nesting is deeper than ${MAX_DEPTH} levels` };
    }
    if (!frame.children) {
      frame.children = childrenOf(frame.node, anchors);
      onPath.add(frame.node);
    }
    if (frame.i < frame.children.length) {
      const child = frame.children[frame.i++]!;
      const known = size.get(child);
      if (known !== undefined) {
        frame.total += known;
      } else if (!onPath.has(child)) {
        stack.push({ node: child, depth: frame.depth + 1, i: 0, total: 1 });
      }
      if (frame.total > limit) {
        return { offset: frame.node.range?.[0] ?? 0, message: ALIAS_BOMB };
      }
      continue;
    }
    stack.pop();
    onPath.delete(frame.node);
    size.set(frame.node, frame.total);
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.total += frame.total;
      if (parent.total > limit) {
        return { offset: parent.node.range?.[0] ?? 0, message: ALIAS_BOMB };
      }
    }
  }
  return undefined;
}

const ALIAS_BOMB = `YAML aliases expand to more than ${MAX_EXPANDED_NODES.toLocaleString('en-US')} values (alias bomb)`;

/** Depth-only check for documents without anchors (no alias can expand). */
function depthProblem(root: YamlNode): { offset: number; message: string } | undefined {
  const stack: [YamlNode, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_DEPTH) return { offset: node.range?.[0] ?? 0, message: `YAML nesting is deeper than ${MAX_DEPTH} levels` };
    if (!isCollection(node)) continue;
    for (const item of (node as YAMLMap).items as unknown[]) {
      if (isPair(item)) {
        if (item.key && typeof item.key === 'object') stack.push([item.key as YamlNode, depth + 1]);
        if (item.value && typeof item.value === 'object') stack.push([item.value as YamlNode, depth + 1]);
      } else if (item && typeof item === 'object') stack.push([item as YamlNode, depth + 1]);
    }
  }
  return undefined;
}

/** Registers the anchors; returns the number of nodes as written. */
function collectAnchors(root: YamlNode, anchors: Map<string, YamlNode>): number {
  let nodes = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isPair(node)) {
      stack.push(node.value, node.key);
      continue;
    }
    if (!node || typeof node !== 'object') continue;
    const n = node as YamlNode;
    nodes++;
    if (!isAlias(n) && n.anchor) anchors.set(n.anchor, n);
    if (isCollection(n)) for (const item of (n as YAMLMap).items) stack.push(item);
  }
  return nodes;
}

function childrenOf(node: YamlNode, anchors: Map<string, YamlNode>): YamlNode[] {
  if (isAlias(node)) {
    const target = anchors.get(node.source);
    return target ? [target] : [];
  }
  if (isScalar(node) || !isCollection(node)) return [];
  const out: YamlNode[] = [];
  for (const item of (node as YAMLMap).items as unknown[]) {
    if (isPair(item)) {
      if (item.key && typeof item.key === 'object') out.push(item.key as YamlNode);
      if (item.value && typeof item.value === 'object') out.push(item.value as YamlNode);
    } else if (item && typeof item === 'object') {
      out.push(item as YamlNode);
    }
  }
  return out;
}
