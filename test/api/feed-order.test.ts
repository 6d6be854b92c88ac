// The feed's orders at the database, on SQLite and PostgreSQL: each page comes from an index walk
// (the plans of the statements a feed request sends show no full scan and no sort of the table),
// PRIORITY pages through keyset cursors in exactly the order of the full score, and paging on
// while issues arrive neither repeats nor skips one.
import { priorityScore } from '@council/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supportIssue } from '../../server/src/modules/issues/issues.service.js';
import { Issue } from '../../server/src/modules/issues/issues.entity.js';
import { User } from '../../server/src/modules/people/people.entity.js';
import { BENCH_PASSWORD, buildDataset, SIZES } from '../../server/bench/dataset.js';
import { FEED_QUERY } from '../../server/bench/baseline.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { Client } from '../support/client.js';
import * as f from '../support/factories.js';
import { gid } from '../support/ids.js';

let t: TestApp;
let reader: Client;
let people: User[];
let total: number;

beforeAll(async () => {
  t = await startTestApp({ sweepIntervalMs: 0, mailIntervalMs: 0, reminderIntervalMs: 0 });
  // The bench's workspace (bulk-inserted, counters and ranks consistent): 300 issues of every age
  // with a long tail of supporters from 6 regions and comments, so the three parts of the score
  // pull in different directions.
  const em = t.orm.em.fork();
  const data = await buildDataset(em, SIZES.tiny);
  people = await em.find(User, { id: { $in: data.coordinators.slice(0, 12).map((c) => c.id) } }, { populate: ['region'] });
  total = await em.count(Issue, { status: { $ne: 'MERGED' } });
  reader = await new Client(t.app).signIn(people[0].email, BENCH_PASSWORD);
});
afterAll(() => t?.close());

const FEED = `query($first: Int, $after: String, $orderBy: IssueOrder) {
  issues(first: $first, after: $after, orderBy: $orderBy) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title priorityScore } } } }`;

async function walk(orderBy: string, first: number, between?: (page: number) => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (let page = 0; ; page++) {
    const { issues }: { issues: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } = await reader.ok(FEED, { first, after, orderBy });
    seen.push(...issues.edges.map((e: { node: { id: string } }) => e.node.id));
    if (!issues.pageInfo.hasNextPage) break;
    after = issues.pageInfo.endCursor;
    await between?.(page);
  }
  return seen;
}

describe('feed orders', () => {
  it('pages PRIORITY in exactly the order of the full score, through keyset cursors', async () => {
    const em = t.orm.em.fork();
    const [all, totalRegions] = await Promise.all([em.find(Issue, { status: { $ne: 'MERGED' } }), em.count('Region')]);
    const seen = await walk('PRIORITY', 7);
    // The order the first page was ranked at (its clock is in the cursor); a few ms later here.
    const now = new Date();
    const expected = all
      .map((i) => ({ id: gid('Issue', i.id), score: priorityScore({ ...i, totalRegions }, now), createdAt: i.createdAt.getTime() }))
      .sort((a, b) => b.score - a.score || b.createdAt - a.createdAt || a.id.localeCompare(b.id))
      .map((r) => r.id);
    expect(seen).toHaveLength(total);
    expect(seen).toEqual(expected);
  });

  it('neither repeats nor skips an issue when issues arrive and gain support while someone pages', async () => {
    for (const orderBy of ['PRIORITY', 'NEWEST', 'RECENT_ACTIVITY']) {
      const before = (await t.orm.em.fork().find(Issue, { status: { $ne: 'MERGED' } })).map((i) => gid('Issue', i.id));
      const seen = await walk(orderBy, 25, async (page) => {
        if (page > 3) return;
        const em = t.orm.em.fork();
        const raised = await f.issue(em, people[page % 12], { title: `Arrived while paging ${orderBy} ${page}` });
        for (let k = 1; k < 6; k++) await supportIssue(em, people[(page + k) % 12], raised.id);
      });
      expect(new Set(seen).size, orderBy).toBe(seen.length);
      // Every issue that was there when paging began is seen once.
      expect(before.filter((id) => !seen.includes(id)), orderBy).toEqual([]);
    }
  });

  it('refuses a cursor of another order, and a forged one', async () => {
    const { issues } = await reader.ok(FEED, { first: 2, orderBy: 'PRIORITY' });
    expect(await reader.code(FEED, { first: 2, orderBy: 'NEWEST', after: issues.pageInfo.endCursor })).toBe('BAD_USER_INPUT');
    const forged = Buffer.from('feed:P:0:NaN:0:not-an-id').toString('base64url');
    expect(await reader.code(FEED, { first: 2, orderBy: 'PRIORITY', after: forged })).toBe('BAD_USER_INPUT');
  });

  it('reads each page through an index: no full scan, no sort of the issues', async () => {
    const pg = t.orm.em.getPlatform().constructor.name === 'PostgreSqlPlatform';
    for (const orderBy of ['PRIORITY', 'NEWEST', 'RECENT_ACTIVITY']) {
      t.statements.recent.length = 0;
      await reader.ok(FEED, { first: 25, orderBy });
      const sent = [...t.statements.recent];
      // The statements that choose the page: ordered reads of the issue table, or its rank range
      // (PRIORITY's also counts the filter's issues, in a subquery); not the total's own count.
      const choosing = sent.filter((s) => /from [`"]issue[`"]/i.test(s.sql) && /order by|rank_base[`"]? >=/i.test(s.sql) && !/^select count\(/i.test(s.sql));
      expect(choosing.length, orderBy).toBeGreaterThan(0);
      for (const statement of choosing) {
        const plan = await t.orm.em.fork().transactional(async (tx) => {
          // PostgreSQL prefers a scan of a small table; forbidding it asks whether an index can serve.
          if (pg) await tx.execute('set local enable_seqscan = off');
          const rows = (await tx.execute(`${pg ? 'explain' : 'explain query plan'} ${statement.sql}`, statement.bindings as never[])) as Record<string, unknown>[];
          return rows.map((r) => String(r['QUERY PLAN'] ?? r.detail)).join('\n');
        });
        // PRIORITY's candidates (the few issues above its threshold, the CTE `c`) may be sorted by
        // their score, to find the page's bar among them; the issues may not.
        const sorts = pg ? plan.replace(/Sort Key: c2\.feed_score DESC/g, '') : plan.replace(/SCAN c2\nUSE TEMP B-TREE FOR ORDER BY/g, 'SCAN c2');
        if (pg) {
          expect(plan, `${orderBy}: ${statement.sql}\n${plan}`).not.toMatch(/Seq Scan on issue/);
          expect(sorts, `${orderBy}: ${statement.sql}\n${plan}`).not.toMatch(/Sort Key/);
        } else {
          expect(plan, `${orderBy}: ${statement.sql}\n${plan}`).toMatch(/USING (COVERING )?INDEX/);
          expect(plan, `${orderBy}: ${statement.sql}\n${plan}`).not.toMatch(/SCAN (i|issue)\b(?! USING)/);
          expect(sorts, `${orderBy}: ${statement.sql}\n${plan}`).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
        }
      }
    }
  });

  it('answers a feed page in at most 4 statements, for every order and filter and any page size', async () => {
    const region = gid('Region', people[0].region!.id);
    const category = (await t.orm.em.fork().getConnection().execute(`select id from category order by position limit 1`))[0] as { id: string };
    const filters = [undefined, { regionId: region }, { categoryId: gid('Category', category.id) }, { search: 'refund' }, { notYetMarkedByMyRegion: true }];
    // A first request fills the instance's caches (regions, categories), as on a running server.
    await reader.ok(FEED_QUERY, { first: 5, orderBy: 'PRIORITY' });
    for (const orderBy of ['PRIORITY', 'NEWEST', 'RECENT_ACTIVITY']) {
      for (const filter of filters) {
        for (const first of [5, 50]) {
          const s0 = t.statements.count;
          // The bench's feed query: raiser, category, regions, the viewer's own support, the total.
          const { issues } = await reader.ok(FEED_QUERY, { first, orderBy, filter });
          expect(issues.edges.length, `${orderBy} ${JSON.stringify(filter)}`).toBeGreaterThan(0);
          // The session and its person, the page (with the total for PRIORITY), the total, the supports' summary.
          expect(t.statements.count - s0, `${orderBy} ${JSON.stringify(filter)} first ${first}`).toBeLessThanOrEqual(4);
        }
      }
    }
  });
});
