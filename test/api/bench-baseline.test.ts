// The benchmark's yardstick, on SQLite and PostgreSQL: on the bench's own (tiny) workspace, built
// by bulk insert, the hand-written SQL route answers exactly the JSON the GraphQL feed answers, for
// every order and filter the bench measures — otherwise its ratios would compare different work.
// The bulk-built workspace is consistent: `check` finds no drift in its counters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baselineFeed, FEED_QUERY, type FeedVariables } from '../../server/bench/baseline.js';
import { buildDataset, SIZES, type Dataset } from '../../server/bench/dataset.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { expectNoDrift } from '../support/consistency.js';
import { sessionCookie } from '../support/client.js';
import { BENCH_PASSWORD } from '../../server/bench/dataset.js';

let t: TestApp;
let data: Dataset;
let cookie: string;

beforeAll(async () => {
  t = await startTestApp({ sweepIntervalMs: 0, mailIntervalMs: 0, reminderIntervalMs: 0 });
  data = await buildDataset(t.orm.em.fork(), SIZES.tiny);
  cookie = await sessionCookie(t.app, data.coordinators[1].email, BENCH_PASSWORD);
});
afterAll(() => t?.close());

describe('the bench', () => {
  it('builds a workspace whose counters agree with its rows', async () => {
    await expectNoDrift(t.orm.em.fork());
  });

  it('has a baseline route that answers the same JSON as the feed, for every order and filter', async () => {
    const reader = data.coordinators[1];
    const regionId = Buffer.from(`Region:${reader.regionId}`).toString('base64');
    const [category] = (await t.orm.em.getConnection().execute(`select id from category order by position limit 1`)) as { id: string }[];
    const categoryId = Buffer.from(`Category:${category.id}`).toString('base64');
    const variants: FeedVariables[] = [
      { first: 25, orderBy: 'PRIORITY' },
      { first: 25, offset: 50, orderBy: 'PRIORITY' },
      { first: 25, orderBy: 'NEWEST' },
      { first: 25, offset: 50, orderBy: 'NEWEST' },
      { first: 25, orderBy: 'RECENT_ACTIVITY' },
      { first: 25, orderBy: 'PRIORITY', filter: { regionId } },
      { first: 25, orderBy: 'NEWEST', filter: { categoryId } },
      { first: 25, orderBy: 'NEWEST', filter: { search: 'refund' } },
    ];
    for (const v of variants) {
      const now = Date.now();
      const after = v.offset ? Buffer.from(`offset:${v.offset - 1}`).toString('base64url') : undefined;
      const res = await t.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', cookie },
        payload: { query: FEED_QUERY, variables: { first: v.first, after, orderBy: v.orderBy, filter: v.filter } },
      });
      const api = res.json();
      expect(api.errors, JSON.stringify(v)).toBeUndefined();
      expect(api.data.issues.edges.length, JSON.stringify(v)).toBeGreaterThan(0);
      expect(await baselineFeed(t.orm, reader.id, v, now), JSON.stringify(v)).toEqual(api);
    }
  });
});
