// Feed triage, "is this my problem too?": whether the viewer's region is affected by each issue,
// the filter for issues the viewer's region has not marked yet, and both at a fixed statement cost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { People } from '../support/client.js';
import * as f from '../support/factories.js';
import { gid } from '../support/ids.js';
import { mergeIssue, supportIssue, withdrawSupport } from '../../server/src/modules/issues/issues.service.js';
import type { Category, Region, User } from '../../server/src/modules/people/people.entity.js';
import type { Issue } from '../../server/src/modules/issues/issues.entity.js';

let t: TestApp;
let people: People;
let mine: Region, other: Region, third: Region;
let returns: Category;
let me: User, colleague: User, otherOne: User, thirdOne: User, executive: User, facilitator: User;
/** Issues by what they are to `me` (region `mine`). */
const is = {} as Record<
  'raisedHere' | 'supportedHere' | 'raisedByMe' | 'supportedElsewhere' | 'untouched' | 'withdrawnHere' | 'returnsUnmarked' | 'merged',
  Issue
>;
/** Issues added for the statement count, none marked by `mine`. */
const fillers: Issue[] = [];

beforeAll(async () => {
  t = await startTestApp();
  people = new People(t.app);
  const em = t.orm.em.fork();
  mine = await f.region(em, { name: 'Mine' });
  other = await f.region(em, { name: 'Other' });
  third = await f.region(em, { name: 'Third' });
  returns = await f.category(em, 'Returns');
  me = await f.user(em, { region: mine });
  colleague = await f.user(em, { region: mine });
  otherOne = await f.user(em, { region: other });
  thirdOne = await f.user(em, { region: third });
  executive = await f.user(em, { roles: ['EXECUTIVE'] });
  facilitator = await f.user(em, { roles: ['FACILITATOR', 'COORDINATOR'] });

  is.raisedHere = await f.issue(em, colleague, { title: 'Raised in my region' });
  is.supportedHere = await f.issue(em, otherOne, { title: 'Supported from my region' });
  await supportIssue(em, colleague, is.supportedHere.id);
  is.raisedByMe = await f.issue(em, me, { title: 'Raised by me' });
  is.supportedElsewhere = await f.issue(em, otherOne, { title: 'Supported elsewhere only' });
  await supportIssue(em, thirdOne, is.supportedElsewhere.id);
  is.untouched = await f.issue(em, thirdOne, { title: 'Nobody else yet' });
  is.withdrawnHere = await f.issue(em, otherOne, { title: 'Support withdrawn by my region' });
  await supportIssue(em, colleague, is.withdrawnHere.id);
  await withdrawSupport(em, colleague, is.withdrawnHere.id);
  is.returnsUnmarked = await f.issue(em, thirdOne, { title: 'Refund slips unreadable', categoryId: returns.id });
  await supportIssue(em, otherOne, is.returnsUnmarked.id);
  // A duplicate merged away: its target is marked by my region, the duplicate itself is not.
  is.merged = await f.issue(em, thirdOne, { title: 'Duplicate of raised in my region' });
  await mergeIssue(em, facilitator, is.merged.id, is.raisedHere.id);
  for (let i = 0; i < 30; i++) fillers.push(await f.issue(em, i % 2 ? otherOne : thirdOne, { title: `Filler problem ${i}` }));
});
afterAll(() => t.close());

const FEED = `query($first: Int, $after: String, $filter: IssueFilter, $orderBy: IssueOrder) {
  issues(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id title supportCount regionCount viewerRegionAffected viewerCanSupport viewerHasSupported } }
  }
}`;
const AFFECTED = `query($id: ID!) { node(id: $id) { ... on Issue { viewerRegionAffected } } }`;
const SUPPORT = `mutation($id: ID!) { supportIssue(issueId: $id) { id supportCount regionCount viewerRegionAffected viewerCanSupport } }`;

const ids = (list: Issue[]) => list.map((i) => gid('Issue', i.id)).sort();
/** Every issue of the feed under `filter` (all pages), with its total. */
async function everything(as: User, filter: object, orderBy = 'NEWEST') {
  const c = await people.as(as);
  const nodes: any[] = [];
  let after: string | null = null;
  let totalCount = 0;
  for (;;) {
    const page: any = (await c.ok(FEED, { first: 7, after, filter, orderBy })).issues;
    totalCount = page.totalCount;
    nodes.push(...page.edges.map((e: any) => e.node));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { ids: nodes.map((n) => n.id).sort(), nodes, totalCount };
}

describe('viewerRegionAffected', () => {
  it('is true when the issue was raised in my region or someone of my region supports it, false otherwise', async () => {
    const c = await people.as(me);
    const affected = async (issue: Issue) => (await c.ok(AFFECTED, { id: gid('Issue', issue.id) })).node.viewerRegionAffected;
    expect(await affected(is.raisedHere)).toBe(true); // raised by a colleague in my region
    expect(await affected(is.raisedByMe)).toBe(true);
    expect(await affected(is.supportedHere)).toBe(true); // supported by a colleague
    expect(await affected(is.supportedElsewhere)).toBe(false);
    expect(await affected(is.untouched)).toBe(false);
    expect(await affected(is.withdrawnHere)).toBe(false); // the only support from here was withdrawn
    expect(await affected(is.merged)).toBe(false);
  });

  it('answers for the viewer: the same issue is affected for one region and not for another', async () => {
    const affected = async (as: User, issue: Issue) =>
      (await (await people.as(as)).ok(AFFECTED, { id: gid('Issue', issue.id) })).node.viewerRegionAffected;
    expect(await affected(otherOne, is.supportedHere)).toBe(true); // raised there
    expect(await affected(thirdOne, is.supportedHere)).toBe(false);
    expect(await affected(thirdOne, is.supportedElsewhere)).toBe(true); // supported from there
  });

  it('is false on every issue for an executive without a region (and for a facilitator without one)', async () => {
    for (const who of [executive, facilitator]) {
      const { nodes, totalCount } = await everything(who, {});
      expect(totalCount).toBeGreaterThan(30);
      expect(nodes.filter((n) => n.viewerRegionAffected)).toEqual([]);
    }
  });

  it('turns true in the supportIssue answer itself, and the feed says so afterwards', async () => {
    const one = await f.issue(t.orm.em.fork(), thirdOne, { title: 'Marked from the feed' });
    const c = await people.as(me);
    const before = (await c.ok(AFFECTED, { id: gid('Issue', one.id) })).node.viewerRegionAffected;
    expect(before).toBe(false);
    const marked = (await c.ok(SUPPORT, { id: gid('Issue', one.id) })).supportIssue;
    expect(marked).toMatchObject({ supportCount: 1, regionCount: 2, viewerRegionAffected: true, viewerCanSupport: false });
    // A colleague of the same region now sees it as affected too, though they did not mark it.
    const seen = (await (await people.as(colleague)).ok(AFFECTED, { id: gid('Issue', one.id) })).node.viewerRegionAffected;
    expect(seen).toBe(true);
    const { ids: unmarked } = await everything(me, { notYetMarkedByMyRegion: true });
    expect(unmarked).not.toContain(gid('Issue', one.id));
    // Leave the shared data as the other tests expect it: this issue marked (so it is not in the unmarked lists).
  });
});

describe('notYetMarkedByMyRegion', () => {
  const unmarkedByMine = () => [is.supportedElsewhere, is.untouched, is.withdrawnHere, is.returnsUnmarked, ...fillers];

  it('returns exactly the issues neither raised in nor supported from my region, with the right total', async () => {
    for (const orderBy of ['PRIORITY', 'NEWEST', 'RECENT_ACTIVITY']) {
      const got = await everything(me, { notYetMarkedByMyRegion: true }, orderBy);
      expect(got.ids).toEqual(ids(unmarkedByMine()));
      expect(got.totalCount).toBe(unmarkedByMine().length);
      expect(got.nodes.filter((n) => n.viewerRegionAffected)).toEqual([]);
    }
    // The same for a colleague: the region's marks count, not only the viewer's own.
    expect((await everything(colleague, { notYetMarkedByMyRegion: true })).ids).toEqual(ids(unmarkedByMine()));
    // From another region the answer differs: there, supportedHere (raised there) is marked.
    const fromOther = await everything(otherOne, { notYetMarkedByMyRegion: true });
    expect(fromOther.ids).toContain(gid('Issue', is.raisedHere.id));
    expect(fromOther.ids).not.toContain(gid('Issue', is.supportedHere.id));
    expect(fromOther.ids).not.toContain(gid('Issue', is.returnsUnmarked.id));
  });

  it('false or null changes nothing', async () => {
    const all = await everything(me, {});
    expect((await everything(me, { notYetMarkedByMyRegion: false })).ids).toEqual(all.ids);
    expect((await everything(me, { notYetMarkedByMyRegion: null })).ids).toEqual(all.ids);
    expect(all.totalCount).toBeGreaterThan(unmarkedByMine().length);
  });

  it('combines with the category, region, status and text filters', async () => {
    const c = await people.as(me);
    const count = async (filter: object) => (await c.ok(FEED, { first: 50, filter })).issues;
    const byCategory = await count({ notYetMarkedByMyRegion: true, categoryId: gid('Category', returns.id) });
    expect(byCategory.totalCount).toBe(1);
    expect(byCategory.edges.map((e: any) => e.node.id)).toEqual([gid('Issue', is.returnsUnmarked.id)]);
    // Affecting region "other" (raised there or supported there) and not marked by mine.
    const byRegion = await count({ notYetMarkedByMyRegion: true, regionId: gid('Region', other.id) });
    const affectingOther = [is.supportedElsewhere, is.withdrawnHere, is.returnsUnmarked, ...fillers.filter((_, i) => i % 2)];
    expect(byRegion.edges.map((e: any) => e.node.id).sort()).toEqual(ids(affectingOther));
    expect(byRegion.totalCount).toBe(affectingOther.length);
    const bySearch = await count({ notYetMarkedByMyRegion: true, search: 'supported' });
    expect(bySearch.edges.map((e: any) => e.node.id)).toEqual([gid('Issue', is.supportedElsewhere.id)]);
    expect((await count({ notYetMarkedByMyRegion: true, search: 'raised in my region' })).totalCount).toBe(0);
    // MERGED asked for explicitly: the duplicate was never marked from my region.
    const merged = await count({ notYetMarkedByMyRegion: true, status: ['MERGED'] });
    expect(merged.edges.map((e: any) => e.node.id)).toEqual([gid('Issue', is.merged.id)]);
  });

  it('is ignored for a person without a region', async () => {
    for (const who of [executive, facilitator]) {
      const all = await everything(who, {});
      const filtered = await everything(who, { notYetMarkedByMyRegion: true });
      expect(filtered.ids).toEqual(all.ids);
      expect(filtered.totalCount).toBe(all.totalCount);
    }
  });
});

describe('statements', () => {
  it('a feed page with viewerRegionAffected costs the same for 5 and 25 issues, with and without the filter', async () => {
    const c = await people.as(me);
    for (const filter of [{}, { notYetMarkedByMyRegion: true }]) {
      for (const orderBy of ['PRIORITY', 'NEWEST', 'RECENT_ACTIVITY']) {
        const statementsFor = async (first: number) => {
          const before = t.statements.count;
          const page = (await c.ok(FEED, { first, orderBy, filter })).issues;
          expect(page.edges).toHaveLength(first);
          return t.statements.count - before;
        };
        const small = await statementsFor(5);
        const large = await statementsFor(25);
        expect(large, `${orderBy} ${JSON.stringify(filter)}`).toBe(small);
        expect(small).toBeLessThanOrEqual(12);
      }
    }
  });
});
