// Boots the real app on a fresh temporary SQLite file (or PostgreSQL) for integration tests.
import { mkdtempSync, rmSync } from 'node:fs';
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

async function postgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
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

export async function startTestApp(options: BuildOptions & { env?: Record<string, string>; webDist?: string; seed?: boolean } = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'council-test-'));
  const pg = POSTGRES && !options.env?.DATABASE_URL ? await postgresDatabase() : null;
  const config = loadConfig({ DATA_DIR: dir, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...(pg ? { DATABASE_URL: pg.url } : {}), ...options.env });
  config.webDist = options.webDist;
  const built = await buildApp(config, { logger: false, ...options });
  if (options.seed) await seedDemo(built.orm.em.fork());
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
