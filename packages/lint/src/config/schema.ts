/**
 * JSON Schema of `.mlops-lint.yaml` / `.mlops-lint.json`. Published as
 * `schemas/mlops-lint.schema.json` at the repository root (a test keeps the two equal).
 */
export const CONFIG_SCHEMA_ID = 'https://raw.githubusercontent.com/mlops-pipeline/mlops-pipeline/main/schemas/mlops-lint.schema.json';

export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: CONFIG_SCHEMA_ID,
  title: 'mlops-lint configuration',
  description: 'Configuration of mlops-lint, the linter for ML pipelines in CI (.mlops-lint.yaml or .mlops-lint.json).',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string', description: 'JSON Schema of this file (for editors).' },
    extends: {
      description: 'Other config files (paths relative to this one) whose settings this file starts from; later entries and this file win.',
      oneOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 } }],
    },
    rules: {
      description: 'Rule severities and options, by rule id: `off`, `warn`, `error` or `[severity, {options}]`.',
      type: 'object',
      propertyNames: { pattern: '^[A-Za-z0-9@][A-Za-z0-9_./@-]*$' },
      additionalProperties: { $ref: '#/definitions/ruleEntry' },
    },
    ignore: {
      description: 'Glob patterns (relative to this file) of files never linted.',
      type: 'array',
      items: { type: 'string', minLength: 1 },
    },
    rulesets: {
      description: 'Spectral rulesets (YAML/JSON, paths relative to this file) with custom rules run on every file.',
      oneOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 } }],
    },
    strict: { type: 'boolean', description: 'Strict mode: e.g. actions must be pinned to a full commit SHA.' },
    maxWarnings: { type: 'integer', minimum: -1, description: 'Exit with 1 when there are more warnings than this (-1: no limit).' },
    provider: { enum: ['github', 'gitlab'], description: 'Treat every file as this provider instead of detecting it.' },
  },
  definitions: {
    severity: { enum: ['off', 'warn', 'warning', 'error', 'info'] },
    ruleEntry: {
      oneOf: [
        { $ref: '#/definitions/severity' },
        {
          type: 'array',
          minItems: 1,
          maxItems: 2,
          items: [{ $ref: '#/definitions/severity' }, { type: 'object' }],
          additionalItems: false,
        },
      ],
    },
  },
} as const;
