// Who cares about what: the people each kind of notification goes to (contract/reach.graphql), as
// ids, each in a fixed number of queries. Eligibility (who may vote, attend, roll out) is the
// domain policies' answer, never a role read here.
import type { Em } from '../../db/orm.js';
import { Comment, Issue, Support } from '../issues/issues.entity.js';
import { meetingPolicy } from '../meetings/meetings.policy.js';
import { acknowledgers } from '../policies/acknowledgements.query.js';
import { User } from '../people/people.entity.js';
import { Proposal, Vote } from '../proposals/proposals.entity.js';
import { isEligibleVoter, proposalPolicy } from '../proposals/proposals.policy.js';

const ids = async <T>(rows: Promise<T[]>, pick: (row: T) => string): Promise<string[]> => (await rows).map(pick);

/** The person who raised the issue and everyone who supports it. */
export async function issueFollowers(em: Em, issueId: string): Promise<string[]> {
  const issue = await em.findOneOrFail(Issue, issueId, { fields: ['raisedBy'] });
  const supporters = await ids(em.find(Support, { issue: issueId }, { fields: ['user'] }), (s) => s.user.id);
  return [issue.raisedBy.id, ...supporters];
}

/** The people who voted on the proposal. */
export const votersOf = (em: Em, proposalId: string) => ids(em.find(Vote, { proposal: proposalId }, { fields: ['voter'] }), (v) => v.voter.id);

/** Author, voters, and the raiser and supporters of its issue. */
export async function proposalFollowers(em: Em, proposal: Proposal): Promise<string[]> {
  return [proposal.author.id, ...(await votersOf(em, proposal.id)), ...(await issueFollowers(em, proposal.issue.id))];
}

/** Everyone who may vote (eligible voters). */
export async function eligibleVoters(em: Em): Promise<string[]> {
  const users = await em.find(User, { active: true, region: { $ne: null } });
  return users.filter(isEligibleVoter).map((u) => u.id);
}

/** The people who may roll the proposal out in the region (its coordinators). */
export async function regionRollers(em: Em, proposal: Proposal, regionId: string): Promise<string[]> {
  const users = await em.find(User, { active: true, region: regionId });
  return users.filter((u) => proposalPolicy.can(u, 'updateRollout', { proposal, regionId })).map((u) => u.id);
}

/** The people who may decide the submitted proposal (the active executives). */
export async function deciders(em: Em, proposal: Proposal): Promise<string[]> {
  const users = await em.find(User, { active: true });
  return users.filter((u) => proposalPolicy.can(u, 'decide', proposal)).map((u) => u.id);
}

/** Everyone each new policy version asks to confirm having read it (policies.policy's mustAcknowledge). */
export const policyAcknowledgers = (em: Em) => ids(acknowledgers(em), (u) => u.id);

/** Everyone who attends meetings. */
export async function attendees(em: Em): Promise<string[]> {
  const users = await em.find(User, { active: true });
  return users.filter((u) => meetingPolicy.can(u, 'attend')).map((u) => u.id);
}

/** Who raised (issue) or authored (proposal) the subject, and everyone who commented on it. */
export async function conversationOf(em: Em, subject: { type: 'Issue' | 'Proposal'; id: string }): Promise<string[]> {
  const owner =
    subject.type === 'Issue'
      ? (await em.findOneOrFail(Issue, subject.id, { fields: ['raisedBy'] })).raisedBy.id
      : (await em.findOneOrFail(Proposal, subject.id, { fields: ['author'] })).author.id;
  const where = subject.type === 'Issue' ? { issue: subject.id } : { proposal: subject.id };
  const commenters = await ids(em.find(Comment, where, { fields: ['author'] }), (c) => c.author.id);
  return [owner, ...commenters];
}

/**
 * The people @mentioned in a comment: `@` followed by an active person's full name (the longest
 * name that matches wins, so "@Ann Lee" is Ann Lee and not Ann), case-insensitive.
 */
export async function mentionedIn(em: Em, body: string): Promise<string[]> {
  if (!body.includes('@')) return [];
  const users = await em.find(User, { active: true }, { fields: ['name'] });
  const byLength = [...users].sort((a, b) => b.name.length - a.name.length);
  const lower = body.toLocaleLowerCase();
  const found = new Set<string>();
  for (let at = lower.indexOf('@'); at !== -1; at = lower.indexOf('@', at + 1)) {
    if (at > 0 && /[\p{L}\p{N}._-]/u.test(lower[at - 1])) continue; // an email address, not a mention
    const rest = lower.slice(at + 1);
    const user = byLength.find((u) => {
      const name = u.name.toLocaleLowerCase();
      return rest.startsWith(name) && !/[\p{L}\p{N}]/u.test(rest.charAt(name.length));
    });
    if (user) found.add(user.id);
  }
  return [...found];
}
