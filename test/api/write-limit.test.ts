// The per-person write limit, on SQLite and PostgreSQL alike: past the limit a mutation is
// FORBIDDEN with reason RATE_LIMITED and the wait, and writes nothing; the limit is each person's
// own, counts every mutation field (aliases too) but not signIn/signOut or queries, and in Redis
// it is one budget for a person across two instances.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { translator } from '@council/shared/i18n';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { Client } from '../support/client.js';
import { writesNothing } from '../support/db.js';
import * as f from '../support/factories.js';
import { REDIS_TEST_URL, uniquePrefix } from '../support/services.js';
import { loadConfig } from '../../server/src/config.js';
import { User } from '../../server/src/modules/people/people.entity.js';

const LIMIT = 5;
const SET_LOCALE = 'mutation($l: String!) { setLocale(locale: $l) { locale } }';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ writeLimit: { max: LIMIT, windowMs: 60_000 } });
});
afterAll(() => t?.close());

async function signedIn(app: TestApp): Promise<{ client: Client; user: User }> {
  const user = await f.user(app.orm.em.fork());
  return { client: await new Client(app.app).signIn(user.email), user };
}

/** The refusal, if the call was refused by the limit. */
async function limited(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const result = await client.gql(query, variables);
  const error = result.errors?.find((e) => e.extensions?.reason === 'RATE_LIMITED');
  return error ? { code: error.extensions!.code, retryAfterSeconds: error.extensions!.retryAfterSeconds as number, message: error.message } : null;
}

describe('write limit', () => {
  it('refuses the mutation after the limit as FORBIDDEN / RATE_LIMITED with the wait, writing nothing', async () => {
    const { client, user } = await signedIn(t);
    // Ending in English, the language the refusal is checked in.
    for (let i = 0; i < LIMIT; i++) expect(await limited(client, SET_LOCALE, { l: (LIMIT - i) % 2 ? 'en' : 'de' })).toBeNull();
    let refusal: Awaited<ReturnType<typeof limited>> = null;
    await writesNothing(t.orm.em, async () => {
      refusal = await limited(client, SET_LOCALE, { l: 'vi' });
    });
    expect(refusal).toMatchObject({ code: 'FORBIDDEN', message: translator('en')('errors.writeRateLimited') });
    expect(refusal!.retryAfterSeconds).toBeGreaterThan(0);
    expect(refusal!.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await t.orm.em.fork().findOneOrFail(User, user.id)).locale).not.toBe('vi');
    // Reading goes on.
    expect((await client.ok('{ viewer { id } }')).viewer.id).toBeTruthy();
  });

  it('is each person’s own', async () => {
    const busy = await signedIn(t);
    const other = await signedIn(t);
    for (let i = 0; i < LIMIT; i++) await busy.client.ok(SET_LOCALE, { l: 'de' });
    expect(await limited(busy.client, SET_LOCALE, { l: 'de' })).not.toBeNull();
    expect(await limited(other.client, SET_LOCALE, { l: 'de' })).toBeNull();
  });

  it('counts every mutation field, aliases included, and refuses an operation that would pass the limit whole', async () => {
    const { client, user } = await signedIn(t);
    const three = `mutation { a: setLocale(locale: "de") { id } b: setLocale(locale: "es") { id } c: setLocale(locale: "da") { id } }`;
    expect(await limited(client, three)).toBeNull();
    await writesNothing(t.orm.em, async () => {
      expect(await limited(client, three.replace(/"(de|es|da)"/g, '"vi"'))).not.toBeNull();
    });
    expect((await t.orm.em.fork().findOneOrFail(User, user.id)).locale).toBe('da');
  });

  it('refuses signIn or signOut next to other fields, so no write runs as a person whose writes were not counted', async () => {
    const user = await f.user(t.orm.em.fork());
    const anonymous = new Client(t.app);
    const writes = Array.from({ length: LIMIT + 2 }, (_, i) => `w${i}: setLocale(locale: "vi") { id }`).join(' ');
    await writesNothing(t.orm.em, async () => {
      const result = await anonymous.gql(`mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id } ${writes} }`, { e: user.email, p: f.PASSWORD });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BAD_REQUEST' });
      expect(result.data ?? null).toBeNull();
    });
    expect(anonymous.hasSession).toBe(false);
    const signedInClient = await new Client(t.app).signIn(user.email);
    const out = await signedInClient.gql(`mutation { setLocale(locale: "de") { id } signOut }`);
    expect(out.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BAD_REQUEST' });
    expect((await t.orm.em.fork().findOneOrFail(User, user.id)).locale).toBe('en');
  });

  it('does not count queries, signIn or signOut, which have limits of their own', async () => {
    const user = await f.user(t.orm.em.fork());
    const client = await new Client(t.app).signIn(user.email);
    for (let i = 0; i < LIMIT * 2; i++) await client.ok('{ viewer { id } }');
    for (let i = 0; i < LIMIT; i++) {
      await client.ok('mutation { signOut }');
      await client.signIn(user.email);
    }
    for (let i = 0; i < LIMIT; i++) expect(await limited(client, SET_LOCALE, { l: 'de' })).toBeNull();
    expect(await limited(client, SET_LOCALE, { l: 'de' })).not.toBeNull();
  });

  it('is 120 a minute by default, configurable, and 0 turns it off', () => {
    const dir = mkdtempSync(join(tmpdir(), 'council-cfg-'));
    expect(loadConfig({ DATA_DIR: dir }).writeLimitPerMinute).toBe(120);
    expect(loadConfig({ DATA_DIR: dir, WRITE_LIMIT_PER_MINUTE: '30' }).writeLimitPerMinute).toBe(30);
    expect(loadConfig({ DATA_DIR: dir, WRITE_LIMIT_PER_MINUTE: '0' }).writeLimitPerMinute).toBe(0);
    for (const bad of ['-1', 'many', '1.5']) expect(() => loadConfig({ DATA_DIR: dir, WRITE_LIMIT_PER_MINUTE: bad }), bad).toThrow(/WRITE_LIMIT_PER_MINUTE/);
  });

  it('applies WRITE_LIMIT_PER_MINUTE when no limit is given in code', async () => {
    const configured = await startTestApp({ env: { WRITE_LIMIT_PER_MINUTE: '2' } });
    try {
      const { client } = await signedIn(configured);
      expect(await limited(client, SET_LOCALE, { l: 'de' })).toBeNull();
      expect(await limited(client, SET_LOCALE, { l: 'en' })).toBeNull();
      expect(await limited(client, SET_LOCALE, { l: 'de' })).not.toBeNull();
    } finally {
      await configured.close();
    }
  });
});

describe.skipIf(!REDIS_TEST_URL)('write limit in Redis, shared by two instances', () => {
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    // Both instances on one database and one Redis key prefix, as an installation runs them.
    const env = { REDIS_URL: REDIS_TEST_URL!, REDIS_PREFIX: uniquePrefix('writes'), SESSION_SECRET: 'x'.repeat(32) };
    first = await startTestApp({ sweepIntervalMs: 0, env, writeLimit: { max: 4, windowMs: 60_000 } });
    const database = first.services.config.database;
    const url = database.kind === 'postgresql' ? database.url : `sqlite:${database.file}`;
    second = await startTestApp({ sweepIntervalMs: 0, env: { ...env, DATABASE_URL: url }, writeLimit: { max: 4, windowMs: 60_000 } });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('gives a person one budget across instances, whichever one each write reaches', async () => {
    const user = await f.user(first.orm.em.fork());
    const onFirst = await new Client(first.app).signIn(user.email);
    const onSecond = await new Client(second.app).signIn(user.email);
    // Eight writes at once, four to each: counting on its own, each instance would let all four through.
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => limited(i % 2 ? onFirst : onSecond, SET_LOCALE, { l: 'de' })));
    expect(results.filter((r) => r === null)).toHaveLength(4);
    expect(results.filter((r) => r?.code === 'FORBIDDEN')).toHaveLength(4);
    for (const client of [onFirst, onSecond]) expect(await limited(client, SET_LOCALE, { l: 'de' })).not.toBeNull();
  });
});
