// Sign-in, sessions, sign-out, the gate before sign-in, and sign-in rate limits (in process, and
// in Redis shared by two instances).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { Client } from '../support/client.js';
import * as f from '../support/factories.js';
import { Session, User } from '../../server/src/modules/people/people.entity.js';
import { closeRedis, connectRedis } from '../../server/src/redis.js';
import { REDIS_TEST_URL, uniquePrefix } from '../support/services.js';

let t: TestApp;
let email: string;
let other: string;

beforeAll(async () => {
  t = await startTestApp({
    signInLimits: { perAccount: { max: 3, windowMs: 60_000 }, perAddress: { max: 6, windowMs: 60_000 } },
  });
  const em = t.orm.em.fork();
  const region = await f.region(em);
  email = (await f.user(em, { region })).email;
  other = (await f.user(em, { region })).email;
});
afterAll(() => t.close());

const SIGN_IN = `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id name email roles region { code } locale } }`;

/** A sign-in from a given client address (the TCP peer); the error's code and limit details, if refused. */
async function signInFrom(app: TestApp, address: string, email: string, password: string, headers: Record<string, string> = {}) {
  const res = await app.app.inject({
    method: 'POST',
    url: '/graphql',
    remoteAddress: address,
    headers: { 'content-type': 'application/json', ...headers },
    payload: { query: SIGN_IN, variables: { e: email, p: password } },
  });
  const error = res.json().errors?.[0];
  return {
    code: error?.extensions?.code as string | undefined,
    reason: error?.extensions?.reason as string | undefined,
    retryAfterSeconds: error?.extensions?.retryAfterSeconds as number | undefined,
  };
}

describe('before sign-in', () => {
  it('answers nothing but signIn, signOut and a null viewer', async () => {
    const c = new Client(t.app);
    expect((await c.ok(`{ viewer { id } }`)).viewer).toBeNull();
    for (const q of [`{ issues { totalCount } }`, `{ regions { id } }`, `{ categories { id } }`, `{ node(id: "x") { id } }`, `mutation { raiseIssue(input: { title: "Valid title", description: "A valid description." }) { id } }`]) {
      expect(await c.code(q)).toBe('UNAUTHENTICATED');
    }
  });
});

describe('signIn', () => {
  it('signs in with email and password, sets an httpOnly SameSite=Lax cookie and keeps only a hash of it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: { query: SIGN_IN, variables: { e: email.toUpperCase(), p: f.PASSWORD } },
    });
    expect(res.json().data.signIn.email).toBe(email);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^council_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // plain http here; Secure behind HTTPS
    const token = cookie.split(';')[0].split('=')[1];
    const sessions = await t.orm.em.fork().find(Session, {});
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.map((s) => s.id)).not.toContain(token);
    const user = await t.orm.em.fork().findOneOrFail(User, { email }, { populate: ['passwordHash'] });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('marks the cookie Secure behind an HTTPS proxy (TRUST_PROXY=1)', async () => {
    const proxied = await startTestApp({ env: { TRUST_PROXY: '1' } });
    try {
      const em = proxied.orm.em.fork();
      const u = await f.user(em, { region: await f.region(em) });
      const res = await proxied.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
        payload: { query: SIGN_IN, variables: { e: u.email, p: f.PASSWORD } },
      });
      expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
    } finally {
      await proxied.close();
    }
  });

  it('refuses a wrong password with a clear message and no session', async () => {
    const c = new Client(t.app);
    const r = await c.gql(SIGN_IN, { e: other, p: 'wrong-password-1' });
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(r.errors?.[0].message).toBe('The email or password is not correct.');
    expect(c.hasSession).toBe(false);
  });

  it('refuses malformed input as BAD_USER_INPUT', async () => {
    const r = await new Client(t.app).gql(SIGN_IN, { e: 'not-an-email', p: 'x' });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].extensions?.fields).toHaveProperty('email');
  });

  it('signOut ends the session on the server', async () => {
    const c = await new Client(t.app).signIn(email);
    expect((await c.ok(`{ viewer { email } }`)).viewer.email).toBe(email);
    const cookieBefore = (c as unknown as { cookie: string }).cookie;
    expect((await c.ok(`mutation { signOut }`)).signOut).toBe(true);
    expect((await c.ok(`{ viewer { id } }`)).viewer).toBeNull();
    // The old cookie no longer works either, even if a client kept it.
    const res = await t.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', cookie: cookieBefore }, payload: { query: '{ viewer { id } }' } });
    expect(res.json().data.viewer).toBeNull();
  });

  it('rate-limits password checks per account, whatever the address', async () => {
    const em = t.orm.em.fork();
    const victim = (await f.user(em, { region: null, roles: ['EXECUTIVE'] })).email;
    for (let i = 0; i < 3; i++) expect((await signInFrom(t, '192.0.2.1', victim, 'wrong-password')).code).toBe('UNAUTHENTICATED');
    for (const address of ['192.0.2.1', '192.0.2.2']) {
      const limited = await signInFrom(t, address, victim, f.PASSWORD);
      expect(limited.code).toBe('FORBIDDEN');
      expect(limited.reason).toBe('RATE_LIMITED');
      expect(limited.retryAfterSeconds).toBeGreaterThan(0);
    }
  });

  it('does not lock colleagues out when one account is hammered from their office address', async () => {
    const em = t.orm.em.fork();
    const hammered = (await f.user(em)).email;
    const colleagues = [(await f.user(em)).email, (await f.user(em)).email];
    const office = '198.51.100.20';
    // Far more attempts than the address limit (6), all on one account.
    for (let i = 0; i < 12; i++) await signInFrom(t, office, hammered, `wrong-password-${i}`);
    for (const colleague of colleagues) expect((await signInFrom(t, office, colleague, f.PASSWORD)).code).toBeUndefined();
  });

  it('stops spraying many accounts from one address, even with a right password after it', async () => {
    const em = t.orm.em.fork();
    const known = (await f.user(em)).email;
    const sprayer = '203.0.113.66';
    for (let i = 0; i < 6; i++) expect((await signInFrom(t, sprayer, `sprayed${i}@example.test`, 'wrong-password')).code).toBe('UNAUTHENTICATED');
    expect((await signInFrom(t, sprayer, `sprayed6@example.test`, 'wrong-password')).reason).toBe('RATE_LIMITED');
    expect((await signInFrom(t, sprayer, known, f.PASSWORD)).reason).toBe('RATE_LIMITED');
    // The refused attempts checked no password: the account is not used up for its owner elsewhere.
    expect((await signInFrom(t, '203.0.113.1', known, f.PASSWORD)).code).toBeUndefined();
  });

  it('checks at most the allowed number of passwords when wrong sign-ins for one account arrive at once', async () => {
    const em = t.orm.em.fork();
    const target = (await f.user(em)).email;
    const checks = vi.spyOn(t.services.auth, 'checkPassword');
    try {
      const results = await Promise.all(Array.from({ length: 30 }, (_, i) => signInFrom(t, `10.1.0.${i}`, target, `wrong-password-${i}`)));
      expect(checks).toHaveBeenCalledTimes(3);
      expect(results.filter((r) => r.code === 'UNAUTHENTICATED')).toHaveLength(3);
      expect(results.filter((r) => r.reason === 'RATE_LIMITED')).toHaveLength(27);
    } finally {
      checks.mockRestore();
    }
  });

  it('limits by the client address the trusted proxy saw, not by a client-supplied X-Forwarded-For (TRUST_PROXY=1)', async () => {
    const proxied = await startTestApp({
      env: { TRUST_PROXY: '1' },
      signInLimits: { perAccount: { max: 3, windowMs: 60_000 }, perAddress: { max: 2, windowMs: 60_000 } },
    });
    try {
      const viaProxy = (account: string, forwardedFor: string) => signInFrom(proxied, '10.0.0.2', account, 'wrong-password', { 'x-forwarded-for': forwardedFor });
      // The client varies the leftmost entry; the proxy appends the address it saw.
      expect((await viaProxy('a@example.test', '1.1.1.1, 203.0.113.9')).code).toBe('UNAUTHENTICATED');
      expect((await viaProxy('b@example.test', '2.2.2.2, 203.0.113.9')).code).toBe('UNAUTHENTICATED');
      expect((await viaProxy('c@example.test', '3.3.3.3, 203.0.113.9')).reason).toBe('RATE_LIMITED');
      // Another client behind the same proxy is another address.
      expect((await viaProxy('c@example.test', '203.0.113.10')).code).toBe('UNAUTHENTICATED');
    } finally {
      await proxied.close();
    }
  });
});

describe.skipIf(!REDIS_TEST_URL)('sign-in limits in Redis, shared by two instances', () => {
  let first: TestApp;
  let second: TestApp;
  // The prefix is this test's own, so parallel runs do not share counters.
  const prefix = uniquePrefix('auth');

  beforeAll(async () => {
    // Both instances on one database and one Redis key prefix, as an installation runs them.
    const env = { REDIS_URL: REDIS_TEST_URL!, REDIS_PREFIX: prefix, SESSION_SECRET: 'x'.repeat(32) };
    first = await startTestApp({ sweepIntervalMs: 0, env });
    const database = first.services.config.database;
    const url = database.kind === 'postgresql' ? database.url : `sqlite:${database.file}`;
    second = await startTestApp({ sweepIntervalMs: 0, env: { ...env, DATABASE_URL: url } });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('checks at most 10 passwords of one account for 30 wrong sign-ins at once, split across both', async () => {
    const em = first.orm.em.fork();
    const target = (await f.user(em)).email;
    const colleague = (await f.user(em)).email;
    const checks = [vi.spyOn(first.services.auth, 'checkPassword'), vi.spyOn(second.services.auth, 'checkPassword')];
    try {
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) => signInFrom(i % 2 ? first : second, '192.0.2.50', target, `wrong-password-${i}`)),
      );
      // 15 attempts reached each instance: counting on its own, each would have checked 10.
      expect(checks[0].mock.calls.length + checks[1].mock.calls.length).toBe(10);
      expect(results.filter((r) => r.code === 'UNAUTHENTICATED')).toHaveLength(10);
      expect(results.filter((r) => r.reason === 'RATE_LIMITED')).toHaveLength(20);
      // Refused on either instance, also with the right password, until the window ends.
      for (const app of [first, second]) expect((await signInFrom(app, '192.0.2.51', target, f.PASSWORD)).reason).toBe('RATE_LIMITED');
      // A colleague behind the same address signs in, on either instance.
      for (const app of [first, second]) expect((await signInFrom(app, '192.0.2.50', colleague, f.PASSWORD)).code).toBeUndefined();
    } finally {
      checks.forEach((c) => c.mockRestore());
    }
  });

  it('keeps no email or address in Redis keys', async () => {
    const redis = await connectRedis(REDIS_TEST_URL!, 'test', () => {});
    try {
      const keys = await redis.keys(`${prefix}*`);
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.join('\n')).not.toMatch(/@|example|192\.0\.2/);
    } finally {
      await closeRedis(redis);
    }
  });
});
