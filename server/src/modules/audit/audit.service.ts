// Writes audit events; always called inside the transaction of the change it records, at the
// change's own time. An event's subject type is the ORM's name of the subject's entity, the same
// name readers of the trail ask for (auditTypeOf), never a hand-written string.
import { Utils, wrap, type EntityManager, type EntityName } from '@mikro-orm/core';
import { AuditEvent } from './audit.entity.js';
import type { User } from '../people/people.entity.js';

/** The installation as a whole, for events about no single entity (an integrity repair). */
export class WorkspaceSubject {
  readonly type = 'Workspace';
  constructor(readonly id: string) {}
}

export interface AuditEntry {
  actor: User | null;
  action: string;
  /** A managed entity, or the workspace. */
  subject: { id: string };
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** When the change happened: the `now` the change itself wrote, so a back-dated change is recorded at its date. */
  at: Date;
}

/** The subject type recorded for `subject`: its entity's name in the ORM metadata. */
export function auditSubjectType(subject: { id: string }): string {
  if (subject instanceof WorkspaceSubject) return subject.type;
  if (!Utils.isEntity(subject)) throw new TypeError('an audit subject must be an entity or the workspace');
  return wrap(subject, true).__meta.className;
}

/** The subject type under which events about rows of `entity` are recorded. */
export function auditTypeOf(em: EntityManager, entity: EntityName<object>): string {
  return em.getMetadata().get(Utils.className(entity)).className;
}

export function audit(em: EntityManager, entry: AuditEntry): AuditEvent {
  const event = em.create(AuditEvent, {
    actor: entry.actor,
    action: entry.action,
    subjectType: auditSubjectType(entry.subject),
    subjectId: entry.subject.id,
    before: entry.before ?? null,
    after: entry.after ?? null,
    at: entry.at,
  });
  em.persist(event);
  return event;
}
