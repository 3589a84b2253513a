import path from 'node:path';
import { readSmallText } from './read.js';

/** First usable line of a pyenv `.python-version` (`3.11`, `3.11.9`); `system` and names are skipped. */
export function parsePythonVersionFile(text: string): string | undefined {
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    const m = /^(?:python-?|cpython-)?(\d+\.\d+(?:\.\d+)?)\b/i.exec(line);
    if (m) return m[1];
  }
  return undefined;
}

/**
 * A Python version from a specifier such as `>=3.10`, `==3.11.*`, `~=3.9`, `^3.10`, `>=3.9,<3.13`:
 * an exact pin as written (without `.*`), otherwise the lowest lower bound's major.minor.
 */
export function pythonFromSpecifier(spec: string): string | undefined {
  const parts = spec.split(/[,|]/).map((p) => p.trim());
  for (const p of parts) {
    const m = /^={2,3}\s*(\d+\.\d+(?:\.\d+)?)(?:\.\*)?$/.exec(p) ?? /^(\d+\.\d+(?:\.\d+)?)$/.exec(p);
    if (m) return m[1];
  }
  const lows: Array<[number, number]> = [];
  for (const p of parts) {
    const m = /^(?:>=|~=|\^|~|>)\s*(\d+)\.(\d+)/.exec(p);
    if (m) lows.push([Number(m[1]), Number(m[2])]);
  }
  lows.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const low = lows[0];
  return low ? `${low[0]}.${low[1]}` : undefined;
}

/** `requires-python` under `[project]`, or `python` under `[tool.poetry.dependencies]`. */
export function pythonFromPyproject(text: string): string | undefined {
  let section = '';
  for (const line of text.split(/\r?\n/)) {
    const s = /^\s*\[\s*([^\]]+?)\s*\]\s*(?:#.*)?$/.exec(line);
    if (s) {
      section = (s[1] ?? '').replace(/["']/g, '');
      continue;
    }
    const key =
      section === 'project'
        ? /^\s*requires-python\s*=\s*["']([^"']*)["']/.exec(line)
        : section === 'tool.poetry.dependencies'
          ? /^\s*python\s*=\s*["']([^"']*)["']/.exec(line)
          : null;
    if (key) return pythonFromSpecifier(key[1] ?? '');
  }
  return undefined;
}

/** `python 3.11.4` in an asdf/mise `.tool-versions` (the first version listed is the default). */
export function pythonFromToolVersions(text: string): string | undefined {
  for (const raw of text.split(/\r?\n/)) {
    const m = /^\s*python\s+(\d+\.\d+(?:\.\d+)?)\b/.exec(raw.replace(/#.*$/, ''));
    if (m) return m[1];
  }
  return undefined;
}

/** `- python=3.10`, `- python==3.10.*` or `- python 3.11` among a conda `environment.yml`'s dependencies. */
export function pythonFromCondaEnvironment(text: string): string | undefined {
  const m = /^\s*-\s*python\s*(?:={1,2}|\s)\s*(\d+\.\d+(?:\.\d+)?)(?:\.\*)?\s*(?:#.*)?$/m.exec(text);
  return m?.[1];
}

export interface PythonVersionFact {
  version: string;
  /** The file it came from. */
  source: '.python-version' | '.tool-versions' | 'pyproject.toml' | 'runtime.txt' | 'environment.yml';
}

const SOURCES: Array<[PythonVersionFact['source'], (text: string) => string | undefined]> = [
  ['.python-version', parsePythonVersionFile],
  ['.tool-versions', pythonFromToolVersions],
  ['pyproject.toml', pythonFromPyproject],
  ['runtime.txt', parsePythonVersionFile],
  ['environment.yml', pythonFromCondaEnvironment],
];

/**
 * Python version and the file it came from: `.python-version`, `.tool-versions`, pyproject.toml
 * (`requires-python` or Poetry's `python`), `runtime.txt`, then a conda `environment.yml`.
 */
export function readPythonVersionDetail(repoDir: string): PythonVersionFact | undefined {
  for (const [source, parse] of SOURCES) {
    const text = readSmallText(path.join(repoDir, source), undefined, repoDir);
    const version = text === undefined ? undefined : parse(text);
    if (version) return { version, source };
  }
  return undefined;
}

/** Python version from the first of the files {@link readPythonVersionDetail} reads. */
export function readPythonVersion(repoDir: string): string | undefined {
  return readPythonVersionDetail(repoDir)?.version;
}
