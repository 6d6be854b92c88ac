// Browser journeys in real Chromium against the built SPA served by the real server.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Exactly 'graphql' (its subpaths stay as they are: the global setup imports them too).
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.e2e.test.ts'],
    // The demo workspace, seeded once for the run; each file's server starts from a copy.
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
