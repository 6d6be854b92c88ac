// Meetings over HTTP: schedule, generate an explained agenda that fits, edit it, publish it
// (attendees notified, later edits shown as changes), run and close the meeting, carry-over,
// action items, exports (Markdown, iCalendar parsed by ical.js), and every refusal.
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { Client, People } from '../support/client.js';
import { writesNothing as writesNothingIn } from '../support/db.js';
import * as f from '../support/factories.js';
import { gid } from '../support/ids.js';
import { supportIssue } from '../../server/src/modules/issues/issues.service.js';
import type { Region, User } from '../../server/src/modules/people/people.entity.js';

let t: TestApp;
let regions: Region[];
let coord: User[];
let fac: User;
let exec: User;
let people: People;

beforeAll(async () => {
  t = await startTestApp({ sweepIntervalMs: 0 });
  people = new People(t.app);
  const em = t.orm.em.fork();
  regions = [];
  for (let i = 0; i < 4; i++) regions.push(await f.region(em, { name: `Zone ${i}` }));
  coord = [];
  for (let i = 0; i < 4; i++) coord.push(await f.user(em, { region: regions[i] }));
  fac = await f.user(em, { region: regions[1], roles: ['FACILITATOR', 'COORDINATOR'] });
  exec = await f.user(em, { region: null, roles: ['EXECUTIVE'] });
  // Six issues: the broad one raised long ago must rank first.
  const broad = await f.issue(em, coord[0], { title: 'Refunds wait for the weekly finance batch' }, new Date(Date.now() - 80 * 86_400_000));
  for (const k of [1, 2, 3]) await supportIssue(em, coord[k], broad.id, null, new Date(Date.now() - 30 * 86_400_000));
  for (let i = 0; i < 5; i++) await f.issue(em, coord[i % 4], { title: `Smaller shared problem ${i}` });
});
afterAll(() => t.close());

const as = (u: User) => people.as(u);

const writesNothing = (act: () => Promise<unknown>) => writesNothingIn(t.orm.em, act);

const M = `id title startsAt status durationMinutes plannedMinutes agendaPublishedAt
  agenda { id position kind title minutes reason done notes outcome subject { id ... on Issue { title } ... on Proposal { title } } }
  unscheduled { id kind title minutes reason }
  changesSincePublication { kind title detail } currentItem { id title } actionItems { title owner { id } status }`;
const SCHEDULE = `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { ${M} } }`;
const GENERATE = `mutation($id: ID!) { generateAgenda(meetingId: $id) { ${M} } }`;
const PUBLISH = `mutation($id: ID!) { publishAgenda(meetingId: $id) { ${M} } }`;
const MOVE = `mutation($item: ID!, $pos: Int!) { moveAgendaItem(itemId: $item, position: $pos) { ${M} } }`;
const SWAP = `mutation($item: ID!, $replace: ID) { scheduleAgendaItem(itemId: $item, replaceItemId: $replace) { ${M} } }`;
const GET = `query($id: ID!) { node(id: $id) { ... on Meeting { ${M} } } }`;
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

async function schedule(title: string, minutes = 60, days = 7) {
  return (await (await as(fac)).ok(SCHEDULE, { input: { title, startsAt: inDays(days), durationMinutes: minutes } })).scheduleMeeting;
}

describe('agenda', () => {
  it('generates an agenda that fits, opens and closes with the fixed slots, explains every item, lists what did not fit, and is the same twice', async () => {
    const m = await schedule('November coordinators meeting', 60);
    const a = (await (await as(fac)).ok(GENERATE, { id: m.id })).generateAgenda;
    expect(a.agenda[0].kind).toBe('OPENING');
    expect(a.agenda.at(-1).kind).toBe('CLOSING');
    expect(a.plannedMinutes).toBeLessThanOrEqual(60);
    expect(a.agenda.reduce((s: number, i: any) => s + i.minutes, 0)).toBe(a.plannedMinutes);
    expect(a.agenda[1]).toMatchObject({ kind: 'ISSUE', subject: { title: 'Refunds wait for the weekly finance batch' } });
    expect(a.agenda[1].reason).toBe('Supported by 3 coordinators in 4 of 4 regions; raised 80 days ago and not yet discussed in a meeting.');
    expect(a.agenda[0].title).toBe('Welcome and how we work');
    expect([...a.agenda, ...a.unscheduled].every((i: any) => i.reason.length > 10 && !i.reason.startsWith('meetings.'))).toBe(true);
    expect(a.unscheduled.length).toBeGreaterThan(0); // 6 issues × 10 min do not fit in 50
    const again = (await (await as(fac)).ok(GENERATE, { id: m.id })).generateAgenda;
    const shape = (x: any) => [...x.agenda, ...x.unscheduled].map((i: any) => [i.kind, i.title, i.minutes, i.reason]);
    expect(shape(again)).toEqual(shape(a));
  });

  it('explains items in the viewer\'s language', async () => {
    const m = await schedule('Reunión de coordinación', 30);
    await (await as(fac)).ok(GENERATE, { id: m.id });
    await (await as(fac)).ok(PUBLISH, { id: m.id });
    const c = await new Client(t.app).signIn(coord[2].email);
    await c.ok(`mutation { setLocale(locale: "es") { locale } }`);
    const seen = (await c.ok(GET, { id: m.id })).node;
    expect(seen.agenda.at(-1)).toMatchObject({ title: 'Tareas y próximos pasos', reason: 'Punto fijo: acordar tareas, responsables y plazos.' });
  });

  it('lets the facilitator reorder, swap in, add, retime and remove items; publishing notifies attendees and freezes a copy', async () => {
    const facC = await as(fac);
    const m = await schedule('December coordinators meeting', 45);
    let a = (await facC.ok(GENERATE, { id: m.id })).generateAgenda;
    const issueItem = a.agenda[1];
    a = (await facC.ok(MOVE, { item: issueItem.id, pos: 2 })).moveAgendaItem;
    expect(a.agenda[2].id).toBe(issueItem.id);
    const candidate = a.unscheduled[0];
    a = (await facC.ok(SWAP, { item: candidate.id, replace: issueItem.id })).scheduleAgendaItem;
    expect(a.agenda.map((i: any) => i.id)).toContain(candidate.id);
    expect(a.unscheduled[0].id).toBe(issueItem.id);

    a = (await facC.ok(PUBLISH, { id: m.id })).publishAgenda;
    expect(a.agendaPublishedAt).not.toBeNull();
    expect(a.changesSincePublication).toEqual([]);
    const note = (await (await as(coord[3])).ok(`{ unreadNotificationCount notifications { message subject { id } read } }`));
    expect(note.unreadNotificationCount).toBeGreaterThanOrEqual(1);
    expect(note.notifications[0]).toMatchObject({ subject: { id: m.id }, read: false });
    expect(note.notifications[0].message).toMatch(/The agenda of “December coordinators meeting” on .+ is published\./);

    await facC.ok(`mutation($id: ID!) { addAgendaItem(meetingId: $id, title: "Visit from the payments team", minutes: 5) { id } }`, { id: m.id });
    await facC.ok(`mutation($item: ID!) { updateAgendaItem(itemId: $item, input: { minutes: 7 }) { minutes } }`, { item: candidate.id });
    a = (await facC.ok(GET, { id: m.id })).node;
    expect(a.agenda.at(-2).title).toBe('Visit from the payments team'); // added before the closing slot
    expect(a.changesSincePublication.map((c: any) => c.kind).sort()).toEqual(['ADDED', 'CHANGED', 'MOVED']);
    expect(a.changesSincePublication.find((c: any) => c.kind === 'CHANGED').detail).toBe(`${candidate.minutes} min → 7 min`);
    const removed = a.agenda.at(-2).id;
    a = (await facC.ok(`mutation($item: ID!) { removeAgendaItem(itemId: $item) { ${M} } }`, { item: removed })).removeAgendaItem;
    expect(a.agenda.map((i: any) => i.id)).not.toContain(removed);
  });

  it('schedules only the fixed slots in a meeting too short for more', async () => {
    const m = await schedule('Quick sync', 15);
    const a = (await (await as(fac)).ok(GENERATE, { id: m.id })).generateAgenda;
    expect(a.agenda.map((i: any) => i.kind)).toEqual(['OPENING', 'CLOSING']);
    expect(a.unscheduled.length).toBeGreaterThan(0);
  });
});

describe('running a meeting', () => {
  it('runs item by item, keeps notes, outcome and action items, closes, and carries unfinished items into the next agenda', async () => {
    const facC = await as(fac);
    const first = await schedule('January coordinators meeting', 60, -1);
    let m = (await facC.ok(GENERATE, { id: first.id })).generateAgenda;
    await facC.ok(PUBLISH, { id: first.id });
    m = (await facC.ok(`mutation($id: ID!) { startMeeting(meetingId: $id) { ${M} } }`, { id: first.id })).startMeeting;
    expect(m).toMatchObject({ status: 'IN_PROGRESS', currentItem: { id: m.agenda[0].id } });
    await facC.ok(`mutation($item: ID!) { updateAgendaItem(itemId: $item, input: { done: true, notes: "Minutes approved." }) { done } }`, { item: m.agenda[0].id });
    m = (await facC.ok(`mutation($id: ID!) { setCurrentAgendaItem(meetingId: $id) { ${M} } }`, { id: first.id })).setCurrentAgendaItem;
    const discussed = m.agenda[1];
    expect(m.currentItem.id).toBe(discussed.id);
    await facC.ok(`mutation($item: ID!) { updateAgendaItem(itemId: $item, input: { notes: "Finance joins next time.", outcome: "Draft a proposal for daily refunds." }) { id } }`, { item: discussed.id });
    const action = (await facC.ok(`mutation($input: CreateActionItemInput!) { createActionItem(input: $input) { title owner { id } status } }`, {
      input: { meetingId: first.id, title: 'Draft the daily refunds proposal', ownerId: gid('User', coord[0].id), dueOn: inDays(14), agendaItemId: discussed.id },
    })).createActionItem;
    expect(action).toMatchObject({ owner: { id: gid('User', coord[0].id) }, status: 'OPEN' });
    expect((await (await as(coord[0])).ok(`{ notifications { message } }`)).notifications[0].message).toContain('Draft the daily refunds proposal');

    m = (await facC.ok(`mutation($id: ID!) { closeMeeting(meetingId: $id) { ${M} } }`, { id: first.id })).closeMeeting;
    expect(m.status).toBe('CLOSED');

    // Minutes: notes, outcome, action items.
    const cookie = (facC as unknown as { cookie: string }).cookie;
    const minutes = await t.app.inject({ url: `/export/meetings/${first.id}/minutes.md`, headers: { cookie } });
    expect(minutes.statusCode).toBe(200);
    expect(minutes.body).toContain('Draft a proposal for daily refunds.');
    expect(minutes.body).toContain('- [ ] Draft the daily refunds proposal');

    // The next meeting's agenda carries every unfinished item over, first after the opening.
    const next = await schedule('February coordinators meeting', 90, 20);
    const n = (await facC.ok(GENERATE, { id: next.id })).generateAgenda;
    const carried = [...n.agenda, ...n.unscheduled].filter((i: any) => i.kind === 'CARRY_OVER');
    expect(carried.map((i: any) => i.title)).toContain(discussed.title);
    expect(n.agenda[1].kind).toBe('CARRY_OVER');
    expect(n.agenda[1].reason).toMatch(/^Carried over: not finished at the meeting on /);
    expect(n.agenda[0].title).toBe("Review of the last meeting's minutes");
  });
});

describe('exports', () => {
  it('exports the agenda as Markdown and the meeting as an iCalendar event a real parser reads', async () => {
    const facC = await as(fac);
    const m = await schedule('Agenda export check', 60, 3);
    const first = (await facC.ok(GENERATE, { id: m.id })).generateAgenda.agenda[0].title;
    await facC.ok(PUBLISH, { id: m.id });
    const cookie = (await as(coord[1]) as unknown as { cookie: string }).cookie;
    const md = await t.app.inject({ url: `/export/meetings/${m.id}/agenda.md`, headers: { cookie } });
    expect(md.headers['content-type']).toContain('text/markdown');
    expect(md.body).toMatch(/^# Agenda export check/);
    expect(md.body).toContain(`1. **${first}** (5 min, +0′)`);
    const ics = await t.app.inject({ url: `/export/meetings/${m.id}/meeting.ics`, headers: { cookie } });
    expect(ics.headers['content-type']).toContain('text/calendar');
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics.body)).getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('Agenda export check');
    const minute = 60_000;
    expect(event.startDate.toJSDate().getTime()).toBe(Math.floor(Date.parse(m.startsAt) / minute) * minute);
    expect(Math.round((event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()) / 60_000)).toBe(60);
    expect(event.description).toContain(`1. ${first} (5′)`);
    expect(event.uid).toContain('meeting-');
    expect((await t.app.inject({ url: `/export/meetings/${m.id}/meeting.ics` })).statusCode).toBe(401);
    expect((await t.app.inject({ url: `/export/meetings/${gid('Meeting', 'nope')}/agenda.md`, headers: { cookie } })).statusCode).toBe(404);
  });
});

describe('refusals', () => {
  it('lets only facilitators schedule, generate, edit, publish and run; everyone signed in reads published agendas', async () => {
    const m = await schedule('Permissions meeting', 60);
    const facC = await as(fac);
    const a = (await facC.ok(GENERATE, { id: m.id })).generateAgenda;
    const c = await as(coord[0]);
    const e = await as(exec);
    await writesNothing(async () => {
      expect(await c.code(SCHEDULE, { input: { title: 'Mine', startsAt: inDays(1), durationMinutes: 60 } })).toBe('FORBIDDEN');
      expect(await e.code(GENERATE, { id: m.id })).toBe('FORBIDDEN');
      expect(await c.code(PUBLISH, { id: m.id })).toBe('FORBIDDEN');
      expect(await c.code(MOVE, { item: a.agenda[1].id, pos: 0 })).toBe('FORBIDDEN');
      expect(await c.code(`mutation($id: ID!) { startMeeting(meetingId: $id) { id } }`, { id: m.id })).toBe('FORBIDDEN');
      expect(await facC.code(SCHEDULE, { input: { title: 'x', startsAt: inDays(1), durationMinutes: 5 } })).toBe('BAD_USER_INPUT');
      expect(await facC.code(MOVE, { item: a.agenda[1].id, pos: 99 })).toBe('BAD_USER_INPUT');
      expect(await facC.code(GENERATE, { id: gid('Meeting', 'missing') })).toBe('NOT_FOUND');
      expect(await facC.code(`mutation($id: ID!) { closeMeeting(meetingId: $id) { id } }`, { id: m.id })).toBe('CONFLICT');
      expect(await facC.code(`mutation($item: ID!) { updateAgendaItem(itemId: $item, input: { minutes: 0 }) { id } }`, { item: a.agenda[1].id })).toBe('BAD_USER_INPUT');
    });
    // An unpublished draft is the facilitators' alone.
    const draft = (await e.ok(GET, { id: m.id })).node;
    expect(draft.agenda).toEqual([]);
    expect(draft.unscheduled).toEqual([]);
    await facC.ok(PUBLISH, { id: m.id });
    const seen = (await e.ok(`{ meetings(upcoming: true) { id title agenda { title reason } } }`)).meetings;
    expect(seen.find((x: any) => x.id === m.id).agenda.length).toBe(a.agenda.length);
  });
});

describe('no N+1', () => {
  it('lists meetings with agendas, subjects, action items and previous meetings in a fixed number of statements', async () => {
    const facC = await as(fac);
    const Q = `query($up: Boolean) { meetings(upcoming: $up) { ${M} previousMeeting { title } facilitator { name } } }`;
    const count = async () => {
      const before = t.statements.count;
      const list = (await facC.ok(Q, { up: null })).meetings;
      return { n: list.length, statements: t.statements.count - before };
    };
    const before = await count();
    for (let i = 0; i < 4; i++) {
      const m = await schedule(`Extra meeting ${i}`, 60, 30 + i);
      await facC.ok(GENERATE, { id: m.id });
      await facC.ok(`mutation($input: CreateActionItemInput!) { createActionItem(input: $input) { title } }`, {
        input: { meetingId: m.id, title: `Follow up ${i}`, ownerId: gid('User', coord[i].id) },
      });
    }
    const after = await count();
    expect(after.n).toBe(before.n + 4);
    // As for proposals: bounded, not identical (several connections answer in any order, which splits batches).
    expect(after.statements - before.statements).toBeLessThanOrEqual(2);
  });
});
