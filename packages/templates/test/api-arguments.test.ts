import { describe, expect, it } from 'vitest';
import { inputsSchema, render, requiredSecrets, TemplateInputError } from '../src/index.js';

/** Calls from JavaScript (no type checks) with wrong arguments. */
const loose = { render: render as (...args: unknown[]) => string, requiredSecrets: requiredSecrets as (...args: unknown[]) => unknown, inputsSchema: inputsSchema as (...args: unknown[]) => unknown };

describe('API arguments are checked: a TemplateInputError naming the argument, never a raw TypeError', () => {
  it.each([
    ['render with mode "bogus"', () => loose.render('github', 'dvc', {}, { mode: 'bogus' }), 'mode: "bogus" is not one of vendored, pinned'],
    ['render with null options', () => loose.render('github', 'dvc', {}, null), 'options: must be an object'],
    ['render with null inputs', () => loose.render('github', 'dvc', null), 'inputs must be an object'],
    ['render with a null provider', () => loose.render(null, 'dvc', {}), 'unknown template "dvc" for provider "null"'],
    ['render with a null name', () => loose.render('github', null, {}), 'unknown template "null"'],
    ['requiredSecrets with an invalid azure-auth', () => loose.requiredSecrets('github', 'dvc-azure', { 'azure-auth': 'nope' }), 'azure-auth: "nope" is not one of connection-string, service-principal'],
    ['requiredSecrets with null inputs', () => loose.requiredSecrets('github', 'dvc-azure', null), 'inputs must be an object'],
    ['inputsSchema with nulls', () => loose.inputsSchema(null, null), 'unknown template "null"'],
  ])('%s', (_label, call, message) => {
    expect(call).toThrow(TemplateInputError);
    expect(call).toThrow(message);
  });

  it('requiredSecrets without a required identity input still lists the secrets', () => {
    expect(requiredSecrets('github', 'dvc-gcs-keyless', {})).toEqual([]);
    expect(requiredSecrets('github', 'dvc-s3', {}).map((s) => s.name)).toEqual(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']);
  });
});
