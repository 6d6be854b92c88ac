// Issue operations: validate, authorize, change, audit — each in one transaction.
import { commentSchema, ISSUE_MERGEABLE_STATUSES, issueIsActive, raiseIssueSchema, supportSchema } from '@council/shared';
import type { Em } from '../../db/orm.js';
import { Conflict, Forbidden, InvalidInput, NotFound } from '../../errors.js';
import { parseInput } from '../../validation.js';
import { audit } from '../audit/audit.service.js';
import { Category, type User } from '../people/people.entity.js';
import { Comment, Issue, Support } from './issues.entity.js';
import { Proposal } from '../proposals/proposals.entity.js';
import { canComment, canEditComment, canMerge, canRaise, participates, supportRefusal } from './issues.policy.js';

export interface RaiseIssueData {
  title: string;
  description: string;
  categoryId?: string | null;
  evidence?: string | null;
}

export async function raiseIssue(em: Em, actor: User, input: RaiseIssueData, now = new Date()): Promise<Issue> {
  if (!participates(actor)) throw new Forbidden('errors.coordinatorOnly');
  if (!canRaise(actor)) throw new Forbidden('errors.noRegion');
  const data = parseInput(raiseIssueSchema, input);
  return em.transactional(async (tx) => {
    let category: Category | null = null;
    if (data.categoryId) {
      category = await tx.findOne(Category, data.categoryId);
      if (!category) throw new InvalidInput({ categoryId: 'validation.category.unknown' });
    }
    const issue = tx.create(Issue, {
      title: data.title,
      description: data.description,
      evidence: data.evidence ?? null,
      category,
      status: 'OPEN',
      raisedBy: actor,
      originRegion: actor.region!,
      supportCount: 0,
      regionCount: 1,
      commentCount: 0,
      createdAt: now,
      lastActivityAt: now,
    });
    audit(tx, { actor, action: 'issue.raised', subject: issue, after: { title: issue.title, status: issue.status } });
    return issue;
  });
}

async function findIssue(em: Em, id: string): Promise<Issue> {
  const issue = await em.findOne(Issue, id);
  if (!issue) throw new NotFound();
  return issue;
}

/** Recomputes an issue's support and region counters from its supports. */
function recount(issue: Issue, supports: readonly Support[]): void {
  issue.supportCount = supports.length;
  issue.regionCount = new Set([issue.originRegion.id, ...supports.map((s) => s.region.id)]).size;
}

export async function supportIssue(em: Em, actor: User, issueId: string, note?: string | null, now = new Date()): Promise<Issue> {
  const data = parseInput(supportSchema, { note });
  return em.transactional(async (tx) => {
    const issue = await findIssue(tx, issueId);
    const supports = await tx.find(Support, { issue });
    const refusal = supportRefusal(actor, issue, supports);
    if (refusal) throw refusal === 'errors.coordinatorOnly' || refusal === 'errors.noRegion' ? new Forbidden(refusal) : new Conflict(refusal);
    const support = tx.create(Support, { issue, user: actor, region: actor.region!, note: data.note ?? null, createdAt: now });
    recount(issue, [...supports, support]);
    issue.lastActivityAt = now;
    audit(tx, { actor, action: 'issue.supported', subject: issue, after: { supportCount: issue.supportCount, regionCount: issue.regionCount } });
    return issue;
  });
}

export async function withdrawSupport(em: Em, actor: User, issueId: string): Promise<Issue> {
  return em.transactional(async (tx) => {
    const issue = await findIssue(tx, issueId);
    if (!issueIsActive(issue.status)) throw new Conflict('errors.issueInactive');
    const supports = await tx.find(Support, { issue });
    const mine = supports.find((s) => s.user.id === actor.id);
    if (!mine) throw new Conflict('errors.notSupported');
    tx.remove(mine);
    const before = { supportCount: issue.supportCount, regionCount: issue.regionCount };
    recount(issue, supports.filter((s) => s !== mine));
    audit(tx, { actor, action: 'issue.supportWithdrawn', subject: issue, before, after: { supportCount: issue.supportCount, regionCount: issue.regionCount } });
    return issue;
  });
}

export type CommentSubject = { type: 'Issue'; id: string } | { type: 'Proposal'; id: string };

/** Comments on an issue (opening its discussion) or on a proposal. */
export async function addComment(em: Em, actor: User, subject: CommentSubject, body: string, now = new Date()): Promise<Comment> {
  if (!canComment(actor)) throw new Forbidden('errors.coordinatorOnly');
  const data = parseInput(commentSchema, { body });
  return em.transactional(async (tx) => {
    if (subject.type === 'Proposal') {
      const proposal = await tx.findOne(Proposal, subject.id);
      if (!proposal) throw new NotFound();
      const comment = tx.create(Comment, { issue: null, proposal, author: actor, body: data.body, createdAt: now, editedAt: null });
      proposal.updatedAt = now;
      audit(tx, { actor, action: 'comment.added', subject: comment, after: { proposal: proposal.id }, at: now });
      return comment;
    }
    const issue = await findIssue(tx, subject.id);
    if (!issueIsActive(issue.status)) throw new Conflict('errors.issueInactive');
    const comment = tx.create(Comment, { issue, proposal: null, author: actor, body: data.body, createdAt: now, editedAt: null });
    issue.commentCount += 1;
    issue.lastActivityAt = now;
    audit(tx, { actor, action: 'comment.added', subject: comment, after: { issue: issue.id }, at: now });
    // The first word from someone other than the raiser opens the discussion.
    if (issue.status === 'OPEN' && actor.id !== issue.raisedBy.id) {
      issue.status = 'UNDER_DISCUSSION';
      audit(tx, { actor, action: 'issue.statusChanged', subject: issue, before: { status: 'OPEN' }, after: { status: issue.status }, at: now });
    }
    return comment;
  });
}

export async function editComment(em: Em, actor: User, commentId: string, body: string, now = new Date()): Promise<Comment> {
  const data = parseInput(commentSchema, { body });
  return em.transactional(async (tx) => {
    const comment = await tx.findOne(Comment, commentId);
    if (!comment) throw new NotFound();
    if (!canEditComment(actor, comment)) throw new Forbidden('errors.notAuthor');
    const before = comment.body;
    comment.body = data.body;
    comment.editedAt = now;
    audit(tx, { actor, action: 'comment.edited', subject: comment, before: { body: before }, after: { body: comment.body } });
    return comment;
  });
}

/**
 * Merges a duplicate into another issue: its supports and comments join the target, its raiser's
 * region counts as affected there, and it is left MERGED, pointing at the target.
 */
export async function mergeIssue(em: Em, actor: User, issueId: string, intoIssueId: string, now = new Date()): Promise<Issue> {
  if (!canMerge(actor)) throw new Forbidden('errors.facilitatorOnly');
  if (issueId === intoIssueId) throw new InvalidInput({ intoIssueId: 'errors.mergeSelf' });
  return em.transactional(async (tx) => {
    const source = await findIssue(tx, issueId);
    const target = await findIssue(tx, intoIssueId);
    if (!ISSUE_MERGEABLE_STATUSES.includes(source.status)) throw new Conflict('errors.issueInactive');
    if (!issueIsActive(target.status)) throw new Conflict('errors.mergeTargetInactive');

    const [sourceSupports, targetSupports] = await Promise.all([tx.find(Support, { issue: source }), tx.find(Support, { issue: target })]);
    const kept = [...targetSupports];
    const present = new Set([target.raisedBy.id, ...targetSupports.map((s) => s.user.id)]);
    for (const s of sourceSupports) {
      if (present.has(s.user.id)) {
        tx.remove(s);
      } else {
        s.issue = target;
        present.add(s.user.id);
        kept.push(s);
      }
    }
    if (!present.has(source.raisedBy.id)) {
      kept.push(tx.create(Support, { issue: target, user: source.raisedBy, region: source.originRegion, note: null, createdAt: source.createdAt }));
    }
    const moved = await tx.nativeUpdate(Comment, { issue: source }, { issue: target });

    const before = { status: source.status };
    source.status = 'MERGED';
    source.mergedInto = target;
    source.supportCount = 0;
    source.regionCount = 1;
    source.commentCount = 0;
    source.lastActivityAt = now;
    recount(target, kept);
    target.commentCount += moved;
    target.lastActivityAt = now;
    audit(tx, { actor, action: 'issue.merged', subject: source, before, after: { status: 'MERGED', mergedInto: target.id } });
    audit(tx, { actor, action: 'issue.mergeReceived', subject: target, after: { from: source.id, supportCount: target.supportCount, commentCount: target.commentCount } });
    return source;
  });
}
