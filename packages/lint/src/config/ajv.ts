/**
 * Lazily loaded ajv and compiled validators (compiled once per process, only
 * when a config file or rule options need validating). `loadAjv()` must have
 * resolved before `validatorFor()`; runs without a config never load ajv.
 */
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { pointerParts } from '../json-pointer.js';

let AjvClass: typeof Ajv | undefined;
let ajv: Ajv | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

export async function loadAjv(): Promise<void> {
  if (AjvClass) return;
  const mod = (await import('ajv')) as unknown as { Ajv?: typeof Ajv; default?: { Ajv?: typeof Ajv } };
  AjvClass = mod.Ajv ?? mod.default?.Ajv;
}

export function validatorFor(schema: object): ValidateFunction {
  let fn = compiled.get(schema);
  if (!fn) {
    if (!AjvClass) throw new Error('configuration validation is not ready (loadAjv() was not awaited)');
    ajv ??= new AjvClass({ allErrors: false, strict: false });
    fn = ajv.compile(schema);
    compiled.set(schema, fn);
  }
  return fn;
}

export type { ErrorObject };

/** One readable sentence for an ajv error. */
export function describeError(error: ErrorObject, what: string): string {
  const at = error.instancePath ? `${what}.${pointerParts(error.instancePath).join('.')}` : what;
  switch (error.keyword) {
    case 'additionalProperties':
      return `${at}: unknown key \`${String((error.params as { additionalProperty: string }).additionalProperty)}\``;
    case 'enum':
      return `${at}: must be one of ${((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'propertyNames':
      return `${at}: invalid name \`${String((error.params as { propertyName: string }).propertyName)}\``;
    default:
      return `${at}: ${error.message ?? 'is invalid'}`;
  }
}
