// Who may do what with meetings: facilitators run them (schedule, plan and publish the agenda, run
// and close the meeting, assign action items); an action item's owner may tick it; a draft agenda
// is the facilitators' until it is published or the meeting starts; who takes part in meetings
// (and hears about published agendas). The one place these rules live.
import { readsWorkspace } from '../departments/departments.policy.js';
import { conflict, definePolicy, forbidden } from '../../policy.js';
import type { User } from '../people/people.entity.js';
import type { ActionItem, Meeting } from './meetings.entity.js';
import { hasRole } from '../people/people.policy.js';

const facilitates = (user: User) => hasRole(user, 'FACILITATOR');
const facilitatorOnly = (user: User) => (facilitates(user) ? null : forbidden('errors.facilitatorOnly'));

/** Who may plan, run, close or cancel a meeting (the `manage` rule). */
const manages = (user: User, _meeting: Meeting) => facilitatorOnly(user);

/** The calendar day of `at` in `timeZone` (YYYY-MM-DD). */
export const localDay = (at: Date, timeZone: string): string => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

export const meetingPolicy = definePolicy({
  schedule: facilitatorOnly,
  /** Plan, publish, run and close a meeting; assign its action items. */
  manage: (user: User, meeting: Meeting) => manages(user, meeting),
  /** The agenda's items, wherever they show (the agenda, action items, exports, live updates). */
  readAgenda: (user: User, meeting: Meeting) => {
    // Meetings are the council's: not for a department's contact (departments.policy).
    if (!readsWorkspace(user)) return forbidden('departments.errors.referredOnly');
    return meeting.agendaPublishedAt || meeting.status === 'IN_PROGRESS' || meeting.status === 'CLOSED' || facilitates(user) ? null : forbidden('errors.facilitatorOnly');
  },
  /**
   * Reopen a meeting closed by mistake: its facilitators, on the day it was closed in the meeting's
   * time zone (afterwards the minutes are the record; they stay editable, see editMinutes).
   */
  reopen: (user: User, { meeting, now }: { meeting: Meeting; now: Date }) =>
    facilitatorOnly(user) ??
    (meeting.status !== 'CLOSED' || !meeting.closedAt
      ? conflict('meetings.errors.notClosed')
      : localDay(meeting.closedAt, meeting.timeZone) !== localDay(now, meeting.timeZone)
        ? conflict('meetings.errors.reopenTooLate')
        : null),
  /**
   * Call off a planned meeting (its calendar event becomes CANCELLED): the people who manage it,
   * before it starts; a running, held or already cancelled meeting is CONFLICT.
   */
  cancel: (user: User, meeting: Meeting) =>
    manages(user, meeting) ?? (meeting.status !== 'PLANNED' ? conflict('meetings.errors.cancelNotPlanned') : null),
  /** The minutes of a closed meeting (items' notes and outcomes): its facilitators keep them right. */
  editMinutes: (user: User, _meeting: Meeting) => facilitatorOnly(user),
  /** Change an action item's title, due date or owner. */
  editActionItem: (user: User, _item: ActionItem) => facilitatorOnly(user),
  /** Mark an action item done (or open again): its owner too. */
  setActionItemStatus: (user: User, item: ActionItem) => (item.owner.id === user.id ? null : facilitatorOnly(user)),
  /** The installation's default time box per kind of agenda item. */
  setTimeboxes: (user: User) => (hasRole(user, 'ADMIN') || facilitates(user) ? null : forbidden('errors.facilitatorOnly')),
  /** Takes part in meetings or reads them: told when an agenda is published. */
  attend: (user: User) => (hasRole(user, 'COORDINATOR') || facilitates(user) || hasRole(user, 'EXECUTIVE') ? null : forbidden()),
});

export type MeetingAction = keyof typeof meetingPolicy.rules;
