// Proposals (a concrete policy change for an issue), their revisions, votes, management
// decisions, regional rollouts, and the installation's voting rule.
import { EntitySchema } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { DecisionOutcome, OutcomeVerdict, ProposalStatus, RolloutStatus, VoteChoice } from '@council/shared';
import { Issue } from '../issues/issues.entity.js';
import { Region, User } from '../people/people.entity.js';
import { Policy } from '../policies/policies.entity.js';

export class Proposal {
  id: string = randomUUID();
  issue!: Issue;
  title!: string;
  currentPolicy!: string;
  proposedPolicy!: string;
  rationale!: string;
  expectedImpact?: string | null;
  requiresApproval!: boolean;
  status: ProposalStatus = 'DRAFT';
  author!: User;
  /** Bumped by every revision; a stale version is refused with CONFLICT. */
  version = 1;
  /** The register entry this changes; null: implementing it creates a new policy. */
  policy?: Policy | null;
  votingOpenedAt?: Date | null;
  votingClosesAt?: Date | null;
  votingClosedAt?: Date | null;
  /** The voting rule copied from the installation's when voting opened. */
  quorum?: number | null;
  threshold?: number | null;
  submittedAt?: Date | null;
  /** When the regions are asked whether the implemented change solved the problem (implementation + the outcome delay). */
  outcomeDueOn?: Date | null;
  /** When poor outcomes from two or more regions reopened the issue: set once, by a guarded UPDATE. */
  outcomeReopenedAt?: Date | null;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

export const ProposalSchema = new EntitySchema<Proposal>({
  class: Proposal,
  tableName: 'proposal',
  indexes: [{ properties: ['status', 'submittedAt'] }, { properties: ['status', 'votingClosesAt'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    issue: { kind: 'm:1', entity: () => Issue },
    title: { type: 'string', length: 200 },
    currentPolicy: { type: 'text' },
    proposedPolicy: { type: 'text' },
    rationale: { type: 'text' },
    expectedImpact: { type: 'text', nullable: true },
    requiresApproval: { type: 'boolean' },
    status: { type: 'string', length: 24 },
    author: { kind: 'm:1', entity: () => User },
    version: { type: 'integer' },
    policy: { kind: 'm:1', entity: () => Policy, nullable: true },
    votingOpenedAt: { type: 'datetime', nullable: true },
    votingClosesAt: { type: 'datetime', nullable: true },
    votingClosedAt: { type: 'datetime', nullable: true },
    quorum: { type: 'double', nullable: true },
    threshold: { type: 'double', nullable: true },
    submittedAt: { type: 'datetime', nullable: true },
    outcomeDueOn: { type: 'datetime', nullable: true },
    outcomeReopenedAt: { type: 'datetime', nullable: true },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});

export class ProposalRevision {
  id: string = randomUUID();
  proposal!: Proposal;
  version!: number;
  title!: string;
  currentPolicy!: string;
  proposedPolicy!: string;
  rationale!: string;
  expectedImpact?: string | null;
  requiresApproval!: boolean;
  author!: User;
  createdAt: Date = new Date();
}

export const ProposalRevisionSchema = new EntitySchema<ProposalRevision>({
  class: ProposalRevision,
  tableName: 'proposal_revision',
  uniques: [{ properties: ['proposal', 'version'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    proposal: { kind: 'm:1', entity: () => Proposal, deleteRule: 'cascade' },
    version: { type: 'integer' },
    title: { type: 'string', length: 200 },
    currentPolicy: { type: 'text' },
    proposedPolicy: { type: 'text' },
    rationale: { type: 'text' },
    expectedImpact: { type: 'text', nullable: true },
    requiresApproval: { type: 'boolean' },
    author: { kind: 'm:1', entity: () => User },
    createdAt: { type: 'datetime' },
  },
});

export class Vote {
  id: string = randomUUID();
  proposal!: Proposal;
  voter!: User;
  /** The voter's region when they voted: the tally per region stays as cast. */
  region!: Region;
  choice!: VoteChoice;
  reason?: string | null;
  castAt: Date = new Date();
}

export const VoteSchema = new EntitySchema<Vote>({
  class: Vote,
  tableName: 'vote',
  // One vote per voter per proposal, held by the database.
  uniques: [{ properties: ['proposal', 'voter'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    proposal: { kind: 'm:1', entity: () => Proposal, deleteRule: 'cascade' },
    voter: { kind: 'm:1', entity: () => User },
    region: { kind: 'm:1', entity: () => Region },
    choice: { type: 'string', length: 8 },
    reason: { type: 'text', nullable: true },
    castAt: { type: 'datetime' },
  },
});

export class Decision {
  id: string = randomUUID();
  proposal!: Proposal;
  outcome!: DecisionOutcome;
  rationale!: string;
  conditions?: string | null;
  effectiveFrom?: Date | null;
  decidedBy!: User;
  decidedAt: Date = new Date();
}

export const DecisionSchema = new EntitySchema<Decision>({
  class: Decision,
  tableName: 'decision',
  indexes: [{ properties: ['proposal', 'decidedAt'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    proposal: { kind: 'm:1', entity: () => Proposal, deleteRule: 'cascade' },
    outcome: { type: 'string', length: 24 },
    rationale: { type: 'text' },
    conditions: { type: 'text', nullable: true },
    effectiveFrom: { type: 'datetime', nullable: true },
    decidedBy: { kind: 'm:1', entity: () => User },
    decidedAt: { type: 'datetime', index: true },
  },
});

export class Rollout {
  id: string = randomUUID();
  proposal!: Proposal;
  region!: Region;
  status: RolloutStatus = 'PENDING';
  note?: string | null;
  dueOn?: Date | null;
  updatedBy?: User | null;
  updatedAt: Date = new Date();
}

export const RolloutSchema = new EntitySchema<Rollout>({
  class: Rollout,
  tableName: 'rollout',
  uniques: [{ properties: ['proposal', 'region'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    proposal: { kind: 'm:1', entity: () => Proposal, deleteRule: 'cascade' },
    region: { kind: 'm:1', entity: () => Region },
    status: { type: 'string', length: 16 },
    note: { type: 'text', nullable: true },
    dueOn: { type: 'datetime', nullable: true },
    updatedBy: { kind: 'm:1', entity: () => User, nullable: true },
    updatedAt: { type: 'datetime' },
  },
});

/** The installation's voting rule: one row, copied onto a proposal when its voting opens. */
export class VotingRuleSetting {
  id = 'default';
  quorum!: number;
  threshold!: number;
  updatedAt: Date = new Date();
}

export const VotingRuleSchema = new EntitySchema<VotingRuleSetting>({
  class: VotingRuleSetting,
  tableName: 'voting_rule',
  properties: {
    id: { type: 'string', primary: true, length: 16 },
    quorum: { type: 'double' },
    threshold: { type: 'double' },
    updatedAt: { type: 'datetime' },
  },
});

/** A region's answer, some time after the change was implemented: did it solve the problem there? One per region; a later one replaces it. */
export class OutcomeReport {
  id: string = randomUUID();
  proposal!: Proposal;
  region!: Region;
  verdict!: OutcomeVerdict;
  /** Optional figures, e.g. complaints a week before and after. */
  note?: string | null;
  reportedBy!: User;
  createdAt: Date = new Date();
}

export const OutcomeReportSchema = new EntitySchema<OutcomeReport>({
  class: OutcomeReport,
  tableName: 'outcome_report',
  uniques: [{ properties: ['proposal', 'region'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    proposal: { kind: 'm:1', entity: () => Proposal, deleteRule: 'cascade' },
    region: { kind: 'm:1', entity: () => Region },
    verdict: { type: 'string', length: 8 },
    note: { type: 'text', nullable: true },
    reportedBy: { kind: 'm:1', entity: () => User },
    createdAt: { type: 'datetime' },
  },
});

/** The installation's follow-up setting: how long after implementation the regions are asked about the outcome. One row. */
export class OutcomeSetting {
  id = 'default';
  delayDays!: number;
  updatedAt: Date = new Date();
}

export const OutcomeSettingSchema = new EntitySchema<OutcomeSetting>({
  class: OutcomeSetting,
  tableName: 'outcome_setting',
  properties: {
    id: { type: 'string', primary: true, length: 16 },
    delayDays: { type: 'integer' },
    updatedAt: { type: 'datetime' },
  },
});
