// Row locks for check-then-act: a transaction takes the rows its decision depends on before it
// reads anything else about them, so concurrent writers of the same rows run one after another
// and each decides on what the previous one committed.
import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import { isPostgres } from './platform.js';
import type { Em } from './orm.js';

/**
 * Takes the rows of `entity` with these ids for this transaction and returns them as last
 * committed (ids without a row are simply absent). Must run inside a transaction.
 *
 * PostgreSQL: `FOR NO KEY UPDATE`, the lock an UPDATE of the row takes. It queues every other
 * writer of the row (and every guarded `UPDATE` of it) but not the foreign-key checks of rows that
 * reference it: those take `FOR KEY SHARE`, which `FOR UPDATE` would wait for, so two transactions
 * that each wrote a referencing row (an updated proposal re-checks its issue) and then locked the
 * issue would deadlock. Rows are locked in id order, the one order every caller uses, so two
 * transactions locking overlapping sets (A→B and B→A merges) queue instead of deadlocking.
 *
 * SQLite has no row locks and needs none: its single connection runs one transaction at a time.
 */
export async function lockRows<T extends { id: string }>(em: Em, entity: EntityClass<T>, ids: readonly string[]): Promise<T[]> {
  // Outside a transaction the lock would end with its own statement and protect nothing.
  if (!em.isInTransaction()) throw new Error('lockRows needs a transaction');
  const unique = [...new Set(ids)].sort();
  if (!unique.length) return [];
  if (isPostgres(em)) {
    const { tableName } = em.getMetadata().get(entity.name);
    await em.execute(em.getKnex()(tableName).select('id').whereIn('id', unique).orderBy('id').forNoKeyUpdate());
  }
  const where = { id: { $in: unique } } as unknown as FilterQuery<T>;
  // refresh: entities already in the identity map were read before the lock and may be stale.
  return em.find(entity, where, { refresh: true });
}

/** Takes one row (see lockRows); null when it does not exist. */
export async function lockRow<T extends { id: string }>(em: Em, entity: EntityClass<T>, id: string): Promise<T | null> {
  const [row] = await lockRows(em, entity, [id]);
  return row ?? null;
}
