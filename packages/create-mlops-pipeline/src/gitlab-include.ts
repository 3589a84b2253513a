import { UserError } from './errors.js';

/** True when the text already includes `local: <file>` (or the bare string form). */
export function hasLocalInclude(text: string, file: string): boolean {
  const f = file.replace(/^\//, '');
  const escaped = f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:local:\\s*|^\\s*-\\s*|include:\\s*)["']?/?${escaped}["']?\\s*(?:#.*)?$`, 'm').test(text);
}

/**
 * Adds `- local: <file>` to the top-level `include:` of a .gitlab-ci.yml, keeping everything else as
 * written. Handles a missing `include:`, a block list, a single string and a single flow mapping.
 */
export function addLocalInclude(text: string, file: string, where = '.gitlab-ci.yml'): string {
  const item = `local: ${file}`;
  if (hasLocalInclude(text, file)) return text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const idx = lines.findIndex((l) => /^include\s*:/.test(l));
  if (idx === -1) {
    // Insert after the leading comment block so a file header stays on top.
    let at = 0;
    while (at < lines.length && /^\s*#/.test(lines[at] ?? '')) at++;
    const block = [`include:`, `  - ${item}`, ''];
    if (at > 0) {
      if ((lines[at] ?? '').trim() === '') at++;
      else block.unshift('');
    }
    lines.splice(at, 0, ...block);
    return lines.join(eol);
  }
  const header = lines[idx] ?? '';
  const inline = header.replace(/^include\s*:\s*/, '').replace(/\s+#.*$/, '').trim();
  if (inline === '') {
    // Block value: find its last item line (the value ends at the next top-level key).
    let end = idx + 1;
    let indent: string | undefined;
    let last = idx;
    while (end < lines.length) {
      const l = lines[end] ?? '';
      if (/^\S/.test(l) && !/^#/.test(l) && !/^-\s/.test(l)) break;
      if (l.trim() !== '' && !l.trim().startsWith('#')) {
        last = end;
        const m = /^(\s*)-\s/.exec(l);
        if (m && indent === undefined) indent = m[1];
      }
      end++;
    }
    if (indent === undefined) {
      throw new UserError(`${where}:${idx + 1}:1: include: is a mapping; add "- ${item}" to it yourself, or pass --force to replace the file`);
    }
    lines.splice(last + 1, 0, `${indent}- ${item}`);
    return lines.join(eol);
  }
  if (inline.startsWith('[')) {
    throw new UserError(`${where}:${idx + 1}:1: include: is a flow list; add "${item}" to it yourself, or pass --force to replace the file`);
  }
  // A single string (local path or URL) or a single flow mapping becomes the first list item.
  lines.splice(idx, 1, 'include:', `  - ${inline}`, `  - ${item}`);
  return lines.join(eol);
}

/** The stage of the first job in a GitLab pipeline text (`test`, GitLab's default, when none is set). */
export function firstJobStage(text: string): string {
  const m = /^\s+stage:\s*["']?([\w. -]+?)["']?\s*(?:#.*)?$/m.exec(text);
  return m?.[1] ?? 'test';
}

const unquote = (s: string) => s.trim().replace(/^["']|["']$/g, '');

/**
 * Makes sure a top-level `stages:` list (when the file has one) contains `stage`, so an included job
 * using it is valid; it goes where GitLab's default order puts it (`test` before `deploy`). Without `stages:`, GitLab's defaults (build, test, deploy) apply and nothing changes.
 */
export function ensureStage(text: string, stage: string, where = '.gitlab-ci.yml'): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const idx = lines.findIndex((l) => /^stages\s*:/.test(l));
  if (idx === -1) return text;
  const inline = (lines[idx] ?? '').replace(/^stages\s*:\s*/, '').replace(/\s+#.*$/, '').trim();
  if (inline.startsWith('[')) {
    const close = inline.lastIndexOf(']');
    if (close === -1) throw new UserError(`${where}:${idx + 1}:1: stages: spans several lines; add "${stage}" to it yourself`);
    const items = inline.slice(1, close).split(',').map(unquote).filter((s) => s !== '');
    if (items.includes(stage)) return text;
    const before = laterDefaultStage(items, stage);
    const at = before === undefined ? items.length : items.indexOf(before);
    lines[idx] = `stages: [${[...items.slice(0, at), stage, ...items.slice(at)].join(', ')}]`;
    return lines.join(eol);
  }
  if (inline !== '') return text;
  let last = idx;
  let indent = '  ';
  const items: string[] = [];
  for (let i = idx + 1; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (l.trim() === '' || l.trim().startsWith('#')) continue;
    const m = /^(\s*)-\s*(.+?)\s*(?:#.*)?$/.exec(l);
    if (!m) break;
    indent = m[1] ?? '';
    items.push(unquote(m[2] ?? ''));
    last = i;
  }
  if (items.includes(stage)) return text;
  const before = laterDefaultStage(items, stage);
  if (before !== undefined) {
    const at = lines.findIndex((l, i) => i > idx && i <= last && new RegExp(`^\\s*-\\s*["']?${before.replace(/\./g, '\\.')}["']?\\s*(?:#.*)?$`).test(l));
    if (at !== -1) {
      lines.splice(at, 0, `${indent}- ${stage}`);
      return lines.join(eol);
    }
  }
  lines.splice(last + 1, 0, `${indent}- ${stage}`);
  return lines.join(eol);
}

/** GitLab's default stage order: a stage missing from `stages:` goes before the first later one there. */
const DEFAULT_STAGES = ['.pre', 'build', 'test', 'deploy', '.post'];

function laterDefaultStage(items: string[], stage: string): string | undefined {
  const pos = DEFAULT_STAGES.indexOf(stage);
  if (pos === -1) return undefined;
  return items.find((i) => DEFAULT_STAGES.indexOf(i) > pos);
}

/** The top-level `stages:` list of a GitLab file (flow or block form), or undefined when it has none. */
export function stagesOf(text: string): string[] | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const idx = lines.findIndex((l) => /^stages\s*:/.test(l));
  if (idx === -1) return undefined;
  const inline = (lines[idx] ?? '').replace(/^stages\s*:\s*/, '').replace(/\s+#.*$/, '').trim();
  if (inline.startsWith('[')) {
    const close = inline.lastIndexOf(']');
    return inline.slice(1, close === -1 ? undefined : close).split(',').map(unquote).filter((s) => s !== '');
  }
  const items: string[] = [];
  for (let i = idx + 1; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (l.trim() === '' || l.trim().startsWith('#')) continue;
    const m = /^(\s*)-\s*(.+?)\s*(?:#.*)?$/.exec(l);
    if (!m) break;
    items.push(unquote(m[2] ?? ''));
  }
  return items;
}

/** The local files a GitLab file includes at top level (`local:` items, bare paths), as written. */
export function localIncludes(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const idx = lines.findIndex((l) => /^include\s*:/.test(l));
  if (idx === -1) return [];
  const block = [lines[idx] ?? ''];
  for (let i = idx + 1; i < lines.length && !/^[^\s#-]/.test(lines[i] ?? ''); i++) block.push(lines[i] ?? '');
  const found: string[] = [];
  const item = /(?:local:\s*|^\s*-\s*|^include:\s*)["']?(\/?[\w./-]+\.ya?ml)["']?\s*[,}]?\s*(?:#.*)?$/;
  for (const l of block) {
    const m = item.exec(l.replace(/^\s*-\s*\{\s*/, '- '));
    if (m && !/^\s*-?\s*(?:file|template|remote|project|component):/.test(l)) found.push(m[1] ?? '');
  }
  return found;
}

/**
 * Makes the stage of the included job valid across the pipeline: in the file's own `stages:`, else,
 * when a locally included file declares `stages:` without it, in a `stages:` added to the file (its
 * list plus the stage: a `stages:` in .gitlab-ci.yml takes precedence over an included one).
 */
export function ensureStageAcrossIncludes(text: string, stage: string, readLocal: (file: string) => string | undefined): string {
  if (stagesOf(text) !== undefined) return ensureStage(text, stage);
  for (const file of localIncludes(text)) {
    const included = readLocal(file.replace(/^\//, ''));
    const stages = included === undefined ? undefined : stagesOf(included);
    if (stages === undefined || stages.includes(stage)) continue;
    const before = laterDefaultStage(stages, stage);
    const at = before === undefined ? stages.length : stages.indexOf(before);
    const merged = [...stages.slice(0, at), stage, ...stages.slice(at)];
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const lines = text.split(/\r?\n/);
    const inc = lines.findIndex((l) => /^include\s*:/.test(l));
    let end = inc + 1;
    while (end < lines.length && !/^[^\s#]/.test(lines[end] ?? '')) end++;
    while (end > inc + 1 && (lines[end - 1] ?? '').trim() === '') end--;
    lines.splice(end, 0, '', `# The stages of ${file}, and ${stage} for the DVC pipeline (a stages: here replaces the included one).`, `stages: [${merged.join(', ')}]`);
    return lines.join(eol);
  }
  return text;
}

/** Edits a file's text without its UTF-8 byte order mark, which is put back in front afterwards. */
export function editWithoutBom(text: string, edit: (body: string) => string): string {
  const bom = text.startsWith('\uFEFF');
  const out = edit(bom ? text.slice(1) : text);
  return bom ? `\uFEFF${out}` : out;
}
