// Sign-in, sessions, sign-out, the gate before sign-in, and sign-in rate limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { Client } from '../support/client.js';
import * as f from '../support/factories.js';
import { Session, User } from '../../server/src/modules/people/people.entity.js';

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

  it('rate-limits failed sign-ins per account, then per address', async () => {
    const em = t.orm.em.fork();
    const victim = (await f.user(em, { region: null, roles: ['EXECUTIVE'] })).email;
    const c = new Client(t.app, { 'x-test': 'limits' });
    for (let i = 0; i < 3; i++) expect(await c.code(SIGN_IN, { e: victim, p: 'wrong-password' })).toBe('UNAUTHENTICATED');
    const limited = await c.gql(SIGN_IN, { e: victim, p: f.PASSWORD });
    expect(limited.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(limited.errors?.[0].extensions?.reason).toBe('RATE_LIMITED');
    expect(limited.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
    // Another account from the same address still works until the address limit is reached.
    await new Client(t.app).signIn(email);
    const stranger = 'nobody@example.test';
    for (let i = 0; i < 6; i++) await c.gql(SIGN_IN, { e: `${i}${stranger}`, p: 'wrong-password' });
    expect((await c.gql(SIGN_IN, { e: email, p: f.PASSWORD })).errors?.[0].extensions?.reason).toBe('RATE_LIMITED');
  });
});
