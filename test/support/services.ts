// The external services that some tests use for real: Redis (and PostgreSQL, see app.ts).
// `pnpm test` probes them first and sets COUNCIL_TEST_REDIS=skip when Redis does not answer
// (a named skip outside CI, a failed run under CI=true); run directly, the tests expect Redis.

/** The Redis URL for tests, or null when `pnpm test` found no Redis (the test is then skipped). */
export const REDIS_TEST_URL: string | null =
  process.env.COUNCIL_TEST_REDIS === 'skip' ? null : (process.env.COUNCIL_TEST_REDIS ?? process.env.COUNCIL_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');

/** True when this run's API suite is on PostgreSQL (the "postgresql" vitest project). */
export const ON_POSTGRES = process.env.COUNCIL_TEST_DATABASE === 'postgresql';

/** A key prefix no other test run shares, for Redis keys and channels. */
export function uniquePrefix(name: string): string {
  return `council-test:${name}:${process.pid}:${Math.random().toString(36).slice(2, 10)}:`;
}
