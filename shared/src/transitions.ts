// Issue state machine as data: the server enforces it, the web reads it to offer only allowed actions.
import type { IssueStatus } from './enums.js';

/** Statuses in which an issue still takes supports, withdrawals and comments. */
export const ISSUE_ACTIVE_STATUSES: readonly IssueStatus[] = ['OPEN', 'UNDER_DISCUSSION', 'PROPOSED'];

/** Statuses from which an issue may be merged into another. */
export const ISSUE_MERGEABLE_STATUSES: readonly IssueStatus[] = ['OPEN', 'UNDER_DISCUSSION'];

export function issueIsActive(status: IssueStatus): boolean {
  return ISSUE_ACTIVE_STATUSES.includes(status);
}

/**
 * Reopening for discussion (poor outcomes of its implemented change from two or more regions):
 * from these statuses, to UNDER_DISCUSSION, once per implemented proposal.
 */
export const ISSUE_REOPENABLE_STATUSES: readonly IssueStatus[] = ['RESOLVED'];
export const ISSUE_REOPENED_STATUS: IssueStatus = 'UNDER_DISCUSSION';
