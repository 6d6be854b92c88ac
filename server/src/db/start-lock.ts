// The start-up lock: migrations and the first-start demo seed run while holding it, so any number
// of instances can start at once on one empty database — one migrates and seeds, the others wait
// and then find the work done.
//
// PostgreSQL: an advisory lock taken in a transaction on a connection of its own, held while the
// work runs on the pool's other connections; it ends with that transaction, or with the
// connection if the process dies.
// SQLite: an exclusive transaction on a lock file beside the database (SQLite's own file lock,
// released by the OS if the process dies). The database file itself cannot hold the lock, since
// the work has to write to it.
import { setTimeout as sleep } from 'node:timers/promises';
import { knex, type AbstractSqlConnection } from '@mikro-orm/knex';
import type { MikroORM } from '@mikro-orm/core';
import { isPostgres } from './platform.js';

/** Advisory lock keys: (Council's namespace, lock). "Coun" in ASCII keeps clear of other users. */
export const ADVISORY_NAMESPACE = 0x436f756e;
const START_LOCK = 1;

/** How long an instance waits for another one's migrations and seed before giving up. */
const WAIT_MS = 10 * 60_000;

export async function underStartLock<T>(orm: MikroORM, work: () => Promise<T>): Promise<T> {
  if (isPostgres(orm.em)) {
    const db = (orm.em.getConnection() as AbstractSqlConnection).getKnex();
    return db.transaction(async (trx) => {
      await trx.raw('select pg_advisory_xact_lock(?, ?)', [ADVISORY_NAMESPACE, START_LOCK]);
      return work();
    });
  }
  return underSqliteFileLock(`${orm.config.get('dbName')}-start.lock`, work);
}

async function underSqliteFileLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  // One connection: BEGIN and COMMIT must reach the same one.
  const lock = knex({ client: 'sqlite3', connection: { filename: file }, useNullAsDefault: true, pool: { min: 1, max: 1 } });
  try {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      try {
        await lock.raw('begin exclusive');
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
        await sleep(100);
      }
    }
    try {
      return await work();
    } finally {
      await lock.raw('commit');
    }
  } finally {
    await lock.destroy();
  }
}
