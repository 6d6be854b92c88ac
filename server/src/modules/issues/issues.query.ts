// The issue feed: filters, the three orders and offset pages, in a fixed number of statements
// whatever the page size (count + page; PRIORITY ranks light rows in memory, then loads the page).
import { priorityScore, type IssueOrder, type IssueStatus } from '@council/shared';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import type { Em } from '../../db/orm.js';
import { Region } from '../people/people.entity.js';
import { Issue, Support } from './issues.entity.js';

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
  totalCount: number;
  offset: number;
  hasNextPage: boolean;
}

export async function listIssues(
  em: Em,
  filter: IssueFilterData,
  order: IssueOrder,
  page: { offset: number; limit: number },
  now = new Date(),
): Promise<IssuePage> {
  const where = issueWhere(em, filter);
  if (order === 'PRIORITY') {
    const [rows, totalRegions] = await Promise.all([
      em.find(Issue, where, { fields: ['id', 'supportCount', 'regionCount', 'lastActivityAt', 'createdAt'], disableIdentityMap: true }),
      em.count(Region),
    ]);
    const ranked = rows
      .map((r) => ({ id: r.id, createdAt: r.createdAt, score: priorityScore({ ...r, totalRegions }, now) }))
      .sort((a, b) => b.score - a.score || b.createdAt.getTime() - a.createdAt.getTime() || a.id.localeCompare(b.id));
    const ids = ranked.slice(page.offset, page.offset + page.limit).map((r) => r.id);
    const loaded = ids.length ? await em.find(Issue, { id: { $in: ids } }) : [];
    const byId = new Map(loaded.map((i) => [i.id, i]));
    return {
      issues: ids.map((id) => byId.get(id)!).filter(Boolean),
      totalCount: rows.length,
      offset: page.offset,
      hasNextPage: page.offset + page.limit < rows.length,
    };
  }
  const orderBy = order === 'NEWEST' ? { createdAt: 'desc', id: 'desc' } : { lastActivityAt: 'desc', id: 'desc' };
  const [issues, totalCount] = await em.findAndCount(Issue, where, {
    orderBy: orderBy as never,
    offset: page.offset,
    limit: page.limit,
  });
  return { issues, totalCount, offset: page.offset, hasNextPage: page.offset + issues.length < totalCount };
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
    // SQLite's LIKE ignores (ASCII) case already and has no ILIKE; PostgreSQL needs ILIKE.
    const op = em.getPlatform() instanceof PostgreSqlPlatform ? '$ilike' : '$like';
    const pattern = `%${search.replace(/[\\%_]/g, '')}%`;
    and.push({ $or: [{ title: { [op]: pattern } }, { description: { [op]: pattern } }] });
  }
  return { $and: and };
}
