// Regions and categories, cached per app instance: nearly every request names some (a feed row's
// region, the share of regions in every priority score, a tally's rows), and they change rarely (an
// admin adds or renames one). Each request still gets its own entities (merged into its
// EntityManager from the cached rows), so nothing one request changes leaks into another.
//
// Invalidation: every statement this instance sends that writes the region or category table (the
// people service's create and update, a native update or delete, raw SQL) empties the cache at once
// and again when the transaction ends, so a read that raced the write is not kept; each time the
// live events carry a `reference` tick to the other instances (through Redis when configured, see
// live/events.ts), which empty theirs. What no instance sends — SQL by hand, a command run without
// Redis, several instances without Redis — is seen after REFERENCE_TTL_MS at the latest.
import type { EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import type { Em, Orm } from '../../db/orm.js';
import type { LiveEvents } from '../../live/events.js';
import { Category, Region } from './people.entity.js';

/** The longest a change made where no instance sees it goes unseen. */
export const REFERENCE_TTL_MS = 30_000;

type RegionRow = Pick<Region, 'id' | 'code' | 'name' | 'timeZone' | 'createdAt'>;
type CategoryRow = Pick<Category, 'id' | 'name' | 'translations' | 'position' | 'createdAt'>;

/** A write to the region or category table, in either dialect's quoting. */
const REFERENCE_WRITE = /^\s*(insert\s+into|update|delete\s+from)\s+[`"]?(region|category)[`"]?[\s(]/i;

/** One cached list, with the generation and the time it was read at. */
class Slot<T extends { id: string }> {
  private entry: { generation: number; at: number; rows: Promise<{ list: T[]; byId: Map<string, T> }> } | null = null;

  constructor(private readonly read: (em: Em) => Promise<T[]>) {}

  get(em: Em, generation: number, now: number, ttlMs: number): Promise<{ list: T[]; byId: Map<string, T> }> {
    // Inside a transaction the rows may be its own uncommitted ones: read, but keep nothing.
    if (em.isInTransaction()) return this.read(em).then(indexed);
    const entry = this.entry;
    if (entry && entry.generation === generation && now - entry.at < ttlMs) return entry.rows;
    const next = { generation, at: now, rows: this.read(em).then(indexed) };
    this.entry = next;
    next.rows.catch(() => {
      if (this.entry === next) this.entry = null;
    });
    return next.rows;
  }
}

function indexed<T extends { id: string }>(list: T[]): { list: T[]; byId: Map<string, T> } {
  return { list, byId: new Map(list.map((r) => [r.id, r])) };
}

export class ReferenceCache {
  private generation = 0;
  private readonly regionRows = new Slot<RegionRow>(async (em) =>
    (await em.find(Region, {}, { orderBy: { name: 'asc', id: 'asc' }, disableIdentityMap: true })).map((r) => ({ id: r.id, code: r.code, name: r.name, timeZone: r.timeZone, createdAt: r.createdAt })),
  );
  private readonly categoryRows = new Slot<CategoryRow>(async (em) =>
    (await em.find(Category, {}, { orderBy: { position: 'asc', name: 'asc' }, disableIdentityMap: true })).map((c) => ({
      id: c.id,
      name: c.name,
      translations: c.translations,
      position: c.position,
      createdAt: c.createdAt,
    })),
  );

  constructor(
    private readonly ttlMs = REFERENCE_TTL_MS,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Forgets everything read so far (reads in flight are not kept either). */
  invalidate(): void {
    this.generation += 1;
  }

  /** Every region, by name, as entities of `em`. */
  async regions(em: Em): Promise<Region[]> {
    const { list } = await this.regionRows.get(em, this.generation, this.clock(), this.ttlMs);
    return list.map((row) => em.merge(Region, { ...row }));
  }

  /** How many regions there are (the denominator of region shares). */
  async regionCount(em: Em): Promise<number> {
    return (await this.regionRows.get(em, this.generation, this.clock(), this.ttlMs)).list.length;
  }

  /** These regions as entities of `em`, null where none has the id. */
  async regionsById(em: Em, ids: readonly string[]): Promise<(Region | null)[]> {
    const { byId } = await this.regionRows.get(em, this.generation, this.clock(), this.ttlMs);
    return ids.map((id) => {
      const row = byId.get(id);
      return row ? em.merge(Region, { ...row }) : null;
    });
  }

  /** These categories as entities of `em`, null where none has the id. */
  async categoriesById(em: Em, ids: readonly string[]): Promise<(Category | null)[]> {
    const { byId } = await this.categoryRows.get(em, this.generation, this.clock(), this.ttlMs);
    return ids.map((id) => {
      const row = byId.get(id);
      return row ? em.merge(Category, { ...row, translations: { ...row.translations } }) : null;
    });
  }
}

/** The outermost transaction of a (possibly nested) one: knex links savepoints upwards. */
function isOutermost(transaction: unknown): boolean {
  return !(transaction as { parentTransaction?: unknown } | undefined)?.parentTransaction;
}

/**
 * Empties `cache` (and tells the other instances to empty theirs) whenever this ORM writes a region
 * or a category: at the statement, and once more when the transactions open then have ended.
 */
export function watchReferenceWrites(orm: Orm, cache: ReferenceCache, live: LiveEvents): void {
  let open = 0;
  let unsettled = false;
  const changed = () => {
    cache.invalidate();
    live.publish('reference', 'all');
  };
  const settle = (args: TransactionEventArgs) => {
    if (!isOutermost(args.transaction)) return;
    open = Math.max(0, open - 1);
    if (!unsettled) return;
    changed();
    if (open === 0) unsettled = false;
  };
  const subscriber: EventSubscriber = {
    afterTransactionStart: (args) => {
      if (isOutermost(args.transaction)) open += 1;
    },
    afterTransactionCommit: settle,
    afterTransactionRollback: settle,
  };
  orm.em.getEventManager().registerSubscriber(subscriber);
  (orm.em.getConnection() as AbstractSqlConnection).getKnex().on('query', (query: { sql: string }) => {
    if (!REFERENCE_WRITE.test(query.sql)) return;
    changed();
    if (open > 0) unsettled = true;
  });
  // Another instance's change (and this one's own, harmlessly): the events end when the app closes.
  void (async () => {
    for await (const _ of live.subscribe('reference', 'all')) cache.invalidate();
  })();
}
