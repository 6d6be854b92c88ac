// Live updates over a real HTTP listener: GraphQL subscriptions over Server-Sent Events. A vote
// reaches a proposalChanged subscriber within a second, the facilitator's "next item" reaches an
// attendee's meetingChanged, a notification reaches its reader's unreadNotificationCount and no
// one else's; refusals (signed out, unknown id) carry the contract's codes; a draft agenda stays
// hidden from coordinators as in `node`; a rolled-back transaction announces nothing; and with
// Redis a vote on one instance reaches a subscriber on another instance of the same database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import * as f from '../support/factories.js';
import { gid } from '../support/ids.js';
import { REDIS_TEST_URL, uniquePrefix } from '../support/services.js';
import { HttpPerson, type LiveStream } from '../support/sse.js';
import type { Region, User } from '../../server/src/modules/people/people.entity.js';
import { closeDueVotes } from '../../server/src/modules/proposals/proposals.service.js';
import { addAgendaItem, generateMeetingAgenda, publishAgenda } from '../../server/src/modules/meetings/agenda.service.js';
import { createActionItem, scheduleMeeting, startMeeting } from '../../server/src/modules/meetings/meetings.service.js';
import { closeRedis, connectRedis } from '../../server/src/redis.js';
import { Notification } from '../../server/src/modules/notifications/notifications.entity.js';

// Both instances of the Redis test sign the same sessions.
const SESSION_SECRET = 'subscriptions-test-session-secret-0123456789';

let t: TestApp;
let base: string;
let regions: Region[];
let coord: User[];
let fac: User;

async function listen(app: TestApp): Promise<string> {
  await app.app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP address');
  return `http://127.0.0.1:${address.port}`;
}

beforeAll(async () => {
  t = await startTestApp({ sweepIntervalMs: 0, env: { SESSION_SECRET } });
  base = await listen(t);
  const em = t.orm.em.fork();
  regions = [];
  for (let i = 0; i < 3; i++) regions.push(await f.region(em, { name: `Live ${i}` }));
  coord = [];
  for (let i = 0; i < 3; i++) coord.push(await f.user(em, { region: regions[i] }));
  fac = await f.user(em, { region: regions[0], roles: ['FACILITATOR', 'COORDINATOR'] });
});
afterAll(() => t?.close());

const person = (u: User, at = base) => new HttpPerson(at).signIn(u.email, f.PASSWORD);

async function votingProposal(app: TestApp = t): Promise<string> {
  return (await f.proposalInVoting(app.orm.em.fork(), coord[0], fac, new Date(Date.now() + 3 * 86_400_000))).id;
}

const PROPOSAL_CHANGED = `subscription($id: ID!) { proposalChanged(id: $id) { id status tally { for against abstain regionsVoted } viewerVote { choice } } }`;
const VOTE = `mutation($id: ID!, $choice: VoteChoice!) { castVote(proposalId: $id, choice: $choice) { id } }`;
const MEETING_CHANGED = `subscription($id: ID!) { meetingChanged(id: $id) { id status agenda { id title } unscheduled { id } currentItem { id title } } }`;
const UNREAD = `subscription { unreadNotificationCount }`;

const streams: LiveStream[] = [];
const track = <T>(stream: LiveStream<T>) => (streams.push(stream), stream);
afterAll(() => streams.forEach((s) => s.close()));

describe('proposalChanged', () => {
  it('gives the proposal now, then a vote cast by someone else within a second', async () => {
    const id = gid('Proposal', await votingProposal());
    const watcher = await person(coord[1]);
    const voter = await person(coord[2]);
    const live = track(await watcher.subscribe(PROPOSAL_CHANGED, { id }));

    const first = await live.next();
    expect(first.result.errors).toBeUndefined();
    expect(first.result.data.proposalChanged).toMatchObject({ id, status: 'VOTING', tally: { for: 0, against: 0 }, viewerVote: null });

    const castAt = performance.now();
    await voter.ok(VOTE, { id, choice: 'FOR' });
    const change = await live.until((r) => r.data?.proposalChanged.tally.for === 1, 1_000);
    expect(change.at - castAt).toBeLessThan(1_000);
    // Each subscriber reads with their own view: the watcher has not voted.
    expect(change.result.data.proposalChanged).toMatchObject({ tally: { for: 1, regionsVoted: 1 }, viewerVote: null });

    await watcher.ok(VOTE, { id, choice: 'AGAINST' });
    const own = await live.until((r) => r.data?.proposalChanged.tally.against === 1, 1_000);
    expect(own.result.data.proposalChanged.viewerVote).toEqual({ choice: 'AGAINST' });
  });

  it('follows the vote-closer, which runs outside any request', async () => {
    const proposalId = await votingProposal();
    const live = track(await (await person(coord[1])).subscribe(PROPOSAL_CHANGED, { id: gid('Proposal', proposalId) }));
    expect((await live.next()).result.data.proposalChanged.status).toBe('VOTING');

    expect(await closeDueVotes(t.orm.em.fork(), new Date(Date.now() + 4 * 86_400_000), proposalId)).toBe(1);
    const closed = await live.until((r) => r.data?.proposalChanged.status !== 'VOTING', 1_000);
    expect(closed.result.data.proposalChanged.status).toBe('FAILED');
  });

  it('refuses a signed-out subscriber with UNAUTHENTICATED and an unknown or foreign id with NOT_FOUND, then ends', async () => {
    const id = gid('Proposal', await votingProposal());
    const anonymous = track(await new HttpPerson(base).subscribe(PROPOSAL_CHANGED, { id }));
    expect((await anonymous.next()).result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    await anonymous.ended;
    expect(anonymous.completed).toBe(true);

    const watcher = await person(coord[1]);
    for (const wrong of [gid('Proposal', '00000000-0000-4000-8000-000000000000'), gid('Meeting', '00000000-0000-4000-8000-000000000000'), 'not-an-id']) {
      const live = track(await watcher.subscribe(PROPOSAL_CHANGED, { id: wrong }));
      const refused = await live.next();
      expect(refused.result.data ?? null).toBeNull();
      expect(refused.result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      await live.ended;
      expect(live.completed).toBe(true);
    }
  });

  it('ends with UNAUTHENTICATED at the first change after the subscriber signed out', async () => {
    const id = gid('Proposal', await votingProposal());
    const watcher = await person(coord[1]);
    const live = track(await watcher.subscribe(PROPOSAL_CHANGED, { id }));
    await live.next();
    await watcher.ok(`mutation { signOut }`);

    await (await person(coord[2])).ok(VOTE, { id, choice: 'FOR' });
    const event = await live.next(1_000);
    expect(event.result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(event.result.data ?? null).toBeNull();
    await live.ended;
    expect(live.completed).toBe(true);
  });
});

describe('meetingChanged', () => {
  async function runningMeeting(): Promise<{ id: string; items: string[] }> {
    const em = t.orm.em.fork();
    const meeting = await scheduleMeeting(em, fac, { title: 'Weekly coordinators', startsAt: new Date(Date.now() + 86_400_000), durationMinutes: 60 });
    await generateMeetingAgenda(em, fac, meeting.id);
    await addAgendaItem(em, fac, meeting.id, { title: 'Holiday staffing', minutes: 10 });
    await publishAgenda(em, fac, meeting.id);
    await startMeeting(em, fac, meeting.id);
    return { id: gid('Meeting', meeting.id), items: [] };
  }

  it('brings the facilitator\'s next item to an attendee within a second', async () => {
    const { id } = await runningMeeting();
    const attendee = await person(coord[1]);
    const facilitator = await person(fac);
    const live = track(await attendee.subscribe(MEETING_CHANGED, { id }));
    const first = (await live.next()).result.data.meetingChanged;
    expect(first.status).toBe('IN_PROGRESS');
    expect(first.currentItem.id).toBe(first.agenda[0].id);

    const movedAt = performance.now();
    await facilitator.ok(`mutation($id: ID!) { setCurrentAgendaItem(meetingId: $id) { id } }`, { id });
    const next = await live.until((r) => r.data?.meetingChanged.currentItem?.id !== first.currentItem.id, 1_000);
    expect(next.at - movedAt).toBeLessThan(1_000);
    expect(next.result.data.meetingChanged.currentItem.id).toBe(first.agenda[1].id);
  });

  it('shows a coordinator no draft agenda, as node does, while the facilitator\'s subscription shows it', async () => {
    const em = t.orm.em.fork();
    const meeting = await scheduleMeeting(em, fac, { title: 'Draft only', startsAt: new Date(Date.now() + 2 * 86_400_000), durationMinutes: 60 });
    const id = gid('Meeting', meeting.id);
    const coordinator = await person(coord[1]);
    const facilitator = await person(fac);
    const theirs = track(await coordinator.subscribe(MEETING_CHANGED, { id }));
    const mine = track(await facilitator.subscribe(MEETING_CHANGED, { id }));
    await theirs.next();
    await mine.next();

    await facilitator.ok(`mutation($id: ID!) { generateAgenda(meetingId: $id) { id } }`, { id });
    const drafted = (await mine.until((r) => r.data?.meetingChanged.agenda.length > 0, 1_000)).result.data.meetingChanged;
    expect(drafted.agenda.length).toBeGreaterThan(1);
    const hidden = (await theirs.next(1_000)).result.data.meetingChanged;
    expect(hidden).toMatchObject({ agenda: [], unscheduled: [], currentItem: null });
    const node = await coordinator.ok(`query($id: ID!) { node(id: $id) { ... on Meeting { agenda { id } unscheduled { id } } } }`, { id });
    expect(node.node).toEqual({ agenda: [], unscheduled: [] });

    await facilitator.ok(`mutation($id: ID!) { publishAgenda(meetingId: $id) { id } }`, { id });
    const published = await theirs.until((r) => r.data?.meetingChanged.agenda.length > 0, 1_000);
    expect(published.result.data.meetingChanged.agenda.map((i: { id: string }) => i.id)).toEqual(drafted.agenda.map((i: { id: string }) => i.id));
  });
});

describe('unreadNotificationCount', () => {
  it('gives the count now, then changes for the notified person only, including marking read', async () => {
    const em = t.orm.em.fork();
    const meeting = await scheduleMeeting(em, fac, { title: 'Action items', startsAt: new Date(Date.now() + 86_400_000), durationMinutes: 30 });
    const owner = await person(coord[1]);
    const other = await person(coord[2]);
    await owner.ok(`mutation { markNotificationsRead }`);
    await other.ok(`mutation { markNotificationsRead }`);
    const ownerLive = track(await owner.subscribe(UNREAD));
    const otherLive = track(await other.subscribe(UNREAD));
    expect((await ownerLive.next()).result.data).toEqual({ unreadNotificationCount: 0 });
    expect((await otherLive.next()).result.data).toEqual({ unreadNotificationCount: 0 });

    await createActionItem(em, fac, { meetingId: meeting.id, title: 'Draft the holiday rota', ownerId: coord[1].id });
    expect((await ownerLive.next(1_000)).result.data).toEqual({ unreadNotificationCount: 1 });
    expect(await otherLive.within(300)).toEqual([]);

    // Marking read is a native update the unit of work never sees; it is announced all the same.
    await owner.ok(`mutation { markNotificationsRead }`);
    expect((await ownerLive.next(1_000)).result.data).toEqual({ unreadNotificationCount: 0 });
  });

  it('announces a change when its transaction commits, and nothing when it rolls back', async () => {
    const reader = await person(coord[0]);
    await reader.ok(`mutation { markNotificationsRead }`);
    const live = track(await reader.subscribe(UNREAD));
    expect((await live.next()).result.data).toEqual({ unreadNotificationCount: 0 });
    const notify = (tx: ReturnType<typeof t.orm.em.fork>) =>
      tx.create(Notification, { user: coord[0].id, kind: 'ACTION_ITEM_ASSIGNED', messageKey: 'notifications.actionAssigned', params: { title: 'x', meeting: 'y' }, createdAt: new Date() });

    await expect(
      t.orm.em.fork().transactional(async (tx) => {
        notify(tx);
        await tx.flush();
        throw new Error('changed our mind');
      }),
    ).rejects.toThrow('changed our mind');
    expect(await live.within(300)).toEqual([]);

    // A nested transaction's flush is announced when the outermost one commits.
    await t.orm.em.fork().transactional(async (tx) => {
      await tx.transactional(async (inner) => {
        notify(inner);
      });
      expect(await live.within(100)).toEqual([]);
    });
    expect((await live.next(1_000)).result.data).toEqual({ unreadNotificationCount: 1 });
  });
});

describe('closing', () => {
  it('drops open streams without completing them, so that the instance stops and clients reconnect', async () => {
    const other = await startTestApp({ sweepIntervalMs: 0, env: { SESSION_SECRET } });
    try {
      const otherBase = await listen(other);
      const em = other.orm.em.fork();
      const reader = await f.user(em, { region: await f.region(em) });
      const live = track(await (await new HttpPerson(otherBase).signIn(reader.email, f.PASSWORD)).subscribe(UNREAD));
      await live.next();
      await other.app.close();
      await live.ended;
      // A completed stream is finished for the client; a dropped one is retried (graphql-sse).
      expect(live.completed).toBe(false);
    } finally {
      await other.close();
    }
  });
});

describe.skipIf(!REDIS_TEST_URL)('across instances through Redis', () => {
  let one: TestApp;
  let two: TestApp;
  let oneBase: string;
  let twoBase: string;
  const prefix = uniquePrefix('subscriptions');

  beforeAll(async () => {
    // A prefix of this run's own: channels are `<topic>:<prefix><id>`, apart from other runs on this Redis.
    const env = { SESSION_SECRET, REDIS_URL: REDIS_TEST_URL!, REDIS_PREFIX: prefix };
    one = await startTestApp({ sweepIntervalMs: 0, env });
    const db = one.services.config.database;
    // The same database: PostgreSQL's URL, or the same SQLite file.
    two = await startTestApp({ sweepIntervalMs: 0, env: { ...env, DATABASE_URL: db.kind === 'postgresql' ? db.url : `sqlite:${db.file}` } });
    [oneBase, twoBase] = [await listen(one), await listen(two)];
  });
  afterAll(async () => {
    await two?.close();
    await one?.close();
  });

  it('delivers a vote cast on instance 1 to a proposalChanged subscriber on instance 2 within a second, and unsubscribes when it leaves', async () => {
    const em = one.orm.em.fork();
    const area = await f.region(em);
    const [author, watcherUser, voterUser] = [await f.user(em, { region: area }), await f.user(em, { region: area }), await f.user(em, { region: await f.region(em) })];
    const facilitator = await f.user(em, { region: area, roles: ['FACILITATOR', 'COORDINATOR'] });
    const proposal = await f.proposalInVoting(em, author, facilitator);
    const id = gid('Proposal', proposal.id);

    const watcher = await new HttpPerson(twoBase).signIn(watcherUser.email, f.PASSWORD);
    const voter = await new HttpPerson(oneBase).signIn(voterUser.email, f.PASSWORD);
    const live = track(await watcher.subscribe(PROPOSAL_CHANGED, { id }));
    // The first event is read once Redis has confirmed the subscription: no vote after it is missed.
    expect((await live.next()).result.data.proposalChanged.tally.for).toBe(0);

    const castAt = performance.now();
    await voter.ok(VOTE, { id, choice: 'FOR' });
    const change = await live.until((r) => r.data?.proposalChanged.tally.for === 1, 1_000);
    expect(change.at - castAt).toBeLessThan(1_000);
    // A session made on instance 1 is valid on instance 2.
    expect((await voter.on(twoBase).ok(`query { viewer { id } }`)).viewer.id).toBe(gid('User', voterUser.id));

    // A client that leaves takes its Redis subscription with it.
    const redis = await connectRedis(REDIS_TEST_URL!, 'subscriptions-test', () => {});
    try {
      const subscribers = async () => Number(((await redis.pubsub('NUMSUB', `proposal:${prefix}${proposal.id}`)) as [string, number])[1]);
      expect(await subscribers()).toBe(1);
      live.close();
      const until = Date.now() + 2_000;
      while ((await subscribers()) > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await subscribers()).toBe(0);
    } finally {
      await closeRedis(redis);
    }
  });
});
