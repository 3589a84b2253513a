// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/hook/**', '**/node_modules/**', '**/*.generated.*', '**/generated/**', 'bench/results/**', '**/fixtures/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Rules read the provider-neutral model only (positions, file kind, spec, line index are in it):
    // raw YAML nodes would miss what includes, `extends:` and `!reference` bring in.
    files: ['packages/lint/src/rules/**/*.ts'],
    ignores: ['packages/lint/src/rules/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'yaml', message: 'Rules read the model (src/model.ts), not YAML nodes: add what the rule needs to the model.' }],
          patterns: [{ group: ['yaml/*'], message: 'Rules read the model (src/model.ts), not YAML nodes: add what the rule needs to the model.' }],
        },
      ],
    },
  },
);
