// Proposals over HTTP: draft → voting → passed → submitted → decided → rollouts → implemented,
// the register, every illegal step refused with the contract's code and nothing written,
// deadlines, and votes racing each other and the close.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { People } from '../support/client.js';
import { writesNothing as writesNothingIn } from '../support/db.js';
import * as f from '../support/factories.js';
import { gid } from '../support/ids.js';
import { closeDueVotes } from '../../server/src/modules/proposals/proposals.service.js';
import { Vote } from '../../server/src/modules/proposals/proposals.entity.js';
import type { Region, User } from '../../server/src/modules/people/people.entity.js';

let t: TestApp;
let regions: Region[];
let coord: User[]; // coord[i] in regions[i]; coord[4] also in regions[0]
let fac: User; // facilitator + coordinator, regions[1]
let exec: User;
let admin: User;
let people: People;

beforeAll(async () => {
  t = await startTestApp({ sweepIntervalMs: 0 });
  people = new People(t.app);
  const em = t.orm.em.fork();
  regions = [];
  for (let i = 0; i < 4; i++) regions.push(await f.region(em, { name: `Area ${i}` }));
  coord = [];
  for (let i = 0; i < 4; i++) coord.push(await f.user(em, { region: regions[i] }));
  coord.push(await f.user(em, { region: regions[0] }));
  fac = await f.user(em, { region: regions[1], roles: ['FACILITATOR', 'COORDINATOR'] });
  exec = await f.user(em, { region: null, roles: ['EXECUTIVE'] });
  admin = await f.user(em, { region: null, roles: ['ADMIN'] });
});
afterAll(() => t.close());

const as = (u: User) => people.as(u);

const writesNothing = (act: () => Promise<unknown>) => writesNothingIn(t.orm.em, act);

const P = `id status version requiresApproval votingClosesAt
  tally { for against abstain eligibleVoters regionsVoted totalRegions quorumReached passing quorum threshold byRegion { region { id } for against abstain } }
  viewerVote { choice reason } decision { outcome rationale decidedBy { id } effectiveFrom }
  rollouts { region { id } status note viewerCanUpdate } viewerActions issue { id status }`;
const DRAFT = `mutation($input: DraftProposalInput!) { draftProposal(input: $input) { ${P} } }`;
const REVISE = `mutation($input: ReviseProposalInput!) { reviseProposal(input: $input) { ${P} title } }`;
const OPEN = `mutation($id: ID!, $at: DateTime!) { openVoting(proposalId: $id, closesAt: $at) { ${P} } }`;
const VOTE = `mutation($id: ID!, $choice: VoteChoice!, $reason: String) { castVote(proposalId: $id, choice: $choice, reason: $reason) { ${P} } }`;
const CLOSE = `mutation($id: ID!) { closeVoting(proposalId: $id) { ${P} } }`;
const SUBMIT = `mutation($id: ID!) { submitToManagement(proposalId: $id) { ${P} } }`;
const DECIDE = `mutation($input: DecideInput!) { decide(input: $input) { ${P} } }`;
const ROLLOUT = `mutation($id: ID!, $region: ID!, $status: RolloutStatus!, $note: String) { updateRollout(proposalId: $id, regionId: $region, status: $status, note: $note) { ${P} } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawProposal(proposalId: $id) { ${P} } }`;
const GET = `query($id: ID!) { node(id: $id) { ... on Proposal { ${P} history { action toStatus actor { id } } } } }`;

const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
const rid = (i: number) => gid('Region', regions[i].id);
const localId = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1];

async function newIssue(by = coord[0]) {
  const c = await as(by);
  const r = await c.ok(`mutation { raiseIssue(input: { title: "Return window too short ${Math.random()}", description: "Customers need more time." }) { id } }`);
  return r.raiseIssue.id as string;
}

async function draft(opts: { by?: User; requiresApproval?: boolean; issueId?: string; policyId?: string } = {}) {
  const issueId = opts.issueId ?? (await newIssue());
  const c = await as(opts.by ?? coord[0]);
  return (
    await c.ok(DRAFT, {
      input: {
        issueId,
        title: 'Extend the holiday return window',
        currentPolicy: 'Returns are accepted within 30 days of delivery.',
        proposedPolicy: 'Returns are accepted within 30 days of delivery; purchases from 1 November to 24 December until 31 January.',
        rationale: 'Gift recipients are refused returns; every region handles exceptions differently.',
        requiresApproval: opts.requiresApproval ?? true,
        ...(opts.policyId ? { policyId: opts.policyId } : {}),
      },
    })
  ).draftProposal;
}

async function openAndVote(p: { id: string }, votes: [User, string][], closeDays = 7) {
  await (await as(fac)).ok(OPEN, { id: p.id, at: inDays(closeDays) });
  for (const [u, choice] of votes) await (await as(u)).ok(VOTE, { id: p.id, choice });
}

describe('the whole path', () => {
  it('takes an issue through draft → voting → passed → submitted → approved → implemented, into the register', async () => {
    const issueId = await newIssue();
    const p = await draft({ issueId });
    expect(p).toMatchObject({ status: 'DRAFT', version: 1, issue: { status: 'PROPOSED' } });
    expect(p.viewerActions).toEqual(expect.arrayContaining(['revise', 'withdraw']));
    expect(p.viewerActions).not.toContain('openVoting');

    const author = await as(coord[0]);
    const revised = (await author.ok(REVISE, { input: { proposalId: p.id, version: 1, title: 'Extend the holiday return window to 31 January' } })).reviseProposal;
    expect(revised).toMatchObject({ version: 2, status: 'DRAFT', title: 'Extend the holiday return window to 31 January' });
    await writesNothing(async () => {
      expect(await author.code(REVISE, { input: { proposalId: p.id, version: 1, title: 'A stale edit of the title' } })).toBe('CONFLICT');
    });

    const facC = await as(fac);
    await writesNothing(async () => {
      expect(await facC.code(OPEN, { id: p.id, at: inDays(-1) })).toBe('BAD_USER_INPUT');
      expect(await facC.code(OPEN, { id: p.id, at: inDays(90) })).toBe('BAD_USER_INPUT');
      expect(await author.code(OPEN, { id: p.id, at: inDays(7) })).toBe('FORBIDDEN');
    });
    const voting = (await facC.ok(OPEN, { id: p.id, at: inDays(7) })).openVoting;
    expect(voting).toMatchObject({ status: 'VOTING', tally: { quorum: 0.5, threshold: 0.5, eligibleVoters: 6, totalRegions: 4, regionsVoted: 0 } });

    await (await as(coord[0])).ok(VOTE, { id: p.id, choice: 'AGAINST' });
    const changed = (await (await as(coord[0])).ok(VOTE, { id: p.id, choice: 'FOR', reason: 'Changed my mind after the figures.' })).castVote;
    expect(changed.viewerVote).toEqual({ choice: 'FOR', reason: 'Changed my mind after the figures.' });
    expect(changed.tally).toMatchObject({ for: 1, against: 0, regionsVoted: 1, quorumReached: false, passing: false });
    await (await as(coord[1])).ok(VOTE, { id: p.id, choice: 'FOR' });
    await (await as(coord[4])).ok(VOTE, { id: p.id, choice: 'ABSTAIN' });
    const last = (await (await as(coord[2])).ok(VOTE, { id: p.id, choice: 'AGAINST' })).castVote;
    expect(last.tally).toMatchObject({ for: 2, against: 1, abstain: 1, regionsVoted: 3, quorumReached: true, passing: true });
    expect(last.tally.byRegion.find((r: any) => r.region.id === rid(0))).toMatchObject({ for: 1, abstain: 1, against: 0 });
    expect(await t.orm.em.fork().count(Vote, { proposal: localId(p.id) })).toBe(4);

    const passed = (await facC.ok(CLOSE, { id: p.id })).closeVoting;
    expect(passed.status).toBe('PASSED');
    const submitted = (await author.ok(SUBMIT, { id: p.id })).submitToManagement;
    expect(submitted.status).toBe('SUBMITTED');

    const execC = await as(exec);
    const queue = (await execC.ok(`{ decisionQueue { id status } }`)).decisionQueue;
    expect(queue.map((q: any) => q.id)).toContain(p.id);
    expect(await author.code(`{ decisionQueue { id } }`)).toBe('FORBIDDEN');
    await writesNothing(async () => {
      expect(await execC.code(DECIDE, { input: { proposalId: p.id, outcome: 'APPROVED', rationale: '' } })).toBe('BAD_USER_INPUT');
      expect(await author.code(DECIDE, { input: { proposalId: p.id, outcome: 'APPROVED', rationale: 'I approve my own proposal.' } })).toBe('FORBIDDEN');
    });
    const approved = (await execC.ok(DECIDE, { input: { proposalId: p.id, outcome: 'APPROVED', rationale: 'Revenue impact is small; consistency matters more.', effectiveFrom: inDays(3) } })).decide;
    expect(approved).toMatchObject({ status: 'IMPLEMENTING', decision: { outcome: 'APPROVED', decidedBy: { id: gid('User', exec.id) } } });
    expect(approved.rollouts).toHaveLength(4);
    expect(approved.rollouts.every((r: any) => r.status === 'PENDING')).toBe(true);
    expect((await execC.ok(`{ decisionQueue { id } }`)).decisionQueue.map((q: any) => q.id)).not.toContain(p.id);

    // Each coordinator updates their own region; another region's rollout is refused.
    await writesNothing(async () => {
      expect(await (await as(coord[2])).code(ROLLOUT, { id: p.id, region: rid(3), status: 'DONE' })).toBe('FORBIDDEN');
      expect(await execC.code(ROLLOUT, { id: p.id, region: rid(3), status: 'DONE' })).toBe('FORBIDDEN');
    });
    const mine = (await (await as(coord[2])).ok(ROLLOUT, { id: p.id, region: rid(2), status: 'IN_PROGRESS', note: 'Training agents this week' })).updateRollout;
    expect(mine.rollouts.find((r: any) => r.region.id === rid(2))).toMatchObject({ status: 'IN_PROGRESS', note: 'Training agents this week', viewerCanUpdate: true });
    expect(mine.rollouts.find((r: any) => r.region.id === rid(3)).viewerCanUpdate).toBe(false);
    for (const i of [0, 2, 3]) await (await as(coord[i])).ok(ROLLOUT, { id: p.id, region: rid(i), status: 'DONE' });
    const done = (await facC.ok(ROLLOUT, { id: p.id, region: rid(1), status: 'DONE' })).updateRollout;
    expect(done).toMatchObject({ status: 'IMPLEMENTED', issue: { status: 'RESOLVED' } });

    const register = (await author.ok(`{ policies { id title currentVersion current { version text previousText proposal { id } decision { outcome } } } }`)).policies;
    const policy = register.find((x: any) => x.current.proposal.id === p.id);
    expect(policy).toMatchObject({ currentVersion: 1, current: { version: 1, decision: { outcome: 'APPROVED' }, previousText: 'Returns are accepted within 30 days of delivery.' } });

    const history = (await author.ok(GET, { id: p.id })).node.history.map((h: any) => h.toStatus).filter(Boolean);
    expect(history).toEqual(['DRAFT', 'DRAFT', 'VOTING', 'PASSED', 'SUBMITTED', 'APPROVED', 'IMPLEMENTING', 'IMPLEMENTED']);
  });

  it('goes straight to implementation when no approval is needed, and the next change makes version 2', async () => {
    const first = await draft({ requiresApproval: false });
    await openAndVote(first, [[coord[0], 'FOR'], [coord[1], 'FOR']]);
    const closed = (await (await as(fac)).ok(CLOSE, { id: first.id })).closeVoting;
    expect(closed.status).toBe('IMPLEMENTING');
    expect(closed.decision).toBeNull();
    for (let i = 0; i < 4; i++) await (await as(fac)).ok(ROLLOUT, { id: first.id, region: rid(i), status: 'DONE' });
    const policies = (await (await as(fac)).ok(`{ policies { id current { proposal { id } } } }`)).policies;
    const policyId = policies.find((x: any) => x.current.proposal.id === first.id).id;

    const second = await draft({ requiresApproval: false, policyId });
    await openAndVote(second, [[coord[2], 'FOR'], [coord[3], 'FOR']]);
    await (await as(fac)).ok(CLOSE, { id: second.id });
    for (let i = 0; i < 4; i++) await (await as(fac)).ok(ROLLOUT, { id: second.id, region: rid(i), status: 'DONE' });
    const policy = (await (await as(fac)).ok(`query($id: ID!) { node(id: $id) { ... on Policy { currentVersion versions { version text previousText proposal { id } } } } }`, { id: policyId })).node;
    expect(policy.currentVersion).toBe(2);
    expect(policy.versions.map((v: any) => v.proposal.id)).toEqual([second.id, first.id]);
    expect(policy.versions[0].previousText).toBe(policy.versions[1].text);
  });

  it('gives two changes of one policy finished at the same moment by different people versions n+1 and n+2', async () => {
    const first = await draft({ requiresApproval: false });
    await openAndVote(first, [[coord[0], 'FOR'], [coord[1], 'FOR']]);
    await (await as(fac)).ok(CLOSE, { id: first.id });
    for (let i = 0; i < 4; i++) await (await as(fac)).ok(ROLLOUT, { id: first.id, region: rid(i), status: 'DONE' });
    const policies = (await (await as(fac)).ok(`{ policies { id current { proposal { id } } } }`)).policies;
    const policyId = policies.find((x: any) => x.current.proposal.id === first.id).id;

    const changes = [];
    for (const voters of [[coord[0], coord[1]], [coord[2], coord[3]]] as const) {
      const p = await draft({ requiresApproval: false, policyId });
      await openAndVote(p, voters.map((u) => [u, 'FOR'] as [User, string]));
      await (await as(fac)).ok(CLOSE, { id: p.id });
      for (let i = 0; i < 3; i++) await (await as(fac)).ok(ROLLOUT, { id: p.id, region: rid(i), status: 'DONE' });
      changes.push(p);
    }
    // The last region of each change is reported done at once: by the facilitator and by that region's coordinator.
    const results = await Promise.all([
      (await as(fac)).gql(ROLLOUT, { id: changes[0].id, region: rid(3), status: 'DONE' }),
      (await as(coord[3])).gql(ROLLOUT, { id: changes[1].id, region: rid(3), status: 'DONE' }),
    ]);
    expect(results.map((r) => r.errors ?? r.data.updateRollout.status)).toEqual(['IMPLEMENTED', 'IMPLEMENTED']);
    const policy = (await (await as(fac)).ok(`query($id: ID!) { node(id: $id) { ... on Policy { currentVersion versions { version proposal { id } } } } }`, { id: policyId })).node;
    expect(policy.currentVersion).toBe(3);
    expect(policy.versions.map((v: any) => v.version)).toEqual([3, 2, 1]);
    expect(policy.versions.map((v: any) => v.proposal.id).slice(0, 2).sort()).toEqual(changes.map((c) => c.id).sort());
  });

  it('fails without quorum; the issue goes back to discussion', async () => {
    const p = await draft();
    await openAndVote(p, [[coord[0], 'FOR']]);
    const failed = (await (await as(fac)).ok(CLOSE, { id: p.id })).closeVoting;
    expect(failed).toMatchObject({ status: 'FAILED', tally: { quorumReached: false } });
    expect(['OPEN', 'UNDER_DISCUSSION']).toContain(failed.issue.status);
    await writesNothing(async () => {
      expect(await (await as(coord[0])).code(SUBMIT, { id: p.id })).toBe('CONFLICT');
      expect(await (await as(coord[0])).code(WITHDRAW, { id: p.id })).toBe('CONFLICT');
    });
  });

  it('lets management request changes; the author revises and voting opens again', async () => {
    const p = await draft();
    await openAndVote(p, [[coord[0], 'FOR'], [coord[1], 'FOR']]);
    await (await as(fac)).ok(CLOSE, { id: p.id });
    await (await as(coord[0])).ok(SUBMIT, { id: p.id });
    const back = (await (await as(exec)).ok(DECIDE, { input: { proposalId: p.id, outcome: 'CHANGES_REQUESTED', rationale: 'Limit it to online orders first.' } })).decide;
    expect(back).toMatchObject({ status: 'CHANGES_REQUESTED', decision: { outcome: 'CHANGES_REQUESTED' } });
    const revised = (await (await as(coord[0])).ok(REVISE, { input: { proposalId: p.id, version: back.version, proposedPolicy: 'Online orders from 1 November: returns until 31 January.' } })).reviseProposal;
    expect(revised).toMatchObject({ status: 'DRAFT', version: back.version + 1 });
    // The new round counts only votes on the revised text.
    const reopened = (await (await as(fac)).ok(OPEN, { id: p.id, at: inDays(5) })).openVoting;
    expect(reopened).toMatchObject({ status: 'VOTING', tally: { for: 0, against: 0, abstain: 0, regionsVoted: 0 } });
    expect((await (await as(coord[0])).ok(GET, { id: p.id })).node.viewerVote).toBeNull();
  });

  it('lets the author or a facilitator withdraw before a decision', async () => {
    const p = await draft();
    await openAndVote(p, [[coord[1], 'FOR']]);
    await writesNothing(async () => {
      expect(await (await as(coord[2])).code(WITHDRAW, { id: p.id })).toBe('FORBIDDEN');
    });
    const w = (await (await as(coord[0])).ok(WITHDRAW, { id: p.id })).withdrawProposal;
    expect(w.status).toBe('WITHDRAWN');
    expect(w.issue.status).not.toBe('PROPOSED');
  });
});

describe('illegal steps', () => {
  it('refuses each with the contract\'s code and writes nothing', async () => {
    const p = await draft();
    const c0 = await as(coord[0]);
    const c2 = await as(coord[2]);
    const execC = await as(exec);
    const facC = await as(fac);
    await writesNothing(async () => {
      expect(await c2.code(VOTE, { id: p.id, choice: 'FOR' })).toBe('CONFLICT'); // vote on a draft
      expect(await execC.code(DECIDE, { input: { proposalId: p.id, outcome: 'APPROVED', rationale: 'Approved before it was submitted.' } })).toBe('CONFLICT');
      expect(await c0.code(SUBMIT, { id: p.id })).toBe('CONFLICT'); // not passed
      expect(await facC.code(CLOSE, { id: p.id })).toBe('CONFLICT'); // not voting
      expect(await c2.code(REVISE, { input: { proposalId: p.id, version: 1, title: 'Not my proposal at all' } })).toBe('FORBIDDEN');
      expect(await c0.code(VOTE, { id: gid('Proposal', 'missing'), choice: 'FOR' })).toBe('NOT_FOUND');
      expect(await c0.code(DRAFT, { input: { issueId: gid('Issue', 'missing'), title: 'Valid title', currentPolicy: 'x', proposedPolicy: 'y', rationale: 'Long enough rationale.', requiresApproval: true } })).toBe('NOT_FOUND');
      expect(await c0.code(DRAFT, { input: { issueId: gid('Issue', '00000000-0000-4000-8000-000000000000'), title: '', currentPolicy: '', proposedPolicy: 'y', rationale: 'short', requiresApproval: true } })).toBe('BAD_USER_INPUT');
      expect(await execC.code(DRAFT, { input: { issueId: p.issue.id, title: 'Valid title', currentPolicy: 'x', proposedPolicy: 'y', rationale: 'Long enough rationale.', requiresApproval: true } })).toBe('FORBIDDEN');
    });
    await facC.ok(OPEN, { id: p.id, at: inDays(7) });
    await writesNothing(async () => {
      expect(await c0.code(REVISE, { input: { proposalId: p.id, version: 1, title: 'Revised after voting opened' } })).toBe('CONFLICT');
      expect(await execC.code(VOTE, { id: p.id, choice: 'FOR' })).toBe('FORBIDDEN'); // executives do not vote
      expect(await c0.code(VOTE, { id: p.id, choice: 'FOR', reason: 'x'.repeat(1001) })).toBe('BAD_USER_INPUT');
      expect(await c0.code(CLOSE, { id: p.id })).toBe('FORBIDDEN'); // only facilitators close
      expect(await c0.code(`mutation($id: ID!) { castVote(proposalId: $id, choice: MAYBE) { id } }`, { id: p.id })).toBe('BAD_USER_INPUT');
    });
  });

  it('refuses a vote after the deadline, and closes due votes even if nobody was there at that moment', async () => {
    const p = await draft();
    await openAndVote(p, [[coord[0], 'FOR'], [coord[1], 'FOR'], [coord[2], 'AGAINST']], 1);
    const later = new Date(Date.now() + 2 * 86_400_000);
    expect(await closeDueVotes(t.orm.em.fork(), later)).toBe(1);
    const after = (await (await as(coord[3])).ok(GET, { id: p.id })).node;
    expect(after).toMatchObject({ status: 'PASSED', tally: { for: 2, against: 1 } });
    expect(after.history.at(-1)).toMatchObject({ toStatus: 'PASSED', actor: null });
    expect(await (await as(coord[3])).code(VOTE, { id: p.id, choice: 'FOR' })).toBe('CONFLICT');
    expect(await closeDueVotes(t.orm.em.fork(), later)).toBe(0);
  });

  it('comments on proposals', async () => {
    const p = await draft();
    const c = (await (await as(coord[3])).ok(`mutation($id: ID!) { addComment(subjectId: $id, body: "Could we include marketplace orders?") { id body } }`, { id: p.id })).addComment;
    expect(c.body).toBe('Could we include marketplace orders?');
    const thread = (await (await as(coord[0])).ok(`query($id: ID!) { node(id: $id) { ... on Proposal { comments(first: 10) { totalCount edges { node { body author { id } } } } } } }`, { id: p.id })).node.comments;
    expect(thread.totalCount).toBe(1);
  });

  it('lets only admins change the voting rule, which a proposal copies when voting opens', async () => {
    expect(await (await as(fac)).code(`mutation { setVotingRule(quorum: 0.75, threshold: 0.6) { quorum } }`)).toBe('FORBIDDEN');
    expect(await (await as(admin)).code(`mutation { setVotingRule(quorum: 1.5, threshold: 0.6) { quorum } }`)).toBe('BAD_USER_INPUT');
    const before = await draft();
    await (await as(fac)).ok(OPEN, { id: before.id, at: inDays(3) });
    await (await as(admin)).ok(`mutation { setVotingRule(quorum: 0.75, threshold: 0.6) { quorum threshold } }`);
    const after = await draft();
    const opened = (await (await as(fac)).ok(OPEN, { id: after.id, at: inDays(3) })).openVoting;
    expect(opened.tally).toMatchObject({ quorum: 0.75, threshold: 0.6 });
    const old = (await (await as(fac)).ok(GET, { id: before.id })).node;
    expect(old.tally).toMatchObject({ quorum: 0.5, threshold: 0.5 });
    await (await as(admin)).ok(`mutation { setVotingRule(quorum: 0.5, threshold: 0.5) { quorum } }`);
  });
});

describe('concurrency', () => {
  it('50 simultaneous votes by the same and different voters leave exactly one vote per voter', async () => {
    const p = await draft();
    await (await as(fac)).ok(OPEN, { id: p.id, at: inDays(7) });
    const voters = [coord[0], coord[1], coord[2], coord[3], coord[4]];
    const cs = await Promise.all(voters.map((u) => as(u)));
    const choices = ['FOR', 'AGAINST', 'ABSTAIN'];
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => cs[i % cs.length].gql(VOTE, { id: p.id, choice: choices[i % 3] })));
    expect(results.filter((r) => r.errors).map((r) => r.errors![0].extensions?.code)).toEqual([]);
    const mine = await t.orm.em.fork().find(Vote, { proposal: localId(p.id) });
    expect(mine).toHaveLength(5);
    expect(new Set(mine.map((v) => v.voter.id)).size).toBe(5);
    const tally = (await cs[0].ok(GET, { id: p.id })).node.tally;
    expect(tally.for + tally.against + tally.abstain).toBe(5);
  });

  it('a vote racing the close is either counted or refused with CONFLICT, never half-written', async () => {
    for (let round = 0; round < 3; round++) {
      const p = await draft();
      await (await as(fac)).ok(OPEN, { id: p.id, at: inDays(7) });
      const voters = [coord[0], coord[1], coord[2], coord[3], coord[4]];
      const cs = await Promise.all(voters.map((u) => as(u)));
      const facC = await as(fac);
      const racing = cs.map((c, i) => c.gql(VOTE, { id: p.id, choice: i % 2 ? 'AGAINST' : 'FOR' }));
      const closing = facC.gql(CLOSE, { id: p.id });
      const [closed, ...votes] = await Promise.all([closing, ...racing]);
      expect(closed.errors).toBeUndefined();
      const counted = votes.filter((r) => !r.errors).length;
      expect(votes.filter((r) => r.errors).every((r) => r.errors![0].extensions?.code === 'CONFLICT')).toBe(true);
      const final = (await cs[0].ok(GET, { id: p.id })).node;
      // Whatever got in before the close is exactly what the closed tally counted.
      expect(final.tally.for + final.tally.against + final.tally.abstain).toBe(counted);
      const history = final.history.filter((h: any) => h.action === 'vote.cast');
      expect(history).toHaveLength(counted);
    }
  });
});

describe('no N+1', () => {
  it('costs the same number of statements for 3 and 12 proposals with tallies, votes and rollouts', async () => {
    const c = await as(fac);
    const Q = `query($s: [ProposalStatus!]) { proposals(status: $s) { ${P} votes { choice voter { name } region { name } } author { name region { name } } } }`;
    const count = async (statuses: string[]) => {
      const before = t.statements.count;
      const list = (await c.ok(Q, { s: statuses })).proposals;
      return { n: list.length, statements: t.statements.count - before };
    };
    // Enough proposals outside the small list whatever the earlier tests' races left behind.
    for (let i = 0; i < 9; i++) await draft();
    const small = await count(['IMPLEMENTED', 'FAILED']);
    const large = await count(['IMPLEMENTED', 'FAILED', 'DRAFT', 'VOTING', 'PASSED', 'SUBMITTED', 'CHANGES_REQUESTED', 'WITHDRAWN', 'IMPLEMENTING']);
    expect(large.n - small.n).toBeGreaterThanOrEqual(9);
    // A query per row would add at least 9 statements. With several connections (PostgreSQL, and SQLite's readers), second-level loads (users of
    // authors and of decisions) may land in one dataloader batch or two, depending on which query
    // answers first; so the count is bounded, not always identical.
    expect(large.statements - small.statements).toBeLessThanOrEqual(2);
  });
});
