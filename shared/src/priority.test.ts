import { describe, expect, it } from 'vitest';
import { ACTIVITY_MAX, priorityScore, rankBase } from './priority.js';

const now = new Date('2026-06-01T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
const score = (o: Partial<{ supportCount: number; regionCount: number; totalRegions: number; days: number }>) =>
  priorityScore({ supportCount: o.supportCount ?? 0, regionCount: o.regionCount ?? 1, totalRegions: o.totalRegions ?? 8, lastActivityAt: daysAgo(o.days ?? 0) }, now);

describe('priorityScore', () => {
  it('rises with the share of regions affected, more than with supporters in one region', () => {
    expect(score({ regionCount: 5, supportCount: 4 })).toBeGreaterThan(score({ regionCount: 2, supportCount: 4 }));
    expect(score({ regionCount: 4, supportCount: 3 })).toBeGreaterThan(score({ regionCount: 1, supportCount: 6 }));
  });

  it('rises with supporters, with diminishing returns', () => {
    const gain1 = score({ supportCount: 2 }) - score({ supportCount: 1 });
    const gain9 = score({ supportCount: 10 }) - score({ supportCount: 9 });
    expect(gain1).toBeGreaterThan(0);
    expect(gain9).toBeGreaterThan(0);
    expect(gain9).toBeLessThan(gain1);
  });

  it('halves the activity term every 14 days', () => {
    const fresh = score({ days: 0 }) - score({ days: 10_000 });
    const twoWeeks = score({ days: 14 }) - score({ days: 10_000 });
    expect(twoWeeks / fresh).toBeCloseTo(0.5, 5);
  });

  it('is deterministic and bounded for edge cases', () => {
    expect(score({ totalRegions: 0 })).toBe(score({ totalRegions: 0 }));
    expect(Number.isFinite(score({ totalRegions: 0, supportCount: -1, days: -5 }))).toBe(true);
    expect(score({ regionCount: 20, totalRegions: 8 })).toBe(score({ regionCount: 8, totalRegions: 8 }));
  });

  it('lies between its time-independent part and that part plus the activity term', () => {
    for (const [supportCount, regionCount, days] of [[0, 1, 0], [3, 2, 5], [40, 8, 400], [7, 3, 0.5]]) {
      const input = { supportCount, regionCount, totalRegions: 8 };
      const full = score({ ...input, days });
      expect(full).toBeGreaterThanOrEqual(rankBase(input));
      expect(full).toBeLessThanOrEqual(rankBase(input) + ACTIVITY_MAX);
    }
  });
});
