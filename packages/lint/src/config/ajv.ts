/**
 * Lazily created ajv instance and compiled validators (compiled once per
 * process, only when a config file or rule options need validating).
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv } from 'ajv';

let ajv: Ajv | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

export function validatorFor(schema: object): ValidateFunction {
  let fn = compiled.get(schema);
  if (!fn) {
    ajv ??= new Ajv({ allErrors: false, strict: false });
    fn = ajv.compile(schema);
    compiled.set(schema, fn);
  }
  return fn;
}

export type { ErrorObject };

/** One readable sentence for an ajv error. */
export function describeError(error: ErrorObject, what: string): string {
  const at = error.instancePath ? `${what}${error.instancePath.replace(/\//g, '.').replace(/~1/g, '/').replace(/~0/g, '~')}` : what;
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
