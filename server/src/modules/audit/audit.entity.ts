// The audit trail: every state change, who made it, when, and the state before and after.
import { EntitySchema } from '@mikro-orm/core';
import { uuid7 } from '../../db/uuid7.js';
import { User } from '../people/people.entity.js';

export class AuditEvent {
  /** Time-ordered, so events of one transaction (same `at`) keep their order. */
  id: string = uuid7();
  actor?: User | null;
  action!: string;
  subjectType!: string;
  subjectId!: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  at: Date = new Date();
}

export const AuditEventSchema = new EntitySchema<AuditEvent>({
  class: AuditEvent,
  tableName: 'audit_event',
  // The trail per subject (a proposal's history), and the admin log filtered by person or action, newest first.
  indexes: [{ properties: ['subjectType', 'subjectId', 'at'] }, { properties: ['actor', 'id'] }, { properties: ['action', 'id'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    actor: { kind: 'm:1', entity: () => User, nullable: true },
    action: { type: 'string', length: 64 },
    subjectType: { type: 'string', length: 32 },
    subjectId: { type: 'string', length: 36 },
    before: { type: 'json', nullable: true },
    after: { type: 'json', nullable: true },
    at: { type: 'datetime' },
  },
});
