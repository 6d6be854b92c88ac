// Single sign-on with OpenID Connect against a real provider (oidc-provider on 127.0.0.1), driven
// over HTTP as a browser would: /auth/oidc/start → the provider's login form → the callback. A known
// active person signs in (the session cookie works); a pending invitation creates the account as the
// invitation says; an unknown, unverified or deactivated address, a wrong or missing state and an
// unreachable provider are refused without a session and without writing; PASSWORD_SIGN_IN=0
// refuses every password path; the configuration is all or nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { translator } from '@council/shared/i18n';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/src/config.js';
import { AuditEvent } from '../../server/src/modules/audit/audit.entity.js';
import { Invitation, PasswordReset } from '../../server/src/modules/people/invitations.entity.js';
import { invitePerson } from '../../server/src/modules/people/invitations.service.js';
import { Session, User, type Region } from '../../server/src/modules/people/people.entity.js';
import { newToken } from '../../server/src/modules/people/tokens.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { Client } from '../support/client.js';
import { writesNothing } from '../support/db.js';
import * as f from '../support/factories.js';
import { signInAt, startIdp, type TestIdp } from '../support/oidc.js';

const PUBLIC_URL = 'http://council.test';
const CALLBACK = `${PUBLIC_URL}/auth/oidc/callback`;
const en = translator('en');
const quiet = { sweepIntervalMs: 0, mailIntervalMs: 0, reminderIntervalMs: 0 } as const;

let idp: TestIdp;
let app: TestApp;
let admin: User;
let region: Region;

beforeAll(async () => {
  idp = await startIdp();
  idp.configure(CALLBACK);
  app = await startTestApp({ env: { ...idp.env, PUBLIC_URL }, ...quiet });
  const em = app.orm.em.fork();
  region = await f.region(em, { code: 'SUED', name: 'Süd' });
  admin = await f.user(em, { roles: ['ADMIN'], email: 'admin@example.test' });
});
afterAll(async () => {
  await app?.close();
  await idp?.close();
});

function cookiesOf(res: { headers: Record<string, unknown> }): string[] {
  const set = res.headers['set-cookie'];
  return (Array.isArray(set) ? set : set ? [set] : []) as string[];
}

const cookie = (res: { headers: Record<string, unknown> }, name: string) => cookiesOf(res).find((c) => c.startsWith(`${name}=`));

/** GET /auth/oidc/start: the provider's authorization URL and the state cookie (name=value). */
async function start(on: TestApp, next?: string) {
  const res = await on.app.inject({ method: 'GET', url: next === undefined ? '/auth/oidc/start' : `/auth/oidc/start?next=${encodeURIComponent(next)}` });
  expect(res.statusCode, res.body).toBe(302);
  const set = cookie(res, 'council_oidc');
  expect(set).toBeDefined();
  return { authorization: new URL(res.headers.location as string), stateCookie: set!.split(';')[0], setCookie: set! };
}

/** The provider's answer delivered to the app's callback: where the app sends the browser, and its session cookie. */
async function callback(on: TestApp, url: URL, stateCookie: string | null) {
  expect(url.origin + url.pathname).toBe(CALLBACK);
  const res = await on.app.inject({ method: 'GET', url: url.pathname + url.search, headers: stateCookie ? { cookie: stateCookie } : {} });
  expect(res.statusCode, res.body).toBe(302);
  const session = cookie(res, 'council_session');
  return { location: res.headers.location as string, session: session && !session.startsWith('council_session=;') ? session : undefined, res };
}

/** The whole journey for the provider's account `sub`. */
async function sso(sub: string, next?: string, on = app) {
  const { authorization, stateCookie } = await start(on, next);
  return callback(on, await signInAt(idp, authorization.href, sub), stateCookie);
}

async function viewerWith(sessionSetCookie: string, on = app): Promise<{ email: string; roles: string[]; locale: string; region: { code: string } | null } | null> {
  const res = await on.app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', cookie: sessionSetCookie.split(';')[0] },
    payload: { query: '{ viewer { email roles locale region { code } } }' },
  });
  return res.json().data.viewer;
}

function account(sub: string, email: string, verified = true) {
  idp.accounts.set(sub, { sub, email, email_verified: verified });
}

describe('single sign-on', () => {
  it('starts the code flow with PKCE (S256), state and nonce, kept in a short-lived signed cookie', async () => {
    const first = await start(app, '/issues');
    const second = await start(app, '/issues');
    const params = first.authorization.searchParams;
    expect(first.authorization.origin).toBe(idp.issuer);
    expect(Object.fromEntries(params)).toMatchObject({
      client_id: idp.clientId,
      redirect_uri: CALLBACK,
      response_type: 'code',
      scope: 'openid email',
      code_challenge_method: 'S256',
    });
    for (const name of ['state', 'nonce', 'code_challenge']) {
      expect(params.get(name)).toMatch(/^[\w-]{32,}$/);
      expect(second.authorization.searchParams.get(name)).not.toBe(params.get(name));
    }
    expect(first.setCookie).toMatch(/; Max-Age=600(;|$)/);
    expect(first.setCookie).toMatch(/; Path=\/auth\/oidc(;|$)/);
    expect(first.setCookie).toMatch(/; HttpOnly(;|$)/);
    expect(first.setCookie).toMatch(/; SameSite=Lax(;|$)/);
  });

  it('signs a known active person in: back to `next`, with the same session cookie as a password sign-in', async () => {
    const person = await f.user(app.orm.em.fork(), { email: 'known@example.test', region });
    account('known', 'Known@Example.TEST');
    const { location, session } = await sso('known', '/issues?status=OPEN');
    expect(location).toBe('/issues?status=OPEN');
    expect(session).toBeDefined();
    expect(await viewerWith(session!)).toMatchObject({ email: 'known@example.test', region: { code: 'SUED' } });
    // The cookie's options are the password sign-in's, to the letter.
    const password = await app.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: { query: 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id } }', variables: { e: person.email, p: f.PASSWORD } },
    });
    const attributes = (set: string) => set.split(';').slice(1).join(';');
    expect(attributes(session!)).toBe(attributes(cookie(password, 'council_session')!));

    const signedIn = await app.orm.em.fork().find(AuditEvent, { action: 'user.signedIn', subjectId: person.id }, { orderBy: { id: 'asc' } });
    expect(signedIn.map((e) => e.after)).toEqual([{ method: 'oidc' }, null]);
  });

  it('reads the address from the ID token when the provider puts it there, else from userinfo', async () => {
    await f.user(app.orm.em.fork(), { email: 'claims@example.test' });
    account('claims', 'claims@example.test');
    idp.requests.length = 0;
    expect((await sso('claims')).session).toBeDefined();
    expect(idp.requests).toContain('/me');

    idp.configure(CALLBACK, { idTokenClaims: true });
    try {
      idp.requests.length = 0;
      expect((await sso('claims')).session).toBeDefined();
      expect(idp.requests).toContain('/token');
      expect(idp.requests).not.toContain('/me');
    } finally {
      idp.configure(CALLBACK);
    }
  });

  it('accepts a pending invitation of the verified address: the account is the invitation’s, not the provider’s', async () => {
    const invitation = await invitePerson(app.orm.em.fork(), admin, { email: 'ines@example.test', name: 'Ines Invited', roles: ['COORDINATOR', 'FACILITATOR'], regionId: region.id, locale: 'de' });
    account('ines', 'ines@example.test');
    const { location, session } = await sso('ines');
    expect(location).toBe('/');
    expect(await viewerWith(session!)).toEqual({ email: 'ines@example.test', roles: ['COORDINATOR', 'FACILITATOR'], locale: 'de', region: { code: 'SUED' } });
    const em = app.orm.em.fork();
    expect((await em.findOneOrFail(Invitation, invitation.id)).acceptedAt).not.toBeNull();
    const user = await em.findOneOrFail(User, { email: 'ines@example.test' }, { populate: ['passwordHash'] });
    expect(user).toMatchObject({ name: 'Ines Invited', active: true });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const accepted = await em.findOneOrFail(AuditEvent, { action: 'invitation.accepted', subjectId: invitation.id });
    expect(accepted.after).toEqual({ email: 'ines@example.test', method: 'oidc' });

    // The second time, the account signs in; the invitation is not taken again.
    expect(await viewerWith((await sso('ines')).session!)).toMatchObject({ email: 'ines@example.test' });
    expect(await em.count(User, { email: 'ines@example.test' })).toBe(1);
  });

  it('refuses an unknown address, a revoked or expired invitation, and a deactivated person: no session, nothing written', async () => {
    account('stranger', 'stranger@example.test');
    const revoked = await invitePerson(app.orm.em.fork(), admin, { email: 'rita@example.test', name: 'Rita', roles: ['COORDINATOR'] });
    await app.orm.em.fork().nativeUpdate(Invitation, { id: revoked.id }, { revokedAt: new Date() });
    account('rita', 'rita@example.test');
    const expired = await invitePerson(app.orm.em.fork(), admin, { email: 'erik@example.test', name: 'Erik', roles: ['COORDINATOR'] });
    await app.orm.em.fork().nativeUpdate(Invitation, { id: expired.id }, { expiresAt: new Date(Date.now() - 1000) });
    account('erik', 'erik@example.test');
    const gone = await f.user(app.orm.em.fork(), { email: 'gone@example.test' });
    await app.orm.em.fork().nativeUpdate(User, { id: gone.id }, { active: false });
    account('gone', 'gone@example.test');

    for (const sub of ['stranger', 'rita', 'erik', 'gone']) {
      await writesNothing(app.orm.em, async () => {
        const { location, session } = await sso(sub, '/proposals');
        expect(location, sub).toBe('/signin?sso=unknown&next=%2Fproposals');
        expect(session, sub).toBeUndefined();
      });
    }
    expect(await app.orm.em.fork().count(User, { email: { $in: ['stranger@example.test', 'rita@example.test', 'erik@example.test'] } })).toBe(0);
  });

  it('refuses an address the provider has not verified, or no verification at all', async () => {
    await f.user(app.orm.em.fork(), { email: 'unverified@example.test' });
    account('unverified', 'unverified@example.test', false);
    idp.accounts.set('unsaid', { sub: 'unsaid', email: 'unverified@example.test' });
    for (const sub of ['unverified', 'unsaid']) {
      await writesNothing(app.orm.em, async () => {
        const { location, session } = await sso(sub);
        expect(location, sub).toBe('/signin?sso=unverified');
        expect(session).toBeUndefined();
      });
    }
  });

  it('refuses a wrong state, a missing or forged state cookie, and a code used twice, before any session', async () => {
    await f.user(app.orm.em.fork(), { email: 'state@example.test' });
    account('state', 'state@example.test');

    const wrong = await start(app, '/issues');
    const answer = await signInAt(idp, wrong.authorization.href, 'state');
    answer.searchParams.set('state', 'x'.repeat(43));
    idp.requests.length = 0;
    await writesNothing(app.orm.em, async () => {
      const { location, session, res } = await callback(app, answer, wrong.stateCookie);
      expect(location).toBe('/signin?sso=failed&next=%2Fissues');
      expect(session).toBeUndefined();
      // The state cookie is spent, whatever the outcome.
      expect(cookie(res, 'council_oidc')).toMatch(/^council_oidc=;/);
    });
    // Refused before the code was exchanged.
    expect(idp.requests).not.toContain('/token');

    const missing = await start(app);
    const missingAnswer = await signInAt(idp, missing.authorization.href, 'state');
    expect(await callback(app, missingAnswer, null)).toMatchObject({ location: '/signin?sso=failed', session: undefined });

    // A cookie whose content was changed (here: another `next`) fails its signature.
    const forged = await start(app);
    const [value, signature] = decodeURIComponent(forged.stateCookie.slice('council_oidc='.length)).split('.');
    const pending = JSON.parse(Buffer.from(value, 'base64url').toString());
    const changed = Buffer.from(JSON.stringify({ ...pending, next: '/admin' })).toString('base64url');
    const forgedAnswer = await signInAt(idp, forged.authorization.href, 'state');
    expect(await callback(app, forgedAnswer, `council_oidc=${encodeURIComponent(`${changed}.${signature}`)}`)).toMatchObject({ location: '/signin?sso=failed', session: undefined });

    // A code is good once: the same answer again (with the same cookie) is refused by the provider.
    const once = await start(app);
    const onceAnswer = await signInAt(idp, once.authorization.href, 'state');
    expect((await callback(app, onceAnswer, once.stateCookie)).session).toBeDefined();
    expect(await callback(app, onceAnswer, once.stateCookie)).toMatchObject({ location: '/signin?sso=failed', session: undefined });
  });

  it('sends back only to paths of this app', async () => {
    await f.user(app.orm.em.fork(), { email: 'next@example.test' });
    account('next', 'next@example.test');
    for (const next of ['https://evil.test/', '//evil.test', '/\\evil.test', '/signin']) {
      expect((await sso('next', next)).location, next).toBe('/');
    }
  });

  it('logs neither the authorization code nor the state, whatever the outcome', async () => {
    const lines: string[] = [];
    const logged = await startTestApp({ env: { ...idp.env, PUBLIC_URL, LOG_LEVEL: 'trace' }, logger: true, logStream: { write: (line) => void lines.push(line) }, ...quiet });
    try {
      await f.user(logged.orm.em.fork(), { email: 'logged@example.test' });
      account('logged', 'logged@example.test');
      const secrets: string[] = [];
      for (const tamper of [false, true]) {
        const { authorization, stateCookie } = await start(logged, '/issues');
        const answer = await signInAt(idp, authorization.href, 'logged');
        secrets.push(answer.searchParams.get('code')!, answer.searchParams.get('state')!, authorization.searchParams.get('nonce')!);
        if (tamper) answer.searchParams.set('state', 'y'.repeat(43));
        const { location } = await callback(logged, answer, stateCookie);
        expect(location).toBe(tamper ? '/signin?sso=failed&next=%2Fissues' : '/issues');
      }
      const log = lines.join('\n');
      expect(log).toContain('single sign-on: the answer was refused');
      for (const secret of secrets) expect(log).not.toContain(secret);
    } finally {
      await logged.close();
    }
  });

  it('says so when the provider cannot be reached, and never fails with a 500', async () => {
    const closed = await startTestApp({ env: { OIDC_ISSUER: 'http://127.0.0.1:1', OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'y' }, ...quiet });
    try {
      const res = await closed.app.inject({ method: 'GET', url: '/auth/oidc/start?next=%2Fissues' });
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('/signin?sso=unavailable&next=%2Fissues');
      expect(cookie(res, 'council_oidc')).toBeUndefined();
    } finally {
      await closed.close();
    }
  });

  it('tells the web how people sign in', async () => {
    const anonymous = new Client(app.app);
    expect((await anonymous.ok(`{ signInMethods { password sso ssoLabel } }`)).signInMethods).toEqual({ password: true, sso: true, ssoLabel: null });
    const labelled = await startTestApp({ env: { ...idp.env, OIDC_BUTTON_LABEL: 'Sign in with Example ID' }, ...quiet });
    try {
      expect((await new Client(labelled.app).ok(`{ signInMethods { sso ssoLabel } }`)).signInMethods).toEqual({ sso: true, ssoLabel: 'Sign in with Example ID' });
    } finally {
      await labelled.close();
    }
    const plain = await startTestApp({ ...quiet });
    try {
      expect((await new Client(plain.app).ok(`{ signInMethods { password sso ssoLabel } }`)).signInMethods).toEqual({ password: true, sso: false, ssoLabel: null });
      // Without single sign-on there is nothing at its address.
      expect((await plain.app.inject({ method: 'GET', url: '/auth/oidc/start' })).statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });
});

describe('PASSWORD_SIGN_IN=0', () => {
  let off: TestApp;
  beforeAll(async () => {
    off = await startTestApp({ env: { ...idp.env, PUBLIC_URL, PASSWORD_SIGN_IN: '0' }, ...quiet });
  });
  afterAll(() => off?.close());

  it('refuses signing in, reset links and accepting an invitation with a password, FORBIDDEN, writing nothing', async () => {
    const em = off.orm.em.fork();
    const person = await f.user(em, { email: 'pia@example.test' });
    const offAdmin = await f.user(em, { roles: ['ADMIN'] });
    // A valid reset link and a valid invitation link: refused all the same.
    const reset = newToken();
    em.create(PasswordReset, { user: em.getReference(User, person.id), tokenHash: reset.hash, expiresAt: new Date(Date.now() + 3_600_000), usedAt: null, createdAt: new Date() });
    await em.flush();
    const invited = newToken();
    const invitation = await invitePerson(off.orm.em.fork(), offAdmin, { email: 'ivo@example.test', name: 'Ivo', roles: ['COORDINATOR'] });
    await off.orm.em.fork().nativeUpdate(Invitation, { id: invitation.id }, { tokenHash: invited.hash });

    const client = new Client(off.app);
    const refusals: [string, Record<string, unknown>][] = [
      ['mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id } }', { e: person.email, p: f.PASSWORD }],
      ['mutation($e: String!) { requestPasswordReset(email: $e) }', { e: person.email }],
      ['mutation($t: String!, $p: String!) { resetPassword(token: $t, password: $p) { id } }', { t: reset.token, p: 'lantern orbit meadow quietly' }],
      ['mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p) { id } }', { t: invited.token, p: 'lantern orbit meadow quietly' }],
    ];
    for (const [query, variables] of refusals) {
      await writesNothing(off.orm.em, async () => {
        const result = await client.gql(query, variables);
        expect(result.errors?.[0], query).toMatchObject({ message: en('errors.passwordSignInOff'), extensions: { code: 'FORBIDDEN', reason: 'PASSWORD_SIGN_IN_OFF' } });
      });
    }
    expect(client.hasSession).toBe(false);
    expect((await client.ok(`{ signInMethods { password sso } }`)).signInMethods).toEqual({ password: false, sso: true });
  });

  it('still signs in through single sign-on, and accepts invitations there', async () => {
    await f.user(off.orm.em.fork(), { email: 'sso-only@example.test' });
    account('sso-only', 'sso-only@example.test');
    const { session } = await sso('sso-only', undefined, off);
    expect(await viewerWith(session!, off)).toMatchObject({ email: 'sso-only@example.test' });
    expect(await off.orm.em.fork().count(Session, {})).toBe(1);
    // No password to change either: the account has none anyone knows.
    const change = await off.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', cookie: session!.split(';')[0] },
      payload: { query: `mutation { changePassword(currentPassword: "${f.PASSWORD}", newPassword: "lantern orbit meadow quietly") }` },
    });
    expect(change.json().errors[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', reason: 'PASSWORD_SIGN_IN_OFF' } });
  });
});

describe('configuration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'council-sso-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const load = (env: Record<string, string>) => loadConfig({ DATA_DIR: dir, ...env });
  const issues = (env: Record<string, string>) => {
    try {
      load(env);
    } catch (error) {
      if (error instanceof ConfigError) return error.issues;
      throw error;
    }
    throw new Error('expected a ConfigError');
  };

  it('takes all three OIDC variables, or none', () => {
    expect(load({}).sso).toBeUndefined();
    expect(load({}).passwordSignIn).toBe(true);
    const config = load({ OIDC_ISSUER: 'https://login.example.com/realms/council', OIDC_CLIENT_ID: 'council', OIDC_CLIENT_SECRET: 's3cret', OIDC_BUTTON_LABEL: ' Example ID ', PASSWORD_SIGN_IN: '0', PUBLIC_URL: 'https://council.example.com/' });
    expect(config.sso).toEqual({ issuer: 'https://login.example.com/realms/council', clientId: 'council', clientSecret: 's3cret', buttonLabel: 'Example ID', publicUrl: 'https://council.example.com' });
    expect(config.passwordSignIn).toBe(false);

    expect(issues({ OIDC_ISSUER: 'https://login.example.com' })).toEqual([
      'OIDC_CLIENT_ID: required with OIDC_ISSUER (single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET)',
      'OIDC_CLIENT_SECRET: required with OIDC_ISSUER (single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET)',
    ]);
    expect(issues({ OIDC_CLIENT_ID: 'council', OIDC_CLIENT_SECRET: 's3cret' })).toEqual([
      'OIDC_ISSUER: required with OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET)',
    ]);
    expect(issues({ OIDC_BUTTON_LABEL: 'Example ID' })).toEqual(['OIDC_BUTTON_LABEL: only with single sign-on (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET)']);
  });

  it('refuses PASSWORD_SIGN_IN=0 without single sign-on, and an issuer that is not https', () => {
    expect(issues({ PASSWORD_SIGN_IN: '0' })).toEqual(['PASSWORD_SIGN_IN: 0 needs single sign-on (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET); without it nobody could sign in']);
    expect(issues({ PASSWORD_SIGN_IN: 'no' })).toEqual(['PASSWORD_SIGN_IN: must be 1 (people may sign in with a password) or 0 (single sign-on only)']);
    const oidc = { OIDC_CLIENT_ID: 'council', OIDC_CLIENT_SECRET: 's3cret' };
    expect(issues({ ...oidc, OIDC_ISSUER: 'http://login.example.com' })).toEqual(['OIDC_ISSUER: must start with https:// (http:// only for localhost or 127.0.0.1)']);
    expect(issues({ ...oidc, OIDC_ISSUER: 'login.example.com' })).toEqual([
      "OIDC_ISSUER: must be the identity provider's issuer URL, like https://login.example.com/realms/council",
    ]);
    expect(load({ ...oidc, OIDC_ISSUER: 'http://localhost:8080/realms/dev' }).sso?.issuer).toBe('http://localhost:8080/realms/dev');
  });
});
