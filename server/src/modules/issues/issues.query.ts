// The issue feed: filters, the three orders (feed.order.ts: indexed, keyset cursors) and the
// total, in a fixed number of statements whatever the page size and the number of issues.
import type { IssueOrder, IssueStatus } from '@council/shared';
import { orderedPage, type FeedPosition } from './feed.order.js';
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
  // PRIORITY counts in its page's statement; the other orders count beside it.
  const [result, counted] = await Promise.all([
    orderedPage(em, where, order, { position: page.position ?? null, offset: page.offset }, page.limit, totalRegions, now),
    order === 'PRIORITY' ? undefined : em.count(Issue, where),
  ]);
  return { ...result, totalCount: result.totalCount ?? counted ?? 0 };
}

function issueWhere(em: Em, filter: IssueFilterData): Record<string, unknown> {
  const and: Record<string, unknown>[] = [];
  and.push(filter.status?.length ? { status: { $in: filter.status } } : { status: { $ne: 'MERGED' } });
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
