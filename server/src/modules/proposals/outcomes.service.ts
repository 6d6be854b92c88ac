// Outcomes checked: some time after a change is implemented (outcomeDueOn), each region's
// coordinators say whether it solved the problem there (BETTER, SAME, WORSE, with optional
// figures). One report per region, a later one replacing it; poor outcomes (SAME or WORSE) from
// two or more regions reopen the change's issue for discussion, once. The proposal's row is taken
// first, so concurrent reports of different regions are counted one after the other and the
// reopening happens exactly once (and a guarded UPDATE claims it besides).
import { ISSUE_REOPENABLE_STATUSES, ISSUE_REOPENED_STATUS, OUTCOME_DUE_AFTER_DAYS, POOR_OUTCOMES, REOPEN_AFTER_POOR_OUTCOMES, outcomeDelaySchema, outcomeReportSchema, type OutcomeVerdict } from '@council/shared';
import { randomUUID } from 'node:crypto';
import { lockRow, lockRows } from '../../db/locks.js';
import type { Em } from '../../db/orm.js';
import { NotFound } from '../../errors.js';
import { parseInput } from '../../validation.js';
import { audit } from '../audit/audit.service.js';
import { Issue } from '../issues/issues.entity.js';
import { issueFollowers, proposalFollowers } from '../notifications/audiences.js';
import { notify } from '../notifications/notify.js';
import { Region, type User } from '../people/people.entity.js';
import { OutcomeReport, OutcomeSetting, Proposal } from './proposals.entity.js';
import { proposalPolicy } from './proposals.policy.js';

/** Days after implementation when the regions are asked about the outcome (the setting, else the default). */
export async function currentOutcomeDelay(em: Em): Promise<number> {
  const setting = await em.findOne(OutcomeSetting, 'default');
  return setting?.delayDays ?? OUTCOME_DUE_AFTER_DAYS;
}

/** Admins: how long after implementation the regions are asked. Changes that are already implemented keep their date. */
export async function setOutcomeDelay(em: Em, actor: User, days: number, now = new Date()): Promise<number> {
  proposalPolicy.authorize(actor, 'setOutcomeDelay');
  const data = parseInput(outcomeDelaySchema, { days });
  return em.transactional(async (tx) => {
    // The row is taken before it is read (created with the default first if missing), so two admins
    // at once each record the value they replaced.
    await tx.upsert(OutcomeSetting, { id: 'default', delayDays: OUTCOME_DUE_AFTER_DAYS, updatedAt: now }, { onConflictAction: 'ignore' });
    const setting = (await lockRow(tx, OutcomeSetting, 'default'))!;
    const before = setting.delayDays;
    if (before === data.days) return before;
    setting.delayDays = data.days;
    setting.updatedAt = now;
    audit(tx, { actor, action: 'outcomeDelay.changed', subject: setting, before: { days: before }, after: { days: data.days }, at: now });
    return data.days;
  });
}

export interface OutcomeData {
  proposalId: string;
  regionId: string;
  verdict: OutcomeVerdict;
  note?: string | null;
}

/** A coordinator reports their region's outcome (replacing the region's earlier report). */
export async function reportOutcome(em: Em, actor: User, input: OutcomeData, now = new Date()): Promise<Proposal> {
  const { note } = parseInput(outcomeReportSchema, { note: input.note });
  return em.transactional(async (tx) => {
    const [proposal] = await lockRows(tx, Proposal, [input.proposalId]);
    if (!proposal) throw new NotFound();
    const region = await tx.findOne(Region, input.regionId);
    if (!region) throw new NotFound();
    proposalPolicy.authorize(actor, 'reportOutcome', { proposal, regionId: region.id, now });

    const previous = await tx.findOne(OutcomeReport, { proposal: proposal.id, region: region.id }, { fields: ['verdict', 'note'] });
    await tx
      .createQueryBuilder(OutcomeReport)
      .insert({ id: randomUUID(), proposal: proposal.id, region: region.id, verdict: input.verdict, note: note ?? null, reportedBy: actor.id, createdAt: now })
      .onConflict(['proposal', 'region'])
      .merge(['verdict', 'note', 'reportedBy', 'createdAt'])
      .execute('run');
    audit(tx, {
      actor,
      action: 'proposal.outcomeReported',
      subject: proposal,
      before: previous ? { region: region.id, verdict: previous.verdict, note: previous.note ?? null } : null,
      after: { region: region.id, verdict: input.verdict, note: note ?? null },
      at: now,
    });

    // Read afresh: the upsert went past this identity map (a replaced report's earlier values may be in it).
    const reports = await tx.find(OutcomeReport, { proposal: proposal.id }, { populate: ['region'], orderBy: { createdAt: 'asc', id: 'asc' }, refresh: true });
    const poor = reports.filter((r) => POOR_OUTCOMES.includes(r.verdict));
    if (poor.length >= REOPEN_AFTER_POOR_OUTCOMES) await reopen(tx, actor, proposal, poor, now);
    return proposal;
  });
}

/** Reopens the change's issue for discussion, once: only the transaction whose guarded UPDATE claims it goes on. */
async function reopen(tx: Em, actor: User, proposal: Proposal, poor: readonly OutcomeReport[], now: Date): Promise<void> {
  const claimed = await tx.nativeUpdate(Proposal, { id: proposal.id, outcomeReopenedAt: null }, { outcomeReopenedAt: now });
  if (claimed !== 1) return;
  await tx.refresh(proposal); // what the UPDATE wrote, without a second write at flush
  const issue = await lockRow(tx, Issue, proposal.issue.id);
  if (!issue || !ISSUE_REOPENABLE_STATUSES.includes(issue.status)) return;
  const reports = poor.map((r) => ({ region: r.region.name, verdict: r.verdict, note: r.note ?? null }));
  audit(tx, {
    actor,
    action: 'issue.reopened',
    subject: issue,
    before: { status: issue.status },
    after: { status: ISSUE_REOPENED_STATUS, proposal: proposal.id, reports },
    at: now,
  });
  issue.status = ISSUE_REOPENED_STATUS;
  issue.lastActivityAt = now;
  await notify(tx, {
    actor,
    subject: { type: 'Issue', id: issue.id },
    params: { title: issue.title, proposal: proposal.title, count: poor.length, regions: reports.map((r) => r.region).join(', ') },
    audiences: [{ kind: 'ISSUE_REOPENED', userIds: [...(await issueFollowers(tx, issue.id)), ...(await proposalFollowers(tx, proposal))], messageKey: 'followUp.outcomes.message.reopened' }],
    at: now,
  });
}
