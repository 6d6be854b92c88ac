// Meetings under concurrent writes, through the API: a triple "Generate agenda" (a double click),
// two facilitators reordering at once, every kind of agenda edit at once, a triple start, and
// time boxes changed at once.
// Each operation takes the meeting's row first, so on PostgreSQL they serialize as on SQLite;
// afterwards the rows are counted with SQL and the consistency check finds no drift.
import { AGENDA_ITEM_KINDS } from '@council/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { People } from '../support/client.js';
import { expectNoDrift } from '../support/consistency.js';
import * as f from '../support/factories.js';
import { supportIssue } from '../../server/src/modules/issues/issues.service.js';
import type { User } from '../../server/src/modules/people/people.entity.js';

let t: TestApp;
let people: People;
let facs: User[];

beforeAll(async () => {
  t = await startTestApp({ sweepIntervalMs: 0 });
  people = new People(t.app);
  const em = t.orm.em.fork();
  const regions = [];
  for (let i = 0; i < 4; i++) regions.push(await f.region(em, { name: `Race zone ${i}` }));
  const coords = [];
  for (let i = 0; i < 4; i++) coords.push(await f.user(em, { region: regions[i] }));
  facs = [await f.user(em, { region: regions[0], roles: ['FACILITATOR', 'COORDINATOR'] }), await f.user(em, { region: regions[1], roles: ['FACILITATOR', 'COORDINATOR'] })];
  // Twelve issues: more than a 90-minute meeting schedules, so both lists have items.
  for (let i = 0; i < 12; i++) {
    const issue = await f.issue(em, coords[i % 4], { title: `Shared problem number ${i}` });
    if (i % 3 === 0) await supportIssue(em, coords[(i + 1) % 4], issue.id);
  }
});
afterAll(() => t.close());

const ITEMS = `id agenda { id position } unscheduled { id }`;
const rawId = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1]!;

async function sql(query: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  return t.orm.em.fork().getConnection().execute(query, params as never[]);
}

/** The positions of each list of a meeting, from the rows, in position order. */
async function positions(meetingGid: string): Promise<{ scheduled: number[]; unscheduled: number[] }> {
  const rows = await sql('select scheduled, position from agenda_item where meeting_id = ? order by position, id', [rawId(meetingGid)]);
  const of = (scheduled: boolean) => rows.filter((r) => Boolean(Number(r.scheduled === true ? 1 : r.scheduled)) === scheduled).map((r) => Number(r.position));
  return { scheduled: of(true), unscheduled: of(false) };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

async function newMeeting(title: string): Promise<{ id: string; agenda: { id: string }[]; unscheduled: { id: string }[] }> {
  const fac = await people.as(facs[0]);
  const m = (await fac.ok(`mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`, {
    input: { title, startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), durationMinutes: 90 },
  })).scheduleMeeting;
  return (await fac.ok(`mutation($id: ID!) { generateAgenda(meetingId: $id) { ${ITEMS} } }`, { id: m.id })).generateAgenda;
}

describe('meetings under concurrent writes', () => {
  it('a triple "Generate agenda" leaves exactly one agenda, numbered 0..n-1', async () => {
    const fac = await people.as(facs[0]);
    const m = (await fac.ok(`mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`, {
      input: { title: 'Double-clicked meeting', startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), durationMinutes: 90 },
    })).scheduleMeeting;
    const results = await Promise.all(range(3).map(() => fac.ok(`mutation($id: ID!) { generateAgenda(meetingId: $id) { ${ITEMS} } }`, { id: m.id })));
    const one = results[0].generateAgenda;
    expect(one.agenda.length).toBeGreaterThan(3);
    expect(one.unscheduled.length).toBeGreaterThan(0);
    const [{ n }] = await sql('select count(*) as n from agenda_item where meeting_id = ?', [rawId(m.id)]);
    expect(Number(n)).toBe(one.agenda.length + one.unscheduled.length);
    expect(await positions(m.id)).toEqual({ scheduled: range(one.agenda.length), unscheduled: range(one.unscheduled.length) });
    await expectNoDrift(t.orm.em);
  });

  it('ten moves by two facilitators at once leave the agenda numbered 0..n-1 with every item once', async () => {
    const m = await newMeeting('Reordered meeting');
    const ids = m.agenda.map((i) => i.id);
    const [a, b] = [await people.as(facs[0]), await people.as(facs[1])];
    const moves = range(10).map((k) => {
      const item = ids[1 + (k % (ids.length - 2))];
      return (k % 2 ? a : b).gql(`mutation($item: ID!, $pos: Int!) { moveAgendaItem(itemId: $item, position: $pos) { id } }`, { item, pos: (k * 3) % ids.length });
    });
    const results = await Promise.all(moves);
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(await positions(m.id)).toEqual({ scheduled: range(ids.length), unscheduled: range(m.unscheduled.length) });
    const after = (await a.ok(`query($id: ID!) { node(id: $id) { ... on Meeting { ${ITEMS} } } }`, { id: m.id })).node;
    expect(after.agenda.map((i: { id: string }) => i.id).sort()).toEqual([...ids].sort());
    await expectNoDrift(t.orm.em);
  });

  it('every kind of agenda edit at once keeps both lists numbered 0..n-1 and counts every row', async () => {
    const m = await newMeeting('Busy planning session');
    const [a, b] = [await people.as(facs[0]), await people.as(facs[1])];
    const [first, second] = [m.agenda[1]!.id, m.agenda[2]!.id];
    const edits = [
      a.gql(`mutation($item: ID!) { moveAgendaItem(itemId: $item, position: 3) { id } }`, { item: first }),
      b.gql(`mutation($item: ID!) { unscheduleAgendaItem(itemId: $item) { id } }`, { item: second }),
      a.gql(`mutation($item: ID!) { scheduleAgendaItem(itemId: $item) { id } }`, { item: m.unscheduled[0]!.id }),
      b.gql(`mutation($item: ID!) { removeAgendaItem(itemId: $item) { id } }`, { item: m.unscheduled.at(-1)!.id }),
      ...range(3).map((k) => (k % 2 ? a : b).gql(`mutation($id: ID!) { addAgendaItem(meetingId: $id, title: "Point ${k}", minutes: 5) { id } }`, { id: m.id })),
      a.gql(`mutation($item: ID!) { updateAgendaItem(itemId: $item, input: { minutes: 12 }) { id } }`, { item: first }),
    ];
    expect((await Promise.all(edits)).flatMap((r) => r.errors ?? [])).toEqual([]);
    const total = m.agenda.length + m.unscheduled.length - 1 + 3;
    const now = await positions(m.id);
    expect(now.scheduled.length + now.unscheduled.length).toBe(total);
    expect(now).toEqual({ scheduled: range(now.scheduled.length), unscheduled: range(now.unscheduled.length) });
    await expectNoDrift(t.orm.em);
  });

  it('of three concurrent starts exactly one starts the meeting; the others are refused and audited nothing', async () => {
    const m = await newMeeting('Started three times');
    const [a, b] = [await people.as(facs[0]), await people.as(facs[1])];
    const results = await Promise.all([a, b, a].map((c) => c.gql(`mutation($id: ID!) { startMeeting(meetingId: $id) { status } }`, { id: m.id })));
    expect(results.filter((r) => r.data?.startMeeting?.status === 'IN_PROGRESS')).toHaveLength(1);
    expect(results.flatMap((r) => r.errors ?? []).map((e) => e.extensions?.code)).toEqual(['CONFLICT', 'CONFLICT']);
    const [{ n }] = await sql(`select count(*) as n from audit_event where action = 'meeting.started' and subject_id = ?`, [rawId(m.id)]);
    expect(Number(n)).toBe(1);
    await expectNoDrift(t.orm.em);
  });

  it('time boxes changed at once by two facilitators, one kind each, all keep their change', async () => {
    const [a, b] = [await people.as(facs[0]), await people.as(facs[1])];
    const wanted = Object.fromEntries(AGENDA_ITEM_KINDS.map((kind, i) => [kind, 20 + i]));
    const results = await Promise.all(
      AGENDA_ITEM_KINDS.map((kind, i) => (i % 2 ? a : b).gql(`mutation($input: AgendaTimeboxesInput!) { setAgendaTimeboxes(input: $input) { OPENING } }`, { input: { [kind]: wanted[kind] } })),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect((await a.ok(`{ agendaTimeboxes { ${AGENDA_ITEM_KINDS.join(' ')} } }`)).agendaTimeboxes).toEqual(wanted);
  });
});
