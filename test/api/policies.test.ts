// The policy register over HTTP: an approved change shows at once as rolling out (with how many
// regions are done), stays out of the register's current versions until implemented, and
// leaves the rolling-out list the moment it becomes the policy's current version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { People } from '../support/client.js';
import * as f from '../support/factories.js';
import { gid } from '../support/ids.js';
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
  for (let i = 0; i < 3; i++) regions.push(await f.region(em, { name: `Register area ${i}` }));
  coord = [];
  for (let i = 0; i < 3; i++) coord.push(await f.user(em, { region: regions[i] }));
  fac = await f.user(em, { region: regions[0], roles: ['FACILITATOR', 'COORDINATOR'] });
  exec = await f.user(em, { region: null, roles: ['EXECUTIVE'] });
});
afterAll(() => t.close());

const as = (u: User) => people.as(u);
const rid = (i: number) => gid('Region', regions[i].id);
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

const ROLLING = `{ policyChangesRollingOut { id status title policy { id } decision { outcome } rollouts { region { id } status } } }`;
const REGISTER = `{ policies { id currentVersion current { proposal { id } } } }`;
const ROLLOUT = `mutation($id: ID!, $region: ID!, $status: RolloutStatus!) { updateRollout(proposalId: $id, regionId: $region, status: $status) { id status } }`;

/** A change voted through and approved by the executive: IMPLEMENTING, every rollout pending. */
async function approvedChange(policyId?: string): Promise<string> {
  const author = await as(coord[0]);
  const issueId = (await author.ok(`mutation { raiseIssue(input: { title: "Refund batches too slow ${Math.random()}", description: "Customers wait twelve days." }) { id } }`)).raiseIssue.id;
  const draft = await author.ok(`mutation($input: DraftProposalInput!) { draftProposal(input: $input) { id } }`, {
    input: {
      issueId,
      title: 'Refunds within five working days',
      currentPolicy: 'Refunds are paid in the weekly batch.',
      proposedPolicy: 'Refunds are paid within five working days.',
      rationale: 'Customers wait up to twelve days for their money.',
      requiresApproval: true,
      ...(policyId ? { policyId } : {}),
    },
  });
  const id = draft.draftProposal.id as string;
  const facC = await as(fac);
  await facC.ok(`mutation($id: ID!, $at: DateTime!) { openVoting(proposalId: $id, closesAt: $at) { id } }`, { id, at: inDays(7) });
  for (const u of coord) await (await as(u)).ok(`mutation($id: ID!) { castVote(proposalId: $id, choice: FOR) { id } }`, { id });
  await facC.ok(`mutation($id: ID!) { closeVoting(proposalId: $id) { id } }`, { id });
  await author.ok(`mutation($id: ID!) { submitToManagement(proposalId: $id) { id } }`, { id });
  const decided = await (await as(exec)).ok(`mutation($input: DecideInput!) { decide(input: $input) { status } }`, {
    input: { proposalId: id, outcome: 'APPROVED', rationale: 'Small cost, large relief.' },
  });
  expect(decided.decide.status).toBe('IMPLEMENTING');
  return id;
}

describe('approved changes in the register', () => {
  it('lists an approved change at once with its rollouts, and moves it into the register when implemented', async () => {
    const id = await approvedChange();
    const reader = await as(coord[2]);

    let rolling = (await reader.ok(ROLLING)).policyChangesRollingOut;
    const change = rolling.find((p: any) => p.id === id);
    expect(change).toMatchObject({ status: 'IMPLEMENTING', policy: null, decision: { outcome: 'APPROVED' } });
    expect(change.rollouts.map((r: any) => r.status)).toEqual(expect.arrayContaining(['PENDING']));
    const total = change.rollouts.length;
    expect(total).toBeGreaterThanOrEqual(regions.length);
    expect((await reader.ok(REGISTER)).policies.some((p: any) => p.current?.proposal.id === id)).toBe(false);

    // Two regions done: still rolling out, and the count of done rollouts says so.
    for (const i of [0, 1]) await (await as(coord[i])).ok(ROLLOUT, { id, region: rid(i), status: 'DONE' });
    rolling = (await reader.ok(ROLLING)).policyChangesRollingOut;
    expect(rolling.find((p: any) => p.id === id).rollouts.filter((r: any) => r.status === 'DONE')).toHaveLength(2);

    // Every region done: implemented, the current version of a new policy, no longer rolling out.
    const facC = await as(fac);
    for (const r of change.rollouts) {
      if (r.region.id !== rid(0) && r.region.id !== rid(1)) await facC.ok(ROLLOUT, { id, region: r.region.id, status: 'DONE' });
    }
    rolling = (await reader.ok(ROLLING)).policyChangesRollingOut;
    expect(rolling.map((p: any) => p.id)).not.toContain(id);
    const policy = (await reader.ok(REGISTER)).policies.find((p: any) => p.current?.proposal.id === id);
    expect(policy).toMatchObject({ currentVersion: 1 });
  });

  it('links an approved change of an existing policy to that policy while the old version stays current', async () => {
    const first = await approvedChange();
    const facC = await as(fac);
    const rollouts = (await facC.ok(ROLLING)).policyChangesRollingOut.find((p: any) => p.id === first).rollouts;
    for (const r of rollouts) await facC.ok(ROLLOUT, { id: first, region: r.region.id, status: 'DONE' });
    const policyId = (await facC.ok(REGISTER)).policies.find((p: any) => p.current?.proposal.id === first).id;

    const second = await approvedChange(policyId);
    const change = (await facC.ok(ROLLING)).policyChangesRollingOut.find((p: any) => p.id === second);
    expect(change).toMatchObject({ status: 'IMPLEMENTING', policy: { id: policyId } });
    const policy = (await facC.ok(REGISTER)).policies.find((p: any) => p.id === policyId);
    expect(policy).toMatchObject({ currentVersion: 1, current: { proposal: { id: first } } });
  });

  it('does not list changes that were never approved', async () => {
    const author = await as(coord[0]);
    const issueId = (await author.ok(`mutation { raiseIssue(input: { title: "Draft only ${Math.random()}", description: "Not voted yet." }) { id } }`)).raiseIssue.id;
    const draft = (
      await author.ok(`mutation($input: DraftProposalInput!) { draftProposal(input: $input) { id } }`, {
        input: { issueId, title: 'A draft change', currentPolicy: 'Refunds weekly.', proposedPolicy: 'Refunds daily.', rationale: 'Customers wait too long for refunds.', requiresApproval: true },
      })
    ).draftProposal.id;
    const rolling = (await author.ok(ROLLING)).policyChangesRollingOut;
    expect(rolling.map((p: any) => p.id)).not.toContain(draft);
    expect(rolling.every((p: any) => p.status === 'IMPLEMENTING' || p.status === 'APPROVED')).toBe(true);
  });
});
