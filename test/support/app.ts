// Boots the real app on a fresh temporary SQLite file (or PostgreSQL) for integration tests.
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type App, type BuildOptions } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { seedDemo } from '../../server/src/demo/seed.js';
import { openOrm } from '../../server/src/db/orm.js';

export interface TestApp extends App {
  dir: string;
  close(): Promise<void>;
}

/** Where the API suite runs: SQLite by default, PostgreSQL with COUNCIL_TEST_DATABASE=postgresql. */
const POSTGRES = process.env.COUNCIL_TEST_DATABASE === 'postgresql';
export const POSTGRES_ADMIN_URL = process.env.COUNCIL_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
let dbSeq = 0;

/** A fresh, empty PostgreSQL database for one test app (dropped by the returned `drop`). */
export async function postgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `council_test_${process.pid}_${++dbSeq}_${Math.random().toString(36).slice(2, 8)}`;
  const { orm } = await openOrm({ kind: 'postgresql', url: POSTGRES_ADMIN_URL });
  await orm.em.getConnection().execute(`create database "${name}"`);
  await orm.close();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const admin = await openOrm({ kind: 'postgresql', url: POSTGRES_ADMIN_URL });
      await admin.orm.em.getConnection().execute(`drop database if exists "${name}" with (force)`);
      await admin.orm.close();
    },
  };
}

export async function startTestApp(
  options: BuildOptions & { env?: Record<string, string>; webDist?: string; seed?: boolean; seedTemplate?: string } = {},
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'council-test-'));
  const pg = POSTGRES && !options.env?.DATABASE_URL ? await postgresDatabase() : null;
  // A SQLite demo workspace seeded once for the run (test/e2e/global-setup.ts): a copy of its file
  // starts as the demo, instead of seeding again (a few seconds each).
  const template = options.seed && options.seedTemplate && !pg && !options.env?.DATABASE_URL ? options.seedTemplate : null;
  if (template) for (const suffix of ['', '-wal']) if (existsSync(template + suffix)) copyFileSync(template + suffix, join(dir, `council.sqlite${suffix}`));
  // PostgreSQL requires SESSION_SECRET (instances share it); apps sharing a database pass one in env.
  const pgEnv = pg ? { DATABASE_URL: pg.url, SESSION_SECRET: randomBytes(32).toString('hex') } : {};
  // No write limit unless a test sets one (BuildOptions.writeLimit, or WRITE_LIMIT_PER_MINUTE in env):
  // scenarios make many writes as one person in a few seconds; write-limit.test.ts covers the limit.
  const config = loadConfig({ DATA_DIR: dir, NODE_ENV: 'test', LOG_LEVEL: 'silent', WRITE_LIMIT_PER_MINUTE: '0', ...pgEnv, ...options.env });
  config.webDist = options.webDist;
  // The demo is seeded as a real start seeds it: before the scheduled work starts (whose vote-closer
  // would otherwise close the demo's votes while they are being written).
  const built = await buildApp(config, { logger: false, ...options, ...(options.seed && { seedIfEmpty: (em) => seedDemo(em) }) });
  return {
    ...built,
    dir,
    async close() {
      await built.app.close();
      await pg?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
