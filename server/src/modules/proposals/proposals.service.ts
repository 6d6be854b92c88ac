// Proposal operations: each validates, authorizes (proposals.policy: who, and when by the
// lifecycle table in shared/proposals), changes, and audits, in one transaction. Votes and closing take the
// proposal's row first (a guarded UPDATE), so on PostgreSQL as on SQLite a vote and the close
// are serialized: a vote is either counted or refused with CONFLICT.
import {
  DEFAULT_VOTING_RULE,
  OPEN_PROPOSAL_STATUSES,
  PROPOSAL_ACTIONS,
  PROPOSAL_LIMITS,
  decideSchema,
  draftProposalSchema,
  reviseProposalSchema,
  rolloutSchema,
  tally,
  voteSchema,
  votingRuleSchema,
  type DecisionOutcome,
  type ProposalStatus,
  type RolloutStatus,
  type VoteChoice,
} from '@council/shared';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { currentOutcomeDelay } from './outcomes.service.js';
import { lockRow } from '../../db/locks.js';
import type { Em } from '../../db/orm.js';
import { Conflict, InvalidInput, NotFound } from '../../errors.js';
import { parseInput } from '../../validation.js';
import { audit } from '../audit/audit.service.js';
import { Issue } from '../issues/issues.entity.js';
import { Region, User } from '../people/people.entity.js';
import { Policy } from '../policies/policies.entity.js';
import { adoptIntoRegister } from '../policies/policies.service.js';
import { Decision, Proposal, ProposalRevision, Rollout, Vote, VotingRuleSetting } from './proposals.entity.js';
import { isEligibleVoter, proposalPolicy } from './proposals.policy.js';
import { deciders, eligibleVoters, issueFollowers, proposalFollowers } from '../notifications/audiences.js';
import { mailSettingsOf } from '../notifications/mail.settings.js';
import { briefMailDetails } from './brief.format.js';
import { caseBriefOf } from './brief.query.js';
import { notify } from '../notifications/notify.js';
import { rolloutOpened } from '../notifications/reminders.js';

const DAY = 86_400_000;
/** Rollouts are due this long after the change takes effect, unless a coordinator sets a date. */
export const ROLLOUT_DAYS = 30;

async function loadProposal(em: Em, id: string): Promise<Proposal> {
  const proposal = await em.findOne(Proposal, id);
  if (!proposal) throw new NotFound();
  return proposal;
}

function setStatus(em: Em, actor: User | null, proposal: Proposal, to: ProposalStatus, now: Date, extra: Record<string, unknown> = {}): void {
  const from = proposal.status;
  proposal.status = to;
  proposal.updatedAt = now;
  audit(em, { actor, action: `proposal.${to.toLowerCase()}`, subject: proposal, before: { status: from }, after: { status: to, ...extra }, at: now });
}

/**
 * Takes the proposal's row for this transaction if it is still in `status` (or one of them; a
 * guarded UPDATE: it waits for a concurrent writer of the row, then re-checks). False when it
 * moved on.
 */
async function claim(em: Em, proposal: Proposal, status: ProposalStatus | readonly ProposalStatus[], now: Date): Promise<boolean> {
  const rows = await em.nativeUpdate(Proposal, { id: proposal.id, status: typeof status === 'string' ? status : { $in: [...status] } }, { updatedAt: now });
  if (rows === 1) await em.refresh(proposal);
  return rows === 1;
}

/**
 * An issue shows PROPOSED while a proposal is in play, RESOLVED once one is implemented. Takes the
 * issue's row before reading its proposals, so that transactions changing proposals of one issue
 * (two withdrawals, a close and a decision) decide its status one after the other, each seeing
 * what the previous committed. Lock order: the proposal's claim first, then the issue.
 */
async function syncIssueStatus(em: Em, actor: User | null, issueRef: Issue, now: Date): Promise<void> {
  await em.flush(); // this transaction's own proposal changes, in the rows counted below
  const issue = await lockRow(em, Issue, issueRef.id);
  if (!issue) throw new NotFound();
  if (issue.status === 'MERGED' || issue.status === 'CLOSED' || issue.status === 'RESOLVED') return;
  // One after the other: a transaction has one connection, and pg refuses overlapping queries on it.
  // An implemented change whose poor outcomes reopened the issue no longer resolves it.
  const implemented = await em.count(Proposal, { issue, status: 'IMPLEMENTED', outcomeReopenedAt: null });
  const open = await em.count(Proposal, { issue, status: { $in: [...OPEN_PROPOSAL_STATUSES] } });
  const to = implemented > 0
    ? 'RESOLVED'
    : open > 0
      ? 'PROPOSED'
      : issue.commentCount > 0
        ? 'UNDER_DISCUSSION'
        : 'OPEN';
  if (to !== issue.status) {
    audit(em, { actor, action: 'issue.statusChanged', subject: issue, before: { status: issue.status }, after: { status: to }, at: now });
    issue.status = to;
    issue.lastActivityAt = now;
  }
}

function revisionOf(proposal: Proposal, author: User, now: Date): Omit<ProposalRevision, 'id'> {
  return {
    proposal,
    version: proposal.version,
    title: proposal.title,
    currentPolicy: proposal.currentPolicy,
    proposedPolicy: proposal.proposedPolicy,
    rationale: proposal.rationale,
    expectedImpact: proposal.expectedImpact ?? null,
    requiresApproval: proposal.requiresApproval,
    author,
    createdAt: now,
  };
}

export interface DraftData {
  issueId: string;
  title: string;
  currentPolicy: string;
  proposedPolicy: string;
  rationale: string;
  expectedImpact?: string | null;
  requiresApproval: boolean;
  policyId?: string | null;
}

export async function draftProposal(em: Em, actor: User, input: DraftData, now = new Date()): Promise<Proposal> {
  const data = parseInput(draftProposalSchema, input);
  return em.transactional(async (tx) => {
    // The issue's row before the new proposal references it: a merge or a withdrawal on the
    // same issue runs before or after this draft, never in between.
    const issue = await lockRow(tx, Issue, input.issueId);
    if (!issue) throw new NotFound();
    proposalPolicy.authorize(actor, 'draft', issue);
    let policy: Policy | null = null;
    if (input.policyId) {
      policy = await tx.findOne(Policy, input.policyId);
      if (!policy) throw new InvalidInput({ policyId: 'validation.policy.unknown' });
    }
    const proposal = tx.create(Proposal, { ...data, expectedImpact: data.expectedImpact ?? null, issue, author: actor, policy, status: 'DRAFT', version: 1, createdAt: now, updatedAt: now });
    tx.create(ProposalRevision, revisionOf(proposal, actor, now));
    audit(tx, { actor, action: 'proposal.drafted', subject: proposal, after: { status: 'DRAFT', issue: issue.id }, at: now });
    issue.lastActivityAt = now;
    await syncIssueStatus(tx, actor, issue, now);
    await notify(tx, {
      actor,
      subject: { type: 'Proposal', id: proposal.id },
      params: { title: proposal.title, issue: issue.title, actor: actor.name },
      audiences: [{ kind: 'PROPOSAL_ON_MY_ISSUE', userIds: await issueFollowers(tx, issue.id) }],
      at: now,
    });
    return proposal;
  });
}

export interface ReviseData {
  proposalId: string;
  version: number;
  title?: string | null;
  currentPolicy?: string | null;
  proposedPolicy?: string | null;
  rationale?: string | null;
  expectedImpact?: string | null;
  requiresApproval?: boolean | null;
}

/** The author revises a draft or a proposal management sent back; it returns to DRAFT, version + 1. */
export async function reviseProposal(em: Em, actor: User, input: ReviseData, now = new Date()): Promise<Proposal> {
  return em.transactional(async (tx) => {
    const proposal = await loadProposal(tx, input.proposalId);
    proposalPolicy.authorize(actor, 'revise', proposal);
    const data = parseInput(reviseProposalSchema, {
      version: input.version,
      title: input.title ?? proposal.title,
      currentPolicy: input.currentPolicy ?? proposal.currentPolicy,
      proposedPolicy: input.proposedPolicy ?? proposal.proposedPolicy,
      rationale: input.rationale ?? proposal.rationale,
      expectedImpact: input.expectedImpact === undefined ? proposal.expectedImpact : input.expectedImpact,
      requiresApproval: input.requiresApproval ?? proposal.requiresApproval,
    });
    const rows = await tx.nativeUpdate(Proposal, { id: proposal.id, version: data.version, status: proposal.status }, { version: data.version + 1, updatedAt: now });
    if (rows !== 1) throw new Conflict('errors.staleVersion');
    await tx.refresh(proposal);
    const before = { version: data.version, status: proposal.status };
    Object.assign(proposal, { title: data.title, currentPolicy: data.currentPolicy, proposedPolicy: data.proposedPolicy, rationale: data.rationale, expectedImpact: data.expectedImpact ?? null, requiresApproval: data.requiresApproval, status: 'DRAFT', updatedAt: now });
    tx.create(ProposalRevision, revisionOf(proposal, actor, now));
    audit(tx, { actor, action: 'proposal.revised', subject: proposal, before, after: { version: proposal.version, status: 'DRAFT' }, at: now });
    return proposal;
  });
}

export async function currentVotingRule(em: Em): Promise<{ quorum: number; threshold: number }> {
  const rule = await em.findOne(VotingRuleSetting, 'default');
  return rule ? { quorum: rule.quorum, threshold: rule.threshold } : { ...DEFAULT_VOTING_RULE };
}

export async function setVotingRule(em: Em, actor: User, input: { quorum: number; threshold: number }, now = new Date()): Promise<VotingRuleSetting> {
  proposalPolicy.authorize(actor, 'setVotingRule');
  const data = parseInput(votingRuleSchema, input);
  return em.transactional(async (tx) => {
    // The setting's row is taken before it is read (created with the defaults first if missing):
    // two admins at once each record what they replaced, and neither gets a unique-key conflict.
    await tx.upsert(VotingRuleSetting, { id: 'default', ...DEFAULT_VOTING_RULE, updatedAt: now }, { onConflictAction: 'ignore' });
    const rule = (await lockRow(tx, VotingRuleSetting, 'default'))!;
    const before = { quorum: rule.quorum, threshold: rule.threshold };
    Object.assign(rule, data, { updatedAt: now });
    audit(tx, { actor, action: 'votingRule.changed', subject: rule, before, after: data, at: now });
    return rule;
  });
}

export async function openVoting(em: Em, actor: User, proposalId: string, closesAt: Date, now = new Date()): Promise<Proposal> {
  return em.transactional(async (tx) => {
    const proposal = await loadProposal(tx, proposalId);
    proposalPolicy.authorize(actor, 'openVoting', proposal);
    if (!(closesAt instanceof Date) || Number.isNaN(closesAt.getTime()) || closesAt.getTime() <= now.getTime()) {
      throw new InvalidInput({ closesAt: 'validation.closesAt.past' });
    }
    if (closesAt.getTime() - now.getTime() > PROPOSAL_LIMITS.votingDays.max * DAY) throw new InvalidInput({ closesAt: 'validation.closesAt.tooLate' });
    if (!(await claim(tx, proposal, 'DRAFT', now))) throw new Conflict('errors.proposal.openVoting');
    const rule = await currentVotingRule(tx);
    // A new round after a revision starts from nothing: the earlier round's votes were on an
    // earlier text (they remain in the audit trail).
    const earlier = await tx.nativeDelete(Vote, { proposal });
    if (earlier) audit(tx, { actor, action: 'proposal.votesReset', subject: proposal, before: { votes: earlier }, after: { votes: 0 }, at: now });
    Object.assign(proposal, { votingOpenedAt: now, votingClosesAt: closesAt, votingClosedAt: null, quorum: rule.quorum, threshold: rule.threshold });
    setStatus(tx, actor, proposal, 'VOTING', now, { closesAt: closesAt.toISOString(), ...rule });
    await notify(tx, {
      actor,
      subject: { type: 'Proposal', id: proposal.id },
      params: { title: proposal.title, when: closesAt.toISOString() },
      audiences: [{ kind: 'VOTING_OPENED', userIds: await eligibleVoters(tx) }],
      at: now,
    });
    return proposal;
  });
}

/**
 * One vote per eligible coordinator, changeable until voting closes. The same choice and reason
 * as the vote already cast is no change: nothing is written (no audit event, no new `castAt`, the
 * proposal's `updatedAt` stays).
 */
export async function castVote(em: Em, actor: User, proposalId: string, choice: VoteChoice, reason?: string | null, now = new Date()): Promise<Proposal> {
  const data = parseInput(voteSchema, { reason });
  const attempt = () =>
    em.transactional(async (tx) => {
      const proposal = await loadProposal(tx, proposalId);
      proposalPolicy.authorize(actor, 'castVote', proposal);
      if (proposal.votingClosesAt && proposal.votingClosesAt.getTime() <= now.getTime()) throw new Conflict('errors.proposal.votingClosed');
      // Before the claim, which would move `updatedAt`: a repeat of the vote as cast changes nothing.
      const unchanged = (vote: Vote | null) => !!vote && vote.choice === choice && (vote.reason ?? null) === (data.reason ?? null);
      if (unchanged(await tx.findOne(Vote, { proposal, voter: actor }))) return proposal;
      if (!(await claim(tx, proposal, 'VOTING', now))) throw new Conflict('errors.proposal.votingClosed');
      // Read again now that the row is ours: another request of the same person may have changed it.
      const existing = await tx.findOne(Vote, { proposal, voter: actor }, { refresh: true });
      if (unchanged(existing)) return proposal;
      const before = existing ? { choice: existing.choice } : null;
      if (existing) {
        Object.assign(existing, { choice, reason: data.reason ?? null, castAt: now, region: actor.region! });
      } else {
        tx.create(Vote, { proposal, voter: actor, region: actor.region!, choice, reason: data.reason ?? null, castAt: now });
      }
      audit(tx, { actor, action: existing ? 'vote.changed' : 'vote.cast', subject: proposal, before, after: { choice }, at: now });
      return proposal;
    });
  // Two first votes of one person racing: the database keeps one; the loser retries as a change.
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException) || i >= 3) throw error;
    }
  }
}

/** One rollout per region, each region's coordinators told. */
async function openRollouts(em: Em, actor: User | null, proposal: Proposal, dueOn: Date, now: Date): Promise<void> {
  const regions = await em.find(Region, {}, { orderBy: { name: 'asc' } });
  for (const region of regions) {
    const rollout = em.create(Rollout, { proposal, region, status: 'PENDING', note: null, dueOn, updatedBy: null, updatedAt: now });
    await rolloutOpened(em, actor, rollout, now);
  }
}

/** Counts the votes under the proposal's rule; PASSED without approval goes straight to IMPLEMENTING. */
async function close(em: Em, actor: User | null, proposal: Proposal, now: Date): Promise<void> {
  // Sequential inside the transaction (one connection).
  const votes = await em.find(Vote, { proposal });
  const regions = await em.find(Region, {});
  const eligible = await eligibleVoterCount(em);
  const rule = { quorum: proposal.quorum ?? DEFAULT_VOTING_RULE.quorum, threshold: proposal.threshold ?? DEFAULT_VOTING_RULE.threshold };
  const result = tally(votes.map((v) => ({ choice: v.choice, regionId: v.region.id })), regions.map((r) => r.id), eligible, rule);
  proposal.votingClosedAt = now;
  const counted = { for: result.for, against: result.against, abstain: result.abstain, regionsVoted: result.regionsVoted, quorumReached: result.quorumReached };
  setStatus(em, actor, proposal, result.passing ? 'PASSED' : 'FAILED', now, counted);
  await notify(em, {
    actor,
    subject: { type: 'Proposal', id: proposal.id },
    params: { title: proposal.title },
    audiences: [{ kind: 'VOTING_CLOSED', userIds: await proposalFollowers(em, proposal), messageKey: `reach.message.VOTING_CLOSED_${result.passing ? 'PASSED' : 'FAILED'}` }],
    at: now,
  });
  if (result.passing && !proposal.requiresApproval) {
    // Implementing first: the regions' coordinators told of their rollout may act on it.
    setStatus(em, actor, proposal, 'IMPLEMENTING', now);
    await openRollouts(em, actor, proposal, new Date(now.getTime() + ROLLOUT_DAYS * DAY), now);
  }
  await syncIssueStatus(em, actor, proposal.issue, now);
}

export async function eligibleVoterCount(em: Em): Promise<number> {
  const users = await em.find(User, { active: true, region: { $ne: null } });
  return users.filter(isEligibleVoter).length;
}

export async function closeVoting(em: Em, actor: User, proposalId: string, now = new Date()): Promise<Proposal> {
  return em.transactional(async (tx) => {
    const proposal = await loadProposal(tx, proposalId);
    proposalPolicy.authorize(actor, 'closeVoting', proposal);
    if (!(await claim(tx, proposal, 'VOTING', now))) throw new Conflict('errors.proposal.closeVoting');
    await close(tx, actor, proposal, now);
    return proposal;
  });
}

/**
 * Closes every vote whose deadline has passed, including any that fell due while the server was
 * down. Run at start, on a timer, and before the operations that depend on it.
 */
export async function closeDueVotes(em: Em, now = new Date(), onlyId?: string): Promise<number> {
  const due = await em.fork().find(Proposal, { status: 'VOTING', votingClosesAt: { $lte: now }, ...(onlyId ? { id: onlyId } : {}) });
  let closed = 0;
  for (const { id } of due) {
    await em.fork().transactional(async (tx) => {
      const proposal = await tx.findOneOrFail(Proposal, id);
      if (!(await claim(tx, proposal, 'VOTING', now))) return; // another instance closed it
      await close(tx, null, proposal, proposal.votingClosesAt ?? now);
      closed += 1;
    });
  }
  if (closed && onlyId) await em.refresh(await em.findOneOrFail(Proposal, onlyId));
  return closed;
}

export async function submitToManagement(em: Em, actor: User, proposalId: string, now = new Date()): Promise<Proposal> {
  await closeDueVotes(em, now, proposalId);
  return em.transactional(async (tx) => {
    const proposal = await loadProposal(tx, proposalId);
    proposalPolicy.authorize(actor, 'submit', proposal);
    if (!(await claim(tx, proposal, 'PASSED', now))) throw new Conflict('errors.proposal.submit');
    proposal.submittedAt = now;
    setStatus(tx, actor, proposal, 'SUBMITTED', now);
    // The executives hear of it with the case brief's summary in their mail (assembled only when mail is on).
    const mail = mailSettingsOf(tx);
    const brief = mail?.enabled ? await caseBriefOf(tx, proposal.id) : null;
    await notify(tx, {
      actor,
      subject: { type: 'Proposal', id: proposal.id },
      params: { title: proposal.title },
      audiences: [{ kind: 'PROPOSAL_SUBMITTED', userIds: await deciders(tx, proposal), messageKey: 'brief.message.submitted' }],
      at: now,
      ...(brief && mail && { mailDetails: briefMailDetails(brief, mail) }),
    });
    return proposal;
  });
}

export interface DecideData {
  proposalId: string;
  outcome: DecisionOutcome;
  rationale: string;
  conditions?: string | null;
  effectiveFrom?: Date | null;
}

export async function decide(em: Em, actor: User, input: DecideData, now = new Date()): Promise<Proposal> {
  return em.transactional(async (tx) => {
    const proposal = await loadProposal(tx, input.proposalId);
    proposalPolicy.authorize(actor, 'decide', proposal);
    const data = parseInput(decideSchema, input);
    if (!(await claim(tx, proposal, 'SUBMITTED', now))) throw new Conflict('errors.proposal.decide');
    const decision = tx.create(Decision, { proposal, outcome: input.outcome, rationale: data.rationale, conditions: data.conditions ?? null, effectiveFrom: data.effectiveFrom ?? null, decidedBy: actor, decidedAt: now });
    audit(tx, { actor, action: 'decision.made', subject: proposal, after: { outcome: decision.outcome }, at: now });
    setStatus(tx, actor, proposal, input.outcome, now, { rationale: data.rationale });
    const followers = await proposalFollowers(tx, proposal);
    await notify(tx, {
      actor,
      subject: { type: 'Proposal', id: proposal.id },
      params: { title: proposal.title, outcome: input.outcome },
      audiences: [
        ...(input.outcome === 'CHANGES_REQUESTED' ? [{ kind: 'CHANGES_REQUESTED' as const, userIds: [proposal.author.id] }] : []),
        { kind: 'DECISION_MADE', userIds: followers },
      ],
      at: now,
    });
    if (input.outcome === 'APPROVED') {
      const effective = data.effectiveFrom && data.effectiveFrom > now ? data.effectiveFrom : now;
      setStatus(tx, actor, proposal, 'IMPLEMENTING', now);
      await openRollouts(tx, actor, proposal, new Date(effective.getTime() + ROLLOUT_DAYS * DAY), now);
    }
    await syncIssueStatus(tx, actor, proposal.issue, now);
    return proposal;
  });
}

export interface RolloutData {
  proposalId: string;
  regionId: string;
  status: RolloutStatus;
  note?: string | null;
  dueOn?: Date | null;
}

/** A coordinator updates their region's rollout (a facilitator any); all DONE → IMPLEMENTED. */
export async function updateRollout(em: Em, actor: User, input: RolloutData, now = new Date()): Promise<Proposal> {
  const data = parseInput(rolloutSchema, { note: input.note, dueOn: input.dueOn });
  return em.transactional(async (tx) => {
    const proposal = await loadProposal(tx, input.proposalId);
    proposalPolicy.authorize(actor, 'updateRollout', { proposal, regionId: input.regionId });
    if (!(await claim(tx, proposal, 'IMPLEMENTING', now))) throw new Conflict('errors.proposal.updateRollout');
    const rollouts = await tx.find(Rollout, { proposal });
    const rollout = rollouts.find((r) => r.region.id === input.regionId);
    if (!rollout) throw new NotFound();
    const before = { status: rollout.status, note: rollout.note ?? null };
    Object.assign(rollout, {
      status: input.status,
      note: input.note === undefined ? rollout.note : (data.note ?? null),
      dueOn: input.dueOn === undefined ? rollout.dueOn : (data.dueOn ?? null),
      updatedBy: actor,
      updatedAt: now,
    });
    audit(tx, { actor, action: 'rollout.updated', subject: proposal, before, after: { region: input.regionId, status: rollout.status, note: rollout.note ?? null }, at: now });
    if (rollouts.every((r) => r.status === 'DONE')) {
      setStatus(tx, actor, proposal, 'IMPLEMENTED', now);
      // The regions are asked whether it solved the problem a while after the last one rolled it out.
      proposal.outcomeDueOn = new Date(now.getTime() + (await currentOutcomeDelay(tx)) * DAY);
      await adoptIntoRegister(tx, actor, proposal, now);
      await syncIssueStatus(tx, actor, proposal.issue, now);
    }
    return proposal;
  });
}

export async function withdrawProposal(em: Em, actor: User, proposalId: string, now = new Date()): Promise<Proposal> {
  return em.transactional(async (tx) => {
    const proposal = await loadProposal(tx, proposalId);
    proposalPolicy.authorize(actor, 'withdraw', proposal);
    if (!(await claim(tx, proposal, PROPOSAL_ACTIONS.withdraw, now))) throw new Conflict('errors.proposal.withdraw');
    setStatus(tx, actor, proposal, 'WITHDRAWN', now);
    await syncIssueStatus(tx, actor, proposal.issue, now);
    return proposal;
  });
}
