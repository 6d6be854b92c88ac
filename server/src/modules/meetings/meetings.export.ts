// Exports of a meeting for people outside the app: the agenda and the minutes as Markdown (times in
// the meeting's time zone, the minutes headed by date, time span, zone and attendees), the meeting
// as an iCalendar event (the agenda in its description, a link back, a SEQUENCE that grows with
// every change of time, title or status, and the times it was held once it has been), in the
// reader's language.
// Every piece of user text goes through export.format.ts, so it stays text in either format.
import type { FastifyInstance } from 'fastify';
import { translator } from '@council/shared/i18n';
import type { AppServices } from '../../app.js';
import type { Orm } from '../../db/orm.js';
import { idOf } from '../../graphql/ids.js';
import { SESSION_COOKIE } from '../people/auth.service.js';
import { User } from '../people/people.entity.js';
import { ActionItem, AgendaItem, Meeting } from './meetings.entity.js';
import { closedVoteOf, closedVoteResults, itemReason, type VoteResult } from './closed-votes.js';
import { localize } from './meetings.schema.js';
import { meetingPolicy } from './meetings.policy.js';
import { foldIcs, icsText, markdownBlock, markdownInline as md } from './export.format.js';
import { localeFor } from '../../graphql/context.js';

interface ExportData {
  meeting: Meeting;
  agenda: AgendaItem[];
  actions: (ActionItem & { ownerName: string })[];
  /** The names of who was invited when it started (Meeting.attendeeIds), sorted. */
  attendees: string[];
  locale: string;
  /** The results of votes the agenda reports as closed before the meeting, by proposal. */
  voteResults?: Map<string, VoteResult>;
}

/** An item's reason in the reader's language (a closed vote with its result), dates in the meeting's zone. */
const reasonOf = (item: AgendaItem, data: ExportData) => {
  const id = closedVoteOf(item);
  const { key, params } = itemReason(item, id ? data.voteResults?.get(id) : null);
  return localize(data.locale, key, params, data.meeting.timeZone);
};

const title = (i: AgendaItem, locale: string) => (i.titleKey ? translator(locale)(i.titleKey) : i.title);

function when(meeting: Meeting, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: meeting.timeZone,
    timeZoneName: 'short',
  }).format(meeting.startsAt);
}

/** The minutes' head: the date, the time span it was held (or planned), the zone, who attended. */
function minutesHead({ meeting, attendees, locale }: ExportData): string {
  const t = translator(locale);
  const timeZone = meeting.timeZone;
  const from = meeting.startedAt ?? meeting.startsAt;
  const to = meeting.closedAt ?? (meeting.startedAt ? null : new Date(meeting.startsAt.getTime() + meeting.durationMinutes * 60_000));
  const time = (d: Date) => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(d);
  const date = new Intl.DateTimeFormat(locale, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone }).format(from);
  // One paragraph, a line each (hard breaks): the only list of the minutes stays the action items.
  return [
    `**${t('meetings.export.date')}:** ${date}`,
    `**${t('meetings.export.time')}:** ${to ? t('meetings.export.span', { from: time(from), to: time(to) }) : t('meetings.export.since', { from: time(from) })} (${md(timeZone)})`,
    `**${t('meetings.export.attendees')}:** ${attendees.length ? attendees.map(md).join(', ') : t('meetings.export.noAttendees')}`,
  ].join('\\\n');
}

export function agendaMarkdown(data: ExportData): string {
  const { meeting, agenda, locale } = data;
  const t = translator(locale);
  let clock = 0;
  const lines = [`# ${md(meeting.title)}`, '', `${when(meeting, locale)} · ${t('meetings.export.duration', { minutes: meeting.durationMinutes })}`, '', `## ${t('meetings.export.agenda')}`, ''];
  agenda.forEach((item, n) => {
    lines.push(`${n + 1}. **${md(title(item, locale))}** (${t('meetings.export.minutes', { minutes: item.minutes })}, +${clock}′)`);
    // The reason's figures include names people gave (regions, dates in words).
    lines.push(`   ${md(reasonOf(item, data))}`);
    clock += item.minutes;
  });
  return lines.join('\n') + '\n';
}

export function minutesMarkdown(data: ExportData): string {
  const { meeting, agenda, actions, locale } = data;
  const t = translator(locale);
  const lines = [`# ${t('meetings.export.minutesOf', { title: md(meeting.title) })}`, '', minutesHead(data), ''];
  agenda.forEach((item, n) => {
    lines.push(`## ${n + 1}. ${md(title(item, locale))} ${item.done ? '✓' : `(${t('meetings.export.notDone')})`}`, '');
    // A vote closed before the meeting is part of the record with its result.
    if (closedVoteOf(item)) lines.push(md(reasonOf(item, data)), '');
    // Notes are Markdown in the app; here they read as typed, their marks shown, not obeyed.
    if (item.notes) lines.push(markdownBlock(item.notes), '');
    if (item.outcome) lines.push(`**${t('meetings.export.outcome')}:** ${markdownBlock(item.outcome)}`, '');
  });
  lines.push(`## ${t('meetings.export.actionItems')}`, '');
  if (!actions.length) lines.push(t('meetings.export.noActionItems'), '');
  for (const a of actions) {
    const due = a.dueOn ? ` — ${new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: meeting.timeZone }).format(a.dueOn)}` : '';
    lines.push(`- [${a.status === 'DONE' ? 'x' : ' '}] ${md(a.title)} (${md(a.ownerName)})${due}`);
  }
  return lines.join('\n') + '\n';
}

/** The iCalendar event; `meetingUrl` is the meeting's page (PUBLIC_URL + its path). */
export async function meetingIcs({ meeting, agenda, locale }: ExportData, host: string, meetingUrl: string): Promise<string> {
  // Loaded when a calendar file is asked for, not at every start.
  const { createEvent } = await import('ics');
  const t = translator(locale);
  // Once held, the event shows when it was held; until then, when it is planned.
  const s = meeting.startedAt ?? meeting.startsAt;
  const minutes = meeting.startedAt && meeting.closedAt ? Math.max(1, Math.round((meeting.closedAt.getTime() - meeting.startedAt.getTime()) / 60_000)) : meeting.durationMinutes;
  const { error, value } = createEvent({
    uid: `meeting-${meeting.id}@${host.replace(/[^a-z0-9.-]/gi, '') || 'council'}`,
    productId: 'council/meetings',
    title: icsText(meeting.title),
    start: [s.getUTCFullYear(), s.getUTCMonth() + 1, s.getUTCDate(), s.getUTCHours(), s.getUTCMinutes()],
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes },
    description: icsText([t('meetings.export.agenda'), ...agenda.map((i, n) => `${n + 1}. ${icsText(title(i, locale))} (${i.minutes}′)`), '', meetingUrl].join('\n'), { multiline: true }),
    url: meetingUrl,
    // Called off: cancelled (with the SEQUENCE cancelling bumped, calendars replace their copy). A
    // draft agenda is tentative; published, running or held, the meeting is confirmed (it is
    // closed once held, with the held times above).
    status: meeting.status === 'CANCELLED' ? 'CANCELLED' : meeting.agendaPublishedAt || meeting.status !== 'PLANNED' ? 'CONFIRMED' : 'TENTATIVE',
    sequence: meeting.sequence,
  });
  if (error || !value) throw error ?? new Error('could not build the calendar event');
  return foldIcs(value);
}

/** GET /export/meetings/:id/{agenda.md,minutes.md,meeting.ics}, for signed-in people. */
export function registerMeetingExports(app: FastifyInstance, orm: Orm, services: AppServices): void {
  app.get<{ Params: { id: string; file: string } }>('/export/meetings/:id/:file', async (req, reply) => {
    const em = orm.em.fork();
    const viewer = await services.auth.viewerFor(em, req.cookies[SESSION_COOKIE]);
    if (!viewer) return reply.status(401).send({ error: 'UNAUTHENTICATED' });
    let id = '';
    try {
      id = idOf(req.params.id, 'Meeting');
    } catch {
      // not a meeting id
    }
    const meeting = id ? await em.findOne(Meeting, id) : null;
    const globalId = Buffer.from(`Meeting:${id}`).toString('base64');
    if (!meeting) return reply.status(404).send({ error: 'NOT_FOUND' });
    const user = viewer.user as User;
    // Every export shows the agenda: unreadable as a draft to all but its facilitators, as in the API.
    if (!meetingPolicy.can(user, 'readAgenda', meeting)) return reply.status(404).send({ error: 'NOT_FOUND' });
    const locale = localeFor(user, req);
    const [agenda, actions] = await Promise.all([
      em.find(AgendaItem, { meeting, scheduled: true }, { orderBy: { position: 'asc' } }),
      em.find(ActionItem, { meeting }, { orderBy: { createdAt: 'asc' }, populate: ['owner'] }),
    ]);
    const invited = meeting.attendeeIds?.length ? await em.find(User, { id: { $in: meeting.attendeeIds } }, { fields: ['name'] }) : [];
    const attendees = invited.map((u) => u.name).sort((a, b) => a.localeCompare(b, locale));
    const voteResults = await closedVoteResults(em, agenda.map(closedVoteOf).filter((id) => id != null));
    const data: ExportData = { meeting, agenda, actions: actions.map((a) => Object.assign(a, { ownerName: a.owner.name })), attendees, locale, voteResults };
    const slug = meeting.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'meeting';
    switch (req.params.file) {
      case 'agenda.md':
        return reply.type('text/markdown; charset=utf-8').header('content-disposition', `attachment; filename="${slug}-agenda.md"`).send(agendaMarkdown(data));
      case 'minutes.md':
        if (meeting.status === 'PLANNED' || meeting.status === 'CANCELLED') return reply.status(409).send({ error: 'CONFLICT' });
        return reply.type('text/markdown; charset=utf-8').header('content-disposition', `attachment; filename="${slug}-minutes.md"`).send(minutesMarkdown(data));
      case 'meeting.ics':
        return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="${slug}.ics"`).send(await meetingIcs(data, req.hostname.split(':')[0] || 'council', `${services.config.mail.publicUrl}/meetings/${encodeURIComponent(globalId)}`));
      default:
        return reply.status(404).send({ error: 'NOT_FOUND' });
    }
  });
}
