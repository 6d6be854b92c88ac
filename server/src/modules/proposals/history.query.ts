// A proposal's history in pages: by default its latest events, with a cursor to page back to
// earlier ones. One statement pair per request however many proposals a list shows (the latest
// N of each through a window function), one count statement for their totals.
import { raw } from '@mikro-orm/core';
import { LIMITS } from '@council/shared';
import type { Em } from '../../db/orm.js';
import { InvalidCursor, InvalidInput } from '../../errors.js';
import { AuditEvent } from '../audit/audit.entity.js';
import { auditTypeOf } from '../audit/audit.service.js';
import { Proposal } from './proposals.entity.js';
import { UUID } from '../../graphql/ids.js';

/** How many of the latest events `Proposal.history` returns unless asked for fewer. */
export const HISTORY_PAGE = LIMITS.pageSize.max;

/** The event a page ends before: events strictly earlier in (at, id) order. */
export interface HistoryPosition {
  at: Date;
  id: string;
}

export interface HistoryPageKey {
  proposalId: string;
  limit: number;
  before: HistoryPosition | null;
}

const PREFIX = 'history:';

/** The opaque cursor of an event: "page back from here". */
export function historyCursor(event: AuditEvent): string {
  return Buffer.from(`${PREFIX}${event.at.getTime()}:${event.id}`).toString('base64url');
}

/** `first` / `after` as a page key; a cursor this API did not make is BAD_USER_INPUT. */
export function historyPageKey(proposalId: string, args: { first?: number | null; after?: string | null }): HistoryPageKey {
  const limit = args.first ?? HISTORY_PAGE;
  if (!Number.isInteger(limit) || limit < 1 || limit > LIMITS.pageSize.max) throw new InvalidInput({ first: 'validation.first.range' });
  if (args.after == null) return { proposalId, limit, before: null };
  const raw = Buffer.from(args.after, 'base64url').toString();
  const [ms, id] = raw.startsWith(PREFIX) ? raw.slice(PREFIX.length).split(':') : [];
  const at = new Date(/^\d{1,15}$/.test(ms ?? '') ? Number(ms) : NaN);
  if (Number.isNaN(at.getTime()) || !UUID.test(id ?? '')) throw new InvalidCursor();
  return { proposalId, limit, before: { at, id } };
}

/** The pages asked for, each in chronological order. Keys of one request usually share limit and cursor. */
export async function historyPages(em: Em, keys: readonly HistoryPageKey[]): Promise<AuditEvent[][]> {
  const groups = new Map<string, HistoryPageKey[]>();
  for (const key of keys) {
    const group = `${key.limit}:${key.before?.at.getTime() ?? ''}:${key.before?.id ?? ''}`;
    groups.set(group, [...(groups.get(group) ?? []), key]);
  }
  const pages = new Map<HistoryPageKey, AuditEvent[]>();
  for (const group of groups.values()) {
    const { limit, before } = group[0];
    const proposalIds = [...new Set(group.map((k) => k.proposalId))];
    const ranked = em
      .createQueryBuilder(AuditEvent, 'e')
      .select(['e.id', raw('row_number() over (partition by e.subject_id order by e.at desc, e.id desc) as rn')])
      .where({
        subjectType: auditTypeOf(em, Proposal),
        subjectId: { $in: proposalIds },
        ...(before ? { $or: [{ at: { $lt: before.at } }, { at: before.at, id: { $lt: before.id } }] } : {}),
      })
      .getKnexQuery();
    const ids = (await em.getKnex().select('id').from(ranked.as('ranked')).where('rn', '<=', limit)) as { id: string }[];
    const events = ids.length ? await em.find(AuditEvent, { id: { $in: ids.map((r) => r.id) } }, { orderBy: { at: 'asc', id: 'asc' } }) : [];
    for (const key of group) pages.set(key, events.filter((e) => e.subjectId === key.proposalId));
  }
  return keys.map((k) => pages.get(k) ?? []);
}

/** How many events each proposal's history holds. */
export async function historyCounts(em: Em, proposalIds: readonly string[]): Promise<number[]> {
  const rows = (await em
    .createQueryBuilder(AuditEvent, 'e')
    .select(['e.subjectId', raw('count(*) as n')])
    .where({ subjectType: auditTypeOf(em, Proposal), subjectId: { $in: [...proposalIds] } })
    .groupBy('e.subjectId')
    .execute('all', false)) as { subject_id: string; n: number | string }[];
  const counts = new Map(rows.map((r) => [r.subject_id, Number(r.n)]));
  return proposalIds.map((id) => counts.get(id) ?? 0);
}
