// Unit and integration tests (server, shared, API scenarios). Browser tests: test/e2e/vitest.config.ts.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql ships CJS and ESM builds; vitest would load both and graphql-js refuses two realms.
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['server/src/**/*.test.ts', 'shared/src/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}', 'test/api/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
