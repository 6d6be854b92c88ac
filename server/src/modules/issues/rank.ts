// The stored part of the priority score (shared/priority.ts `rankBase`), as SQL for both databases,
// and the one way it is written: after the counters it is made of change (supports, merges), when
// an issue is raised, and for every issue when a region is added (the share's denominator).
import { isPostgres } from '../../db/platform.js';
import type { Em } from '../../db/orm.js';
import { PRIORITY_WEIGHTS } from '@council/shared';

/**
 * rankBase in the database's dialect, over an issue row's own counters (alias `alias`), or over
 * other expressions for them (the consistency check's counts from the rows).
 */
export function rankBaseSql(em: Em, alias = 'issue', counts = { regions: `${alias}.region_count`, supports: `${alias}.support_count` }): string {
  const w = PRIORITY_WEIGHTS;
  const regions = '(select count(*) from region)';
  if (isPostgres(em)) {
    return `(case when ${regions} = 0 then 0 else ${w.regionShare} * least(1.0, (${counts.regions})::float8 / ${regions}) end + ${w.support} * ln(1 + greatest(0, ${counts.supports})) / ln(2))`;
  }
  return `(case when ${regions} = 0 then 0 else ${w.regionShare} * min(1.0, (${counts.regions}) * 1.0 / ${regions}) end + ${w.support} * log2(1 + max(0, ${counts.supports})))`;
}

/**
 * Days from a date column of row `alias` to a time given as a binding (never negative), in the
 * database's dialect. Binding: the time (SQLite: milliseconds; PostgreSQL: an ISO string).
 */
export function daysSinceSql(em: Em, alias: string, column: string): string {
  return isPostgres(em) ? `greatest(0, extract(epoch from (cast(? as timestamptz) - ${alias}.${column}))::float8 / 86400.0)` : `max(0, (? - ${alias}.${column}) / 86400000.0)`;
}

/** A time as daysSinceSql's binding. */
export const sqlTime = (em: Em, at: Date): string | number => (isPostgres(em) ? at.toISOString() : at.getTime());

/**
 * The whole priority score (shared/priority.ts `priorityScore`) of row `alias` in SQL, from its stored
 * rank_base and its last activity: equal to the score computed in JavaScript up to rounding. Binding:
 * the time it is scored at (sqlTime).
 */
export function priorityScoreSql(em: Em, alias: string): string {
  const w = PRIORITY_WEIGHTS;
  return `(${alias}.rank_base + ${w.activity} * power(2.0, -${daysSinceSql(em, alias, 'last_activity_at')} / ${w.activityHalfLifeDays}.0))`;
}

/** Rewrites rank_base from the issues' current counters: these issues, or all of them. */
export async function refreshRanks(em: Em, ids: readonly string[] | 'all'): Promise<void> {
  if (ids !== 'all' && !ids.length) return;
  const where = ids === 'all' ? '' : ` where id in (${ids.map(() => '?').join(', ')})`;
  await em.execute(`update issue set rank_base = ${rankBaseSql(em)}${where}`, ids === 'all' ? [] : [...ids]);
}
