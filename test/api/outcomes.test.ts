// Outcomes checked (#13 part 3), over HTTP on SQLite and PostgreSQL: implementing a change sets
// when the regions are asked (30 days on); once due, each region's coordinators are asked (once)
// and see it on their home; a coordinator reports for their own region only, a later report
// replacing the region's earlier one; poor outcomes (SAME or WORSE) from two regions reopen the
// issue for discussion with the reports attached — once, even when the regions report at once;
// the agenda proposes an outcome review once the reports are in, until a meeting held reviewed it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { People, type GqlResult } from '../support/client.js';
import { writesNothing } from '../support/db.js';
import * as f from '../support/factories.js';
import { gid } from '../support/ids.js';
import type { Em } from '../../server/src/db/orm.js';
import { AuditEvent } from '../../server/src/modules/audit/audit.entity.js';
import { Issue } from '../../server/src/modules/issues/issues.entity.js';
import { Notification } from '../../server/src/modules/notifications/notifications.entity.js';
import { sendReminders } from '../../server/src/modules/notifications/reminders.js';
import type { Region, User } from '../../server/src/modules/people/people.entity.js';
import { OutcomeReport, Proposal, Rollout } from '../../server/src/modules/proposals/proposals.entity.js';
import { castVote, closeVoting, draftProposal, openVoting, updateRollout } from '../../server/src/modules/proposals/proposals.service.js';
import { AgendaItem } from '../../server/src/modules/meetings/meetings.entity.js';
import { closeMeeting, scheduleMeeting, startMeeting } from '../../server/src/modules/meetings/meetings.service.js';
import { generateMeetingAgenda } from '../../server/src/modules/meetings/agenda.service.js';

const DAY = 86_400_000;
let t: TestApp;
let people: People;
let regions: Region[];
let coords: User[]; // coords[i] in regions[i % 4]
let fac: User; // facilitator only
let exec: User;

beforeAll(async () => {
  t = await startTestApp({ sweepIntervalMs: 0, reminderIntervalMs: 0 });
  people = new People(t.app);
  const em = t.orm.em.fork();
  regions = [];
  for (let i = 0; i < 4; i++) regions.push(await f.region(em, { name: `Outcome region ${i}` }));
  coords = [];
  for (let i = 0; i < 8; i++) coords.push(await f.user(em, { region: regions[i % 4] }));
  fac = await f.user(em, { region: null, roles: ['FACILITATOR'] });
  exec = await f.user(em, { region: null, roles: ['EXECUTIVE'] });
  await Promise.all([...coords, fac, exec].map((u) => people.as(u)));
});
afterAll(() => t?.close());

const em = (): Em => t.orm.em.fork();
const as = (u: User) => people.as(u);
const rid = (i: number) => gid('Region', regions[i].id);
const codes = (results: GqlResult[]) => results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK');

/** A change voted through without management, rolled out everywhere: IMPLEMENTED, its issue RESOLVED. */
async function implemented(): Promise<{ id: string; global: string; issueId: string }> {
  const issue = await f.issue(em(), coords[0]);
  const draft = await draftProposal(em(), coords[0], {
    issueId: issue.id,
    title: `Refunds within five days ${Math.random().toString(36).slice(2, 7)}`,
    currentPolicy: 'Refunds are paid in the weekly batch.',
    proposedPolicy: 'Refunds are paid within five working days.',
    rationale: 'Customers wait up to twelve days for their money.',
    requiresApproval: false,
  });
  await openVoting(em(), fac, draft.id, new Date(Date.now() + 7 * DAY));
  for (const u of coords.slice(0, 4)) await castVote(em(), u, draft.id, 'FOR');
  await closeVoting(em(), fac, draft.id);
  for (const r of await em().find(Rollout, { proposal: draft.id })) await updateRollout(em(), fac, { proposalId: draft.id, regionId: r.region.id, status: 'DONE' });
  const p = await em().findOneOrFail(Proposal, draft.id);
  expect(p.status).toBe('IMPLEMENTED');
  expect((await em().findOneOrFail(Issue, issue.id)).status).toBe('RESOLVED');
  return { id: p.id, global: gid('Proposal', p.id), issueId: issue.id };
}

/** The due date arrives: moved into the past, as time passing would. */
const dueSinceDays = (proposalId: string, days: number) => em().nativeUpdate(Proposal, { id: proposalId }, { outcomeDueOn: new Date(Date.now() - days * DAY) });

const REPORT = `mutation($id: ID!, $region: ID!, $verdict: OutcomeVerdict!, $note: String) {
  reportOutcome(proposalId: $id, regionId: $region, verdict: $verdict, note: $note) {
    id outcomeReopenedIssue viewerCanReportOutcome viewerOutcomeReport { verdict note }
    outcomeReports { verdict note region { id } reportedBy { id } } } }`;
const READ = `query($id: ID!) { node(id: $id) { ... on Proposal { outcomeDueOn outcomeReopenedIssue viewerCanReportOutcome
  outcomeReports { verdict note region { id name } reportedBy { name } createdAt }
  issue { id status } } } }`;
const HOME = `{ home { outcomesToReport { id title outcomeDueOn outcomeReports { verdict region { name } reportedBy { name } } viewerOutcomeReport { verdict } } } }`;
const report = (u: User, p: { global: string }, region: number, verdict: string, note?: string) => as(u).then((c) => c.gql(REPORT, { id: p.global, region: rid(region), verdict, note }));
const toReport = async (u: User) => (await (await as(u)).ok(HOME)).home.outcomesToReport as { id: string }[] | null;

describe('outcomes by region', () => {
  it('asks 30 days after implementation, refuses reports before then, and asks each region once when due', async () => {
    const p = await implemented();
    const read = (await (await as(exec)).ok(READ, { id: p.global })).node;
    const due = new Date(read.outcomeDueOn).getTime();
    expect(Math.abs(due - (Date.now() + 30 * DAY))).toBeLessThan(60_000);
    expect(read).toMatchObject({ outcomeReports: [], outcomeReopenedIssue: false });
    expect((await toReport(coords[1]))!.map((x) => x.id)).not.toContain(p.global);
    await writesNothing(em(), async () => expect(codes([await report(coords[1], p, 1, 'BETTER')])).toEqual(['CONFLICT']));

    await dueSinceDays(p.id, 1);
    expect((await toReport(coords[1]))!.map((x) => x.id)).toContain(p.global);
    expect(await toReport(exec)).toBeNull();
    expect(await toReport(fac)).toBeNull();
    expect((await (await as(coords[1])).ok(READ, { id: p.global })).node.viewerCanReportOutcome).toBe(true);
    expect((await (await as(fac)).ok(READ, { id: p.global })).node.viewerCanReportOutcome).toBe(false);

    await Promise.all([sendReminders(em()), sendReminders(em())]);
    await sendReminders(em());
    const asked = await em().find(Notification, { kind: 'OUTCOME_DUE', subjectId: p.id });
    expect(asked.map((n) => n.user.id).sort()).toEqual(coords.map((u) => u.id).sort());
    expect(asked[0].messageKey).toBe('followUp.outcomes.message.due');
  });

  it('takes a report for the reporter’s own region only, and a later one replaces it', async () => {
    const p = await implemented();
    await dueSinceDays(p.id, 2);
    await writesNothing(em(), async () => {
      expect(codes([await report(coords[1], p, 2, 'BETTER')])).toEqual(['FORBIDDEN']);
      expect(codes([await report(fac, p, 2, 'BETTER')])).toEqual(['FORBIDDEN']);
      expect(codes([await report(exec, p, 2, 'BETTER')])).toEqual(['FORBIDDEN']);
      expect(codes([await report(coords[1], p, 1, 'BETTER', 'x'.repeat(2001))])).toEqual(['BAD_USER_INPUT']);
      expect(codes([await report(coords[1], p, 1, 'MUCH_BETTER')])).toEqual(['BAD_USER_INPUT']);
    });

    const first = await report(coords[1], p, 1, 'BETTER', 'Complaints 40 → 12 a week');
    expect(first.data!.reportOutcome).toMatchObject({ viewerOutcomeReport: { verdict: 'BETTER', note: 'Complaints 40 → 12 a week' }, viewerCanReportOutcome: true });
    // The region's other coordinator no longer has it to report; another region still has.
    expect((await toReport(coords[5]))!.map((x) => x.id)).not.toContain(p.global);
    expect((await toReport(coords[2]))!.map((x) => x.id)).toContain(p.global);

    const second = await report(coords[5], p, 1, 'SAME');
    expect(second.data!.reportOutcome.outcomeReports).toEqual([{ verdict: 'SAME', note: null, region: { id: rid(1) }, reportedBy: { id: gid('User', coords[5].id) } }]);
    expect(await em().count(OutcomeReport, { proposal: p.id })).toBe(1);
    const events = await em().find(AuditEvent, { action: 'proposal.outcomeReported', subjectId: p.id }, { orderBy: { at: 'asc', id: 'asc' } });
    expect(events.map((e) => [e.before?.verdict ?? null, e.after?.verdict])).toEqual([
      [null, 'BETTER'],
      ['BETTER', 'SAME'],
    ]);
    // One poor outcome: the issue stays resolved.
    expect((await em().findOneOrFail(Issue, p.issueId)).status).toBe('RESOLVED');
  });

  it('reopens the issue for discussion, with the reports attached, when two regions report SAME or WORSE — once', async () => {
    const p = await implemented();
    await dueSinceDays(p.id, 3);
    await report(coords[0], p, 0, 'BETTER');
    await report(coords[1], p, 1, 'SAME', 'Still 30 complaints a week');
    expect((await em().findOneOrFail(Issue, p.issueId)).status).toBe('RESOLVED');
    const reopened = (await report(coords[2], p, 2, 'WORSE', 'Complaints doubled')).data!.reportOutcome;
    expect(reopened.outcomeReopenedIssue).toBe(true);
    const read = (await (await as(exec)).ok(READ, { id: p.global })).node;
    expect(read.issue.status).toBe('UNDER_DISCUSSION');
    const [event] = await em().find(AuditEvent, { action: 'issue.reopened', subjectId: p.issueId });
    expect(event.after).toMatchObject({
      status: 'UNDER_DISCUSSION',
      proposal: p.id,
      reports: [
        { region: 'Outcome region 1', verdict: 'SAME', note: 'Still 30 complaints a week' },
        { region: 'Outcome region 2', verdict: 'WORSE', note: 'Complaints doubled' },
      ],
    });
    const told = await em().find(Notification, { kind: 'ISSUE_REOPENED', subjectId: p.issueId });
    expect(told.map((n) => n.user.id)).toContain(coords[0].id); // raised the issue
    // A third poor outcome, and a changed report: no second reopening.
    await report(coords[3], p, 3, 'WORSE');
    await report(coords[6], p, 2, 'SAME');
    expect(await em().count(AuditEvent, { action: 'issue.reopened', subjectId: p.issueId })).toBe(1);
    // The issue takes a new proposal: the change whose outcome was poor no longer resolves it.
    const again = await draftProposal(em(), coords[0], {
      issueId: p.issueId,
      title: 'Refunds paid daily instead',
      currentPolicy: 'Refunds are paid within five working days.',
      proposedPolicy: 'Refunds are paid every working day.',
      rationale: 'Five days did not help the customers enough.',
      requiresApproval: false,
    });
    expect(again.status).toBe('DRAFT');
    expect((await em().findOneOrFail(Issue, p.issueId)).status).toBe('PROPOSED');
  });

  it('reopens once when regions report poor outcomes at the same moment', async () => {
    // Two regions (then four) at once, a few times: each commit must see the other's report.
    for (const regionsAtOnce of [2, 2, 2, 2, 4]) {
      const p = await implemented();
      await dueSinceDays(p.id, 1);
      const reporters = [coords[0], coords[1], coords[2], coords[7]].slice(0, regionsAtOnce);
      const results = await Promise.all(reporters.map((u, i) => report(u, p, i, i === 2 ? 'SAME' : 'WORSE')));
      expect(codes(results)).toEqual(Array(regionsAtOnce).fill('OK'));
      expect(await em().count(AuditEvent, { action: 'issue.reopened', subjectId: p.issueId })).toBe(1);
      expect(await em().count(OutcomeReport, { proposal: p.id })).toBe(regionsAtOnce);
      expect((await em().findOneOrFail(Issue, p.issueId)).status).toBe('UNDER_DISCUSSION');
      expect((await em().findOneOrFail(Proposal, p.id)).outcomeReopenedAt).not.toBeNull();
    }
    // The same region reporting twice at once: one report, the region's latest.
    const q = await implemented();
    await dueSinceDays(q.id, 1);
    const same = await Promise.all([report(coords[1], q, 1, 'BETTER'), report(coords[5], q, 1, 'WORSE')]);
    expect(codes(same)).toEqual(['OK', 'OK']);
    expect(await em().count(OutcomeReport, { proposal: q.id })).toBe(1);
  });

  it('lists the outcomes to report in the same number of statements however many there are', async () => {
    const count = async () => {
      const c = await as(coords[3]);
      const before = t.statements.count;
      const data = await c.ok(HOME);
      return { n: data.home.outcomesToReport.length, statements: t.statements.count - before };
    };
    const fill = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const p = await implemented();
        await dueSinceDays(p.id, 1);
        await report(coords[i % 3], p, i % 3, 'BETTER');
      }
    };
    await fill(1);
    const small = await count();
    await fill(3);
    const large = await count();
    expect(large.n).toBeGreaterThan(small.n);
    expect(large.statements).toBe(small.statements);
  });

  it('proposes an outcome review on the agenda once the reports are in, with a reason, until a meeting held reviews it', async () => {
    const complete = await implemented();
    await dueSinceDays(complete.id, 1);
    for (const [i, verdict] of ['BETTER', 'WORSE', 'BETTER', 'BETTER'].entries()) await report(coords[i], complete, i, verdict);
    const partial = await implemented();
    await dueSinceDays(partial.id, 2);
    await report(coords[0], partial, 0, 'BETTER');
    const late = await implemented();
    await dueSinceDays(late.id, 20);
    await report(coords[1], late, 1, 'BETTER');

    const agenda = async () => {
      const meeting = await scheduleMeeting(em(), fac, { title: `Outcome review ${Math.random()}`, startsAt: new Date(Date.now() + DAY), durationMinutes: 480 });
      await generateMeetingAgenda(em(), fac, meeting.id);
      return { meeting, items: await em().find(AgendaItem, { meeting: meeting.id, kind: 'OUTCOME_REVIEW' }) };
    };
    const first = await agenda();
    const bySubject = new Map(first.items.map((i) => [i.subjectId, i]));
    // Every region reported (one poorly); another waited two weeks past due; a third waits for more reports.
    expect(bySubject.get(complete.id)).toMatchObject({ reasonKey: 'meetings.reason.outcomePoor', reasonParams: { reported: 4, poor: 1, totalRegions: 4 } });
    expect(bySubject.get(late.id)).toMatchObject({ reasonKey: 'meetings.reason.outcomeReview', reasonParams: { reported: 1, poor: 0 } });
    expect(bySubject.has(partial.id)).toBe(false);
    // The poorer first.
    const order = first.items.sort((a, b) => Number(b.scheduled) - Number(a.scheduled) || a.position - b.position).map((i) => i.subjectId);
    expect(order.indexOf(complete.id)).toBeLessThan(order.indexOf(late.id));

    // Once a meeting held has reviewed them, they are not proposed again.
    await startMeeting(em(), fac, first.meeting.id);
    await closeMeeting(em(), fac, first.meeting.id);
    const second = await agenda();
    expect(second.items.map((i) => i.subjectId)).not.toContain(complete.id);
    expect(second.items.map((i) => i.subjectId)).not.toContain(late.id);
  });
});

describe('the outcome delay', () => {
  const SET = `mutation($days: Int!) { setOutcomeDelay(days: $days) }`;

  it('is 30 days until an admin changes it; implemented changes then are asked after the new delay', async () => {
    const admin = await f.user(em(), { region: null, roles: ['ADMIN'] });
    const admins = await as(admin);
    expect((await admins.ok(`{ outcomeDelayDays }`)).outcomeDelayDays).toBe(30);
    await writesNothing(em(), async () => {
      expect(codes([await admins.gql(SET, { days: 0 }), await admins.gql(SET, { days: 400 }), await (await as(fac)).gql(SET, { days: 14 }), await (await as(coords[0])).gql(SET, { days: 14 })])).toEqual([
        'BAD_USER_INPUT',
        'BAD_USER_INPUT',
        'FORBIDDEN',
        'FORBIDDEN',
      ]);
    });
    expect((await admins.ok(SET, { days: 14 })).setOutcomeDelay).toBe(14);
    const events = await em().find(AuditEvent, { action: 'outcomeDelay.changed' });
    expect(events.map((e) => [e.before, e.after])).toEqual([[{ days: 30 }, { days: 14 }]]);
    // The same value again changes and records nothing.
    expect((await admins.ok(SET, { days: 14 })).setOutcomeDelay).toBe(14);
    expect(await em().count(AuditEvent, { action: 'outcomeDelay.changed' })).toBe(1);

    const before = Date.now();
    const { id } = await implemented();
    const due = (await em().findOneOrFail(Proposal, id)).outcomeDueOn!.getTime();
    expect(due).toBeGreaterThanOrEqual(before + 14 * DAY);
    expect(due).toBeLessThan(Date.now() + 14 * DAY + 1_000);
    await admins.ok(SET, { days: 30 });
  });

  it('two admins changing it at once: both are recorded, each with the value it replaced', async () => {
    const [a, b] = [await f.user(em(), { region: null, roles: ['ADMIN'] }), await f.user(em(), { region: null, roles: ['ADMIN'] })];
    const results = await Promise.all([(await as(a)).gql(SET, { days: 21 }), (await as(b)).gql(SET, { days: 45 })]);
    expect(codes(results)).toEqual(['OK', 'OK']);
    const events = (await em().find(AuditEvent, { action: 'outcomeDelay.changed' }, { orderBy: { id: 'asc' } })).slice(-2);
    const [first, second] = events.map((e) => [(e.before as { days: number }).days, (e.after as { days: number }).days]);
    // The second change replaced what the first wrote: no lost update.
    expect(second[0]).toBe(first[1]);
    expect((await (await as(a)).ok(`{ outcomeDelayDays }`)).outcomeDelayDays).toBe(second[1]);
    await (await as(a)).ok(SET, { days: 30 });
  });
});
