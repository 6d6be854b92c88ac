// The issue priority score: one documented formula, used by the feed's PRIORITY order
// and (later) by the agenda generator. Pure: plain numbers in, a number out.
//
//   score = 6 · regionShare + 2 · log2(1 + supportCount) + 3 · 2^(−daysSinceActivity / 14)
//
// - regionShare: affected regions (origin plus supporters' regions) / all regions, 0..1.
//   A problem felt across the company matters most, so breadth weighs heaviest: four regions
//   with three supporters outrank one region with six.
// - supportCount: coordinators who marked "my region is affected too". Logarithmic, so the
//   tenth supporter adds less than the second and a crowd in one region cannot dominate.
// - activity: halves every 14 days without a comment or support, so live topics rise.
export interface PriorityInput {
  supportCount: number;
  regionCount: number;
  totalRegions: number;
  lastActivityAt: Date;
}

export const PRIORITY_WEIGHTS = { regionShare: 6, support: 2, activity: 3, activityHalfLifeDays: 14 } as const;

const DAY_MS = 86_400_000;

/**
 * The part of the score that does not change with time: 6 · regionShare + 2 · log2(1 + supporters).
 * Stored with each issue (and kept with its counters), so the feed finds its top issues through an
 * index: the whole score lies between this and this + ACTIVITY_MAX.
 */
export function rankBase(input: Omit<PriorityInput, 'lastActivityAt'>): number {
  const share = input.totalRegions > 0 ? Math.min(1, input.regionCount / input.totalRegions) : 0;
  const w = PRIORITY_WEIGHTS;
  return w.regionShare * share + w.support * Math.log2(1 + Math.max(0, input.supportCount));
}

/** The most the activity term adds to rankBase (a score is within [rankBase, rankBase + ACTIVITY_MAX]). */
export const ACTIVITY_MAX = PRIORITY_WEIGHTS.activity;

export function priorityScore(input: PriorityInput, now: Date): number {
  const days = Math.max(0, (now.getTime() - input.lastActivityAt.getTime()) / DAY_MS);
  const w = PRIORITY_WEIGHTS;
  return rankBase(input) + w.activity * Math.pow(2, -days / w.activityHalfLifeDays);
}
