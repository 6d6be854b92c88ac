// Several instances starting at the same moment on one empty database: migrations and the demo
// seed run once, under the start-up lock, and every instance comes up healthy. Two instances on one
// SQLite file wait for each other's locks instead of failing with SQLITE_BUSY. On PostgreSQL a
// database that does not exist is an error naming it, and is never created.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresDatabase, POSTGRES_ADMIN_URL, startTestApp, type TestApp } from '../support/app.js';
import { ON_POSTGRES } from '../support/services.js';
import { seedDemo } from '../../server/src/demo/seed.js';
import { DatabaseUnavailable, openOrm } from '../../server/src/db/orm.js';
import { Category, Region, User } from '../../server/src/modules/people/people.entity.js';

const apps: TestApp[] = [];
let drop: (() => Promise<void>) | undefined;
afterAll(async () => {
  for (const app of apps) await app.close();
  await drop?.();
});

describe('start-up lock', () => {
  it('migrates and seeds once when three instances start together on an empty database', async () => {
    let url: string;
    if (ON_POSTGRES) {
      const db = await postgresDatabase();
      drop = db.drop;
      url = db.url;
    } else {
      url = `sqlite:${join(mkdtempSync(join(tmpdir(), 'council-start-lock-')), 'council.sqlite')}`;
    }
    const env = { DATABASE_URL: url, SESSION_SECRET: 's'.repeat(32) };
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => startTestApp({ env, seedIfEmpty: seedDemo, sweepIntervalMs: 0 })),
    );
    for (const r of results) if (r.status === 'fulfilled') apps.push(r.value);
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);

    expect(apps.filter((a) => a.seeded)).toHaveLength(1);
    for (const app of apps) expect((await app.app.inject({ url: '/healthz' })).statusCode).toBe(200);
    const em = apps[0].orm.em.fork();
    // Seeded once: the demo's 8 regions and 7 categories, each once.
    expect(await em.count(Region)).toBe(8);
    expect(await em.count(Category)).toBe(7);
    expect(await em.count(User, { email: 'admin@council.test' })).toBe(1);
  }, 120_000);

  // SQLite only: two instances on one file, one writing in the middle of the other's transaction.
  if (!ON_POSTGRES) it("lets a SQLite transaction that read first write after another instance's commit, waiting instead of failing", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'council-immediate-')), 'council.sqlite');
    const [a, b] = [await openOrm({ kind: 'sqlite', file }), await openOrm({ kind: 'sqlite', file })];
    try {
      await a.orm.em.getConnection().execute('create table t (x integer)');
      let hasRead!: () => void;
      const read = new Promise<void>((resolve) => (hasRead = resolve));
      // Instance b reads, then writes, in one transaction (as closing a due vote does) ...
      const inB = b.orm.em.fork().transactional(async (tx) => {
        await tx.execute('select count(*) as n from t');
        hasRead();
        await new Promise((r) => setTimeout(r, 200));
        await tx.execute('insert into t (x) values (1)');
      });
      // ... while instance a writes between the two.
      await read;
      const inA = a.orm.em.getConnection().execute('insert into t (x) values (2)');
      await Promise.all([inB, inA]);
      expect(await a.orm.em.getConnection().execute('select x from t order by x')).toEqual([{ x: 1 }, { x: 2 }]);
    } finally {
      await a.orm.close();
      await b.orm.close();
    }
  });

  // PostgreSQL only (SQLite creates its file by design); defined, not skipped, on that project alone.
  if (ON_POSTGRES) it('refuses a PostgreSQL database that does not exist, naming it, and does not create it', async () => {
    const missing = `council_missing_${process.pid}`;
    const url = new URL(POSTGRES_ADMIN_URL);
    url.pathname = `/${missing}`;
    const opening = openOrm({ kind: 'postgresql', url: url.toString() });
    await expect(opening).rejects.toThrow(DatabaseUnavailable);
    await expect(opening).rejects.toThrow(`the PostgreSQL database "${missing}" does not exist`);
    const { orm } = await openOrm({ kind: 'postgresql', url: POSTGRES_ADMIN_URL });
    try {
      const rows = await orm.em.getConnection().execute('select 1 from pg_database where datname = ?', [missing]);
      expect(rows).toEqual([]);
    } finally {
      await orm.close();
    }
  });
});
