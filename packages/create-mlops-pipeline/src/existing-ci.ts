/**
 * CI the repository already has that runs the DVC experiment or CML: which file, where, and the
 * secrets it reads, so the new pipeline is not added blindly next to it.
 */
import path from 'node:path';
import { readSmallText } from '@mlops-pipeline/repo-facts';

export interface ExistingRun {
  /** Repo-relative file. */
  file: string;
  /** 1-based line of the first command found. */
  line: number;
  /** What it runs: `dvc repro`, `dvc exp run`, `CML`. */
  runs: string[];
  /** Secret / variable names it reads. */
  secrets: string[];
}

const RUNS: Array<[RegExp, string]> = [
  [/\bdvc\s+repro\b/, 'dvc repro'],
  [/\bdvc\s+exp\s+run\b/, 'dvc exp run'],
  [/\bcml\s+(?:comment|send-comment|publish|runner)\b|iterative\/setup-cml\b/, 'CML'],
];

/** Names of secrets a GitHub workflow (`secrets.X`) or GitLab file (`$X` that looks like a credential) reads. */
function secretsIn(text: string, github: boolean): string[] {
  const re = github ? /\bsecrets\.([A-Za-z_][A-Za-z0-9_]*)/g : /\$\{?([A-Z][A-Z0-9_]*(?:KEY|SECRET|TOKEN|PASSWORD|CREDENTIALS|CONNECTION_STRING|_ID)[A-Z0-9_]*)\}?/g;
  const names = [...text.matchAll(re)].map((m) => m[1] ?? '').filter((n) => n !== 'GITHUB_TOKEN' && !n.startsWith('CI_'));
  return [...new Set(names)].sort();
}

/** Runs of `dvc repro` / `dvc exp run` / CML in CI files other than the generated ones. */
export function existingRuns(root: string, files: string[]): ExistingRun[] {
  const out: ExistingRun[] = [];
  for (const file of files) {
    const text = readSmallText(path.join(root, file));
    // A pipeline this generator wrote is upgraded, not reported.
    if (text === undefined || /^# mlops-pipeline: \{/m.test(text)) continue;
    const lines = text.split(/\r?\n/);
    const runs: string[] = [];
    let first = 0;
    lines.forEach((l, i) => {
      if (/^\s*#/.test(l)) return;
      for (const [re, what] of RUNS) {
        if (!re.test(l)) continue;
        if (!runs.includes(what)) runs.push(what);
        if (first === 0) first = i + 1;
      }
    });
    if (runs.length > 0) out.push({ file, line: first, runs, secrets: secretsIn(text, file.startsWith('.github/')) });
  }
  return out;
}

/** The note shown for each existing run. */
export function existingRunNote(run: ExistingRun): string {
  const reads = run.secrets.length > 0 ? ` and reads ${run.secrets.join(', ')}` : '';
  return `note: ${run.file}:${run.line} already runs ${run.runs.join(' and ')}${reads}; the new pipeline runs the experiment too. Keep both (every push then runs it twice), or remove ${run.file} once the new pipeline works.`;
}
