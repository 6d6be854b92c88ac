// What a department's contact sees of an issue: the departments.policy answer, asked with what the
// request's loaders know (the viewer's departments, the issue's referrals), batched per page.
import type { Context } from '../../graphql/context.js';
import type { Issue } from '../issues/issues.entity.js';
import type { Referral } from './departments.entity.js';
import { departmentPolicy } from './departments.policy.js';

/** Whether the viewer reads the whole workspace (everyone inside the council). */
export const viewerReadsWorkspace = (ctx: Context): boolean => departmentPolicy.can(ctx.viewer, 'readWorkspace');

/** Whether the issue is referred to a department the viewer is a contact of. */
export async function referredToViewer(ctx: Context, issueId: string): Promise<boolean> {
  if (!ctx.viewer) return false;
  const mine = await ctx.loaders.viewerDepartments.load('all');
  if (!mine.length) return false;
  return (await ctx.loaders.referralsByIssue.load(issueId)).some((r) => mine.includes(r.department.id));
}

/** The issue with whether it is referred to the viewer's department (asked only of people outside the council). */
export async function issueInQuestion(ctx: Context, issue: Issue): Promise<{ issue: Issue; referredToViewer: boolean }> {
  return { issue, referredToViewer: viewerReadsWorkspace(ctx) ? false : await referredToViewer(ctx, issue.id) };
}

/** Whether the viewer may see the issue (departments.policy's viewIssue). */
export async function viewerSeesIssue(ctx: Context, issue: Issue): Promise<boolean> {
  return departmentPolicy.can(ctx.viewer, 'viewIssue', await issueInQuestion(ctx, issue));
}

/** The referrals of an issue the viewer sees: all of them inside the council, their departments' for a contact. */
export async function visibleReferrals(ctx: Context, referrals: Referral[]): Promise<Referral[]> {
  if (viewerReadsWorkspace(ctx)) return referrals;
  const mine = await ctx.loaders.viewerDepartments.load('all');
  return referrals.filter((r) => mine.includes(r.department.id));
}
