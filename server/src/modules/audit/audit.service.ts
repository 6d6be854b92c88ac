// Writes audit events; always called inside the transaction of the change it records.
import type { EntityManager } from '@mikro-orm/core';
import { AuditEvent } from './audit.entity.js';
import type { User } from '../people/people.entity.js';

export interface AuditEntry {
  actor: User | null;
  action: string;
  subject: { constructor: { name: string }; id: string };
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  at?: Date;
}

export function audit(em: EntityManager, entry: AuditEntry): AuditEvent {
  const event = em.create(AuditEvent, {
    actor: entry.actor,
    action: entry.action,
    subjectType: entry.subject.constructor.name,
    subjectId: entry.subject.id,
    before: entry.before ?? null,
    after: entry.after ?? null,
    at: entry.at ?? new Date(),
  });
  em.persist(event);
  return event;
}
