// Issue state machine as data: the server enforces it, the web reads it to offer only allowed actions.
import type { IssueStatus } from './enums.js';

/** Statuses in which an issue still takes supports, withdrawals and comments. */
export const ISSUE_ACTIVE_STATUSES: readonly IssueStatus[] = ['OPEN', 'UNDER_DISCUSSION', 'PROPOSED'];

/** Statuses from which an issue may be merged into another. */
export const ISSUE_MERGEABLE_STATUSES: readonly IssueStatus[] = ['OPEN', 'UNDER_DISCUSSION'];

export function issueIsActive(status: IssueStatus): boolean {
  return ISSUE_ACTIVE_STATUSES.includes(status);
}
