import { readdirSync } from 'node:fs';
import path from 'node:path';
import { isFile, readRepositoryText, requirementFiles } from './requirements.js';

/** A requirements file a DVC project may install from, and why it is a candidate. */
export interface RequirementCandidate {
  /** Path relative to the project, with `/` separators. */
  file: string;
  /** `dvc.yaml`: a stage depends on it or installs it; `root`: `requirements*.txt` next to dvc.yaml; `src`: under `src/`, the layout of DVC's guide. */
  origin: 'dvc.yaml' | 'root' | 'src';
  /** dvc.yaml: the 1-based line naming it. */
  line?: number;
}

/** `requirements*.txt` paths written in dvc.yaml (stage deps, `pip install -r …` in a cmd), with their lines. */
export function requirementsNamedIn(dvcYaml: string): Array<{ file: string; line: number }> {
  const found: Array<{ file: string; line: number }> = [];
  const re = /(?:^|[\s'"[,=])((?:[\w.-]+\/)*requirements[\w.-]*\.txt)(?=$|[\s'"\],])/g;
  dvcYaml.split(/\r?\n/).forEach((l, i) => {
    if (/^\s*#/.test(l)) return;
    for (const m of l.matchAll(re)) {
      const file = path.posix.normalize(m[1] ?? '');
      if (!file.startsWith('..') && !found.some((f) => f.file === file)) found.push({ file, line: i + 1 });
    }
  });
  return found;
}

/**
 * The requirements files of a DVC project, most telling first: those dvc.yaml names, then
 * `requirements*.txt` next to it (`requirements.txt` first), then under `src/`. Only regular files.
 */
export function requirementCandidates(projectDir: string): RequirementCandidate[] {
  const out: RequirementCandidate[] = [];
  const add = (c: RequirementCandidate) => {
    if (!out.some((o) => o.file === c.file) && isFile(path.join(projectDir, c.file))) out.push(c);
  };
  const dvcYaml = readRepositoryText(path.join(projectDir, 'dvc.yaml'));
  if (dvcYaml !== undefined) for (const named of requirementsNamedIn(dvcYaml)) add({ file: named.file, origin: 'dvc.yaml', line: named.line });
  for (const f of requirementFiles(projectDir)) add({ file: path.basename(f), origin: 'root' });
  let src: string[] = [];
  try {
    src = readdirSync(path.join(projectDir, 'src')).filter((n) => /^requirements.*\.txt$/i.test(n)).sort((a, b) => (a === 'requirements.txt' ? -1 : b === 'requirements.txt' ? 1 : a.localeCompare(b)));
  } catch {
    // no src/
  }
  for (const n of src) add({ file: `src/${n}`, origin: 'src' });
  return out;
}

/** True when a requirements file uses pip's hash-checking mode (`--hash=` options, `--require-hashes`). */
export function usesHashes(file: string): boolean {
  const text = readRepositoryText(file);
  return text !== undefined && /(^|\s)--(hash[= ]|require-hashes\b)/m.test(text);
}
