// A vote that closes before its meeting (issue #12): the agenda lists it as "closed before the
// meeting", not as an open vote; once closed, agenda, minutes and exports show its result (passed
// or failed, the tally), in the reader's language. A vote closing after the meeting stays open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { People } from '../support/client.js';
import * as f from '../support/factories.js';
import { gid } from '../support/ids.js';
import { closeMeeting, startMeeting } from '../../server/src/modules/meetings/meetings.service.js';
import { castVote, closeDueVotes } from '../../server/src/modules/proposals/proposals.service.js';
import type { Proposal } from '../../server/src/modules/proposals/proposals.entity.js';
import type { User } from '../../server/src/modules/people/people.entity.js';

let t: TestApp;
let people: People;
let fac: User;
let facDe: User;
let north: User;
let south: User;

const DAY = 86_400_000;
const rawId = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1]!;
const AGENDA = `query($id: ID!) { node(id: $id) { ... on Meeting { agenda { kind reason reasonKey subject { id } } } } }`;

beforeAll(async () => {
  t = await startTestApp({ sweepIntervalMs: 0 });
  people = new People(t.app);
  const em = t.orm.em.fork();
  const n = await f.region(em, { name: 'North', timeZone: 'UTC' });
  const s = await f.region(em, { name: 'South', timeZone: 'UTC' });
  fac = await f.user(em, { region: n, roles: ['FACILITATOR', 'COORDINATOR'], name: 'Fran Facilitator' });
  facDe = await f.user(em, { region: n, roles: ['FACILITATOR'], name: 'Greta Moderatorin', locale: 'de' });
  north = await f.user(em, { region: n, name: 'Nora North' });
  south = await f.user(em, { region: s, name: 'Sam South' });
});
afterAll(() => t.close());

describe('a vote closing before the meeting', () => {
  it('is listed as closed before the meeting, then with its result on the agenda, the minutes and the exports', async () => {
    const em = t.orm.em.fork();
    const now = Date.now();
    const before = await f.proposalInVoting(em, north, fac, new Date(now + 2 * DAY));
    const after = await f.proposalInVoting(em, north, fac, new Date(now + 10 * DAY));
    const a = await people.as(fac);
    const startsAt = new Date(now + 5 * DAY);
    const m = (await a.ok(`mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`, {
      input: { title: 'Meeting after the vote', startsAt: startsAt.toISOString(), durationMinutes: 240 },
    })).scheduleMeeting;
    await a.ok(`mutation($id: ID!) { generateAgenda(meetingId: $id) { id } }`, { id: m.id });
    const itemOf = async (client = a, p: Proposal = before) =>
      ((await client.ok(AGENDA, { id: m.id })).node.agenda as { kind: string; reason: string; reasonKey: string; subject: { id: string } | null }[]).find((i) => i.subject?.id === gid('Proposal', p.id))!;

    // Still open when the agenda is built: announced as closing before the meeting, not debated as open.
    expect(await itemOf()).toMatchObject({ kind: 'PROPOSAL', reasonKey: 'meetings.reason.proposalClosedBefore' });
    expect((await itemOf()).reason).toMatch(/^Voting closes on .*, before the meeting: its result is reported here/);
    expect((await itemOf(a, after)).reasonKey).toBe('meetings.reason.proposalVoting');

    // Both regions vote, 1 for and 1 against: the vote fails (more than half FOR is needed).
    await castVote(t.orm.em.fork(), north, before.id, 'FOR');
    await castVote(t.orm.em.fork(), south, before.id, 'AGAINST');
    expect(await closeDueVotes(t.orm.em.fork(), new Date(now + 3 * DAY))).toBe(1);

    const closedOn = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(now + 2 * DAY));
    const result = `Closed before the meeting, on ${closedOn}: failed with 1 for, 1 against and 0 abstaining; 2 of 2 regions voted.`;
    expect((await itemOf()).reason).toBe(result);
    expect((await itemOf()).reasonKey).toBe('meetings.reason.proposalClosedBefore');
    const de = await people.as(facDe);
    expect((await itemOf(de)).reason).toMatch(/^Vor der Sitzung abgeschlossen, am .*: abgelehnt mit 1 dafür, 1 dagegen und 0 Enthaltungen; 2 von 2 Regionen haben abgestimmt\.$/);
    // The vote closing after the meeting is still an open vote.
    expect((await itemOf(a, after)).reason).toMatch(/^Voting closes on .*; 0 of 2 regions have voted so far\.$/);

    expect((await a.get(`/export/meetings/${m.id}/agenda.md`)).body).toContain(result);
    await startMeeting(t.orm.em.fork(), fac, rawId(m.id), startsAt);
    await closeMeeting(t.orm.em.fork(), fac, rawId(m.id), new Date(startsAt.getTime() + 3_600_000));
    const minutes = (await a.get(`/export/meetings/${m.id}/minutes.md`)).body;
    expect(minutes).toContain(result);
    // Only such items carry their reason into the minutes.
    expect(minutes).not.toContain('Voting closes on');
  });

  it('reads passed when more than half of those taking a side voted for', async () => {
    const em = t.orm.em.fork();
    const now = Date.now();
    const p = await f.proposalInVoting(em, north, fac, new Date(now + DAY));
    const a = await people.as(fac);
    const m = (await a.ok(`mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`, {
      input: { title: 'Second meeting after a vote', startsAt: new Date(now + 2 * DAY).toISOString(), durationMinutes: 240 },
    })).scheduleMeeting;
    await a.ok(`mutation($id: ID!) { generateAgenda(meetingId: $id) { id } }`, { id: m.id });
    await castVote(t.orm.em.fork(), north, p.id, 'FOR');
    await castVote(t.orm.em.fork(), south, p.id, 'ABSTAIN');
    await closeDueVotes(t.orm.em.fork(), new Date(now + DAY + 1000), p.id);
    const agenda = (await a.ok(AGENDA, { id: m.id })).node.agenda as { reason: string; subject: { id: string } | null }[];
    expect(agenda.find((i) => i.subject?.id === gid('Proposal', p.id))!.reason).toMatch(/: passed with 1 for, 0 against and 1 abstaining; 2 of 2 regions voted\.$/);
  });
});
