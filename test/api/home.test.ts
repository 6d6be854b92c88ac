// The home page over HTTP ("what needs me"): per role the right sections, null where the role has
// none; votes to cast (gone once voted), the region's rollouts due, unmarked issues (gone once
// marked), unread updates of the listed kinds only, open action items; the facilitator's next
// meeting through generate → publish → change → publish, proposals awaiting submission, overdue
// rollouts; the executive's decision queue and changes being rolled out; the summary; and a fixed
// number of statements however long the lists grow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationKind } from '@council/shared';
import { startTestApp, type TestApp } from '../support/app.js';
import { Client, People } from '../support/client.js';
import * as f from '../support/factories.js';
import { gid } from '../support/ids.js';
import type { Em } from '../../server/src/db/orm.js';
import { supportIssue } from '../../server/src/modules/issues/issues.service.js';
import { generateMeetingAgenda, publishAgenda, updateAgendaItem } from '../../server/src/modules/meetings/agenda.service.js';
import { AgendaItem } from '../../server/src/modules/meetings/meetings.entity.js';
import { createActionItem, scheduleMeeting, updateActionItem } from '../../server/src/modules/meetings/meetings.service.js';
import { Notification } from '../../server/src/modules/notifications/notifications.entity.js';
import type { Region, User } from '../../server/src/modules/people/people.entity.js';
import { Proposal, Rollout } from '../../server/src/modules/proposals/proposals.entity.js';
import { castVote, closeVoting, decide, draftProposal, openVoting, submitToManagement } from '../../server/src/modules/proposals/proposals.service.js';

const DAY = 86_400_000;
const inDays = (d: number) => new Date(Date.now() + d * DAY);

let t: TestApp;
let people: People;
let regions: Region[];
/** coord[i] in regions[i]. */
let coord: User[];
/** Facilitator and coordinator, regions[1]. */
let fac: User;
let exec: User;
let admin: User;
let noRegion: User;
/** Takes part in nothing but reads the updates written for them. */
let reader: User;
/** Every role at once, for counting statements with every section filled. */
let everything: User;

const em = (): Em => t.orm.em.fork();
const as = (u: User) => people.as(u);
const localId = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1];

beforeAll(async () => {
  t = await startTestApp({ sweepIntervalMs: 0 });
  people = new People(t.app);
  const e = em();
  regions = [];
  for (let i = 0; i < 5; i++) regions.push(await f.region(e, { name: `Home region ${i}` }));
  coord = [];
  for (let i = 0; i < 5; i++) coord.push(await f.user(e, { region: regions[i] }));
  fac = await f.user(e, { region: regions[1], roles: ['FACILITATOR', 'COORDINATOR'] });
  exec = await f.user(e, { region: null, roles: ['EXECUTIVE'] });
  admin = await f.user(e, { region: null, roles: ['ADMIN'] });
  noRegion = await f.user(e, { region: null });
  reader = await f.user(e, { region: regions[4] });
  everything = await f.user(e, { region: regions[3], roles: ['COORDINATOR', 'FACILITATOR', 'EXECUTIVE'] });
});
afterAll(() => t.close());

const SECTIONS = `votesToCast { id } myRegionRollouts { status } unmarkedIssues { totalCount } updates { id } myActionItems { id }
  nextMeeting { agendaState } awaitingSubmission { id } overdueRollouts { status } decisionQueue { id } rollingOut { id }
  summary { openVoteCount openIssueCount implementingCount nextMeetingAt }`;
const HOME = `{ home { ${SECTIONS} } }`;

async function home(u: User, fields = SECTIONS) {
  return (await (await as(u)).ok(`{ home { ${fields} } }`)).home;
}

/** A proposal on a new issue raised by `author`, passed by the votes of regions 0-3. */
async function passed(requiresApproval: boolean, author = coord[0]): Promise<Proposal> {
  const issue = await f.issue(em(), author);
  const p = await draftProposal(em(), author, {
    issueId: issue.id,
    title: `Refunds within five working days ${Math.random()}`,
    currentPolicy: 'Refunds are paid in the weekly batch.',
    proposedPolicy: 'Refunds are paid within five working days.',
    rationale: 'Customers wait up to twelve days for their money.',
    requiresApproval,
  });
  await openVoting(em(), fac, p.id, inDays(3));
  for (const voter of coord.slice(0, 4)) await castVote(em(), voter, p.id, 'FOR');
  return closeVoting(em(), fac, p.id);
}

/** A change being rolled out (PASSED without approval → IMPLEMENTING, a rollout per region). */
const implementing = () => passed(false);

async function setRollout(p: Proposal, region: Region, patch: { dueOn?: Date | null; status?: 'PENDING' | 'IN_PROGRESS' | 'DONE' }) {
  await em().nativeUpdate(Rollout, { proposal: p.id, region: region.id }, patch);
}

async function notify(user: User, kind: NotificationKind, over: Partial<Pick<Notification, 'readAt' | 'inApp' | 'createdAt'>> = {}) {
  const e = em();
  const n = e.create(Notification, {
    user: user.id,
    kind,
    messageKey: 'notifications.actionAssigned',
    params: { title: `Note ${kind}`, meeting: 'Weekly' },
    subjectType: null,
    subjectId: null,
    inApp: true,
    readAt: null,
    createdAt: new Date(),
    ...over,
  } as never);
  await e.flush();
  return n as unknown as Notification;
}

describe('sections by role', () => {
  it('refuses a signed-out person with UNAUTHENTICATED', async () => {
    expect(await new Client(t.app).code(HOME)).toBe('UNAUTHENTICATED');
  });

  it('gives each role its sections and null for the rest', async () => {
    const present = (h: Record<string, unknown>) =>
      Object.entries(h)
        .filter(([k, v]) => v !== null && k !== 'summary')
        .map(([k]) => k)
        .sort();
    const mine = ['myActionItems', 'updates'];
    const coordinator = ['myRegionRollouts', 'unmarkedIssues', 'votesToCast'];
    const facilitator = ['awaitingSubmission', 'overdueRollouts']; // nextMeeting: none planned yet
    expect(present(await home(coord[0]))).toEqual([...mine, ...coordinator].sort());
    expect(present(await home(fac))).toEqual([...mine, ...coordinator, ...facilitator].sort());
    expect(present(await home(exec))).toEqual([...mine, 'decisionQueue', 'rollingOut'].sort());
    expect(present(await home(admin))).toEqual(mine);
    // No region: not an eligible voter, no region's issues or rollouts.
    expect(present(await home(noRegion))).toEqual(mine);
    expect((await home(fac)).nextMeeting).toBeNull();
  });
});

describe('votes to cast', () => {
  it('lists open votes the coordinator has not cast, soonest deadline first, and drops one once voted', async () => {
    const later = await f.proposalInVoting(em(), coord[1], fac, inDays(5));
    const sooner = await f.proposalInVoting(em(), coord[1], fac, inDays(2));
    const draft = await draftProposal(em(), coord[1], {
      issueId: (await f.issue(em(), coord[1])).id,
      title: 'Not open for votes yet',
      currentPolicy: 'Old.',
      proposedPolicy: 'New.',
      rationale: 'A draft is not up for a vote.',
      requiresApproval: true,
    });
    const mine = [sooner.id, later.id, draft.id];
    const ids = async (u: User) => ((await home(u, 'votesToCast { id title votingClosesAt }')).votesToCast ?? []).map((p: { id: string }) => localId(p.id)).filter((id: string) => mine.includes(id));

    expect(await ids(coord[0])).toEqual([sooner.id, later.id]);
    await (await as(coord[0])).ok(`mutation($id: ID!) { castVote(proposalId: $id, choice: FOR) { id } }`, { id: gid('Proposal', sooner.id) });
    expect(await ids(coord[0])).toEqual([later.id]);
    // Others still have both; a vote whose deadline has passed (not yet closed by the timer) is no longer one to cast.
    expect(await ids(coord[2])).toEqual([sooner.id, later.id]);
    await em().nativeUpdate(Proposal, { id: later.id }, { votingClosesAt: new Date(Date.now() - 1000) });
    expect(await ids(coord[2])).toEqual([sooner.id]);
    expect((await home(coord[2], 'summary { openVoteCount }')).summary.openVoteCount).toBeGreaterThanOrEqual(2);
  });
});

describe('rollouts', () => {
  it("shows the region's rollouts overdue or due within 7 days, soonest first; facilitators see every region's overdue ones; executives what is rolling out", async () => {
    const [dueSoon, overdue, dueLater, done] = [await implementing(), await implementing(), await implementing(), await implementing()];
    await setRollout(dueSoon, regions[0], { dueOn: inDays(3) });
    await setRollout(overdue, regions[0], { dueOn: inDays(-2), status: 'IN_PROGRESS' });
    await setRollout(dueLater, regions[0], { dueOn: inDays(20) });
    await setRollout(done, regions[0], { dueOn: inDays(1), status: 'DONE' });
    await setRollout(dueLater, regions[2], { dueOn: inDays(-5) });

    const mine = (await home(coord[0], 'myRegionRollouts { status dueOn overdue region { id } proposal { id title } viewerCanUpdate }')).myRegionRollouts;
    expect(mine.map((r: any) => localId(r.proposal.id))).toEqual([overdue.id, dueSoon.id]);
    expect(mine.map((r: any) => [r.overdue, r.viewerCanUpdate, localId(r.region.id)])).toEqual([
      [true, true, regions[0].id],
      [false, true, regions[0].id],
    ]);

    const everywhere = (await home(fac, 'overdueRollouts { overdue region { id } proposal { id } }')).overdueRollouts;
    expect(everywhere.map((r: any) => [localId(r.proposal.id), localId(r.region.id)])).toEqual([
      [dueLater.id, regions[2].id],
      [overdue.id, regions[0].id],
    ]);
    expect(everywhere.every((r: any) => r.overdue)).toBe(true);

    const rolling = (await home(exec, 'rollingOut { id rollouts { region { id } overdue } }')).rollingOut;
    const order = rolling.map((p: any) => localId(p.id));
    // Overdue somewhere first (the longest overdue first), then by the earliest due date.
    expect(order.slice(0, 2)).toEqual([dueLater.id, overdue.id]);
    expect(order).toEqual(expect.arrayContaining([dueSoon.id, done.id]));
    expect(rolling.find((p: any) => localId(p.id) === overdue.id).rollouts.filter((r: any) => r.overdue)).toHaveLength(1);
  });
});

describe('unmarked issues', () => {
  it("counts the open issues the region has not marked, shows the 5 newest, and drops one marked with 'My region too'", async () => {
    const Q = 'unmarkedIssues { totalCount nodes { id title status viewerCanSupport viewerRegionAffected } }';
    const before = (await home(coord[2], Q)).unmarkedIssues.totalCount;
    const base = Date.now() + 60_000;
    const at = (i: number) => new Date(base + i * 1000);
    const raised: string[] = [];
    for (let i = 0; i < 6; i++) raised.push((await f.issue(em(), coord[i % 2], { title: `Unmarked problem ${i}` }, at(i))).id);
    // Not unmarked for region 2: raised there, or supported from there.
    const ownRegion = await f.issue(em(), coord[2], { title: 'Raised in region 2' }, at(10));
    const supported = await f.issue(em(), coord[3], { title: 'Supported from region 2' }, at(11));
    const colleague = await f.user(em(), { region: regions[2] });
    await supportIssue(em(), colleague, supported.id);

    const h = (await home(coord[2], Q)).unmarkedIssues;
    expect(h.totalCount).toBe(before + 6);
    expect(h.nodes.map((i: any) => localId(i.id))).toEqual(raised.slice(1).reverse());
    expect(h.nodes.every((i: any) => i.viewerCanSupport && !i.viewerRegionAffected)).toBe(true);
    expect(h.nodes.map((i: any) => localId(i.id))).not.toContain(ownRegion.id);

    // One click from the home: "My region too".
    await (await as(coord[2])).ok(`mutation($id: ID!) { supportIssue(issueId: $id) { id } }`, { id: gid('Issue', raised[5]) });
    const after = (await home(coord[2], Q)).unmarkedIssues;
    expect(after.totalCount).toBe(before + 5);
    expect(after.nodes.map((i: any) => localId(i.id))).toEqual(raised.slice(0, 5).reverse());
    // Another region still has it to mark.
    expect((await home(coord[3], Q)).unmarkedIssues.nodes.map((i: any) => localId(i.id))).toContain(raised[5]);
  });
});

describe('updates', () => {
  it('shows only unread in-app updates of the listed kinds, newest first, at most 10', async () => {
    const old = Date.now() - 3600_000;
    const reply = await notify(reader, 'REPLY', { createdAt: new Date(old) });
    const mention = await notify(reader, 'MENTIONED', { createdAt: new Date(old + 1000) });
    const decided = await notify(reader, 'DECISION_MADE', { createdAt: new Date(old + 2000) });
    await notify(reader, 'CHANGES_REQUESTED', { createdAt: new Date(old + 3000), readAt: new Date() }); // read
    await notify(reader, 'VOTING_CLOSED', { createdAt: new Date(old + 4000), inApp: false }); // not in the app
    await notify(reader, 'VOTING_OPENED', { createdAt: new Date(old + 5000) }); // a reminder, not an update
    await notify(reader, 'ACTION_ITEM_ASSIGNED', { createdAt: new Date(old + 6000) });
    await notify(coord[4], 'REPLY', { createdAt: new Date(old + 7000) }); // someone else's
    const Q = 'updates { id kind message read createdAt }';
    const updates = (await home(reader, Q)).updates;
    expect(updates.map((n: any) => localId(n.id))).toEqual([decided.id, mention.id, reply.id]);
    expect(updates.every((n: any) => !n.read && n.message.length > 0 && !n.message.startsWith('notifications.'))).toBe(true);

    const more: string[] = [];
    for (let i = 0; i < 10; i++) more.push((await notify(reader, i % 2 ? 'PROPOSAL_ON_MY_ISSUE' : 'REPLY', { createdAt: new Date(old + 10_000 + i * 1000) })).id);
    expect((await home(reader, Q)).updates.map((n: any) => localId(n.id))).toEqual(more.reverse());

    await (await as(reader)).ok(`mutation { markNotificationsRead }`);
    expect((await home(reader, Q)).updates).toEqual([]);
  });
});

describe('action items', () => {
  it("lists the viewer's open action items, due soonest first, undated last", async () => {
    const m = await scheduleMeeting(em(), fac, { title: 'Far-off planning meeting', startsAt: inDays(300), durationMinutes: 60 });
    const item = (title: string, dueOn: Date | null, owner = coord[3]) => createActionItem(em(), fac, { meetingId: m.id, title, ownerId: owner.id, dueOn });
    const later = await item('Collect the return figures', inDays(9));
    const undated = await item('Share the voucher template', null);
    const sooner = await item('Send the store list', inDays(2));
    const finished = await item('Book the room', inDays(1));
    await updateActionItem(em(), coord[3], finished.id, { status: 'DONE' });
    await item('Not mine', inDays(1), coord[2]);
    const list = (await home(coord[3], 'myActionItems { id title dueOn status meeting { title } viewerCanSetStatus }')).myActionItems;
    expect(list.map((a: any) => a.title)).toEqual([sooner.title, later.title, undated.title]);
    expect(list.every((a: any) => a.status === 'OPEN' && a.viewerCanSetStatus && a.meeting.title === m.title)).toBe(true);
  });
});

describe('facilitator', () => {
  it('follows the next meeting\'s agenda: not generated → not published → published → changed → published', async () => {
    const state = async () => (await home(fac, 'nextMeeting { agendaState meeting { id title } }')).nextMeeting;
    const m = await scheduleMeeting(em(), fac, { title: 'Next coordinators meeting', startsAt: inDays(2), durationMinutes: 60 });
    // A later one does not come first.
    await scheduleMeeting(em(), fac, { title: 'The one after', startsAt: inDays(30), durationMinutes: 60 });
    expect(await state()).toEqual({ agendaState: 'NOT_GENERATED', meeting: { id: gid('Meeting', m.id), title: m.title } });
    await generateMeetingAgenda(em(), fac, m.id);
    expect((await state()).agendaState).toBe('NOT_PUBLISHED');
    await publishAgenda(em(), fac, m.id);
    expect((await state()).agendaState).toBe('PUBLISHED');
    const [first] = await em().find(AgendaItem, { meeting: m.id, scheduled: true }, { orderBy: { position: 'asc' } });
    await updateAgendaItem(em(), fac, first.id, { minutes: first.minutes + 5 });
    expect((await state()).agendaState).toBe('CHANGED_SINCE_PUBLISHED');
    await publishAgenda(em(), fac, m.id);
    expect((await state()).agendaState).toBe('PUBLISHED');
    // Everyone's summary names it; only facilitators have the section.
    const summary = (await home(coord[0], 'nextMeeting { agendaState } summary { nextMeetingAt nextMeeting { id } }'));
    expect(summary.nextMeeting).toBeNull();
    expect(summary.summary).toEqual({ nextMeetingAt: m.startsAt.toISOString(), nextMeeting: { id: gid('Meeting', m.id) } });
  });

  it('lists passed proposals awaiting submission; once submitted they join the decision queue, oldest first', async () => {
    const first = await passed(true);
    const second = await passed(true);
    const selfAuthorised = await passed(false);
    const awaiting = async () => (await home(fac, 'awaitingSubmission { id status }')).awaitingSubmission.map((p: any) => localId(p.id));
    expect(await awaiting()).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(await awaiting()).not.toContain(selfAuthorised.id);
    expect((await home(coord[0], 'awaitingSubmission { id }')).awaitingSubmission).toBeNull();

    await submitToManagement(em(), fac, first.id);
    await submitToManagement(em(), coord[0], second.id, new Date(Date.now() + 1000));
    expect(await awaiting()).not.toContain(first.id);
    const queue = (await home(exec, 'decisionQueue { id status submittedAt }')).decisionQueue.map((p: any) => localId(p.id));
    expect(queue.filter((id: string) => [first.id, second.id].includes(id))).toEqual([first.id, second.id]);
    // The same queue as the decision queue page.
    const page = (await (await as(exec)).ok('{ decisionQueue { id } }')).decisionQueue.map((p: any) => localId(p.id));
    expect(queue).toEqual(page);
    await decide(em(), exec, { proposalId: first.id, outcome: 'REJECTED', rationale: 'Not this year, the budget is spent.' });
    expect((await home(exec, 'decisionQueue { id }')).decisionQueue.map((p: any) => localId(p.id))).not.toContain(first.id);
  });
});

describe('no N+1', () => {
  const FULL = `
    votesToCast { id title votingClosesAt viewerVote { choice } viewerActions issue { title } tally { for regionsVoted } }
    myRegionRollouts { status dueOn overdue viewerCanUpdate region { name } proposal { id title } }
    unmarkedIssues { totalCount nodes { id title viewerCanSupport viewerRegionAffected originRegion { name } category { name } } }
    updates { id kind message read createdAt subject { id ... on Proposal { title } ... on Issue { title } } }
    myActionItems { id title dueOn meeting { id title } viewerCanSetStatus }
    nextMeeting { agendaState meeting { id title startsAt } }
    awaitingSubmission { id title author { name } tally { for against } }
    overdueRollouts { dueOn region { name } proposal { id title } }
    decisionQueue { id title submittedAt author { name } issue { title } tally { for against } viewerActions }
    rollingOut { id title rollouts { status dueOn overdue region { name } } }
    summary { openVoteCount openIssueCount implementingCount nextMeetingAt nextMeeting { title } }`;

  const count = async () => {
    const c = await as(everything);
    const before = t.statements.count;
    const h = (await c.ok(`{ home { ${FULL} } }`)).home;
    return { h, statements: t.statements.count - before };
  };
  const sizes = (h: any) => [
    ...[h.votesToCast, h.myRegionRollouts, h.updates, h.myActionItems, h.awaitingSubmission, h.overdueRollouts, h.decisionQueue, h.rollingOut].map((l) => l.length),
    h.unmarkedIssues.totalCount, // the list shows the 5 newest
  ];

  it('costs the same number of statements however many entries each section holds', async () => {
    const meeting = await scheduleMeeting(em(), fac, { title: 'Action item home', startsAt: inDays(200), durationMinutes: 30 });
    const fill = async (n: number) => {
      for (let i = 0; i < n; i++) {
        await f.proposalInVoting(em(), coord[0], fac, inDays(4 + i));
        const rolling = await implementing();
        await setRollout(rolling, regions[3], { dueOn: inDays(-1 - i) });
        await passed(true);
        await submitToManagement(em(), fac, (await passed(true)).id);
        await f.issue(em(), coord[i % 3]);
        await createActionItem(em(), fac, { meetingId: meeting.id, title: `Follow up ${i}`, ownerId: everything.id, dueOn: i % 2 ? null : inDays(i + 1) });
        await notify(everything, 'REPLY');
      }
    };
    await fill(1); // an entry in every section
    const small = await count();
    await fill(4);
    const large = await count();
    const [s, l] = [sizes(small.h), sizes(large.h)];
    for (let i = 0; i < s.length; i++) expect(l[i], `section ${i}`).toBeGreaterThan(s[i]);
    // A query per entry would add a statement for each of the many new entries.
    expect(large.statements - small.statements).toBeLessThanOrEqual(2);
  });
});
