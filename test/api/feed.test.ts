// The issue feed: filters, orders, pages, and a statement count that does not grow with page size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { Client } from '../support/client.js';
import * as f from '../support/factories.js';
import { gid } from '../support/ids.js';
import { addComment, supportIssue } from '../../server/src/modules/issues/issues.service.js';
import type { Category, Region, User } from '../../server/src/modules/people/people.entity.js';
import type { Issue } from '../../server/src/modules/issues/issues.entity.js';

let t: TestApp;
let regions: Region[];
let cats: Category[];
let people: User[];
let issues: Issue[];
const DAY = 86_400_000;

beforeAll(async () => {
  t = await startTestApp();
  const em = t.orm.em.fork();
  regions = [];
  for (let i = 0; i < 5; i++) regions.push(await f.region(em, { name: `Zone ${i}` }));
  cats = [await f.category(em, 'Returns'), await f.category(em, 'Billing')];
  people = [];
  for (let i = 0; i < 5; i++) people.push(await f.user(em, { region: regions[i] }));
  const now = Date.now();
  issues = [];
  // 60 issues; issue i raised by person i%5, i days ago, category alternating.
  for (let i = 0; i < 60; i++) {
    issues.push(
      await f.issue(em, people[i % 5], { title: i === 7 ? 'Gift card balance lost' : `Shared problem number ${i}`, categoryId: cats[i % 2].id }, new Date(now - (i + 1) * DAY)),
    );
  }
  // Issue 30 (old) is supported in 4 other regions: it must top PRIORITY. Issue 40 gets a recent comment.
  for (let k = 1; k < 5; k++) await supportIssue(em, people[k], issues[30].id, null, new Date(now - 3 * DAY));
  await addComment(em, people[1], { type: 'Issue', id: issues[40].id }, 'Still happening today.', new Date(now - 60_000));
});
afterAll(() => t.close());

const FEED = `query($first: Int, $after: String, $filter: IssueFilter, $orderBy: IssueOrder) {
  issues(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id title status createdAt lastActivityAt supportCount regionCount commentCount viewerHasSupported viewerCanSupport viewerCanMerge priorityScore
      category { id name } raisedBy { id name region { code } } originRegion { id code name } affectedRegions { id code }
      supports { note user { name } region { code } }
    } }
  }
}`;

describe('feed', () => {
  it('orders by PRIORITY (breadth and activity), NEWEST and RECENT_ACTIVITY', async () => {
    const c = await new Client(t.app).signIn(people[0].email);
    const ids = async (orderBy: string) => (await c.ok(FEED, { first: 3, orderBy })).issues.edges.map((e: any) => e.node.id);
    expect((await ids('PRIORITY'))[0]).toBe(gid('Issue', issues[30].id));
    expect(await ids('NEWEST')).toEqual([0, 1, 2].map((i) => gid('Issue', issues[i].id)));
    expect((await ids('RECENT_ACTIVITY'))[0]).toBe(gid('Issue', issues[40].id));
    const scores = (await c.ok(FEED, { first: 20, orderBy: 'PRIORITY' })).issues.edges.map((e: any) => e.node.priorityScore);
    expect([...scores].sort((a: number, b: number) => b - a)).toEqual(scores);
  });

  it('filters by status, region (raised there or supported from there), category and text', async () => {
    const c = await new Client(t.app).signIn(people[0].email);
    const count = async (filter: object) => (await c.ok(FEED, { first: 1, filter })).issues.totalCount;
    expect(await count({})).toBe(60);
    expect(await count({ status: ['UNDER_DISCUSSION'] })).toBe(1);
    expect(await count({ status: ['OPEN'] })).toBe(59);
    expect(await count({ categoryId: gid('Category', cats[0].id) })).toBe(30);
    // Region 1: the 12 issues raised there plus issue 30, supported from there.
    expect(await count({ regionId: gid('Region', regions[1].id) })).toBe(13);
    expect(await count({ search: 'gift CARD' })).toBe(1);
    // Words, not a substring: every title but "Gift card balance lost" has "number…" (the last word is a prefix).
    expect(await count({ search: 'NUMB' })).toBe(59);
    expect(await count({ search: 'gift number' })).toBe(0);
    expect(await count({ search: 'nothing like this' })).toBe(0);
    expect(await c.code(FEED, { filter: { search: 'x'.repeat(201) } })).toBe('BAD_USER_INPUT');
    expect(await c.code(FEED, { filter: { regionId: 'garbage' } })).toBe('NOT_FOUND');
  });

  it('pages with cursors until the end, without gaps or repeats', async () => {
    const c = await new Client(t.app).signIn(people[0].email);
    for (const orderBy of ['PRIORITY', 'NEWEST', 'RECENT_ACTIVITY']) {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const page: any = (await c.ok(FEED, { first: 25, after, orderBy })).issues;
        seen.push(...page.edges.map((e: any) => e.node.id));
        pages += 1;
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(pages).toBe(3);
      expect(new Set(seen).size).toBe(60);
    }
    expect(await c.code(FEED, { first: 101 })).toBe('BAD_USER_INPUT');
    expect(await c.code(FEED, { first: 0 })).toBe('BAD_USER_INPUT');
    expect(await c.code(FEED, { after: 'not-a-cursor' })).toBe('BAD_USER_INPUT');
  });

  it('costs the same number of SQL statements for 10 and 50 issues (no N+1)', async () => {
    const c = await new Client(t.app).signIn(people[0].email);
    for (const orderBy of ['PRIORITY', 'NEWEST', 'RECENT_ACTIVITY']) {
      const statementsFor = async (first: number) => {
        const before = t.statements.count;
        const page = (await c.ok(FEED, { first, orderBy })).issues;
        expect(page.edges).toHaveLength(first);
        return t.statements.count - before;
      };
      const ten = await statementsFor(10);
      const fifty = await statementsFor(50);
      expect(fifty).toBe(ten);
      expect(ten).toBeLessThanOrEqual(12);
    }
  });
});
