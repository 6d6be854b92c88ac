// Enums shared by server and web; the values are the GraphQL enum values of the contract.
export const ROLES = ['COORDINATOR', 'FACILITATOR', 'EXECUTIVE', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export const ISSUE_STATUSES = ['OPEN', 'UNDER_DISCUSSION', 'PROPOSED', 'RESOLVED', 'CLOSED', 'MERGED'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

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
