// Agenda generation reads only what can be on the agenda: its statements do not grow with the
// number of issues, and the issues it picks through the rank_base index are the ones the generator
// picks from every open issue (some of them discussed in a meeting already held).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAgenda, type AgendaInput, type IssueStatus } from '@council/shared';
import { startTestApp, type TestApp } from '../support/app.js';
import * as f from '../support/factories.js';
import { agendaInput, generateMeetingAgenda, listOf } from '../../server/src/modules/meetings/agenda.service.js';
import { scheduleMeeting } from '../../server/src/modules/meetings/meetings.service.js';
import { AgendaItem, Meeting } from '../../server/src/modules/meetings/meetings.entity.js';
import { Issue } from '../../server/src/modules/issues/issues.entity.js';
import { refreshRanks } from '../../server/src/modules/issues/rank.js';
import type { Region, User } from '../../server/src/modules/people/people.entity.js';

const DAY = 86_400_000;
const now = new Date('2026-06-01T09:00:00Z');
let t: TestApp;
let regions: Region[];
let fac: User;
let made = 0;

beforeAll(async () => {
  t = await startTestApp({ sweepIntervalMs: 0, mailIntervalMs: 0, reminderIntervalMs: 0 });
  const em = t.orm.em.fork();
  regions = [];
  for (let i = 0; i < 6; i++) regions.push(await f.region(em, { name: `Area ${i}` }));
  fac = await f.user(em, { region: regions[0], roles: ['FACILITATOR', 'COORDINATOR'] });
});
afterAll(() => t?.close());

/** `n` more open issues by bulk insert, with spread counters, ages and activity (a deterministic mix). */
async function addIssues(n: number): Promise<void> {
  const em = t.orm.em.fork();
  const rows = [];
  for (let k = 0; k < n; k++) {
    const i = made++;
    const createdAt = new Date(now.getTime() - ((i * 37) % 120) * DAY - 1000);
    rows.push({
      id: crypto.randomUUID(),
      title: `Bulk issue ${i}`,
      description: 'Made by the agenda statement test.',
      status: (i % 11 === 0 ? 'UNDER_DISCUSSION' : i % 13 === 0 ? 'RESOLVED' : 'OPEN') as IssueStatus,
      raisedBy: fac.id,
      originRegion: regions[i % regions.length].id,
      supportCount: (i * 7) % 23,
      regionCount: 1 + ((i * 5) % regions.length),
      commentCount: 0,
      rankBase: 0,
      createdAt,
      lastActivityAt: new Date(createdAt.getTime() + ((i * 11) % 60) * DAY > now.getTime() ? now.getTime() : createdAt.getTime() + ((i * 11) % 60) * DAY),
    });
  }
  await em.insertMany(Issue, rows);
  await refreshRanks(em, 'all');
}

/** The generator's input with the issues read the plain way: every open issue, in full. */
async function fullInput(meeting: Meeting): Promise<AgendaInput> {
  const em = t.orm.em.fork();
  const input = await agendaInput(em, meeting, now);
  const all = await em.find(Issue, { status: { $in: ['OPEN', 'UNDER_DISCUSSION'] } });
  const discussed = new Set((await em.find(AgendaItem, { subjectType: 'Issue', meeting: { status: 'CLOSED' } })).map((i) => i.subjectId));
  return {
    ...input,
    issues: all.map((i) => ({ id: i.id, title: i.title, supportCount: i.supportCount, regionCount: i.regionCount, lastActivityAt: i.lastActivityAt, createdAt: i.createdAt, discussedInMeeting: discussed.has(i.id) })),
  };
}

async function generateCounted(meeting: Meeting) {
  const before = t.statements.count;
  await generateMeetingAgenda(t.orm.em.fork(), fac, meeting.id, now);
  const statements = t.statements.count - before;
  const em = t.orm.em.fork();
  const items = [...(await listOf(em, meeting, true)), ...(await listOf(em, meeting, false))];
  return { statements, items: items.map((i) => ({ kind: i.kind, subjectId: i.subjectId ?? null, scheduled: i.scheduled, title: i.title })) };
}

describe('generateAgenda in SQL', () => {
  it('costs the same number of statements for 100 and for 1,000 issues, and picks the issues the generator picks from all of them', async () => {
    const em = t.orm.em.fork();
    // A meeting already held that discussed some of the best issues: they lose their age bonus.
    await addIssues(100);
    const held = await scheduleMeeting(em, fac, { title: 'Held', startsAt: new Date(now.getTime() - 20 * DAY), durationMinutes: 60 }, new Date(now.getTime() - 30 * DAY));
    const best = await em.find(Issue, { status: 'OPEN' }, { orderBy: { rankBase: 'desc', id: 'asc' }, limit: 6 });
    best.forEach((issue, position) =>
      em.create(AgendaItem, { meeting: held, position, scheduled: true, kind: 'ISSUE', title: issue.title, minutes: 10, reasonKey: 'meetings.reason.issueActive', reasonParams: {}, subjectType: 'Issue', subjectId: issue.id, done: true, createdAt: now }),
    );
    held.status = 'CLOSED';
    held.closedAt = new Date(now.getTime() - 20 * DAY);
    await em.flush();

    const meeting = await scheduleMeeting(em, fac, { title: 'Next', startsAt: new Date(now.getTime() + 7 * DAY), durationMinutes: 240 }, now);
    // Counted as a regeneration both times (the first one has no items to replace).
    await generateMeetingAgenda(t.orm.em.fork(), fac, meeting.id, now);
    const small = await generateCounted(meeting);
    const full = await fullInput(meeting);
    const expectedSmall = generateAgenda(full);
    // The meeting held matters here: without it the generator would pick otherwise.
    const undiscussed = generateAgenda({ ...full, issues: full.issues.map((i) => ({ ...i, discussedInMeeting: false })) });
    const ids = (a: typeof undiscussed) => [...a.scheduled, ...a.unscheduled].filter((c) => c.kind === 'ISSUE').map((c) => c.subject!.id);
    expect(ids(undiscussed)).not.toEqual(ids(expectedSmall));
    expect(small.items.filter((i) => i.kind === 'ISSUE').map((i) => i.subjectId)).toEqual(
      [...expectedSmall.scheduled, ...expectedSmall.unscheduled].filter((c) => c.kind === 'ISSUE').map((c) => c.subject!.id),
    );

    await addIssues(900);
    const large = await generateCounted(meeting);
    const expectedLarge = generateAgenda(await fullInput(meeting));
    const issues = large.items.filter((i) => i.kind === 'ISSUE');
    expect(issues.length).toBe(10);
    expect(issues.map((i) => i.subjectId)).toEqual([...expectedLarge.scheduled, ...expectedLarge.unscheduled].filter((c) => c.kind === 'ISSUE').map((c) => c.subject!.id));
    expect(issues.map((i) => i.title)).toEqual([...expectedLarge.scheduled, ...expectedLarge.unscheduled].filter((c) => c.kind === 'ISSUE').map((c) => c.title));
    expect(large.statements).toBe(small.statements);
  });
});
