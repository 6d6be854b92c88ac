// Reading proposals before voting: the list in reading order (open votes by soonest deadline,
// then the proposals in progress, drafts, closed ones; newest first within each, id last) also
// across pages; the viewer's marks (needs to vote / voted / is the author); and a "change" of a
// vote to what it already is, which writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProposalStatus } from '@council/shared';
import { startTestApp, type TestApp } from '../support/app.js';
import { People } from '../support/client.js';
import { writesNothing } from '../support/db.js';
import * as f from '../support/factories.js';
import { gid } from '../support/ids.js';
import {
  castVote,
  closeVoting,
  decide,
  draftProposal,
  openVoting,
  submitToManagement,
  updateRollout,
  withdrawProposal,
} from '../../server/src/modules/proposals/proposals.service.js';
import { Proposal as ProposalEntity, type Proposal } from '../../server/src/modules/proposals/proposals.entity.js';
import type { Region, User } from '../../server/src/modules/people/people.entity.js';

const DAY = 86_400_000;
let t: TestApp;
let people: People;
let regions: Region[];
let c1: User; // region 0, author of every fixture
let c2: User; // region 1
let fac: User;
let exec: User;
/** Fixture proposals by name, their statuses once set up; `expected` is the reading order of all of them. */
const p: Record<string, Proposal> = {};
const statusOf: Record<string, ProposalStatus> = {};
let expected: string[];

const base = Date.now() - 40 * DAY;
const at = (days: number) => new Date(base + days * DAY);

async function drafted(name: string, createdDay: number, requiresApproval = true): Promise<Proposal> {
  const em = t.orm.em.fork();
  const on = await f.issue(em, c1);
  const proposal = await draftProposal(
    em,
    c1,
    {
      issueId: on.id,
      title: `Proposal ${name}`,
      currentPolicy: 'Refunds are paid in the weekly batch.',
      proposedPolicy: 'Refunds are paid within five working days.',
      rationale: 'Customers wait up to twelve days for their money.',
      requiresApproval,
    },
    at(createdDay),
  );
  p[name] = proposal;
  return proposal;
}

/** Drafted on `day`, voted on by both regions with `choice`, closed the same day. */
async function voted(name: string, day: number, opts: { requiresApproval?: boolean; choice?: 'FOR' | 'AGAINST' } = {}): Promise<Proposal> {
  const proposal = await drafted(name, day, opts.requiresApproval ?? true);
  const em = t.orm.em.fork();
  await openVoting(em, fac, proposal.id, at(day + 5), at(day + 0.1));
  for (const voter of [c1, c2]) await castVote(em, voter, proposal.id, opts.choice ?? 'FOR', null, at(day + 0.2));
  await closeVoting(em, fac, proposal.id, at(day + 0.3));
  return proposal;
}

async function submitted(name: string, day: number): Promise<Proposal> {
  const proposal = await voted(name, day);
  await submitToManagement(t.orm.em.fork(), c1, proposal.id, at(day + 0.4));
  return proposal;
}

async function decided(name: string, day: number, outcome: 'REJECTED' | 'CHANGES_REQUESTED'): Promise<Proposal> {
  const proposal = await submitted(name, day);
  await decide(t.orm.em.fork(), exec, { proposalId: proposal.id, outcome, rationale: 'Legal needs a check of the VAT number first.' }, at(day + 0.5));
  return proposal;
}

const LIST = `query($status: [ProposalStatus!], $first: Int, $after: ID) {
  proposals(status: $status, first: $first, after: $after) { id title status createdAt votingClosesAt }
}`;
const MARKS = `query($status: [ProposalStatus!]) {
  proposals(status: $status) { id status viewerNeedsToVote viewerIsAuthor viewerVote { choice reason castAt } }
}`;
const VOTE = `mutation($id: ID!, $choice: VoteChoice!, $reason: String) {
  castVote(proposalId: $id, choice: $choice, reason: $reason) { id status updatedAt viewerNeedsToVote viewerVote { choice reason castAt } }
}`;
const HISTORY = `query($id: ID!) { node(id: $id) { ... on Proposal { updatedAt historyCount history { action } } } }`;

const idOf = (name: string) => gid('Proposal', p[name].id);
const names = (list: { id: string }[]) => list.map((x) => Object.keys(p).find((n) => idOf(n) === x.id) ?? x.id);

beforeAll(async () => {
  t = await startTestApp({ sweepIntervalMs: 0 });
  people = new People(t.app);
  const em = t.orm.em.fork();
  regions = [await f.region(em), await f.region(em)];
  c1 = await f.user(em, { region: regions[0] });
  c2 = await f.user(em, { region: regions[1] });
  fac = await f.user(em, { region: null, roles: ['FACILITATOR'] });
  exec = await f.user(em, { region: null, roles: ['EXECUTIVE'] });

  // Every status, with creation days and deadlines chosen so each rule of the order decides somewhere.
  await submitted('submitted', 0);
  await drafted('draftOld', 1);
  // The two "soon" votes close at the same instant: the newer one comes first.
  const soon = new Date(Math.ceil(Date.now() / 1000) * 1000 + DAY);
  for (const [name, day, closesAt] of [['votingLate', 2, new Date(soon.getTime() + 2 * DAY)], ['votingSoonOld', 3, soon], ['votingSoonNew', 4, soon]] as const) {
    const proposal = await drafted(name, day);
    await openVoting(t.orm.em.fork(), fac, proposal.id, closesAt, at(day + 0.1));
  }
  // Two drafts created at the same instant: the id decides, the larger first.
  await drafted('draftTwinA', 5);
  await drafted('draftTwinB', 5);
  await voted('passed', 6);
  await decided('changesRequested', 7, 'CHANGES_REQUESTED');
  await voted('implementing', 8, { requiresApproval: false });
  await voted('failed', 9, { choice: 'AGAINST' });
  await decided('rejected', 10, 'REJECTED');
  const withdrawn = await drafted('withdrawn', 11);
  await withdrawProposal(t.orm.em.fork(), c1, withdrawn.id, at(11.5));
  const implemented = await voted('implemented', 12, { requiresApproval: false });
  for (const region of regions) {
    await updateRollout(t.orm.em.fork(), fac, { proposalId: implemented.id, regionId: region.id, status: 'DONE' }, at(12.6));
  }

  const em2 = t.orm.em.fork();
  for (const [name, proposal] of Object.entries(p)) statusOf[name] = (await em2.findOneOrFail(ProposalEntity, proposal.id)).status;

  const [twinFirst, twinSecond] = [p.draftTwinA, p.draftTwinB].sort((a, b) => (a.id < b.id ? 1 : -1));
  expected = [
    'votingSoonNew',
    'votingSoonOld',
    'votingLate',
    'implementing',
    'changesRequested',
    'passed',
    'submitted',
    twinFirst === p.draftTwinA ? 'draftTwinA' : 'draftTwinB',
    twinSecond === p.draftTwinA ? 'draftTwinA' : 'draftTwinB',
    'draftOld',
    'implemented',
    'withdrawn',
    'rejected',
    'failed',
  ];
});
afterAll(() => t.close());

describe('the proposals list in reading order', () => {
  it('puts open votes first (soonest deadline), then proposals in progress, drafts and closed ones, newest first within each', async () => {
    const list = (await (await people.as(c2)).ok(LIST)).proposals;
    expect(names(list)).toEqual(expected);
    expect(expected.map((name) => statusOf[name])).toEqual([
      'VOTING', 'VOTING', 'VOTING',
      'IMPLEMENTING', 'CHANGES_REQUESTED', 'PASSED', 'SUBMITTED',
      'DRAFT', 'DRAFT', 'DRAFT',
      'IMPLEMENTED', 'WITHDRAWN', 'REJECTED', 'FAILED',
    ]);
  });

  it('keeps the order within a status filter', async () => {
    const list = (await (await people.as(c2)).ok(LIST, { status: ['FAILED', 'DRAFT', 'VOTING'] })).proposals;
    expect(names(list)).toEqual(expected.filter((n) => ['FAILED', 'DRAFT', 'VOTING'].includes(statusOf[n])));
  });

  it('pages through the same order with `first` and `after`, none lost or repeated, for every page size', async () => {
    const c = await people.as(c2);
    const all = names((await c.ok(LIST)).proposals);
    for (const size of [1, 2, 3, 5, 14, 100]) {
      const seen: string[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 20; guard++) {
        const page: { id: string }[] = (await c.ok(LIST, { first: size, after })).proposals;
        expect(page.length).toBeLessThanOrEqual(size);
        seen.push(...names(page));
        if (page.length < size) break;
        after = page.at(-1)!.id;
      }
      expect(seen, `pages of ${size}`).toEqual(all);
    }
    // Pages of a filtered list: the filter and the position together.
    const drafts = names((await c.ok(LIST, { status: ['DRAFT'], first: 2 })).proposals);
    const rest = names((await c.ok(LIST, { status: ['DRAFT'], first: 2, after: idOf(drafts[1]) })).proposals);
    expect([...drafts, ...rest]).toEqual(expected.filter((n) => statusOf[n] === 'DRAFT'));
    // After the last one: nothing.
    expect((await c.ok(LIST, { after: idOf(expected.at(-1)!) })).proposals).toEqual([]);
  });

  it('refuses a page size out of range and a position that is not a proposal', async () => {
    const c = await people.as(c2);
    const refusal = async (vars: Record<string, unknown>) => (await c.gql(LIST, vars)).errors?.[0].extensions;
    for (const first of [0, -1, 101]) expect(await refusal({ first })).toMatchObject({ code: 'BAD_USER_INPUT', fields: { first: expect.any(String) } });
    for (const after of ['garbage', gid('Issue', p.draftOld.issue.id), gid('Proposal', '00000000-0000-4000-8000-000000000000')]) {
      expect(await refusal({ after }), after).toMatchObject({ code: 'BAD_USER_INPUT', fields: { after: expect.any(String) } });
    }
  });
});

describe('the viewer’s marks', () => {
  it('marks "needs your vote" only while voting is open, the viewer may vote and has not; then "you voted"', async () => {
    const marks = async (u: User) => {
      const list = (await (await people.as(u)).ok(MARKS)).proposals as { id: string; viewerNeedsToVote: boolean; viewerIsAuthor: boolean; viewerVote: { choice: string } | null }[];
      return new Map(list.map((x) => [names([x])[0], x]));
    };
    const before = await marks(c2);
    for (const name of ['votingSoonNew', 'votingSoonOld', 'votingLate']) expect(before.get(name), name).toMatchObject({ viewerNeedsToVote: true, viewerVote: null });
    for (const name of ['draftOld', 'passed', 'submitted', 'failed', 'implemented']) expect(before.get(name)!.viewerNeedsToVote, name).toBe(false);
    // Votes of a closed round still show as the viewer's.
    expect(before.get('passed')!.viewerVote).toEqual({ choice: 'FOR', reason: null, castAt: expect.any(String) });

    await (await people.as(c2)).ok(VOTE, { id: idOf('votingLate'), choice: 'AGAINST', reason: 'Not before the peak season.' });
    const after = await marks(c2);
    expect(after.get('votingLate')).toMatchObject({ viewerNeedsToVote: false, viewerVote: { choice: 'AGAINST', reason: 'Not before the peak season.' } });
    expect(after.get('votingSoonNew')!.viewerNeedsToVote).toBe(true);

    // Someone who may not vote is never asked to.
    for (const u of [exec, fac]) {
      const theirs = await marks(u);
      expect([...theirs.values()].filter((x) => x.viewerNeedsToVote), u.email).toEqual([]);
    }
  });

  it('does not ask for a vote once the deadline has passed, even before the vote is closed', async () => {
    const late = await drafted('deadlinePassed', 20);
    await openVoting(t.orm.em.fork(), fac, late.id, new Date(Date.now() - 60_000), at(20.1));
    const list = (await (await people.as(c2)).ok(MARKS, { status: ['VOTING'] })).proposals as { id: string; viewerNeedsToVote: boolean }[];
    expect(list.find((x) => x.id === idOf('deadlinePassed'))!.viewerNeedsToVote).toBe(false);
    expect(list.find((x) => x.id === idOf('votingSoonNew'))!.viewerNeedsToVote).toBe(true);
  });

  it('tells the author apart from everyone else', async () => {
    const mine = (await (await people.as(c1)).ok(MARKS)).proposals as { viewerIsAuthor: boolean }[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((x) => x.viewerIsAuthor)).toBe(true);
    for (const u of [c2, exec]) expect(((await (await people.as(u)).ok(MARKS)).proposals as { viewerIsAuthor: boolean }[]).some((x) => x.viewerIsAuthor)).toBe(false);
  });

  it('costs the same statements for a short and a long list with the marks', async () => {
    const c = await people.as(c2);
    const count = async (status: string[]) => {
      const before = t.statements.count;
      const list = (await c.ok(MARKS, { status })).proposals;
      return { n: list.length, statements: t.statements.count - before };
    };
    const small = await count(['FAILED']);
    const large = await count(['FAILED', 'VOTING', 'DRAFT', 'PASSED', 'SUBMITTED', 'IMPLEMENTED', 'IMPLEMENTING']);
    expect(large.n - small.n).toBeGreaterThanOrEqual(8);
    expect(large.statements - small.statements).toBeLessThanOrEqual(1);
  });
});

describe('a vote "changed" to what it already is', () => {
  it('writes nothing: no audit event, no history entry, no new castAt, no updatedAt bump', async () => {
    const c = await people.as(c2);
    const id = idOf('votingSoonOld');
    const first = (await c.ok(VOTE, { id, choice: 'FOR', reason: 'Customers have waited long enough.' })).castVote;
    const state = (await c.ok(HISTORY, { id })).node;

    let again: any;
    await writesNothing(t.orm.em, async () => {
      // Blanks around the reason are trimmed, as when it was cast: still the same vote.
      again = (await c.ok(VOTE, { id, choice: 'FOR', reason: '  Customers have waited long enough.\n' })).castVote;
    });
    expect(again).toEqual(first);
    expect((await c.ok(HISTORY, { id })).node).toEqual(state);

    // Without a reason twice: the same too.
    const id2 = idOf('votingSoonNew');
    const noReason = (await c.ok(VOTE, { id: id2, choice: 'ABSTAIN' })).castVote;
    await writesNothing(t.orm.em, async () => {
      expect((await c.ok(VOTE, { id: id2, choice: 'ABSTAIN', reason: '   ' })).castVote).toEqual(noReason);
    });
  });

  it('is a change when the choice or the reason differs', async () => {
    const c = await people.as(c2);
    const id = idOf('votingSoonOld');
    const before = (await c.ok(HISTORY, { id })).node;
    const reasoned = (await c.ok(VOTE, { id, choice: 'FOR', reason: 'Customers have waited far too long.' })).castVote;
    const flipped = (await c.ok(VOTE, { id, choice: 'AGAINST', reason: 'Customers have waited far too long.' })).castVote;
    expect(flipped.viewerVote.choice).toBe('AGAINST');
    expect(reasoned.updatedAt > before.updatedAt).toBe(true);
    const afterwards = (await c.ok(HISTORY, { id })).node;
    expect(afterwards.historyCount).toBe(before.historyCount + 2);
    expect(afterwards.history.slice(-2).map((h: { action: string }) => h.action)).toEqual(['vote.changed', 'vote.changed']);
  });

  it('is still refused when voting has closed, writing nothing', async () => {
    const c = await people.as(c2);
    // c2 voted FOR without a reason on "passed" before it closed: the same vote now is refused.
    await writesNothing(t.orm.em, async () => {
      expect(await c.code(VOTE, { id: idOf('passed'), choice: 'FOR' })).toBe('CONFLICT');
    });
  });
});
