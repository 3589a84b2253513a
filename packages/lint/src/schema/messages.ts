/** Short, human sentences for schema errors: what is wrong, where, and a "did you mean" when a near miss is likely. */
import type { SchemaError } from './types.js';
import { pointerParts } from '../json-pointer.js';
import { closest } from './suggest.js';
import { GLOBAL_KEYWORDS } from '../gitlab/keywords.js';

export type Dialect = 'github' | 'gitlab' | 'action';

const GITLAB_GLOBALS = [...GLOBAL_KEYWORDS];

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  null: 'empty',
};

function typeWords(types: string[]): string {
  const words = [...new Set(types.map((t) => TYPE_WORDS[t] ?? t))];
  if (words.length <= 1) return words[0] ?? 'something else';
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function q(s: string): string {
  return JSON.stringify(s);
}

/** Where a path points, in the words of the CI format: `job "build"`, `step 2 of job "build"`. */
export function describePath(parts: string[], dialect: Dialect): { where: string; rest: string[] } {
  if (dialect === 'action') {
    if (parts[0] === 'runs' && parts[1] === 'steps' && parts[2] !== undefined && /^\d+$/.test(parts[2])) return { where: `step ${Number(parts[2]) + 1} of the action`, rest: parts.slice(3) };
    if (parts[0] === 'inputs' && parts[1] !== undefined) return { where: `input ${q(parts[1])}`, rest: parts.slice(2) };
    return { where: 'the action', rest: parts };
  }
  if (dialect === 'github') {
    if (parts[0] === 'jobs' && parts[1] !== undefined) {
      if (parts[2] === 'steps' && parts[3] !== undefined && /^\d+$/.test(parts[3])) {
        return { where: `step ${Number(parts[3]) + 1} of job ${q(parts[1])}`, rest: parts.slice(4) };
      }
      return { where: `job ${q(parts[1])}`, rest: parts.slice(2) };
    }
    if (parts[0] === 'on' && parts[1] !== undefined && !/^\d+$/.test(parts[1])) return { where: `trigger ${q(parts[1])}`, rest: parts.slice(2) };
    return { where: 'the workflow', rest: parts };
  }
  const top = parts[0];
  if (top !== undefined && !GITLAB_GLOBALS.includes(top) && top !== '$schema') {
    return { where: `${top.startsWith('.') ? 'hidden job' : 'job'} ${q(top)}`, rest: parts.slice(1) };
  }
  return { where: 'the pipeline', rest: parts };
}

function subject(parts: string[], dialect: Dialect): string {
  const { where, rest } = describePath(parts, dialect);
  if (rest.length === 0) return where;
  const name = rest.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
  return `${q(name)} in ${where}`;
}

/**
 * The keys allowed where an unknown key was found. Errors inside a referenced
 * definition carry a schema path relative to it, so every closed object whose
 * pointer ends the same way is a candidate; the one sharing most keys with the
 * object as written wins (ties: all of them).
 */
export function allowedKeys(schemaPath: string, closedKeys: Record<string, string[]>, siblings: readonly string[]): string[] {
  const suffix = schemaPath.replace(/^#/, '').replace(/\/additionalProperties$/, '');
  const exact = closedKeys[`#${suffix}`];
  if (exact && suffix !== '') return exact;
  let best: string[][] = [];
  let bestScore = -1;
  for (const [pointer, keys] of Object.entries(closedKeys)) {
    if (!pointer.endsWith(suffix)) continue;
    const score = siblings.filter((k) => keys.includes(k)).length;
    if (score > bestScore) {
      best = [keys];
      bestScore = score;
    } else if (score === bestScore) best.push(keys);
  }
  return [...new Set(best.flat())];
}

export function messageFor(error: SchemaError, dialect: Dialect, closedKeys: Record<string, string[]>, value: unknown): string {
  const parts = pointerParts(error.instancePath);
  const p = error.params;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const siblings = value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value).filter((k) => k !== key) : [];
      const allowed = allowedKeys(error.schemaPath, closedKeys, siblings);
      const hint = closest(key, allowed);
      const { where, rest } = describePath(parts, dialect);
      const tail = hint ? ` (did you mean ${q(hint)}?)` : '';
      if (dialect === 'github' && parts.length === 1 && parts[0] === 'on') return `unknown event ${q(key)} in "on"${tail}`;
      const inside = rest.length === 0 ? where : `${q(rest.join('.'))} of ${where}`;
      return `unknown key ${q(key)} in ${inside}${tail}`;
    }
    case 'required': {
      const missing = String(p.missingProperty);
      if (dialect === 'github' && missing === 'run' && parts[2] === 'steps') return `${subject(parts, dialect)} needs "run" or "uses"`;
      if (dialect === 'action' && missing === 'run' && parts[1] === 'steps') return `${subject(parts, dialect)} needs "run" or "uses"`;
      if (dialect === 'action' && missing === 'shell' && parts[1] === 'steps') return `${subject(parts, dialect)} needs "shell" (composite actions have no default shell)`;
      if (dialect === 'gitlab' && missing === 'script' && parts.length === 1) return `${subject(parts, dialect)} has no "script" (or "trigger", "extends", "run")`;
      return `${subject(parts, dialect)} is missing ${q(missing)}`;
    }
    case 'type': {
      const types = Array.isArray(p.type) ? p.type.map(String) : String(p.type).split(',');
      if (dialect === 'gitlab' && parts.length === 1 && parts[0] !== undefined) {
        const hint = closest(parts[0], GITLAB_GLOBALS);
        if (hint) return `unknown keyword ${q(parts[0])} (did you mean ${q(hint)}?)`;
      }
      return `${subject(parts, dialect)} must be ${typeWords(types)}`;
    }
    case 'enum': {
      const allowed = Array.isArray(p.allowedValues) ? p.allowedValues.map(String) : [];
      const hint = typeof value === 'string' ? closest(value, allowed) : undefined;
      // The value is quoted only when it is a near miss of an allowed one: it cannot be a secret then.
      const shown = hint !== undefined ? ` ${q(String(value))}` : '';
      const tail = hint ? ` (did you mean ${q(hint)}?)` : allowed.length <= 8 ? `: must be one of ${allowed.map(q).join(', ')}` : '';
      return `${subject(parts, dialect)} has an unknown value${shown}${tail}`;
    }
    case 'const':
      return `${subject(parts, dialect)} must be ${q(String(p.allowedValue))}`;
    case 'propertyNames':
      if (error.schemaPath.includes('/then/')) return `key ${q(String(p.propertyName))} is not allowed in ${subject(parts, dialect)}, which calls a reusable workflow`;
      if (error.schemaPath.includes('/else/')) return `key ${q(String(p.propertyName))} in ${subject(parts, dialect)} is only allowed with "uses" (a reusable workflow call)`;
      return `invalid name ${q(String(p.propertyName))} in ${subject(parts, dialect)}`;
    case 'not':
      if ((dialect === 'github' && parts[2] === 'steps') || (dialect === 'action' && parts[1] === 'steps')) return `${subject(parts, dialect)} has both "run" and "uses": a step does one or the other`;
      return `${subject(parts, dialect)} combines keys that cannot be used together`;
    case 'minimum':
    case 'maximum':
      return `${subject(parts, dialect)} must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${String(p.limit)}`;
    case 'minProperties':
    case 'minItems':
      return `${subject(parts, dialect)} must not be empty`;
    case 'pattern':
      return `${subject(parts, dialect)} has an invalid format`;
    default:
      return `${subject(parts, dialect)} is invalid (${error.keyword})`;
  }
}

