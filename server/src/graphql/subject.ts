// What a stored (subjectType, subjectId) pair points at, as a Node through the request's loaders;
// null when it is gone.
import type { Context } from './context.js';

export async function subjectOf(type: string | null | undefined, id: string | null | undefined, ctx: Context): Promise<unknown> {
  if (!type || !id) return null;
  if (type === 'Issue') return ctx.loaders.issue.load(id);
  if (type === 'Proposal') return ctx.loaders.proposal.load(id);
  if (type === 'Meeting') return ctx.loaders.meeting.load(id);
  if (type === 'Policy') return ctx.loaders.policy.load(id);
  return null;
}
