/** Pip requirement specifiers and install commands. */
import { parseRequirement, type Requirement } from '@mlops-pipeline/repo-facts';
import type { Command } from './shell.js';

export type { Requirement };

/** Parses `name[extras]specifier` (PEP 508, as repo-facts reads requirements files); extras in lower case. */
export function parsePipRequirement(text: string): Requirement | undefined {
  const req = parseRequirement(text);
  return req && { ...req, extras: req.extras.map((e) => e.toLowerCase()) };
}

export interface PipInstall {
  /** Packages named on the command line, with the argv index of each. */
  packages: { req: Requirement; argIndex: number; raw: string }[];
  /** Requirement / constraint files (-r, -c) and project installs (`.`, `-e .`, poetry/uv/pipenv lock). */
  files: string[];
}

const VALUE_FLAGS = new Set(['-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-t', '--target', '--prefix', '--root', '--python', '--platform', '--cache-dir', '--src', '--progress-bar', '--log', '--only-binary', '--no-binary', '--trusted-host', '--python-version', '--implementation', '--abi', '--upgrade-strategy', '--config-settings', '-C', '--global-option']);

/** Recognises `pip install …`, `uv pip install …`, `pipx install …`, `uv tool install …`, and lock-file installs. */
export function parsePipInstall(cmd: Command): PipInstall | undefined {
  const a = cmd.argv;
  let i: number;
  if (/^pip3?(\.\d+)?$/.test(a[0] ?? '') && a[1] === 'install') i = 2;
  else if (a[0] === 'uv' && a[1] === 'pip' && a[2] === 'install') i = 3;
  else if ((a[0] === 'uv' && a[1] === 'tool' && a[2] === 'install') || (a[0] === 'pipx' && a[1] === 'install')) i = a[0] === 'uv' ? 3 : 2;
  else if ((a[0] === 'poetry' || a[0] === 'pipenv' || a[0] === 'pdm') && (a[1] === 'install' || a[1] === 'sync')) return { packages: [], files: [a[0] === 'poetry' ? 'poetry.lock' : a[0] === 'pdm' ? 'pdm.lock' : 'Pipfile.lock'] };
  else if (a[0] === 'uv' && a[1] === 'sync') return { packages: [], files: ['uv.lock'] };
  else return undefined;
  const out: PipInstall = { packages: [], files: [] };
  for (; i < a.length; i++) {
    const w = a[i]!;
    if (w === '-r' || w === '--requirement' || w === '-c' || w === '--constraint') {
      if (a[i + 1] !== undefined) out.files.push(a[i + 1]!);
      i++;
      continue;
    }
    const eq = /^(--requirement|--constraint|-r)=?(.+)$/.exec(w);
    if (eq && (w.startsWith('--') ? w.includes('=') : true)) {
      out.files.push(eq[2]!);
      continue;
    }
    if (w === '-e' || w === '--editable') {
      out.files.push(a[i + 1] ?? '.');
      i++;
      continue;
    }
    if (w.startsWith('-')) {
      if (VALUE_FLAGS.has(w)) i++;
      continue;
    }
    if (/^[<>]|^\d[<>]|^&?>/.test(w)) break;
    if (w === '.' || w.startsWith('./') || w.startsWith('/') || w.includes('://') || w.endsWith('.whl') || w.endsWith('.tar.gz')) {
      out.files.push(w);
      continue;
    }
    const req = parsePipRequirement(w);
    if (req) out.packages.push({ req, argIndex: i, raw: w });
  }
  return out;
}

/** Rewrites a requirement to an exact version, keeping its name and extras. */
export function pinRequirement(raw: string, req: Requirement, version: string): string {
  const nameEnd = /^\s*[A-Za-z0-9][A-Za-z0-9._-]*\s*(\[[^\]]*\])?/.exec(raw)?.[0] ?? req.name;
  return `${nameEnd.trim()}==${version}`;
}
