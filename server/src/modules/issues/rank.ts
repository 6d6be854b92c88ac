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

/** Rewrites rank_base from the issues' current counters: these issues, or all of them. */
export async function refreshRanks(em: Em, ids: readonly string[] | 'all'): Promise<void> {
  if (ids !== 'all' && !ids.length) return;
  const where = ids === 'all' ? '' : ` where id in (${ids.map(() => '?').join(', ')})`;
  await em.execute(`update issue set rank_base = ${rankBaseSql(em)}${where}`, ids === 'all' ? [] : [...ids]);
}
