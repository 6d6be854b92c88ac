// Issue operations: validate, authorize, change, audit — each in one transaction. Every operation
// takes the issue rows it decides on first (db/locks, or a guarded UPDATE), and counters are moved
// or recounted by SQL, so concurrent requests on several connections or instances lose nothing.
import { commentSchema, ISSUE_ACTIVE_STATUSES, issueIsActive, raiseIssueSchema, supportSchema } from '@council/shared';
import { raw } from '@mikro-orm/core';
import { lockRow, lockRows } from '../../db/locks.js';
import type { Em } from '../../db/orm.js';
import { Conflict, InvalidInput, NotFound } from '../../errors.js';
import { parseInput } from '../../validation.js';
import { audit } from '../audit/audit.service.js';
import { Category, type User } from '../people/people.entity.js';
import { Comment, Issue, MergedSupport, Support } from './issues.entity.js';
import { Proposal } from '../proposals/proposals.entity.js';
import { refreshRanks } from './rank.js';
import { issuePolicy, participates } from './issues.policy.js';
import { isReferredTo } from '../departments/departments.query.js';
import { conversationOf, issueFollowers, mentionedIn } from '../notifications/audiences.js';
import { notify } from '../notifications/notify.js';

export interface RaiseIssueData {
  title: string;
  description: string;
  categoryId?: string | null;
  evidence?: string | null;
}

export async function raiseIssue(em: Em, actor: User, input: RaiseIssueData, now = new Date()): Promise<Issue> {
  issuePolicy.authorize(actor, 'raise');
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
    audit(tx, { actor, action: 'issue.raised', subject: issue, after: { title: issue.title, status: issue.status }, at: now });
    await tx.flush();
    await refreshRanks(tx, [issue.id]);
    return issue;
  });
}

async function findIssue(em: Em, id: string): Promise<Issue> {
  const issue = await em.findOne(Issue, id);
  if (!issue) throw new NotFound();
  return issue;
}

/** Takes the issue's row for this transaction (see db/locks) and returns it as committed. */
async function lockIssue(em: Em, id: string): Promise<Issue> {
  const issue = await lockRow(em, Issue, id);
  if (!issue) throw new NotFound();
  return issue;
}

/**
 * Counters recomputed from the rows, as SQL for an UPDATE of the issue's row (the same rules as
 * `pnpm council check`): supporters, affected regions (the origin plus supporters' regions), comments.
 * Functions, because a raw fragment is consumed by the query that uses it.
 */
const RECOUNT = {
  supportCount: () => raw('(select count(*) from support s where s.issue_id = issue.id)'),
  regionCount: () => raw('1 + (select count(distinct s.region_id) from support s where s.issue_id = issue.id and s.region_id <> issue.origin_region_id)'),
  commentCount: () => raw('(select count(*) from comment c where c.issue_id = issue.id)'),
};

/**
 * Recounts `fields` of the issue in the database, after flushing what this transaction changed,
 * and refreshes the entity so that the unit of work never writes a stale count back.
 */
async function recount(em: Em, issue: Issue, fields: readonly (keyof typeof RECOUNT)[], also: { lastActivityAt?: Date } = {}): Promise<void> {
  await em.flush();
  const counts = Object.fromEntries(fields.map((field) => [field, RECOUNT[field]()]));
  await em.nativeUpdate(Issue, { id: issue.id }, { ...counts, ...also });
  // The stored part of the score follows the counters it is made of (after them: SET reads old values).
  if (fields.includes('supportCount') || fields.includes('regionCount')) await refreshRanks(em, [issue.id]);
  await em.refresh(issue);
}

export async function supportIssue(em: Em, actor: User, issueId: string, note?: string | null, now = new Date()): Promise<Issue> {
  const data = parseInput(supportSchema, { note });
  return em.transactional(async (tx) => {
    // The issue's row first: a merge or another support of it waits until this one commits.
    const issue = await lockIssue(tx, issueId);
    const supported = (await tx.count(Support, { issue, user: actor })) > 0;
    issuePolicy.authorize(actor, 'support', { issue, supported });
    tx.create(Support, { issue, user: actor, region: actor.region!, note: data.note ?? null, createdAt: now });
    await recount(tx, issue, ['supportCount', 'regionCount'], { lastActivityAt: now });
    audit(tx, { actor, action: 'issue.supported', subject: issue, after: { supportCount: issue.supportCount, regionCount: issue.regionCount }, at: now });
    return issue;
  });
}

export async function withdrawSupport(em: Em, actor: User, issueId: string, now = new Date()): Promise<Issue> {
  return em.transactional(async (tx) => {
    const issue = await lockIssue(tx, issueId);
    const mine = await tx.findOne(Support, { issue, user: actor });
    issuePolicy.authorize(actor, 'withdrawSupport', { issue, supported: mine !== null });
    const before = { supportCount: issue.supportCount, regionCount: issue.regionCount };
    tx.remove(mine!); // authorized: there is one to withdraw
    await recount(tx, issue, ['supportCount', 'regionCount']);
    audit(tx, { actor, action: 'issue.supportWithdrawn', subject: issue, before, after: { supportCount: issue.supportCount, regionCount: issue.regionCount }, at: now });
    return issue;
  });
}

export type CommentSubject = { type: 'Issue'; id: string } | { type: 'Proposal'; id: string };

/** Comments on an issue (opening its discussion) or on a proposal. */
export async function addComment(em: Em, actor: User, subject: CommentSubject, body: string, now = new Date()): Promise<Comment> {
  const data = parseInput(commentSchema, { body });
  return em.transactional(async (tx) => {
    if (subject.type === 'Proposal') {
      const proposal = await tx.findOne(Proposal, subject.id);
      if (!proposal) throw new NotFound();
      issuePolicy.authorize(actor, 'comment', proposal);
      const comment = tx.create(Comment, { issue: null, proposal, author: actor, body: data.body, createdAt: now, editedAt: null });
      proposal.updatedAt = now;
      audit(tx, { actor, action: 'comment.added', subject: comment, after: { proposal: proposal.id }, at: now });
      await tellAboutComment(tx, actor, { type: 'Proposal', id: proposal.id }, proposal.title, data.body, now);
      return comment;
    }
    const commented = await findIssue(tx, subject.id);
    // A department's contact comments on the issues referred to their department.
    issuePolicy.authorize(actor, 'comment', { issue: commented, referredToViewer: !participates(actor) && (await isReferredTo(tx, commented.id, actor.id)) });
    // Counting the comment takes the issue's row (a guarded UPDATE that waits for a concurrent
    // writer, then re-checks the status): a merge that won the row since the check above leaves
    // nothing to comment on.
    const counted = await tx.nativeUpdate(Issue, { id: subject.id, status: { $in: [...ISSUE_ACTIVE_STATUSES] } }, { commentCount: raw('comment_count + 1'), lastActivityAt: now });
    if (!counted) throw new Conflict('errors.issueInactive');
    // The first word from someone other than the raiser opens the discussion; of comments racing
    // each other only the one whose update moved the status records the change.
    const opened = await tx.nativeUpdate(Issue, { id: subject.id, status: 'OPEN', raisedBy: { $ne: actor.id } }, { status: 'UNDER_DISCUSSION' });
    const issue = await tx.findOneOrFail(Issue, subject.id, { refresh: true });
    const comment = tx.create(Comment, { issue, proposal: null, author: actor, body: data.body, createdAt: now, editedAt: null });
    audit(tx, { actor, action: 'comment.added', subject: comment, after: { issue: issue.id }, at: now });
    if (opened) audit(tx, { actor, action: 'issue.statusChanged', subject: issue, before: { status: 'OPEN' }, after: { status: 'UNDER_DISCUSSION' }, at: now });
    await tellAboutComment(tx, actor, { type: 'Issue', id: issue.id }, issue.title, data.body, now);
    return comment;
  });
}

/** The people @mentioned in a comment, then the rest of the conversation (raiser or author, commenters). */
async function tellAboutComment(tx: Em, actor: User, subject: { type: 'Issue' | 'Proposal'; id: string }, title: string, body: string, now: Date): Promise<void> {
  await notify(tx, {
    actor,
    subject,
    params: { title, actor: actor.name },
    audiences: [
      { kind: 'MENTIONED', userIds: await mentionedIn(tx, body) },
      { kind: 'REPLY', userIds: await conversationOf(tx, subject) },
    ],
    at: now,
  });
}

export async function editComment(em: Em, actor: User, commentId: string, body: string, now = new Date()): Promise<Comment> {
  const data = parseInput(commentSchema, { body });
  return em.transactional(async (tx) => {
    // Taken first, so that two edits racing each other record each other's text as "before".
    const comment = await lockRow(tx, Comment, commentId);
    if (!comment) throw new NotFound();
    issuePolicy.authorize(actor, 'editComment', comment);
    const before = comment.body;
    comment.body = data.body;
    comment.editedAt = now;
    audit(tx, { actor, action: 'comment.edited', subject: comment, before: { body: before }, after: { body: comment.body }, at: now });
    return comment;
  });
}

/**
 * Merges a duplicate into another issue: its supports and comments join the target, its raiser's
 * region counts as affected there, and it is left MERGED, pointing at the target. Nothing is lost,
 * so that `unmergeIssue` can take it back: moved rows remember where they came from
 * (`mergedFrom`), the supports of people already counted on the target are put aside with their
 * notes (MergedSupport), and the duplicate keeps the status it had.
 */
export async function mergeIssue(em: Em, actor: User, issueId: string, intoIssueId: string, now = new Date()): Promise<Issue> {
  if (issueId === intoIssueId) throw new InvalidInput({ intoIssueId: 'errors.mergeSelf' });
  return em.transactional(async (tx) => {
    // Both rows, in id order: of two opposite merges the second waits, then finds its target MERGED;
    // a support or comment of either issue waits for the merge, or the merge for it.
    const locked = await lockRows(tx, Issue, [issueId, intoIssueId]);
    const source = locked.find((i) => i.id === issueId);
    const target = locked.find((i) => i.id === intoIssueId);
    if (!source || !target) throw new NotFound();
    issuePolicy.authorize(actor, 'merge', source);
    if (!issueIsActive(target.status)) throw new Conflict('errors.mergeTargetInactive');
    // Who followed the duplicate (its raiser, supporters, commenters), read before its rows move.
    const followers = [...(await issueFollowers(tx, source.id)), ...(await conversationOf(tx, { type: 'Issue', id: source.id }))];

    // People already counted on the target (its raiser, its supporters) keep that one support;
    // their support of the duplicate is put aside, note and all. The duplicate's other supports
    // move over, and its raiser's region joins as a supporter.
    const targetSupports = await tx.find(Support, { issue: target });
    const present = new Set([target.raisedBy.id, ...targetSupports.map((s) => s.user.id)]);
    const overlapping = await tx.find(Support, { issue: source, user: { $in: [...present] } });
    for (const s of overlapping) {
      tx.create(MergedSupport, { id: s.id, issue: source, user: s.user, region: s.region, note: s.note ?? null, mergedFrom: s.mergedFrom ?? null, createdAt: s.createdAt });
      tx.remove(s);
    }
    await tx.flush();
    // A row keeps the first duplicate it came from (a merge of a merge): undoing that one takes it back.
    await tx.nativeUpdate(Support, { issue: source, mergedFrom: null }, { mergedFrom: source });
    await tx.nativeUpdate(Support, { issue: source }, { issue: target });
    if (!present.has(source.raisedBy.id)) {
      tx.create(Support, { issue: target, user: source.raisedBy, region: source.originRegion, note: null, mergedFrom: source, createdAt: source.createdAt });
    }
    await tx.nativeUpdate(Comment, { issue: source, mergedFrom: null }, { mergedFrom: source });
    await tx.nativeUpdate(Comment, { issue: source }, { issue: target });
    await recount(tx, target, ['supportCount', 'regionCount', 'commentCount'], { lastActivityAt: now });

    const before = { status: source.status };
    source.statusBeforeMerge = source.status;
    source.status = 'MERGED';
    source.mergedInto = target;
    source.supportCount = 0;
    source.regionCount = 1;
    source.commentCount = 0;
    source.lastActivityAt = now;
    await tx.flush();
    await refreshRanks(tx, [source.id]);
    audit(tx, { actor, action: 'issue.merged', subject: source, before, after: { status: 'MERGED', mergedInto: target.id }, at: now });
    audit(tx, { actor, action: 'issue.mergeReceived', subject: target, after: { from: source.id, supportCount: target.supportCount, commentCount: target.commentCount }, at: now });
    await notify(tx, {
      actor,
      subject: { type: 'Issue', id: target.id },
      params: { title: source.title, into: target.title },
      audiences: [{ kind: 'ISSUE_MERGED', userIds: followers, messageKey: 'duplicates.message.merged' }],
      at: now,
    });
    return source;
  });
}

/**
 * The duplicate and every issue merged into it since (their rows came along): what an unmerge of
 * the duplicate takes back from the issue it was merged into.
 */
async function mergedTree(em: Em, issueId: string): Promise<string[]> {
  const rows = await em.execute<{ id: string }[]>(
    `with recursive tree(id) as (
       select cast(? as varchar(36))
       union all select i.id from issue i join tree t on i.merged_into_id = t.id where i.status = 'MERGED'
     ) select id from tree`,
    [issueId],
  );
  return rows.map((r) => r.id);
}

/**
 * Undoes a merge: the duplicate gets back the status it had, the supports and comments that came
 * from it (and from issues merged into it before), the supports put aside (with their notes), and
 * both issues' counters and ranks are recounted from the rows. What happened on the surviving
 * issue since (new supports, comments, withdrawn supports) stays as it is.
 */
export async function unmergeIssue(em: Em, actor: User, issueId: string, now = new Date()): Promise<Issue> {
  return em.transactional(async (tx) => {
    const seen = await tx.findOne(Issue, issueId, { refresh: true });
    if (!seen) throw new NotFound();
    issuePolicy.authorize(actor, 'unmerge', seen);
    const targetId = seen.mergedInto!.id; // authorized: it is merged
    // Both rows, in id order, as the merge takes them: a second unmerge, or a support of the
    // surviving issue, waits until this one commits, then decides on what it left.
    const locked = await lockRows(tx, Issue, [issueId, targetId]);
    const source = locked.find((i) => i.id === issueId)!;
    const target = locked.find((i) => i.id === targetId);
    issuePolicy.authorize(actor, 'unmerge', source);
    if (!target || source.mergedInto?.id !== targetId) throw new Conflict('duplicates.errors.notMerged');
    // Merged on into a third issue since: that merge is undone first (it holds the rows now).
    if (target.status === 'MERGED') throw new Conflict('duplicates.errors.targetMerged');

    const tree = await mergedTree(tx, source.id);
    // The support the merge gave the duplicate's raiser on the target goes away with the merge.
    await tx.nativeDelete(Support, { issue: target, user: source.raisedBy, mergedFrom: source });
    await tx.nativeUpdate(Support, { issue: target, mergedFrom: { $in: tree } }, { issue: source });
    await tx.nativeUpdate(Comment, { issue: target, mergedFrom: { $in: tree } }, { issue: source });
    const asideRows = await tx.find(MergedSupport, { issue: source });
    for (const m of asideRows) {
      tx.create(Support, { id: m.id, issue: source, user: m.user, region: m.region, note: m.note ?? null, mergedFrom: m.mergedFrom ?? null, createdAt: m.createdAt });
      tx.remove(m);
    }
    await tx.flush();
    // Back where they started: no longer "from" the duplicate (rows of issues merged into it keep theirs).
    await tx.nativeUpdate(Support, { issue: source, mergedFrom: source }, { mergedFrom: null });
    await tx.nativeUpdate(Comment, { issue: source, mergedFrom: source }, { mergedFrom: null });

    const status = source.statusBeforeMerge!;
    source.status = status;
    source.mergedInto = null;
    source.statusBeforeMerge = null;
    await recount(tx, source, ['supportCount', 'regionCount', 'commentCount'], { lastActivityAt: now });
    await recount(tx, target, ['supportCount', 'regionCount', 'commentCount']);
    audit(tx, {
      actor,
      action: 'issue.unmerged',
      subject: source,
      before: { status: 'MERGED', mergedInto: target.id },
      after: { status, supportCount: source.supportCount, commentCount: source.commentCount, from: target.id, fromSupportCount: target.supportCount, fromCommentCount: target.commentCount },
      at: now,
    });
    await notify(tx, {
      actor,
      subject: { type: 'Issue', id: source.id },
      params: { title: source.title, into: target.title },
      audiences: [{ kind: 'ISSUE_MERGED', userIds: [...(await issueFollowers(tx, source.id)), ...(await conversationOf(tx, { type: 'Issue', id: source.id }))], messageKey: 'duplicates.message.unmerged' }],
      at: now,
    });
    return source;
  });
}
