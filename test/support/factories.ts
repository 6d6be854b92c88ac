// Factories: valid objects with overridable fields, written through the real services.
import type { Role } from '@council/shared';
import type { Em } from '../../server/src/db/orm.js';
import { Category, Region, User } from '../../server/src/modules/people/people.entity.js';
import { createRegion, createUser } from '../../server/src/modules/people/people.service.js';
import { raiseIssue } from '../../server/src/modules/issues/issues.service.js';
import { draftProposal, openVoting } from '../../server/src/modules/proposals/proposals.service.js';
import type { Proposal } from '../../server/src/modules/proposals/proposals.entity.js';
import type { Issue } from '../../server/src/modules/issues/issues.entity.js';

export const PASSWORD = 'correct-horse-battery';
let seq = 0;

export async function region(em: Em, over: Partial<Pick<Region, 'code' | 'name' | 'timeZone'>> = {}): Promise<Region> {
  seq += 1;
  return createRegion(em, null, { code: `R${seq}`, name: `Region ${seq}`, timeZone: 'UTC', ...over });
}

export async function category(em: Em, name = `Category ${++seq}`): Promise<Category> {
  const c = em.create(Category, { name, position: seq, createdAt: new Date() });
  await em.persistAndFlush(c);
  return c;
}

export async function user(em: Em, over: { roles?: Role[]; region?: Region | null; email?: string; name?: string; locale?: 'en' | 'de' | 'da' | 'es' | 'vi' } = {}): Promise<User> {
  seq += 1;
  return createUser(em, null, {
    email: over.email ?? `person${seq}@example.test`,
    name: over.name ?? `Person ${seq}`,
    password: PASSWORD,
    roles: over.roles ?? ['COORDINATOR'],
    regionCode: over.region === undefined ? null : over.region?.code ?? null,
    locale: over.locale ?? 'en',
  });
}

export async function issue(em: Em, by: User, over: Partial<{ title: string; description: string; categoryId: string | null }> = {}, at?: Date): Promise<Issue> {
  seq += 1;
  return raiseIssue(em, by, { title: `Shared problem ${seq}`, description: `Description of shared problem ${seq}.`, ...over }, at);
}

/** A proposal on a new issue by `author`, with voting opened by `facilitator` until `closesAt` (default: in a day). */
export async function proposalInVoting(em: Em, author: User, facilitator: User, closesAt = new Date(Date.now() + 86_400_000)): Promise<Proposal> {
  seq += 1;
  const on = await issue(em, author);
  const proposal = await draftProposal(em, author, {
    issueId: on.id,
    title: `Refunds within five working days ${seq}`,
    currentPolicy: 'Refunds are paid in the weekly batch.',
    proposedPolicy: 'Refunds are paid within five working days.',
    rationale: 'Customers wait up to twelve days for their money.',
    requiresApproval: true,
  });
  return openVoting(em, facilitator, proposal.id, closesAt);
}
