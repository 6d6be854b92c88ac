// Reads of departments and referrals: whose contact a person is, which issues are referred to
// their departments, the referrals a person follows (all for facilitators, their departments'
// for contacts, their own for the rest), the overdue ones. Each in one statement.
import type { ReferralStatus } from '@council/shared';
import type { Em } from '../../db/orm.js';
import type { User } from '../people/people.entity.js';
import { DepartmentContact, Referral } from './departments.entity.js';
import { departmentPolicy } from './departments.policy.js';

/** The departments a person is a contact of. */
export async function departmentsOfContact(em: Em, userId: string): Promise<string[]> {
  const rows = await em.find(DepartmentContact, { user: userId }, { fields: ['department'] });
  return rows.map((r) => r.department.id);
}

/** Whether a person is a contact of the department. */
export async function isContactOf(em: Em, userId: string, departmentId: string): Promise<boolean> {
  return (await em.count(DepartmentContact, { user: userId, department: departmentId })) > 0;
}

/** Whether the issue is referred (in any status) to a department the person is a contact of. */
export async function isReferredTo(em: Em, issueId: string, userId: string): Promise<boolean> {
  const departments = await departmentsOfContact(em, userId);
  if (!departments.length) return false;
  return (await em.count(Referral, { issue: issueId, department: { $in: departments } })) > 0;
}


/**
 * The referrals a person follows, in the statuses asked (default: OPEN): every department's for
 * those who follow them all (facilitators), their departments' for contacts, and the ones they
 * made for everyone else.
 */
export async function referralsFor(em: Em, viewer: User, statuses: readonly ReferralStatus[] = ['OPEN']): Promise<Referral[]> {
  const status = { $in: [...statuses] };
  if (departmentPolicy.can(viewer, 'followAll')) return sortReferrals(await em.find(Referral, { status }));
  const departments = await departmentsOfContact(em, viewer.id);
  const where = departments.length ? { status, $or: [{ department: { $in: departments } }, { referredBy: viewer.id }] } : { status, referredBy: viewer.id };
  return sortReferrals(await em.find(Referral, where));
}

/** The referrals to the departments a person is a contact of, in these statuses. */
export async function referralsToDepartmentsOf(em: Em, userId: string, statuses: readonly ReferralStatus[]): Promise<Referral[]> {
  const departments = await departmentsOfContact(em, userId);
  if (!departments.length) return [];
  return sortReferrals(await em.find(Referral, { status: { $in: [...statuses] }, department: { $in: departments } }));
}

const STATUS_ORDER: Record<ReferralStatus, number> = { OPEN: 0, ANSWERED: 1, CLOSED: 2 };

/** OPEN first (soonest due first, undated after), then ANSWERED, then CLOSED; newest first within. */
export function sortReferrals(rows: Referral[]): Referral[] {
  const far = Number.MAX_SAFE_INTEGER;
  return rows.sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      (a.dueOn?.getTime() ?? far) - (b.dueOn?.getTime() ?? far) ||
      b.createdAt.getTime() - a.createdAt.getTime() ||
      a.id.localeCompare(b.id),
  );
}

/** OPEN referrals past their due date, every department's, longest overdue first. */
export async function overdueReferrals(em: Em, now: Date): Promise<Referral[]> {
  return em.find(Referral, { status: 'OPEN', dueOn: { $lt: now } }, { orderBy: { dueOn: 'asc', id: 'asc' } });
}
