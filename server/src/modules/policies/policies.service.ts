// Adopting an implemented proposal into the policy register: the policy's next version (or a
// new policy), linked to the proposal and the decision behind it.
import { lockRow } from '../../db/locks.js';
import type { Em } from '../../db/orm.js';
import { audit } from '../audit/audit.service.js';
import { Issue } from '../issues/issues.entity.js';
import type { User } from '../people/people.entity.js';
import { Decision, type Proposal } from '../proposals/proposals.entity.js';
import { Policy, PolicyVersion } from './policies.entity.js';

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
  return version;
}
