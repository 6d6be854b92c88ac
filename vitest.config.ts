// Unit and integration tests (server, shared, API scenarios), on SQLite; the API scenarios run
// again on PostgreSQL (project "postgresql"). Browser tests: test/e2e/vitest.config.ts.
import { defineConfig } from 'vitest/config';

// graphql ships CJS and ESM builds; vitest would load both and graphql-js refuses two realms.
const resolve = { alias: { graphql: 'graphql/index.js' } };
// Two workers: most API tests wait on the database or a child process, so both cores stay busy.
// isolate: false: a worker keeps the modules it loaded for its next file (each test file builds its
// own app and database); importing the server for every file took more time than the tests.
const common = { environment: 'node', testTimeout: 30_000, hookTimeout: 60_000, pool: 'forks', isolate: false } as const;

export default defineConfig({
  resolve,
  test: {
    maxWorkers: 2,
    projects: [
      {
        resolve,
        test: {
          ...common,
          name: 'sqlite',
          include: ['server/src/**/*.test.ts', 'shared/src/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}', 'test/api/**/*.test.ts'],
          // several instances share one PostgreSQL database: that test runs in the postgresql project
          exclude: ['test/api/instances.test.ts'],
        },
      },
      {
        resolve,
        test: {
          ...common,
          name: 'postgresql',
          include: ['test/api/**/*.test.ts'],
          // contract, CLI, process-start and bench-run tests do not depend on the database kind
          exclude: ['test/api/contract.test.ts', 'test/api/cli.test.ts', 'test/api/start.test.ts', 'test/api/bench-run.test.ts'],
          env: { COUNCIL_TEST_DATABASE: 'postgresql' },
        },
      },
    ],
  },
});
