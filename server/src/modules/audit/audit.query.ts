// The admin's audit log: every change, newest first, filtered by who made it and what it was,
// in pages with keyset cursors (an event's time-ordered id), so events written while an admin
// pages do not shift the pages. One statement per page.
import { LIMITS } from '@council/shared';
import type { FilterQuery } from '@mikro-orm/core';
import type { Em } from '../../db/orm.js';
import { InvalidCursor, InvalidInput } from '../../errors.js';
import { UUID } from '../../graphql/ids.js';
import { peoplePolicy } from '../people/people.policy.js';
import type { User } from '../people/people.entity.js';
import { AuditEvent } from './audit.entity.js';

const PREFIX = 'audit:';

export const auditCursor = (event: AuditEvent): string => Buffer.from(`${PREFIX}${event.id}`).toString('base64url');

function afterId(after: string | null | undefined): string | null {
  if (after == null || after === '') return null;
  const raw = Buffer.from(after, 'base64url').toString();
  const id = raw.startsWith(PREFIX) ? raw.slice(PREFIX.length) : '';
  if (!UUID.test(id) || Buffer.from(raw).toString('base64url') !== after) throw new InvalidCursor();
  return id;
}

export interface AuditLogArgs {
  first?: number | null;
  after?: string | null;
  actorId?: string | null;
  /** An action (`user.rolesChanged`) or a family of them (`user`). */
  action?: string | null;
}

export async function auditLog(em: Em, viewer: User | null, args: AuditLogArgs): Promise<{ events: AuditEvent[]; hasNextPage: boolean }> {
  peoplePolicy.authorize(viewer, 'viewAuditLog');
  const limit = args.first ?? LIMITS.pageSize.default;
  if (!Number.isInteger(limit) || limit < 1 || limit > LIMITS.pageSize.max) throw new InvalidInput({ first: 'validation.first.range' });
  const before = afterId(args.after);
  const action = args.action?.trim();
  if (action && !/^[A-Za-z_]+(\.[A-Za-z_]+)?$/.test(action)) throw new InvalidInput({ action: 'validation.auditAction.invalid' });
  const where: FilterQuery<AuditEvent> = {
    ...(before ? { id: { $lt: before } } : {}),
    ...(args.actorId ? { actor: args.actorId } : {}),
    ...(action ? (action.includes('.') ? { action } : { action: { $like: `${action}.%` } }) : {}),
  };
  const rows = await em.find(AuditEvent, where, { orderBy: { id: 'desc' }, limit: limit + 1 });
  return { events: rows.slice(0, limit), hasNextPage: rows.length > limit };
}

/** The actions the log holds, for the filter's choices. */
export async function auditActions(em: Em, viewer: User | null): Promise<string[]> {
  peoplePolicy.authorize(viewer, 'viewAuditLog');
  const rows = (await em.createQueryBuilder(AuditEvent, 'e').select('e.action').distinct().orderBy({ action: 'asc' }).execute('all', false)) as { action: string }[];
  return rows.map((r) => r.action);
}
