// The recurring questions about outcomes, each one statement: which implemented changes wait for
// a region's report, and who reports for which region (proposals.policy's answer).
import type { Em } from '../../db/orm.js';
import { User } from '../people/people.entity.js';
import { OutcomeReport, Proposal } from './proposals.entity.js';
import { reportsOutcomeFor } from './proposals.policy.js';

/** Implemented changes whose outcome is due and that `regionId` has not reported on, longest due first. */
export function outcomesToReport(em: Em, regionId: string, now: Date): Promise<Proposal[]> {
  const reported = em.createQueryBuilder(OutcomeReport, 'o').select('o.proposal').where({ region: regionId }).getKnexQuery();
  return em.find(
    Proposal,
    { status: 'IMPLEMENTED', outcomeDueOn: { $lte: now }, id: { $nin: reported as never } },
    { orderBy: { outcomeDueOn: 'asc', id: 'asc' } },
  );
}

/** The people who report the outcome for their region, outside the regions given. */
export async function outcomeReporters(em: Em, exceptRegionIds: readonly string[] = []): Promise<User[]> {
  const people = await em.find(User, { active: true, region: { $ne: null, $nin: [...exceptRegionIds] } });
  return people.filter((u) => reportsOutcomeFor(u, u.region!.id));
}
