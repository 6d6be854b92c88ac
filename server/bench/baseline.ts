// The benchmark's yardstick: a bare fastify route that answers the feed's JSON — the very body the
// GraphQL feed query returns — with one hand-written SQL statement on the same database and driver.
// What Council costs beyond it is the price of its layers; the bench prints the ratio.
import type { FastifyInstance } from 'fastify';
import type { Orm } from '../src/db/orm.js';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { fts5Query, searchTerms, tsQuery } from '../src/modules/search/search.text.js';

export type FeedOrder = 'PRIORITY' | 'NEWEST' | 'RECENT_ACTIVITY';

export interface FeedVariables {
  first: number;
  offset?: number;
  orderBy: FeedOrder;
  filter?: { regionId?: string; categoryId?: string; search?: string };
}

/** The feed query the bench sends to /graphql; the baseline answers the same JSON. */
export const FEED_QUERY = `query($first: Int, $after: String, $orderBy: IssueOrder, $filter: IssueFilter) {
  issues(first: $first, after: $after, orderBy: $orderBy, filter: $filter) { totalCount edges { node {
    id title status supportCount regionCount commentCount lastActivityAt viewerHasSupported
    category { name } originRegion { name } raisedBy { name } affectedRegions { code }
  } } } }`;

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
const localId = (global: string) => Buffer.from(global, 'base64').toString().split(':')[1] ?? '';

interface Row {
  id: string;
  title: string;
  status: string;
  support_count: number;
  region_count: number;
  comment_count: number;
  last_activity_at: number | string | Date;
  viewer_supported: number | boolean;
  category_name: string | null;
  origin_name: string;
  origin_code: string;
  raiser_name: string;
  supporter_codes: string | null;
  total: number | string;
}

/** The feed page for `viewerId` in one statement: the page, its total, and each issue's regions. */
export async function baselineFeed(orm: Orm, viewerId: string, v: FeedVariables, now = Date.now()) {
  const pg = orm.em.getPlatform() instanceof PostgreSqlPlatform;
  const params: unknown[] = [viewerId];
  const where = [`i.status <> 'MERGED'`];
  if (v.filter?.regionId) {
    where.push(`(i.origin_region_id = ? or i.id in (select s3.issue_id from support s3 where s3.region_id = ?))`);
    params.push(localId(v.filter.regionId), localId(v.filter.regionId));
  }
  if (v.filter?.categoryId) {
    where.push(`i.category_id = ?`);
    params.push(localId(v.filter.categoryId));
  }
  if (v.filter?.search) {
    // The same full-text index the app searches (modules/search), the words prepared as it does.
    const terms = searchTerms(v.filter.search);
    where.push(
      pg
        ? `i.id in (select d.subject_id from search_document d where d.kind = 'Issue' and d.document @@ to_tsquery('simple', ?))`
        : `i.id in (select d.subject_id from search_fts cross join search_document d on d.id = search_fts.rowid where search_fts match ? and d.kind = 'Issue')`,
    );
    params.push(pg ? tsQuery(terms) : fts5Query(terms));
  }
  const days = pg ? `greatest(0, extract(epoch from (to_timestamp(${now / 1000}) - i.last_activity_at)) / 86400.0)` : `max(0, (${now} - i.last_activity_at) / 86400000.0)`;
  const score = pg
    ? `6.0 * least(1.0, i.region_count::float / (select count(*) from region)) + 2.0 * ln(1 + i.support_count) / ln(2) + 3.0 * power(2.0, -${days} / 14.0)`
    : `6.0 * min(1.0, i.region_count * 1.0 / (select count(*) from region)) + 2.0 * log2(1 + i.support_count) + 3.0 * power(2.0, -${days} / 14.0)`;
  const order = { PRIORITY: `${score} desc, i.created_at desc, i.id asc`, NEWEST: `i.created_at desc, i.id desc`, RECENT_ACTIVITY: `i.last_activity_at desc, i.id desc` }[v.orderBy];
  const codes = pg
    ? `(select string_agg(x.code, ',' order by x.name) from (select distinct r2.code, r2.name from support s2 join region r2 on r2.id = s2.region_id where s2.issue_id = i.id and r2.id <> i.origin_region_id) x)`
    : `(select group_concat(x.code, ',') from (select distinct r2.code, r2.name from support s2 join region r2 on r2.id = s2.region_id where s2.issue_id = i.id and r2.id <> i.origin_region_id order by r2.name) x)`;
  const sql = `select i.id, i.title, i.status, i.support_count, i.region_count, i.comment_count, i.last_activity_at,
      exists(select 1 from support s where s.issue_id = i.id and s.user_id = ?) as viewer_supported,
      c.name as category_name, r.name as origin_name, r.code as origin_code, u.name as raiser_name,
      ${codes} as supporter_codes, (select count(*) from issue i where ${where.join(' and ')}) as total
    from issue i join region r on r.id = i.origin_region_id join "user" u on u.id = i.raised_by_id left join category c on c.id = i.category_id
    where ${where.join(' and ')}
    order by ${order} limit ${Number(v.first)} offset ${Number(v.offset ?? 0)}`;
  // The total counts the filter's issues on its own (a window count over the join would rank and
  // join every issue before the limit): the filter's values twice, after the viewer's id.
  const rows = (await orm.em.getConnection().execute(sql, [params[0], ...params.slice(1), ...params.slice(1)])) as Row[];
  return {
    data: {
      issues: {
        totalCount: rows.length ? Number(rows[0].total) : 0,
        edges: rows.map((r) => ({
          node: {
            id: globalId('Issue', r.id),
            title: r.title,
            status: r.status,
            supportCount: Number(r.support_count),
            regionCount: Number(r.region_count),
            commentCount: Number(r.comment_count),
            lastActivityAt: new Date(typeof r.last_activity_at === 'string' && /^\d+$/.test(r.last_activity_at) ? Number(r.last_activity_at) : r.last_activity_at).toISOString(),
            viewerHasSupported: Boolean(r.viewer_supported),
            category: r.category_name === null ? null : { name: r.category_name },
            originRegion: { name: r.origin_name },
            raisedBy: { name: r.raiser_name },
            affectedRegions: [r.origin_code, ...(r.supporter_codes ? r.supporter_codes.split(',') : [])].map((code) => ({ code })),
          },
        })),
      },
    },
  };
}

/** GET /baseline/feed?v=<json FeedVariables>&viewer=<user id>: the yardstick route, bench only. */
export function registerBaseline(app: FastifyInstance, orm: Orm): void {
  app.get<{ Querystring: { v: string; viewer: string } }>('/baseline/feed', async (req) => baselineFeed(orm, req.query.viewer, JSON.parse(req.query.v) as FeedVariables));
}
