import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'templates',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    server: { deps: { inline: [/@actions\//] } },
    testTimeout: 30_000,
    // Every temporary file of the run lives under one directory removed at the end.
    globalSetup: ['../test-utils/src/global-setup.ts'],
  },
});
