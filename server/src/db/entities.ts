// Every entity schema of the application, in one list for the ORM.
import { CategorySchema, RegionSchema, SessionSchema, UserSchema } from '../modules/people/people.entity.js';
import { CommentSchema, IssueSchema, SupportSchema } from '../modules/issues/issues.entity.js';
import { AuditEventSchema } from '../modules/audit/audit.entity.js';
import {
  DecisionSchema,
  ProposalRevisionSchema,
  ProposalSchema,
  RolloutSchema,
  VoteSchema,
  VotingRuleSchema,
} from '../modules/proposals/proposals.entity.js';
import { PolicySchema, PolicyVersionSchema } from '../modules/policies/policies.entity.js';
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

export const entities = [
  RegionSchema,
  CategorySchema,
  UserSchema,
  SessionSchema,
  IssueSchema,
  SupportSchema,
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
];
