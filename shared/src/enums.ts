// Enums shared by server and web; the values are the GraphQL enum values of the contract.
export const ROLES = ['COORDINATOR', 'FACILITATOR', 'EXECUTIVE', 'ADMIN', 'DEPARTMENT_CONTACT'] as const;
export type Role = (typeof ROLES)[number];

export const ISSUE_STATUSES = ['OPEN', 'UNDER_DISCUSSION', 'PROPOSED', 'RESOLVED', 'CLOSED', 'MERGED'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

/** A meeting: planned, running, held (closed), or called off before it started (cancelled). */
export const MEETING_STATUSES = ['PLANNED', 'IN_PROGRESS', 'CLOSED', 'CANCELLED'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
/** The most characters of the reason given when a meeting is cancelled. */
export const CANCEL_REASON_MAX = 500;

export const ISSUE_ORDERS = ['PRIORITY', 'NEWEST', 'RECENT_ACTIVITY'] as const;
export type IssueOrder = (typeof ISSUE_ORDERS)[number];

export const LOCALES = ['en', 'de', 'da', 'es', 'vi'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export const ERROR_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** What a notification is about; who gets each kind is written in contract/reach.graphql. */
export const NOTIFICATION_KINDS = [
  'VOTING_OPENED',
  'VOTE_CLOSING_SOON',
  'VOTING_CLOSED',
  'PROPOSAL_ON_MY_ISSUE',
  'DECISION_MADE',
  'CHANGES_REQUESTED',
  'ROLLOUT_DUE',
  'ROLLOUT_OVERDUE',
  'AGENDA_PUBLISHED',
  'MEETING_CANCELLED',
  'ACTION_ITEM_ASSIGNED',
  'ACTION_ITEM_DUE',
  'MENTIONED',
  'REPLY',
  'POLICY_TO_CONFIRM',
  'OUTCOME_DUE',
  'ISSUE_REOPENED',
  'PROPOSAL_SUBMITTED',
  'REFERRAL_RECEIVED',
  'REFERRAL_ANSWERED',
  'ISSUE_MERGED',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const DELIVERIES = ['IMMEDIATE', 'DAILY_DIGEST', 'OFF'] as const;
export type Delivery = (typeof DELIVERIES)[number];

/** Email by default: at once for what asks something of the person, the rest in the daily digest. */
export const DEFAULT_EMAIL_DELIVERY: Record<NotificationKind, Delivery> = {
  VOTING_OPENED: 'IMMEDIATE',
  VOTE_CLOSING_SOON: 'IMMEDIATE',
  VOTING_CLOSED: 'DAILY_DIGEST',
  PROPOSAL_ON_MY_ISSUE: 'DAILY_DIGEST',
  DECISION_MADE: 'DAILY_DIGEST',
  CHANGES_REQUESTED: 'IMMEDIATE',
  ROLLOUT_DUE: 'IMMEDIATE',
  ROLLOUT_OVERDUE: 'IMMEDIATE',
  AGENDA_PUBLISHED: 'DAILY_DIGEST',
  MEETING_CANCELLED: 'IMMEDIATE',
  ACTION_ITEM_ASSIGNED: 'IMMEDIATE',
  ACTION_ITEM_DUE: 'IMMEDIATE',
  MENTIONED: 'IMMEDIATE',
  REPLY: 'DAILY_DIGEST',
  POLICY_TO_CONFIRM: 'IMMEDIATE',
  OUTCOME_DUE: 'IMMEDIATE',
  ISSUE_REOPENED: 'IMMEDIATE',
  PROPOSAL_SUBMITTED: 'IMMEDIATE',
  REFERRAL_RECEIVED: 'IMMEDIATE',
  REFERRAL_ANSWERED: 'IMMEDIATE',
  ISSUE_MERGED: 'DAILY_DIGEST',
};

/** A region's answer on whether an implemented change solved the problem there (contract/beyond.graphql). */
export const OUTCOME_VERDICTS = ['BETTER', 'SAME', 'WORSE'] as const;
export type OutcomeVerdict = (typeof OUTCOME_VERDICTS)[number];
/** Verdicts that say the change did not solve the problem in the region. */
export const POOR_OUTCOMES: readonly OutcomeVerdict[] = ['SAME', 'WORSE'];
/** From this many regions with a poor outcome, the change's issue is reopened for discussion. */
export const REOPEN_AFTER_POOR_OUTCOMES = 2;
/** Days after implementation when the regions are asked about the outcome (default). */
export const OUTCOME_DUE_AFTER_DAYS = 30;

/** The hour (0-23, the person's time zone) of the daily digest unless they choose another. */
export const DEFAULT_DIGEST_HOUR = 7;

/** A referral of an issue to another department (contract/beyond.graphql): asked, answered, closed by a facilitator. */
export const REFERRAL_STATUSES = ['OPEN', 'ANSWERED', 'CLOSED'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
