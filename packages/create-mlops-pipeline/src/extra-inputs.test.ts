import { describe, expect, it } from 'vitest';
import { coerce, missingRequired, withFlagInputs } from './extra-inputs.js';
import { templateInputs } from './inputs.js';

const schema = {
  type: 'object',
  properties: {
    'python-version': { type: 'string' },
    'dvc-version': { type: 'string' },
    requirements: { type: 'string' },
    branches: { type: 'array', items: { type: 'string', pattern: '^[a-z]+$' } },
    cml: { type: 'boolean' },
    'timeout-minutes': { type: 'integer' },
    'service-account': { type: 'string', description: 'Service account email', pattern: '^.+@.+$' },
  },
  required: ['service-account'],
};

describe('template inputs', () => {
  it('names answers as the schema does and wraps the branch in a list', () => {
    expect(templateInputs({ provider: 'github', remote: 'gcs', python: '3.12', dvc: '3.63.0', requirements: 'requirements.txt', branch: 'main', cml: true, mode: 'vendored' }, schema)).toEqual({
      'python-version': '3.12',
      'dvc-version': '3.63.0',
      requirements: 'requirements.txt',
      branches: ['main'],
      cml: true,
    });
  });

  it('leaves out what the template does not take', () => {
    expect(templateInputs({ provider: 'github', remote: 'minio', requirements: '', branch: 'main', cml: false, mode: 'vendored' }, { properties: { cml: {} } }, 'https://minio')).toEqual({ cml: false });
  });

  it.each([
    ['a,b', 'array', ['a', 'b']],
    ['', 'array', []],
    ['true', 'boolean', true],
    ['FALSE', 'boolean', false],
    ['maybe', 'boolean', 'maybe'],
    ['30', 'integer', 30],
    ['x', 'string', 'x'],
  ])('coerce(%j, %s)', (value, type, expected) => {
    expect(coerce(value, type)).toEqual(expected);
  });

  it('applies --input flags by type and finds required inputs still missing', () => {
    const inputs = withFlagInputs({ cml: false }, { 'timeout-minutes': '30', branches: 'main,dev' }, schema);
    expect(inputs).toEqual({ cml: false, 'timeout-minutes': 30, branches: ['main', 'dev'] });
    expect(missingRequired(schema, inputs)).toEqual([{ name: 'service-account', type: 'string', description: 'Service account email', pattern: '^.+@.+$' }]);
    expect(missingRequired(schema, { ...inputs, 'service-account': 'a@b' })).toEqual([]);
  });
});

describe('redactUrlCredentials', () => {
  it.each([
    ['"https://minio:s3cr3t@minio.example.com" is not an http(s) URL', '"https://***@minio.example.com" is not an http(s) URL'],
    ['s3://bucket/path and https://host/x', 's3://bucket/path and https://host/x'],
    ['git@github.com:acme/ml.git', 'git@github.com:acme/ml.git'],
  ])('%s', async (input, output) => {
    const { redactUrlCredentials } = await import('./render.js');
    expect(redactUrlCredentials(input)).toBe(output);
  });
});
