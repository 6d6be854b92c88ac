// The issue feed: filters, the three orders (feed.order.ts: indexed, keyset cursors) and the
// total, in a fixed number of statements whatever the page size and the number of issues.
import type { IssueOrder, IssueStatus } from '@council/shared';
import { countOf, orderedPage, type FeedPosition } from './feed.order.js';
import type { Knex } from '@mikro-orm/knex';
import type { Em } from '../../db/orm.js';
import { Region } from '../people/people.entity.js';
import { Issue, Support } from './issues.entity.js';
import { matchingIssueIds } from '../search/search.query.js';
import { searchTerms } from '../search/search.text.js';

export interface IssueFilterData {
  status?: IssueStatus[] | null;
  regionId?: string | null;
  categoryId?: string | null;
  search?: string | null;
  /** Only issues this region has not marked: not raised there, no supporter from there. */
  notMarkedByRegionId?: string | null;
}

export interface IssuePage {
  issues: Issue[];
  /** Each issue's keyset cursor ("the page after this one"). */
  cursors: string[];
  totalCount: number;
  hasNextPage: boolean;
}

/**
 * A page of the feed: after a keyset cursor's position, or after `offset` issues; the total of
 * matching issues beside it. Statements: the page's (feed.order.ts, raisers joined) and, but for
 * PRIORITY, one count.
 */
export async function listIssues(
  em: Em,
  filter: IssueFilterData,
  order: IssueOrder,
  page: { offset: number; limit: number; position?: FeedPosition | null },
  now = new Date(),
  /** How many regions there are; requests pass the cached count (loaders.totalRegions). */
  totalRegions: () => Promise<number> = () => em.count(Region),
): Promise<IssuePage> {
  const where = issueWhere(em, filter);
  const total = totalQuery(em, filter);
  // PRIORITY counts in its page's statement; the other orders count beside it.
  const [result, counted] = await Promise.all([
    orderedPage(em, where, order, { position: page.position ?? null, offset: page.offset }, page.limit, total, totalRegions, now),
    order === 'PRIORITY' ? undefined : countOf(em, total),
  ]);
  return { ...result, totalCount: result.totalCount ?? counted ?? 0 };
}

/**
 * The filter's total as a statement. The default filter, "not merged", keeps nearly every issue, and
 * testing each issue's status is most of a count's time: the total is then the issues matching the
 * rest of the filter less the merged ones among them. With no other filter SQLite counts an index's
 * entries without reading them, and the merged ones come from the status index (0.1 ms instead of
 * 7 at 100,000 issues).
 */
function totalQuery(em: Em, filter: IssueFilterData): Knex.QueryBuilder {
  const count = (where: Record<string, unknown>) => em.createQueryBuilder(Issue, 'c').count().where(where).getKnexQuery();
  if (filter.status?.length) return count(issueWhere(em, filter));
  const rest = issueWhere(em, filter, false);
  const knex = em.getKnex('read');
  return knex.select(knex.raw('(?) - (?) as count', [count(rest), count({ $and: [rest, { status: 'MERGED' }] })]));
}

/** The filter as a condition on issues; `status` false leaves out the status (the default's "not merged" too). */
function issueWhere(em: Em, filter: IssueFilterData, status = true): Record<string, unknown> {
  const and: Record<string, unknown>[] = [];
  if (status) and.push(filter.status?.length ? { status: { $in: filter.status } } : { status: { $ne: 'MERGED' } });
  if (filter.categoryId) and.push({ category: filter.categoryId });
  if (filter.regionId) {
    // Affecting a region: raised there, or supported by someone there.
    const supported = em.createQueryBuilder(Support, 's').select('s.issue').where({ region: filter.regionId }).getKnexQuery();
    and.push({ $or: [{ originRegion: filter.regionId }, { id: { $in: supported } }] });
  }
  if (filter.notMarkedByRegionId) {
    const supported = em.createQueryBuilder(Support, 's').select('s.issue').where({ region: filter.notMarkedByRegionId }).getKnexQuery();
    and.push({ originRegion: { $ne: filter.notMarkedByRegionId } }, { id: { $nin: supported } });
  }
  const search = filter.search?.trim();
  if (search) {
    // The full-text index (modules/search): words, not substrings; case and diacritics folded.
    // Text without a single word (only punctuation) matches nothing.
    const terms = searchTerms(search);
    and.push({ id: { $in: terms.words.length ? matchingIssueIds(em, terms) : [] } });
  }
  return { $and: and };
}
