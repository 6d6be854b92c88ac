// The policy register: adopted standards and processes, each with its versions; every version
// links back to the proposal (and decision) that made it; and who has confirmed reading which version.
import { EntitySchema } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Category, User } from '../people/people.entity.js';
import type { Decision, Proposal } from '../proposals/proposals.entity.js';

export class Policy {
  id: string = randomUUID();
  title!: string;
  category?: Category | null;
  currentVersion = 0;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

export const PolicySchema = new EntitySchema<Policy>({
  class: Policy,
  tableName: 'policy',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    title: { type: 'string', length: 200 },
    category: { kind: 'm:1', entity: () => Category, nullable: true },
    currentVersion: { type: 'integer' },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});

export class PolicyVersion {
  id: string = randomUUID();
  policy!: Policy;
  version!: number;
  text!: string;
  /** The text this version replaced (empty for a new policy), for "what changed". */
  previousText!: string;
  proposal!: Proposal;
  decision?: Decision | null;
  effectiveFrom?: Date | null;
  createdAt: Date = new Date();
}

export const PolicyVersionSchema = new EntitySchema<PolicyVersion>({
  class: PolicyVersion,
  tableName: 'policy_version',
  uniques: [{ properties: ['policy', 'version'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    policy: { kind: 'm:1', entity: () => Policy, deleteRule: 'cascade' },
    version: { type: 'integer' },
    text: { type: 'text' },
    previousText: { type: 'text' },
    proposal: { kind: 'm:1', entity: 'Proposal' },
    decision: { kind: 'm:1', entity: 'Decision', nullable: true },
    effectiveFrom: { type: 'datetime', nullable: true },
    createdAt: { type: 'datetime' },
  },
});

/** A person confirmed having read a version of a policy: written once (insert-or-ignore), never changed. */
export class PolicyAcknowledgement {
  id: string = randomUUID();
  policy!: Policy;
  user!: User;
  version!: number;
  at: Date = new Date();
}

export const PolicyAcknowledgementSchema = new EntitySchema<PolicyAcknowledgement>({
  class: PolicyAcknowledgement,
  tableName: 'policy_acknowledgement',
  uniques: [{ properties: ['policy', 'user', 'version'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    policy: { kind: 'm:1', entity: () => Policy, deleteRule: 'cascade' },
    user: { kind: 'm:1', entity: () => User, deleteRule: 'cascade' },
    version: { type: 'integer' },
    at: { type: 'datetime' },
  },
});
