// Addresses of the meetings feature: its pages, the server's exports, and the page of whatever
// an agenda item or a notification is about.
import { proposalHref } from '../proposals/paths';

/** Same address as the issues feature's `issueHref`, without loading its components (the header's bell uses this file). */
function issueHref(id: string): string {
  return `/issues/${encodeURIComponent(id)}`;
}

export const MEETINGS_HREF = '/meetings';
export const NEW_MEETING_HREF = '/meetings/new';

export function meetingHref(id: string): string {
  return `/meetings/${encodeURIComponent(id)}`;
}

export function meetingPrintHref(id: string): string {
  return `${meetingHref(id)}/print`;
}

export type ExportFile = 'agenda.md' | 'minutes.md' | 'meeting.ics';

/** The server's downloads (cookie-authenticated GETs). */
export function exportHref(id: string, file: ExportFile): string {
  return `/export/meetings/${encodeURIComponent(id)}/${file}`;
}

/** The page of an issue, proposal, meeting or policy (the register), from its typename and id; null for anything else. */
export function subjectHref(subject: { __typename: string; id: string } | null | undefined): string | null {
  if (!subject) return null;
  switch (subject.__typename) {
    case 'Issue':
      return issueHref(subject.id);
    case 'Proposal':
      return proposalHref(subject.id);
    case 'Meeting':
      return meetingHref(subject.id);
    case 'Policy':
      return '/policies';
    default:
      return null;
  }
}
