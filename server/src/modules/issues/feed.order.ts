// The feed's three orders over indexes, with keyset cursors: a page reads the rows it shows (and,
// for PRIORITY, the few that could still reach it), however many issues there are, and paging on
// while issues arrive neither repeats nor skips one.
//
// PRIORITY: score = rankBase (stored, indexed; see rank.ts) + activity, 0 ≤ activity ≤ 3. The k-th
// best score is at least the k-th best rankBase t, and an issue whose rankBase is below t − 3 scores
// below t; so the page lies among the issues with rankBase ≥ t − 3 (a "threshold walk"): one indexed
// read for t, one for those candidates, ranked exactly here. Its cursor is a snapshot — the time the
// first page was ranked at, and the score and tie-breakers of the last issue shown — so every page of
// one walk ranks by the same clock.
import { ACTIVITY_MAX, priorityScore, type IssueOrder } from '@council/shared';
import type { FilterQuery } from '@mikro-orm/core';
import type { Knex, QBFilterQuery } from '@mikro-orm/knex';
import type { Em } from '../../db/orm.js';
import { dateOf } from '../../db/platform.js';
import { InvalidCursor } from '../../errors.js';
import { UUID } from '../../graphql/ids.js';
import { Issue } from './issues.entity.js';
import { priorityScoreSql, sqlTime } from './rank.js';

/** Slack for the stored rank (SQL arithmetic) against the score computed here. */
const EPSILON = 1e-6;
/** Slack of the database's pruning by its own scores: wider, so that it keeps every issue the exact scores would. */
const SQL_SLACK = 1e-4;

export type FeedPosition =
  | { order: 'PRIORITY'; now: number; score: number; createdAt: number; id: string }
  | { order: 'NEWEST'; createdAt: number; id: string }
  | { order: 'RECENT_ACTIVITY'; lastActivityAt: number; id: string };

const PREFIX = 'feed:';

export function encodeFeedCursor(position: FeedPosition): string {
  const parts =
    position.order === 'PRIORITY'
      ? ['P', position.now, position.score, position.createdAt, position.id]
      : position.order === 'NEWEST'
        ? ['N', position.createdAt, position.id]
        : ['A', position.lastActivityAt, position.id];
  return Buffer.from(PREFIX + parts.join(':')).toString('base64url');
}

/** Whether `after` is a cursor of this kind (else an offset cursor, or garbage for pageArgs to refuse). */
export function isFeedCursor(after: string | null | undefined): boolean {
  return !!after && Buffer.from(after, 'base64url').toString().startsWith(PREFIX);
}

/** The position a cursor names, for `order`; BAD_USER_INPUT for a cursor of another order or a forged one. */
export function decodeFeedCursor(after: string, order: IssueOrder): FeedPosition {
  const raw = Buffer.from(after, 'base64url').toString();
  const parts = raw.slice(PREFIX.length).split(':');
  const numbers = (values: string[]) => values.map((v) => (/^-?\d+(\.\d+)?(e-?\d+)?$/.test(v) ? Number(v) : NaN));
  const id = parts.at(-1) ?? '';
  if (!UUID.test(id) || Buffer.from(raw).toString('base64url') !== after) throw new InvalidCursor();
  if (order === 'PRIORITY' && parts[0] === 'P' && parts.length === 5) {
    const [now, score, createdAt] = numbers(parts.slice(1, 4));
    if ([now, score, createdAt].every(Number.isFinite)) return { order, now, score, createdAt, id };
  }
  if (order === 'NEWEST' && parts[0] === 'N' && parts.length === 3) {
    const [createdAt] = numbers(parts.slice(1, 2));
    if (Number.isFinite(createdAt)) return { order, createdAt, id };
  }
  if (order === 'RECENT_ACTIVITY' && parts[0] === 'A' && parts.length === 3) {
    const [lastActivityAt] = numbers(parts.slice(1, 2));
    if (Number.isFinite(lastActivityAt)) return { order, lastActivityAt, id };
  }
  throw new InvalidCursor();
}

export interface OrderedPage {
  issues: Issue[];
  cursors: string[];
  hasNextPage: boolean;
  /** The filter's total, when the page's statement counted it too. */
  totalCount?: number;
}

interface Light {
  id: string;
  supportCount: number;
  regionCount: number;
  lastActivityAt: Date;
  createdAt: Date;
}

/** A candidate as the database returns it (SQLite: dates as milliseconds; PostgreSQL: Date, counts as text). */
interface CandidateRow {
  id: string;
  support_count: number | string;
  region_count: number | string;
  last_activity_at: Date | number | string;
  created_at: Date | number | string;
  feed_total: number | string;
}


/** Runs a count statement (issues.query's totalQuery): one row, one `count`. */
export async function countOf(em: Em, total: Knex.QueryBuilder): Promise<number> {
  const [row] = (await em.getConnection('read').execute(total)) as { count: number | string }[];
  return Number(row?.count ?? 0);
}

/** PRIORITY's order: score first, then newer first, then id. */
const before = (a: { score: number; createdAt: number; id: string }, b: { score: number; createdAt: number; id: string }) =>
  b.score - a.score || b.createdAt - a.createdAt || a.id.localeCompare(b.id);

/**
 * One page of issues matching `where`, in `order`: after `position` (a keyset cursor), or after
 * `offset` issues (the older offset cursors still work). `limit + 1` are looked for, to tell
 * whether another page follows.
 */
export async function orderedPage(
  em: Em,
  where: FilterQuery<Issue>,
  order: IssueOrder,
  from: { position: FeedPosition | null; offset: number },
  limit: number,
  /** The filter's count, as a statement (PRIORITY counts in its page's statement). */
  total: Knex.QueryBuilder,
  totalRegions: () => Promise<number>,
  now = new Date(),
): Promise<OrderedPage> {
  if (order !== 'PRIORITY') {
    const key = order === 'NEWEST' ? 'createdAt' : 'lastActivityAt';
    const position = from.position as Extract<FeedPosition, { order: 'NEWEST' | 'RECENT_ACTIVITY' }> | null;
    const at = position ? new Date(position.order === 'NEWEST' ? position.createdAt : position.lastActivityAt) : null;
    const after = at ? { $or: [{ [key]: { $lt: at } }, { [key]: at, id: { $lt: position!.id } }] } : {};
    const rows = await em.find(Issue, { $and: [where, after] } as FilterQuery<Issue>, {
      orderBy: { [key]: 'desc', id: 'desc' } as never,
      offset: position ? 0 : from.offset,
      limit: limit + 1,
      // The raiser in the same statement (the page shows who raised each issue).
      populate: ['raisedBy'],
    });
    const issues = rows.slice(0, limit);
    const cursors = issues.map((i) =>
      encodeFeedCursor(order === 'NEWEST' ? { order, createdAt: i.createdAt.getTime(), id: i.id } : { order: 'RECENT_ACTIVITY', lastActivityAt: i.lastActivityAt.getTime(), id: i.id }),
    );
    return { issues, cursors, hasNextPage: rows.length > limit };
  }

  const position = from.position as Extract<FeedPosition, { order: 'PRIORITY' }> | null;
  const clock = position ? position.now : now.getTime();
  // How many issues the page must see past the threshold: the page (and one more) after the
  // position, or after the offset.
  const wanted = (position ? 0 : from.offset) + limit + 1;
  // Issues ranked above the position cannot come after it; those whose rank is more than the
  // activity term below it come after it for certain.
  const ceiling: FilterQuery<Issue> = position ? { rankBase: { $lte: position.score + EPSILON } } : {};
  const surelyAfter: FilterQuery<Issue> = position ? { rankBase: { $lt: position.score - ACTIVITY_MAX - EPSILON } } : {};
  // One statement: the threshold t (the wanted-th rank, an indexed read) as a subquery, the
  // candidates at or above t − 3 with their scores as SQL computes them, of which only those that
  // can still be on the page come back (below), and the filter's total beside them (an uncorrelated
  // subquery, computed once).
  const threshold = em
    .createQueryBuilder(Issue, 't')
    .select('t.rankBase')
    .where({ $and: [where, surelyAfter] } as QBFilterQuery<Issue>)
    .orderBy({ rankBase: 'desc', id: 'desc' })
    .offset(wanted - 1)
    .limit(1);
  const candidatesQuery = em
    .createQueryBuilder(Issue, 'i')
    .select(['i.id', 'i.supportCount', 'i.regionCount', 'i.lastActivityAt', 'i.createdAt'])
    .where({ $and: [where, ceiling] } as QBFilterQuery<Issue>)
    .andWhere('i.rank_base >= coalesce((?) - ?, -1)', [threshold.getKnexQuery(), ACTIVITY_MAX + EPSILON])
    .getKnexQuery();
  candidatesQuery.select(candidatesQuery.client.raw(`${priorityScoreSql(em, 'i')} as feed_score`, [sqlTime(em, new Date(clock))]));
  const inner = candidatesQuery.toSQL();
  const counted = total.toSQL();
  // Of the candidates, the database returns those whose score (SQL's, within SQL_SLACK of the exact
  // one) reaches the `wanted`-th best minus the slack: every issue of the page and the one after it
  // is among them, and a few hundred rows for a deep page instead of thousands. After a cursor: the
  // issues scored about as the position (some come after it, by the tie-breakers) and the limit + 1
  // best below them.
  const band = position ? `c.feed_score <= ${Number(position.score) + SQL_SLACK}` : '1 = 1';
  const below = position ? `c2.feed_score < ${Number(position.score) - SQL_SLACK}` : '1 = 1';
  const keep = position ? limit + 1 : wanted;
  const sql = `with c as materialized (${inner.sql})
    select c.id, c.support_count, c.region_count, c.last_activity_at, c.created_at, (${counted.sql}) as feed_total from c
    where ${band} and c.feed_score >= coalesce((select c2.feed_score from c c2 where ${below} order by c2.feed_score desc limit 1 offset ${keep - 1}), c.feed_score) - ${SQL_SLACK}`;
  const rows = (await em.getConnection('read').execute(sql, [...inner.bindings, ...counted.bindings])) as CandidateRow[];
  const candidates: Light[] = rows.map((r) => ({
    id: r.id,
    supportCount: Number(r.support_count),
    regionCount: Number(r.region_count),
    lastActivityAt: dateOf(r.last_activity_at),
    createdAt: dateOf(r.created_at),
  }));
  const totalCount = rows.length ? Number(rows[0].feed_total) : await countOf(em, total);
  const regions = await totalRegions();
  const at = new Date(clock);
  let ranked = candidates
    .map((c) => ({ id: c.id, createdAt: c.createdAt.getTime(), score: priorityScore({ ...c, totalRegions: regions }, at) }))
    .sort(before);
  if (position) ranked = ranked.filter((r) => before(position, r) < 0);
  const slice = ranked.slice(position ? 0 : from.offset, (position ? 0 : from.offset) + limit);
  const loaded = slice.length ? await em.find(Issue, { id: { $in: slice.map((r) => r.id) } }, { populate: ['raisedBy'] }) : [];
  const byId = new Map(loaded.map((i) => [i.id, i]));
  return {
    issues: slice.map((r) => byId.get(r.id)!).filter(Boolean),
    cursors: slice.map((r) => encodeFeedCursor({ order: 'PRIORITY', now: clock, score: r.score, createdAt: r.createdAt, id: r.id })),
    hasNextPage: ranked.length > (position ? 0 : from.offset) + limit,
    totalCount,
  };
}
