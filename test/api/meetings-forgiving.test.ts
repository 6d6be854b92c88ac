// Meetings that forgive and keep the record (issue #12): one running meeting at a time (also when
// two facilitators start two meetings at the same instant), "Finish & next" against "Skip",
// reopening a meeting closed by mistake on its day (audited; refused the next day, to
// coordinators, and once a later agenda was built from it), minutes editable after closing, and
// the exports: minutes in the meeting's time zone with its attendees, an .ics with URL, a SEQUENCE
// that grows with each change of status, and the held times once held. Cancelling a planned
// meeting: CANCELLED in the .ics with SEQUENCE bumped, audited with its reason, no longer next,
// startable or editable; a start and a cancel at once: exactly one wins.
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { People, type Client } from '../support/client.js';
import * as f from '../support/factories.js';
import { gid } from '../support/ids.js';
import { AuditEvent } from '../../server/src/modules/audit/audit.entity.js';
import { Meeting } from '../../server/src/modules/meetings/meetings.entity.js';
import { Notification } from '../../server/src/modules/notifications/notifications.entity.js';
import { closeMeeting, reopenMeeting, startMeeting } from '../../server/src/modules/meetings/meetings.service.js';
import type { User } from '../../server/src/modules/people/people.entity.js';

let t: TestApp;
let people: People;
let facA: User;
let facB: User;
let coord: User;

const DAY = 86_400_000;
const rawId = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1]!;

beforeAll(async () => {
  t = await startTestApp({ sweepIntervalMs: 0, env: { PUBLIC_URL: 'https://council.example.com' } });
  people = new People(t.app);
  const em = t.orm.em.fork();
  const saigon = await f.region(em, { name: 'Southeast Asia', timeZone: 'Asia/Ho_Chi_Minh' });
  facA = await f.user(em, { region: saigon, roles: ['FACILITATOR', 'COORDINATOR'], name: 'Anh Facilitator' });
  facB = await f.user(em, { region: saigon, roles: ['FACILITATOR', 'COORDINATOR'], name: 'Bao Facilitator' });
  coord = await f.user(em, { region: saigon, name: 'Chi Coordinator' });
  for (let i = 0; i < 3; i++) await f.issue(em, coord, { title: `A shared problem ${i}` });
});
afterAll(() => t.close());


async function planned(c: Client, title: string, startsAt = new Date(Date.now() + 3_600_000)): Promise<{ id: string; agenda: { id: string; done: boolean }[] }> {
  const m = (await c.ok(`mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`, {
    input: { title, startsAt: startsAt.toISOString(), durationMinutes: 60 },
  })).scheduleMeeting;
  return (await c.ok(`mutation($id: ID!) { generateAgenda(meetingId: $id) { id agenda { id done } } }`, { id: m.id })).generateAgenda;
}

const start = (c: Client, id: string) => c.gql(`mutation($id: ID!) { startMeeting(meetingId: $id) { id status } }`, { id });
const close = (c: Client, id: string) => c.ok(`mutation($id: ID!) { closeMeeting(meetingId: $id) { id status } }`, { id });
const audits = (action: string, subjectId: string) => t.orm.em.fork().find(AuditEvent, { action, subjectId });

describe('one running meeting at a time', () => {
  it('refuses to start a second meeting, naming the running one; once it is closed the second starts', async () => {
    const a = await people.as(facA);
    const b = await people.as(facB);
    const first = await planned(a, 'First running meeting');
    const second = await planned(b, 'Second meeting');
    expect((await start(a, first.id)).data?.startMeeting.status).toBe('IN_PROGRESS');
    const refused = await start(b, second.id);
    expect(refused.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(refused.errors?.[0].message).toContain('First running meeting');
    expect(refused.errors?.[0].extensions?.meetingId).toBe(first.id);
    const row = await t.orm.em.fork().findOneOrFail(Meeting, rawId(second.id));
    expect(row.status).toBe('PLANNED');
    await close(a, first.id);
    expect((await start(b, second.id)).data?.startMeeting.status).toBe('IN_PROGRESS');
    await close(b, second.id);
  });

  it('two facilitators starting two meetings at the same instant: exactly one runs, the other is CONFLICT', async () => {
    const a = await people.as(facA);
    const b = await people.as(facB);
    const ma = await planned(a, 'Race meeting A');
    const mb = await planned(b, 'Race meeting B');
    const results = await Promise.all([start(a, ma.id), start(b, mb.id)]);
    expect(results.filter((r) => r.data?.startMeeting?.status === 'IN_PROGRESS')).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(1);
    const rows = await t.orm.em.fork().find(Meeting, { status: 'IN_PROGRESS' });
    expect(rows).toHaveLength(1);
    const winner = results.findIndex((r) => r.data?.startMeeting?.status === 'IN_PROGRESS');
    await close(winner === 0 ? a : b, winner === 0 ? ma.id : mb.id);
  });
});

describe('Finish & next, Skip', () => {
  it('"Finish & next" marks the item left done; "Skip" leaves it unfinished, so only skipped items carry over', async () => {
    const a = await people.as(facA);
    const m = await planned(a, 'Finish and next');
    await start(a, m.id);
    const move = (finishCurrent: boolean) =>
      a.ok(`mutation($id: ID!, $f: Boolean) { setCurrentAgendaItem(meetingId: $id, finishCurrent: $f) { agenda { id done } currentItem { id } } }`, { id: m.id, f: finishCurrent });
    let now = (await move(true)).setCurrentAgendaItem;
    expect(now.agenda[0].done).toBe(true);
    expect(now.currentItem.id).toBe(m.agenda[1].id);
    now = (await move(false)).setCurrentAgendaItem;
    expect(now.agenda[1].done).toBe(false);
    expect(now.currentItem.id).toBe(m.agenda[2].id);
    const closed = (await a.ok(`mutation($id: ID!) { closeMeeting(meetingId: $id) { agenda { id done } } }`, { id: m.id })).closeMeeting;
    expect(closed.agenda.slice(0, 2).map((i: { done: boolean }) => i.done)).toEqual([true, false]);
    const [event] = await audits('meeting.closed', rawId(m.id));
    expect(event.after).toMatchObject({ status: 'CLOSED' });
  });

  const moveFrom = (c: Client, id: string, to: string, from: string | null, finishCurrent = true) =>
    c.gql(
      `mutation($id: ID!, $to: ID, $from: ID, $f: Boolean) { setCurrentAgendaItem(meetingId: $id, itemId: $to, fromItemId: $from, finishCurrent: $f) { agenda { id done } currentItem { id } } }`,
      { id, to, from, f: finishCurrent },
    );

  it('a move sent from an item the meeting has left (a double tap, a retry) is CONFLICT and changes nothing', async () => {
    const a = await people.as(facA);
    const m = await planned(a, 'Double tap');
    await start(a, m.id);
    const [first, second, third] = m.agenda;
    expect((await moveFrom(a, m.id, second.id, first.id)).errors).toBeUndefined();
    // The same tap again: "Finish & next" from the first item, which is no longer current.
    const again = await moveFrom(a, m.id, third.id, first.id);
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(again.errors?.[0].message).toContain('moved on');
    // "Skip" sent late is refused too; with no fromItemId the old behaviour stays.
    expect((await moveFrom(a, m.id, third.id, first.id, false)).errors?.[0].extensions?.code).toBe('CONFLICT');
    const now = (await a.ok(`query($id: ID!) { node(id: $id) { ... on Meeting { agenda { id done } currentItem { id } } } }`, { id: m.id })).node;
    expect(now.currentItem.id).toBe(second.id);
    expect(now.agenda.slice(0, 3).map((i: { done: boolean }) => i.done)).toEqual([true, false, false]);
    expect(await audits('meeting.itemStarted', rawId(m.id))).toHaveLength(1);
    await close(a, m.id);
  });

  it('two facilitators pressing "Finish & next" on the same item at once: one moves on, the other is CONFLICT', async () => {
    const [a, bClient] = [await people.as(facA), await people.as(facB)];
    const m = await planned(a, 'Two hands');
    await start(a, m.id);
    const [first, second, third] = m.agenda;
    const results = await Promise.all([moveFrom(a, m.id, second.id, first.id), moveFrom(bClient, m.id, second.id, first.id), moveFrom(bClient, m.id, third.id, first.id)]);
    const codes = results.map((r) => r.errors?.[0].extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'CONFLICT', 'OK']);
    const now = (await a.ok(`query($id: ID!) { node(id: $id) { ... on Meeting { agenda { id done } currentItem { id } } } }`, { id: m.id })).node;
    expect([second.id, third.id]).toContain(now.currentItem.id);
    // Only the item both saw was finished; nothing else moved.
    expect(now.agenda.slice(0, 3).map((i: { done: boolean }) => i.done)).toEqual([true, false, false]);
    expect(await audits('meeting.itemStarted', rawId(m.id))).toHaveLength(1);
    await close(a, m.id);
  });
});

describe('reopening a meeting closed by mistake', () => {
  it('the facilitator reopens it the same day: it runs again at the item it was on, audited', async () => {
    const a = await people.as(facA);
    const m = await planned(a, 'Closed by mistake');
    await start(a, m.id);
    await a.ok(`mutation($id: ID!) { setCurrentAgendaItem(meetingId: $id) { id } }`, { id: m.id });
    const closed = (await a.ok(`mutation($id: ID!) { closeMeeting(meetingId: $id) { status viewerCanReopen } }`, { id: m.id })).closeMeeting;
    expect(closed.viewerCanReopen).toBe(true);
    const c = await people.as(coord);
    expect(await c.code(`mutation($id: ID!) { reopenMeeting(meetingId: $id) { id } }`, { id: m.id })).toBe('FORBIDDEN');
    expect((await c.ok(`query($id: ID!) { node(id: $id) { ... on Meeting { viewerCanReopen } } }`, { id: m.id })).node.viewerCanReopen).toBe(false);
    const reopened = (await a.ok(`mutation($id: ID!) { reopenMeeting(meetingId: $id) { status closedAt currentItem { id } } }`, { id: m.id })).reopenMeeting;
    expect(reopened).toEqual({ status: 'IN_PROGRESS', closedAt: null, currentItem: { id: m.agenda[1].id } });
    const [event] = await audits('meeting.reopened', rawId(m.id));
    expect(event.actor?.id).toBe(facA.id);
    expect(event.after).toEqual({ status: 'IN_PROGRESS' });
    // Reopening is not for a meeting that is not closed.
    expect(await a.code(`mutation($id: ID!) { reopenMeeting(meetingId: $id) { id } }`, { id: m.id })).toBe('CONFLICT');
    await close(a, m.id);
  });

  it('the next day (in the meeting\'s time zone) it is CONFLICT and nothing changes', async () => {
    const a = await people.as(facA);
    const m = await planned(a, 'Closed yesterday');
    const id = rawId(m.id);
    // Closed at 23:30 in Ho Chi Minh City (16:30 UTC); 00:30 there (17:30 UTC) is the next day.
    const closedAt = new Date(Date.UTC(2030, 0, 10, 16, 30));
    await startMeeting(t.orm.em.fork(), facA, id, new Date(closedAt.getTime() - 3_600_000));
    await closeMeeting(t.orm.em.fork(), facA, id, closedAt);
    await expect(reopenMeeting(t.orm.em.fork(), facA, id, new Date(closedAt.getTime() + 3_600_000))).rejects.toMatchObject({ code: 'CONFLICT', messageKey: 'meetings.errors.reopenTooLate' });
    expect((await t.orm.em.fork().findOneOrFail(Meeting, id)).status).toBe('CLOSED');
    expect(await audits('meeting.reopened', id)).toHaveLength(0);
    // 20 minutes later is still the same local day.
    const again = await reopenMeeting(t.orm.em.fork(), facA, id, new Date(closedAt.getTime() + 20 * 60_000));
    expect(again.status).toBe('IN_PROGRESS');
    await closeMeeting(t.orm.em.fork(), facA, id, new Date(closedAt.getTime() + 25 * 60_000));
  });

  it('is refused once the next meeting\'s agenda was built from its unfinished items', async () => {
    const a = await people.as(facA);
    const m = await planned(a, 'Carried over already', new Date(Date.now() - 60_000));
    await start(a, m.id);
    await close(a, m.id);
    const next = await planned(a, 'The one after', new Date(Date.now() + 7 * DAY));
    expect(next.agenda.length).toBeGreaterThan(0);
    const refused = await a.gql(`mutation($id: ID!) { reopenMeeting(meetingId: $id) { id } }`, { id: m.id });
    expect(refused.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await t.orm.em.fork().findOneOrFail(Meeting, rawId(m.id))).status).toBe('CLOSED');
  });
});

describe('minutes after closing', () => {
  it('the facilitator edits notes and outcomes (audited); titles, time boxes and "done" stay; coordinators may not', async () => {
    const a = await people.as(facA);
    const m = await planned(a, 'Minutes to correct');
    await start(a, m.id);
    await close(a, m.id);
    const item = m.agenda[1].id;
    const edit = (c: Client, input: Record<string, unknown>) => c.gql(`mutation($id: ID!, $input: UpdateAgendaItemInput!) { updateAgendaItem(itemId: $id, input: $input) { notes outcome done } }`, { id: item, input });
    const ok = await edit(a, { notes: 'Corrected: Finance joined.', outcome: 'Daily refunds drafted.' });
    expect(ok.data?.updateAgendaItem).toEqual({ notes: 'Corrected: Finance joined.', outcome: 'Daily refunds drafted.', done: false });
    const [event] = await audits('meeting.minutesEdited', rawId(m.id));
    expect(event.before).toMatchObject({ notes: null, outcome: null });
    expect(event.after).toMatchObject({ notes: 'Corrected: Finance joined.', outcome: 'Daily refunds drafted.' });
    expect((await edit(a, { title: 'Renamed afterwards' })).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await edit(a, { done: true })).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await edit(await people.as(coord), { notes: 'Mine' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const row = await a.ok(`query($id: ID!) { node(id: $id) { ... on Meeting { viewerCanEditMinutes agenda { id notes done } } } }`, { id: m.id });
    expect(row.node.viewerCanEditMinutes).toBe(true);
    expect(row.node.agenda[1]).toEqual({ id: item, notes: 'Corrected: Finance joined.', done: false });
  });
});

describe('exports', () => {
  it('minutes.md is in the meeting\'s time zone, dated, with the time span and the attendees', async () => {
    const a = await people.as(facA);
    const startsAt = new Date(Date.UTC(2030, 2, 4, 2, 0));
    const m = await planned(a, 'Zoned meeting', startsAt);
    const id = rawId(m.id);
    await startMeeting(t.orm.em.fork(), facA, id, new Date(Date.UTC(2030, 2, 4, 2, 5)));
    await closeMeeting(t.orm.em.fork(), facA, id, new Date(Date.UTC(2030, 2, 4, 3, 10)));
    const md = (await a.get(`/export/meetings/${m.id}/minutes.md`)).body;
    // 02:05–03:10 UTC is 09:05–10:10 in Ho Chi Minh City (UTC+7), on Monday 4 March 2030.
    expect(md).toContain('**Date:** Monday, March 4, 2030');
    expect(md).toContain('**Time:** 09:05 AM to 10:10 AM (Asia/Ho\\_Chi\\_Minh)');
    expect(md).toMatch(/\*\*Attendees \(invited\):\*\* .*Anh Facilitator.*Bao Facilitator.*Chi Coordinator/);
    const agenda = (await a.get(`/export/meetings/${m.id}/agenda.md`)).body;
    expect(agenda).toContain('09:00 AM GMT+7');
  });

  it('meeting.ics links back, is tentative until published, and its SEQUENCE grows with publishing and each change of status', async () => {
    const a = await people.as(facA);
    const m = await planned(a, 'Calendar meeting');
    const event = async () => {
      const res = await a.get(`/export/meetings/${m.id}/meeting.ics`);
      expect(res.status).toBe(200);
      return new ICAL.Component(ICAL.parse(res.body)).getFirstSubcomponent('vevent')!;
    };
    let e = await event();
    expect(e.getFirstPropertyValue('url')).toBe(`https://council.example.com/meetings/${encodeURIComponent(m.id)}`);
    expect(e.getFirstPropertyValue('status')).toBe('TENTATIVE');
    expect(e.getFirstPropertyValue('sequence')).toBe(0);
    await a.ok(`mutation($id: ID!) { publishAgenda(meetingId: $id) { id } }`, { id: m.id });
    e = await event();
    expect(e.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(e.getFirstPropertyValue('sequence')).toBe(1);
    await start(a, m.id);
    e = await event();
    expect(e.getFirstPropertyValue('sequence')).toBe(2);
    const startedAt = (await t.orm.em.fork().findOneOrFail(Meeting, rawId(m.id))).startedAt!;
    expect((e.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().getTime()).toBe(Math.floor(startedAt.getTime() / 60_000) * 60_000);
    await close(a, m.id);
    e = await event();
    expect(e.getFirstPropertyValue('sequence')).toBe(3);
    await a.ok(`mutation($id: ID!) { reopenMeeting(meetingId: $id) { id } }`, { id: m.id });
    expect((await event()).getFirstPropertyValue('sequence')).toBe(4);
    await close(a, m.id);
  });

  it('the meeting records its time zone and attendees for the web', async () => {
    const a = await people.as(facA);
    const m = await planned(a, 'Attended meeting');
    await start(a, m.id);
    const node = (await a.ok(`query($id: ID!) { node(id: $id) { ... on Meeting { timeZone attendees { id name } } } }`, { id: m.id })).node;
    expect(node.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(node.attendees.map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining([gid('User', facA.id), gid('User', coord.id)]));
    await close(a, m.id);
  });
});

describe('cancelling a planned meeting', () => {
  const cancel = (c: Client, id: string, reason?: string) =>
    c.gql(`mutation($id: ID!, $reason: String) { cancelMeeting(meetingId: $id, reason: $reason) { id status viewerCanCancel } }`, { id, reason });

  it('facilitators cancel it with a reason: CANCELLED, audited, SEQUENCE bumped, .ics CANCELLED; nothing planned-only works on it any more', async () => {
    const a = await people.as(facA);
    const c = await people.as(coord);
    const m = await planned(a, 'Meeting that will not happen', new Date(Date.now() + 10 * 60_000));
    await a.ok(`mutation($id: ID!) { publishAgenda(meetingId: $id) { id } }`, { id: m.id });
    const can = `query($id: ID!) { node(id: $id) { ... on Meeting { viewerCanCancel } } }`;
    expect((await a.ok(can, { id: m.id })).node.viewerCanCancel).toBe(true);
    expect((await c.ok(can, { id: m.id })).node.viewerCanCancel).toBe(false);
    expect((await cancel(c, m.id)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // A reason too long is refused and writes nothing.
    expect((await cancel(a, m.id, 'x'.repeat(501))).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.orm.em.fork().findOneOrFail(Meeting, rawId(m.id))).status).toBe('PLANNED');

    const done = await cancel(a, m.id, '  Not enough   items to discuss ');
    expect(done.errors).toBeUndefined();
    expect(done.data?.cancelMeeting).toMatchObject({ status: 'CANCELLED', viewerCanCancel: false });
    const row = await t.orm.em.fork().findOneOrFail(Meeting, rawId(m.id));
    expect(row.sequence).toBe(2);
    const [event] = await audits('meeting.cancelled', rawId(m.id));
    expect(event.actor?.id).toBe(facA.id);
    expect(event.after).toMatchObject({ status: 'CANCELLED', reason: 'Not enough items to discuss' });
    // Attendees are told, with the reason; the one who cancelled is not.
    const told = await t.orm.em.fork().find(Notification, { kind: 'MEETING_CANCELLED', subjectId: rawId(m.id) }, { populate: ['user'] });
    expect(told.map((n) => n.user.id)).toEqual(expect.arrayContaining([coord.id, facB.id]));
    expect(told.map((n) => n.user.id)).not.toContain(facA.id);
    expect(told[0]).toMatchObject({ messageKey: 'reach.message.MEETING_CANCELLED_REASON', params: { title: 'Meeting that will not happen', reason: 'Not enough items to discuss' } });

    const res = await a.get(`/export/meetings/${m.id}/meeting.ics`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('STATUS:CANCELLED');
    const vevent = new ICAL.Component(ICAL.parse(res.body)).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(vevent.getFirstPropertyValue('sequence')).toBe(2);
    // Attendees read what was published; a cancelled meeting has no minutes.
    expect((await c.get(`/export/meetings/${m.id}/meeting.ics`)).status).toBe(200);
    expect((await a.get(`/export/meetings/${m.id}/minutes.md`)).status).toBe(409);

    // Once cancelled: not again, not started, not regenerated or republished, agenda frozen.
    const again = await cancel(a, m.id);
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(again.errors?.[0].message).toBe('Only a meeting that has not started can be cancelled.');
    const started = await start(a, m.id);
    expect(started.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(started.errors?.[0].message).toBe('This meeting was cancelled.');
    expect(await a.code(`mutation($id: ID!) { generateAgenda(meetingId: $id) { id } }`, { id: m.id })).toBe('CONFLICT');
    expect(await a.code(`mutation($id: ID!) { publishAgenda(meetingId: $id) { id } }`, { id: m.id })).toBe('CONFLICT');
    expect(await a.code(`mutation($id: ID!) { addAgendaItem(meetingId: $id, title: "Late item", minutes: 5) { id } }`, { id: m.id })).toBe('CONFLICT');
    expect((await t.orm.em.fork().findOneOrFail(Meeting, rawId(m.id))).sequence).toBe(2);

    // Not the next meeting; listed among the upcoming ones as cancelled; never "the previous meeting".
    const home = (await c.ok(`{ home { summary { nextMeeting { id } } } }`)).home;
    expect(home.summary.nextMeeting?.id).not.toBe(m.id);
    const list = await c.ok(`{ upcoming: meetings(upcoming: true) { id status } past: meetings(upcoming: false) { id } }`);
    expect(list.upcoming).toContainEqual({ id: m.id, status: 'CANCELLED' });
    expect(list.past.map((x: { id: string }) => x.id)).not.toContain(m.id);
    const later = await planned(a, 'Meeting after the cancelled one', new Date(Date.now() + 20 * 60_000));
    const previous = (await a.ok(`query($id: ID!) { node(id: $id) { ... on Meeting { previousMeeting { id } } } }`, { id: later.id })).node.previousMeeting;
    expect(previous?.id).not.toBe(m.id);
    await cancel(a, later.id);
  });

  it('a start and a cancel at the same time by two facilitators: exactly one wins, the other is CONFLICT', async () => {
    const a = await people.as(facA);
    const b = await people.as(facB);
    const m = await planned(a, 'Started or cancelled');
    const [started, cancelled] = await Promise.all([start(a, m.id), cancel(b, m.id, 'Raced')]);
    const wins = [started.data?.startMeeting?.status === 'IN_PROGRESS', cancelled.data?.cancelMeeting?.status === 'CANCELLED'];
    expect(wins.filter(Boolean)).toHaveLength(1);
    const loser = wins[0] ? cancelled : started;
    expect(loser.errors?.[0].extensions?.code).toBe('CONFLICT');
    const row = await t.orm.em.fork().findOneOrFail(Meeting, rawId(m.id));
    expect(row.status).toBe(wins[0] ? 'IN_PROGRESS' : 'CANCELLED');
    expect(row.runningSlot).toBe(wins[0] ? 'running' : null);
    // Publish was never called: generate leaves sequence 0; the winner bumped it once.
    expect(row.sequence).toBe(1);
    expect(await audits(wins[0] ? 'meeting.cancelled' : 'meeting.started', rawId(m.id))).toHaveLength(0);
    if (wins[0]) await close(a, m.id);
  });
});
