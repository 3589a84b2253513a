import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'repo-facts',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    server: { deps: { inline: [/@actions\//] } },
    testTimeout: 30_000,
  },
});
