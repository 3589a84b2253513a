import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { readSmallText, repositoryOf } from './read.js';
import type { DvcRequirement } from './types.js';

/** Bounded and inside the file's repository: a link to /dev/zero, a FIFO, a huge file or a link leaving the repository reads as absent. */
/** A small file's text, when it lies inside the repository holding it. */
export function readRepositoryText(file: string): string | undefined {
  return readSmallText(file, undefined, repositoryOf(path.dirname(file)));
}

/** PEP 503 normalised project name. */
function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

interface Specifier {
  op: string;
  version: string;
}

function parseSpecifiers(spec: string): Specifier[] {
  const out: Specifier[] = [];
  for (const part of spec.split(',')) {
    const m = /^\s*(===|==|~=|!=|<=|>=|<|>)\s*([^\s,;]+)\s*$/.exec(part);
    if (m) out.push({ op: m[1] ?? '', version: m[2] ?? '' });
  }
  return out;
}

/** The exact version of a specifier set: one `==`/`===` without a wildcard. */
function exactVersion(specs: Specifier[]): string | undefined {
  const pin = specs.find((s) => (s.op === '==' || s.op === '===') && /^\d[\w.+!-]*$/.test(s.version) && !s.version.includes('*'));
  return pin?.version;
}

/** A PEP 508 requirement: `name[extras] specifiers` (or `name @ url`), markers and comments left out. */
export interface Requirement {
  /** PEP 503 normalised name. */
  name: string;
  /** Extras as written. */
  extras: string[];
  /** Version specifiers as written (`==3.63.0`, `>=3,<4`); '' when there are none. */
  specifier: string;
  /** The exact version: one `==`/`===` without a wildcard. */
  version?: string;
  exact: boolean;
  /** The requirement as written, without markers and trailing comment. */
  text: string;
}

/** Parses one PEP 508 requirement (`dvc[gs]==3.63.0 ; python_version >= "3.9"`). */
export function parseRequirement(raw: string): Requirement | undefined {
  // Environment markers and trailing comments are not part of the requirement text.
  const text = raw.replace(/\s+#.*$/, '').split(';')[0]?.trim() ?? '';
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?\s*(.*)$/.exec(text);
  if (!m) return undefined;
  const rest = (m[3] ?? '').replace(/^\(|\)$/g, '').trim();
  const specifier = rest.startsWith('@') ? '' : rest;
  const version = exactVersion(parseSpecifiers(specifier));
  const req: Requirement = { name: normaliseName(m[1] ?? ''), extras: extrasOf(m[2]), specifier, exact: version !== undefined, text };
  if (version !== undefined) req.version = version;
  return req;
}

/**
 * Parses one PEP 508 requirement string; returns undefined unless it names `dvc`.
 * `line`/`column` are 1-based and point at the first character of the requirement.
 */
export function parsePep508(raw: string, file: string, line: number, column: number): DvcRequirement | undefined {
  const req = parseRequirement(raw);
  if (!req || req.name !== 'dvc') return undefined;
  const dvc: DvcRequirement = { file, line, column, text: req.text, extras: req.extras, exact: req.exact };
  if (req.version !== undefined) dvc.version = req.version;
  return dvc;
}

function extrasOf(list: string | undefined): string[] {
  if (!list) return [];
  return list
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
}

/** One requirement of a requirements file: its text without per-requirement options, and where it starts (1-based). */
export interface RequirementLine {
  text: string;
  file: string;
  line: number;
  column: number;
}

/**
 * The requirements a pip install of `file` reads, in order: the file's own lines (continuation
 * lines joined, comments, options and per-requirement options such as `--hash=…` left out), then
 * the files it includes with `-r`, one level deep.
 */
export function* requirementLines(file: string, depth = 0, root = repositoryOf(path.dirname(file))): Generator<RequirementLine> {
  // Files (and `-r` includes) outside the requirements file's repository are not read.
  const text = readSmallText(file, undefined, root);
  if (text === undefined) return;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const includes: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = i;
    const rawLine = lines[i] ?? '';
    // pip joins a line ending in a backslash with the next one (pip-compile --generate-hashes writes them).
    let joined = rawLine;
    while (/\\\s*$/.test(joined) && i + 1 < lines.length) joined = `${joined.replace(/\\\s*$/, ' ')}${lines[++i] ?? ''}`;
    const trimmed = joined.replace(/\\\s*$/, '').trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const inc = /^(?:-r|--requirement)(?:\s+|=)(\S+)/.exec(trimmed);
    if (inc) {
      includes.push(path.resolve(path.dirname(file), inc[1] ?? ''));
      continue;
    }
    if (trimmed.startsWith('-')) continue;
    const column = rawLine.length - rawLine.trimStart().length + 1;
    // Per-requirement options (`--hash=…`, `--config-settings …`) are not part of the requirement.
    yield { text: trimmed.replace(/\s+--[a-z][\w-]*(?:[= ]\S+)?/g, ''), file, line: first + 1, column };
  }
  if (depth === 0) for (const inc of includes) yield* requirementLines(inc, depth + 1, root);
}

/** Finds the dvc requirement in a requirements file, following `-r` includes one level deep. */
export function findInRequirementsFile(file: string): DvcRequirement | undefined {
  for (const r of requirementLines(file)) {
    const req = parsePep508(r.text, r.file, r.line, r.column);
    if (req) return req;
  }
  return undefined;
}

/** The PEP 503 names of the projects a requirements file installs (its `-r` includes one level deep). */
export function requirementNamesIn(file: string): Set<string> {
  const names = new Set<string>();
  for (const r of requirementLines(file)) {
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(r.text);
    if (m) names.add(normaliseName(m[1] ?? ''));
  }
  return names;
}

/** `requirements.txt` first, then other root `requirements*.txt` in name order. */
export function requirementFiles(repoDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(repoDir).filter((n) => /^requirements.*\.txt$/i.test(n));
  } catch {
    return [];
  }
  names.sort((a, b) => (a === 'requirements.txt' ? -1 : b === 'requirements.txt' ? 1 : a.localeCompare(b)));
  // A directory named requirements.txt is not a requirements file.
  return names.map((n) => path.join(repoDir, n)).filter(isFile);
}

/** True for a regular file (following symlinks); false for directories, loops and missing paths. */
export function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** A TOML section header such as `[project]` or `[tool.poetry.dependencies]`, without quotes. */
function tomlSection(line: string): string | undefined {
  const m = /^\s*\[\s*([^\]]+?)\s*\]\s*(?:#.*)?$/.exec(line);
  return m ? (m[1] ?? '').replace(/["']/g, '') : undefined;
}

/** Quoted strings on one line with their 1-based content columns. */
function quotedStrings(line: string): Array<{ value: string; column: number }> {
  const out: Array<{ value: string; column: number }> = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const hash = line.indexOf('#');
    if (hash !== -1 && hash < m.index) break;
    out.push({ value: m[1] ?? m[2] ?? '', column: m.index + 2 });
  }
  return out;
}

function isDependencyArraySection(section: string): boolean {
  return section === 'project' || section === 'project.optional-dependencies' || section === 'dependency-groups';
}

function isPoetrySection(section: string): boolean {
  return section === 'tool.poetry.dependencies' || /^tool\.poetry\.group\.[^.]+\.dependencies$/.test(section) || section === 'tool.poetry.dev-dependencies';
}

/** Poetry's version string: a bare version or `==x` pins exactly; `^`, `~`, ranges and `*` do not. */
function poetryExact(version: string): string | undefined {
  const v = version.trim();
  const m = /^(?:===?)?\s*(\d[\w.+!-]*)$/.exec(v);
  return m && !v.includes('*') ? m[1] : undefined;
}

function parsePoetryLine(line: string, file: string, lineNo: number): DvcRequirement | undefined {
  const m = /^(\s*)(["']?)([A-Za-z0-9._-]+)\2\s*=\s*(.*)$/.exec(line);
  if (!m || normaliseName(m[3] ?? '') !== 'dvc') return undefined;
  const value = (m[4] ?? '').replace(/\s+#.*$/, '').trim();
  const column = (m[1] ?? '').length + 1;
  const text = line.replace(/\s+#.*$/, '').trim();
  let version: string | undefined;
  let extras: string[] = [];
  const str = /^["']([^"']*)["']$/.exec(value);
  if (str) version = str[1];
  else {
    const v = /\bversion\s*=\s*["']([^"']*)["']/.exec(value);
    version = v?.[1];
    const e = /\bextras\s*=\s*\[([^\]]*)\]/.exec(value);
    if (e) extras = quotedStrings(e[1] ?? '').map((q) => q.value);
  }
  const exact = version === undefined ? undefined : poetryExact(version);
  const req: DvcRequirement = { file, line: lineNo, column, text, extras, exact: exact !== undefined };
  if (exact !== undefined) req.version = exact;
  return req;
}

/** Finds dvc in pyproject.toml: PEP 621 dependency arrays, PEP 735 groups, or Poetry tables. */
export function findInPyproject(file: string): DvcRequirement | undefined {
  const text = readRepositoryText(file);
  if (text === undefined) return undefined;
  const lines = text.split(/\r?\n/);
  let section = '';
  let inArray = false;
  const candidates: DvcRequirement[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!inArray) {
      const s = tomlSection(line);
      if (s !== undefined) {
        section = s;
        continue;
      }
    }
    if (isPoetrySection(section) && !inArray) {
      const req = parsePoetryLine(line, file, i + 1);
      if (req) candidates.push(req);
      continue;
    }
    if (!isDependencyArraySection(section)) continue;
    let scan = line;
    let offset = 0;
    if (!inArray) {
      const key = section === 'project' ? /^\s*dependencies\s*=\s*\[/.exec(line) : /^\s*["']?[A-Za-z0-9._-]+["']?\s*=\s*\[/.exec(line);
      if (!key) continue;
      inArray = true;
      offset = key[0].length;
      scan = line.slice(offset);
    }
    for (const q of quotedStrings(scan)) {
      const req = parsePep508(q.value, file, i + 1, q.column + offset);
      if (req) candidates.push(req);
    }
    const hash = scan.indexOf('#');
    if ((hash === -1 ? scan : scan.slice(0, hash)).replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '').includes(']')) inArray = false;
  }
  return candidates.find((c) => c.exact) ?? candidates[0];
}

/**
 * The repo's dvc requirement: root `requirements*.txt` (requirements.txt first, `-r` one level),
 * then `pyproject.toml`. Undefined when dvc is not declared anywhere.
 */
export function findDvcRequirement(repoDir: string): DvcRequirement | undefined {
  for (const file of requirementFiles(repoDir)) {
    const req = findInRequirementsFile(file);
    if (req) return req;
  }
  return findInPyproject(path.join(repoDir, 'pyproject.toml'));
}
