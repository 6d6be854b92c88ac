// Issues (shared problems), the supports that say "my region is affected too", and comments.
import { EntitySchema, type Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { IssueStatus } from '@council/shared';
import { Category, Region, User } from '../people/people.entity.js';

export class Issue {
  id: string = randomUUID();
  title!: string;
  description!: string;
  evidence?: string | null;
  category?: Category | null;
  status: IssueStatus = 'OPEN';
  raisedBy!: User;
  originRegion!: Region;
  mergedInto?: Issue | null;
  /** While MERGED: the status it had before the merge, which an unmerge restores. */
  statusBeforeMerge?: IssueStatus | null;
  /** Denormalised counters, kept in the same transaction as the rows they count. */
  supportCount = 0;
  regionCount = 1;
  commentCount = 0;
  /**
   * The time-independent part of the priority score (shared/priority.ts rankBase), kept with the
   * counters (issues/rank.ts): the feed's PRIORITY order walks an index on it.
   */
  rankBase: Opt<number> = 0;
  createdAt: Date = new Date();
  lastActivityAt: Date = new Date();
}

export const IssueSchema = new EntitySchema<Issue>({
  class: Issue,
  tableName: 'issue',
  // The feed's orders: each walks its index from the top (the default filter, "not merged", leaves
  // nearly every row in), so a page reads its rows and no more.
  indexes: [
    { properties: ['status', 'createdAt'] },
    { properties: ['createdAt', 'id'] },
    { properties: ['lastActivityAt', 'id'] },
    // PRIORITY's and the agenda's threshold walks read candidates by rank_base with the columns their
    // scores need: all in the index, so a walk over thousands of candidates reads no table row.
    { name: 'issue_rank_index', properties: ['rankBase', 'id', 'status', 'lastActivityAt', 'supportCount', 'regionCount', 'createdAt'] },
  ],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    title: { type: 'string', length: 200 },
    description: { type: 'text' },
    evidence: { type: 'text', nullable: true },
    category: { kind: 'm:1', entity: () => Category, nullable: true },
    status: { type: 'string', length: 24 },
    raisedBy: { kind: 'm:1', entity: () => User },
    originRegion: { kind: 'm:1', entity: () => Region },
    mergedInto: { kind: 'm:1', entity: () => Issue, nullable: true },
    statusBeforeMerge: { type: 'string', length: 24, nullable: true },
    supportCount: { type: 'integer' },
    regionCount: { type: 'integer' },
    commentCount: { type: 'integer' },
    rankBase: { type: 'double', default: 0 },
    createdAt: { type: 'datetime' },
    lastActivityAt: { type: 'datetime' },
  },
});

export class Support {
  id: string = randomUUID();
  issue!: Issue;
  user!: User;
  region!: Region;
  note?: string | null;
  /**
   * The merged duplicate this support came from (the first merge that moved it): an unmerge of
   * that duplicate takes it back. Null for a support given to this issue itself.
   */
  mergedFrom?: Issue | null;
  createdAt: Date = new Date();
}

export const SupportSchema = new EntitySchema<Support>({
  class: Support,
  tableName: 'support',
  // One support per person per issue, held by the database, not only by the service.
  uniques: [{ properties: ['issue', 'user'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    issue: { kind: 'm:1', entity: () => Issue, deleteRule: 'cascade' },
    user: { kind: 'm:1', entity: () => User },
    region: { kind: 'm:1', entity: () => Region },
    note: { type: 'string', length: 600, nullable: true },
    mergedFrom: { kind: 'm:1', entity: () => Issue, nullable: true, deleteRule: 'set null' },
    createdAt: { type: 'datetime' },
  },
});

/**
 * A support that a merge took off the duplicate because its person was already counted on the
 * target (its raiser or a supporter there): kept here, note included, so that an unmerge gives it
 * back to the duplicate as it was.
 */
export class MergedSupport {
  id: string = randomUUID();
  /** The merged duplicate it was on. */
  issue!: Issue;
  user!: User;
  region!: Region;
  note?: string | null;
  /** Its own `Support.mergedFrom` when it was put aside (an earlier merge into the duplicate). */
  mergedFrom?: Issue | null;
  createdAt!: Date;
}

export const MergedSupportSchema = new EntitySchema<MergedSupport>({
  class: MergedSupport,
  tableName: 'merged_support',
  uniques: [{ properties: ['issue', 'user'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    issue: { kind: 'm:1', entity: () => Issue, deleteRule: 'cascade' },
    user: { kind: 'm:1', entity: () => User },
    region: { kind: 'm:1', entity: () => Region },
    note: { type: 'string', length: 600, nullable: true },
    mergedFrom: { kind: 'm:1', entity: () => Issue, nullable: true, deleteRule: 'set null' },
    createdAt: { type: 'datetime' },
  },
});

export class Comment {
  id: string = randomUUID();
  /** The subject: an issue or a proposal (exactly one is set). */
  issue?: Issue | null;
  proposal?: { id: string } | null;
  author!: User;
  body!: string;
  /** The merged duplicate this comment came from (see Support.mergedFrom). */
  mergedFrom?: Issue | null;
  createdAt: Date = new Date();
  editedAt?: Date | null;
}

export const CommentSchema = new EntitySchema<Comment>({
  class: Comment,
  tableName: 'comment',
  indexes: [{ properties: ['issue', 'createdAt'] }, { properties: ['proposal', 'createdAt'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    issue: { kind: 'm:1', entity: () => Issue, nullable: true, deleteRule: 'cascade' },
    proposal: { kind: 'm:1', entity: 'Proposal', nullable: true, deleteRule: 'cascade' },
    author: { kind: 'm:1', entity: () => User },
    body: { type: 'text' },
    mergedFrom: { kind: 'm:1', entity: () => Issue, nullable: true, deleteRule: 'set null' },
    createdAt: { type: 'datetime' },
    editedAt: { type: 'datetime', nullable: true },
  },
});
