// Adopting an implemented proposal into the policy register: the policy's next version (or a
// new policy), linked to the proposal and the decision behind it, and every coordinator asked to
// confirm having read it; and their confirmations (acknowledgePolicy).
import { randomUUID } from 'node:crypto';
import { lockRow } from '../../db/locks.js';
import type { Em } from '../../db/orm.js';
import { NotFound } from '../../errors.js';
import { audit } from '../audit/audit.service.js';
import { Issue } from '../issues/issues.entity.js';
import { policyAcknowledgers } from '../notifications/audiences.js';
import { notify } from '../notifications/notify.js';
import type { User } from '../people/people.entity.js';
import { Decision, type Proposal } from '../proposals/proposals.entity.js';
import { Policy, PolicyAcknowledgement, PolicyVersion } from './policies.entity.js';
import { policiesPolicy } from './policies.policy.js';

/** Runs inside the caller's transaction; the policy's row is taken first, so two changes of one policy adopted at once get versions n+1 and n+2. */
export async function adoptIntoRegister(em: Em, actor: User | null, proposal: Proposal, now: Date): Promise<PolicyVersion> {
  let policy = proposal.policy ? await lockRow(em, Policy, proposal.policy.id) : null;
  if (!policy) {
    const issue = await em.findOneOrFail(Issue, proposal.issue.id);
    policy = em.create(Policy, { title: proposal.title, category: issue.category ?? null, currentVersion: 0, createdAt: now, updatedAt: now });
    proposal.policy = policy;
  }
  const previous = policy.currentVersion > 0 ? await em.findOne(PolicyVersion, { policy, version: policy.currentVersion }) : null;
  const [decision] = await em.find(Decision, { proposal, outcome: 'APPROVED' }, { orderBy: { decidedAt: 'desc' }, limit: 1 });
  policy.currentVersion += 1;
  policy.updatedAt = now;
  const version = em.create(PolicyVersion, {
    policy,
    version: policy.currentVersion,
    text: proposal.proposedPolicy,
    previousText: previous?.text ?? proposal.currentPolicy,
    proposal,
    decision: decision ?? null,
    effectiveFrom: decision?.effectiveFrom ?? now,
    createdAt: now,
  });
  audit(em, { actor, action: 'policy.versionAdopted', subject: policy, after: { version: policy.currentVersion, proposal: proposal.id }, at: now });
  await askToConfirm(em, actor, policy, now);
  return version;
}

/** A new version asks everyone who must keep up to confirm having read it (with the mail their preference wants). */
async function askToConfirm(em: Em, actor: User | null, policy: Policy, now: Date): Promise<void> {
  await notify(em, {
    actor,
    subject: { type: 'Policy', id: policy.id },
    params: { title: policy.title, version: policy.currentVersion },
    audiences: [{ kind: 'POLICY_TO_CONFIRM', userIds: await policyAcknowledgers(em), messageKey: 'followUp.upToDate.message.asked' }],
    at: now,
  });
}

/**
 * A coordinator confirms having read the policy's current version (an older one: CONFLICT).
 * Insert-or-ignore on (policy, person, version): a repeated or concurrent confirmation is the same
 * confirmation, recorded and audited once.
 */
export async function acknowledgePolicy(em: Em, actor: User, policyId: string, version: number, now = new Date()): Promise<Policy> {
  return em.transactional(async (tx) => {
    const policy = await tx.findOne(Policy, policyId);
    if (!policy || policy.currentVersion < 1) throw new NotFound();
    policiesPolicy.authorize(actor, 'acknowledge', { policy, version });
    const result = await tx
      .createQueryBuilder(PolicyAcknowledgement)
      .insert({ id: randomUUID(), policy: policy.id, user: actor.id, version, at: now })
      .onConflict(['policy', 'user', 'version'])
      .ignore()
      .execute('run');
    if ((result as { affectedRows?: number }).affectedRows === 1) {
      audit(tx, { actor, action: 'policy.acknowledged', subject: policy, after: { version }, at: now });
    }
    return policy;
  });
}
