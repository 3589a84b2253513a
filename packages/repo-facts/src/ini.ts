/** A tiny reader for git/DVC style INI files (`[section]`, `key = value`, `#`/`;` comments). */
export interface IniSection {
  /** Section header with quotes normalised, e.g. `remote "origin"` or `core`. */
  name: string;
  /** 1-based line of the header. */
  line: number;
  values: Map<string, string>;
  /** 1-based line of each key. */
  keyLines: Map<string, number>;
}

/** Normalises `['remote "x"']`, `[remote "x"]` and `["remote \"x\""]` to `remote "x"`. */
function normaliseHeader(raw: string): string {
  let h = raw.trim();
  if ((h.startsWith("'") && h.endsWith("'")) || (h.startsWith('"') && h.endsWith('"') && !/^"[^"]*"\s/.test(h))) {
    h = h.slice(1, -1).replace(/\\"/g, '"');
  }
  return h.replace(/\s+/g, ' ').trim();
}

function stripValue(raw: string): string {
  let v = raw.trim();
  // Strip an inline comment that follows whitespace (git and configobj both allow it).
  const m = /\s[#;]/.exec(v);
  if (m && !/^["']/.test(v)) v = v.slice(0, m.index).trim();
  if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) v = v.slice(1, -1);
  return v;
}

/** A line that is neither a section header, a `key = value`, a comment nor blank (1-based line). */
export interface IniProblem {
  line: number;
  message: string;
}

export function parseIni(text: string, problems: IniProblem[] = []): IniSection[] {
  const sections: IniSection[] = [];
  let current: IniSection | undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.*)\]\s*(?:[#;].*)?$/.exec(line);
    if (header) {
      current = { name: normaliseHeader(header[1] ?? ''), line: i + 1, values: new Map(), keyLines: new Map() };
      sections.push(current);
      continue;
    }
    const kv = /^([A-Za-z0-9_.-]+)\s*=\s*(.*)$/.exec(line);
    if (kv && current) {
      current.values.set((kv[1] ?? '').toLowerCase(), stripValue(kv[2] ?? ''));
      current.keyLines.set((kv[1] ?? '').toLowerCase(), i + 1);
    }
    else problems.push({ line: i + 1, message: kv ? 'a setting outside any [section]' : 'not a [section] header nor a key = value line' });
  }
  return sections;
}

/** Returns the quoted sub-name of a `kind "sub"` section header, if it is of that kind. */
export function subsection(name: string, kind: string): string | undefined {
  const m = /^(\S+)\s+"(.*)"$/.exec(name);
  if (!m || (m[1] ?? '').toLowerCase() !== kind) return undefined;
  return m[2];
}
