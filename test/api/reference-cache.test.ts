// Regions and categories are cached per instance (modules/people/reference.cache.ts): a warm
// request reads neither table, and a change made on one instance — through the service or by a
// native statement — is seen on another instance of the same database at once (through the live
// events on Redis), long before the cache's time limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { People } from '../support/client.js';
import * as f from '../support/factories.js';
import { gid } from '../support/ids.js';
import { REDIS_TEST_URL, uniquePrefix } from '../support/services.js';
import { REFERENCE_TTL_MS } from '../../server/src/modules/people/reference.cache.js';
import { Category, Region, type User } from '../../server/src/modules/people/people.entity.js';

const SESSION_SECRET = 'reference-cache-test-secret-of-enough-length-0123456789';
const REGION = `query($id: ID!) { node(id: $id) { ... on Region { name } } }`;
const REGIONS = `{ regions { id name } totalRegions }`;
const CATEGORY = `query($id: ID!) { node(id: $id) { ... on Category { name } } }`;

/** The statements a request sent that read or wrote the region or category table. */
function referenceReads(t: TestApp, before: number): string[] {
  const sent = t.statements.recent.slice(-(t.statements.count - before));
  return sent.map((s) => s.sql).filter((sql) => /[`"\s](region|category)[`"\s]/.test(sql) && !/"?user"?\b/.test(sql));
}

/** Waits (up to `ms`) until `read` gives `want`; returns how long it took. */
async function until(read: () => Promise<unknown>, want: unknown, ms = 2_000): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < ms) {
    if ((await read()) === want) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`not ${String(want)} within ${ms} ms`);
}

describe.skipIf(!REDIS_TEST_URL)('regions and categories cached per instance', () => {
  let one: TestApp;
  let two: TestApp;
  let admin: User;
  let region: Region;
  let category: Category;

  beforeAll(async () => {
    const env = { SESSION_SECRET, REDIS_URL: REDIS_TEST_URL!, REDIS_PREFIX: uniquePrefix('reference') };
    one = await startTestApp({ sweepIntervalMs: 0, mailIntervalMs: 0, reminderIntervalMs: 0, env });
    const db = one.services.config.database;
    two = await startTestApp({ sweepIntervalMs: 0, mailIntervalMs: 0, reminderIntervalMs: 0, env: { ...env, DATABASE_URL: db.kind === 'postgresql' ? db.url : `sqlite:${db.file}` } });
    const em = one.orm.em.fork();
    region = await f.region(em, { name: 'North' });
    category = await f.category(em, 'Returns');
    admin = await f.user(em, { region: null, roles: ['ADMIN'] });
    await Promise.all([one.services.live.listening(), two.services.live.listening()]);
  });
  afterAll(async () => {
    await two?.close();
    await one?.close();
  });

  it('serves a warm request without reading the tables', async () => {
    const c = await new People(two.app).as(admin);
    expect((await c.ok(REGION, { id: gid('Region', region.id) })).node.name).toBe('North');
    const before = two.statements.count;
    const warm = await c.ok(REGIONS);
    expect(warm.regions.map((r: { name: string }) => r.name)).toContain('North');
    expect(warm.totalRegions).toBe(warm.regions.length);
    expect((await c.ok(REGION, { id: gid('Region', region.id) })).node.name).toBe('North');
    expect(referenceReads(two, before)).toEqual([]);
  });

  it('sees a region renamed on the other instance, and a region added there, within a second', async () => {
    const onOne = await new People(one.app).as(admin);
    const onTwo = await new People(two.app).as(admin);
    const id = gid('Region', region.id);
    expect((await onTwo.ok(REGION, { id })).node.name).toBe('North');
    await onOne.ok(`mutation($id: ID!, $input: RegionInput!) { updateRegion(regionId: $id, input: $input) { name } }`, {
      id,
      input: { code: region.code, name: 'North and East', timeZone: region.timeZone },
    });
    expect(await until(async () => (await onTwo.ok(REGION, { id })).node.name, 'North and East')).toBeLessThan(Math.min(1_000, REFERENCE_TTL_MS));
    const count = (await onTwo.ok(REGIONS)).totalRegions;
    await onOne.ok(`mutation($input: RegionInput!) { createRegion(input: $input) { id } }`, { input: { code: 'ZZ', name: 'Far South', timeZone: 'UTC' } });
    expect(await until(async () => (await onTwo.ok(REGIONS)).totalRegions, count + 1)).toBeLessThan(1_000);
  });

  it('sees a native update on the other instance (no unit of work), and a category renamed', async () => {
    const onTwo = await new People(two.app).as(admin);
    expect((await onTwo.ok(CATEGORY, { id: gid('Category', category.id) })).node.name).toBe('Returns');
    await one.orm.em.fork().nativeUpdate(Category, { id: category.id }, { name: 'Returns and refunds' });
    expect(await until(async () => (await onTwo.ok(CATEGORY, { id: gid('Category', category.id) })).node.name, 'Returns and refunds')).toBeLessThan(1_000);
    await one.orm.em.fork().transactional(async (tx) => {
      await tx.nativeUpdate(Region, { id: region.id }, { name: 'Renamed in a transaction' });
    });
    expect(await until(async () => (await onTwo.ok(REGION, { id: gid('Region', region.id) })).node.name, 'Renamed in a transaction')).toBeLessThan(1_000);
  });
});
