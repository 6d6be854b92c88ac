// Every entity schema of the application, in one list for the ORM.
import { DateTimeType, type EntitySchema } from '@mikro-orm/core';
import { CategorySchema, RegionSchema, SessionSchema, UserSchema } from '../modules/people/people.entity.js';
import { CommentSchema, IssueSchema, MergedSupportSchema, SupportSchema } from '../modules/issues/issues.entity.js';
import { AuditEventSchema } from '../modules/audit/audit.entity.js';
import {
  DecisionSchema,
  OutcomeReportSchema,
  OutcomeSettingSchema,
  ProposalRevisionSchema,
  ProposalSchema,
  RolloutSchema,
  VoteSchema,
  VotingRuleSchema,
} from '../modules/proposals/proposals.entity.js';
import { PolicyAcknowledgementSchema, PolicySchema, PolicyVersionSchema } from '../modules/policies/policies.entity.js';
import {
  ActionItemSchema,
  AgendaItemSchema,
  AgendaSettingsSchema,
  MeetingSchema,
} from '../modules/meetings/meetings.entity.js';
import {
  NotificationPreferenceSchema,
  NotificationSchema,
  OutboxMailSchema,
  ReminderSentSchema,
} from '../modules/notifications/notifications.entity.js';
import { LeaseSchema } from '../jobs/lease.entity.js';
import { InvitationSchema, PasswordResetSchema } from '../modules/people/invitations.entity.js';
import { DepartmentContactSchema, DepartmentSchema, ReferralSchema } from '../modules/departments/departments.entity.js';

export const entities = [
  RegionSchema,
  CategorySchema,
  UserSchema,
  SessionSchema,
  IssueSchema,
  SupportSchema,
  MergedSupportSchema,
  CommentSchema,
  AuditEventSchema,
  ProposalSchema,
  ProposalRevisionSchema,
  VoteSchema,
  DecisionSchema,
  RolloutSchema,
  VotingRuleSchema,
  PolicySchema,
  PolicyVersionSchema,
  PolicyAcknowledgementSchema,
  OutcomeReportSchema,
  OutcomeSettingSchema,
  MeetingSchema,
  AgendaItemSchema,
  ActionItemSchema,
  NotificationSchema,
  AgendaSettingsSchema,
  LeaseSchema,
  NotificationPreferenceSchema,
  OutboxMailSchema,
  ReminderSentSchema,
  InvitationSchema,
  PasswordResetSchema,
  DepartmentSchema,
  DepartmentContactSchema,
  ReferralSchema,
];

/**
 * Dates are declared `type: 'datetime'` in the schemas. MikroORM 6.6 on SQLite then snapshots a
 * loaded date as a Date but compares it as the stored number, so every flush rewrote every date
 * of every entity the transaction had touched (`update user set created_at = …` in each audited
 * action; a meeting's starts_at written back with the value read earlier — a lost update in
 * waiting). The DateTimeType class maps to the same columns on both databases (no migration)
 * and compares like with like.
 */
for (const schema of entities as EntitySchema[]) {
  for (const property of Object.values(schema.meta.properties)) {
    if (property.type === 'datetime') property.type = DateTimeType as never;
  }
}
