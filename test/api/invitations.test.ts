// Invitations and passwords through the API, with mail to a real SMTP server: an admin invites, the
// mail (in the invitee's language) holds the link, accepting it creates the account with the
// invitation's roles and region and signs in; re-sent, revoked, accepted and expired links; a
// password reset by mail ends every session; an unknown address gets the same answer and no mail;
// a password change needs the current one and ends the other sessions.
import { translator } from '@council/shared/i18n';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Em } from '../../server/src/db/orm.js';
import { mailSettingsOf } from '../../server/src/modules/notifications/mail.settings.js';
import { OutboxMail } from '../../server/src/modules/notifications/notifications.entity.js';
import { createMailTransport, sendOutbox } from '../../server/src/modules/notifications/outbox.js';
import { Invitation, PasswordReset } from '../../server/src/modules/people/invitations.entity.js';
import { RESET_REQUEST_MS } from '../../server/src/modules/people/password-reset.service.js';
import { Session, User, type Region } from '../../server/src/modules/people/people.entity.js';
import { tokenHash } from '../../server/src/modules/people/tokens.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { Client } from '../support/client.js';
import { writesNothing } from '../support/db.js';
import * as f from '../support/factories.js';
import { gid } from '../support/ids.js';
import { startSmtp, type Mailbox } from '../support/smtp.js';

const PUBLIC_URL = 'https://council.example.test';
const NEW_PASSWORD = 'lantern orbit meadow quietly';
const en = translator('en');

const INVITE = `mutation($input: InvitePersonInput!) { invitePerson(input: $input) { id email name roles region { code } expiresAt acceptedAt revokedAt invitedBy { email } } }`;
const ACCEPT = `mutation($token: String!, $password: String!) { acceptInvitation(token: $token, password: $password) { id email name roles locale region { code } } }`;
const REVOKE = `mutation($id: ID!) { revokeInvitation(invitationId: $id) { id revokedAt } }`;
const REQUEST_RESET = `mutation($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation($token: String!, $password: String!) { resetPassword(token: $token, password: $password) { id email } }`;
const CHANGE = `mutation($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) }`;
const VIEWER = `{ viewer { email roles region { code } } }`;

let smtp: Mailbox;
let app: TestApp;
let em: Em;
let admin: User;
let adminClient: Client;
let region: Region;

beforeAll(async () => {
  smtp = await startSmtp();
  app = await startTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL, MAIL_FROM: 'Council <council@example.test>' }, sweepIntervalMs: 0, mailIntervalMs: 0, reminderIntervalMs: 0 });
  em = app.orm.em.fork();
  region = await f.region(em, { code: 'NORD', name: 'Nord' });
  admin = await f.user(em, { roles: ['ADMIN'], name: 'Ada Admin', email: 'admin@example.test' });
  adminClient = await new Client(app.app).signIn(admin.email);
});
afterAll(async () => {
  await app.close();
  await smtp.close();
});
beforeEach(() => {
  smtp.mails.length = 0;
});

async function flushOutbox(): Promise<number> {
  const settings = mailSettingsOf(app.orm.em)!;
  const transport = await createMailTransport(settings);
  try {
    return await sendOutbox(app.orm.em.fork(), transport, settings);
  } finally {
    transport.close();
  }
}

/** The token of the only link of `path` in the last mail to `address`. */
async function linkTokenFor(address: string, path: 'invite' | 'reset-password'): Promise<string> {
  await flushOutbox();
  const mails = smtp.to(address);
  expect(mails.length, `mails to ${address}`).toBeGreaterThan(0);
  const mail = mails.at(-1)!;
  const links = [...mail.text.matchAll(new RegExp(`${PUBLIC_URL}/${path}/([A-Za-z0-9_-]+)`, 'g'))].map((m) => m[1]);
  expect(links.length).toBe(1);
  expect(mail.html).toContain(`${PUBLIC_URL}/${path}/${links[0]}`);
  expect(links[0]).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return links[0];
}

async function errorOf(client: Client, query: string, variables: Record<string, unknown>) {
  const result = await client.gql(query, variables);
  expect(result.errors?.length, JSON.stringify(result)).toBeGreaterThan(0);
  return { code: result.errors![0].extensions?.code, message: result.errors![0].message, fields: result.errors![0].extensions?.fields };
}

const invite = (email: string, over: Record<string, unknown> = {}) =>
  adminClient.ok(INVITE, { input: { email, name: 'Ines Invited', roles: ['COORDINATOR', 'FACILITATOR'], regionId: gid('Region', region.id), locale: 'de', ...over } });

describe('invitations', () => {
  it('invites by mail in the invitee’s language; the link sets a password and signs in with the invitation’s roles and region', async () => {
    const { invitePerson } = await invite('ines@example.test');
    expect(invitePerson).toMatchObject({ email: 'ines@example.test', roles: ['COORDINATOR', 'FACILITATOR'], region: { code: 'NORD' }, acceptedAt: null, revokedAt: null, invitedBy: { email: admin.email } });
    expect(new Date(invitePerson.expiresAt).getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);

    const token = await linkTokenFor('ines@example.test', 'invite');
    const mail = smtp.to('ines@example.test')[0];
    const de = translator('de');
    expect(mail.subject).toBe(de('account.invitation.mail.subject'));
    expect(mail.text).toContain(de('account.invitation.mail.lead', { inviter: 'Ada Admin' }));
    expect(mail.header('List-Unsubscribe')).toBeUndefined();
    // Only the token's hash is kept.
    const stored = await app.orm.em.fork().findOneOrFail(Invitation, { email: 'ines@example.test' });
    expect(stored.tokenHash).toBe(tokenHash(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    const invitee = new Client(app.app);
    const weak = await errorOf(invitee, ACCEPT, { token, password: 'password1234' });
    expect(weak).toMatchObject({ code: 'BAD_USER_INPUT', fields: { password: en('validation.password.weak') } });
    const { acceptInvitation } = await invitee.ok(ACCEPT, { token, password: NEW_PASSWORD });
    expect(acceptInvitation).toMatchObject({ email: 'ines@example.test', name: 'Ines Invited', roles: ['COORDINATOR', 'FACILITATOR'], locale: 'de', region: { code: 'NORD' } });
    expect(invitee.hasSession).toBe(true);
    expect((await invitee.ok(VIEWER)).viewer).toEqual({ email: 'ines@example.test', roles: ['COORDINATOR', 'FACILITATOR'], region: { code: 'NORD' } });
    await new Client(app.app).signIn('ines@example.test', NEW_PASSWORD);

    // The accepted link answers clearly, and writes nothing.
    await writesNothing(app.orm.em, async () => {
      expect(await errorOf(new Client(app.app), ACCEPT, { token, password: NEW_PASSWORD })).toMatchObject({ code: 'CONFLICT', message: en('errors.invitationAccepted') });
    });
    const { invitations } = await adminClient.ok(`{ invitations { email acceptedAt } }`);
    expect(invitations.find((i: { email: string }) => i.email === 'ines@example.test').acceptedAt).not.toBeNull();
  });

  it('sends a pending invitation again with a new link (the old one stops working); refuses an address that has an account', async () => {
    const first = (await invite('rene@example.test', { locale: 'en', roles: ['EXECUTIVE'], regionId: null })).invitePerson;
    const old = await linkTokenFor('rene@example.test', 'invite');
    const again = (await invite('rene@example.test', { locale: 'es', roles: ['EXECUTIVE'], regionId: null })).invitePerson;
    expect(again.id).toBe(first.id);
    const token = await linkTokenFor('rene@example.test', 'invite');
    expect(token).not.toBe(old);
    expect(smtp.to('rene@example.test').at(-1)!.subject).toBe(translator('es')('account.invitation.mail.subject'));
    expect((await errorOf(new Client(app.app), ACCEPT, { token: old, password: NEW_PASSWORD })).code).toBe('NOT_FOUND');
    const { acceptInvitation } = await new Client(app.app).ok(ACCEPT, { token, password: NEW_PASSWORD });
    expect(acceptInvitation).toMatchObject({ roles: ['EXECUTIVE'], region: null, locale: 'es' });

    await writesNothing(app.orm.em, async () => {
      expect(await errorOf(adminClient, INVITE, { input: { email: 'rene@example.test', name: 'René', roles: ['COORDINATOR'] } })).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { email: en('validation.email.taken') },
      });
    });
  });

  it('refuses a revoked link and an expired one, clearly', async () => {
    const { invitePerson } = await invite('rita@example.test');
    const revokedToken = await linkTokenFor('rita@example.test', 'invite');
    const { revokeInvitation } = await adminClient.ok(REVOKE, { id: invitePerson.id });
    expect(revokeInvitation.revokedAt).not.toBeNull();
    await writesNothing(app.orm.em, async () => {
      expect(await errorOf(new Client(app.app), ACCEPT, { token: revokedToken, password: NEW_PASSWORD })).toMatchObject({ code: 'CONFLICT', message: en('errors.invitationRevoked') });
    });
    expect(await app.orm.em.fork().count(User, { email: 'rita@example.test' })).toBe(0);

    await invite('erik@example.test');
    const expiredToken = await linkTokenFor('erik@example.test', 'invite');
    await app.orm.em.fork().nativeUpdate(Invitation, { email: 'erik@example.test' }, { expiresAt: new Date(Date.now() - 1000) });
    await writesNothing(app.orm.em, async () => {
      expect(await errorOf(new Client(app.app), ACCEPT, { token: expiredToken, password: NEW_PASSWORD })).toMatchObject({ code: 'CONFLICT', message: en('errors.invitationExpired') });
    });
    expect((await errorOf(new Client(app.app), ACCEPT, { token: 'x'.repeat(43), password: NEW_PASSWORD })).code).toBe('NOT_FOUND');
  });

  it('is for admins only: inviting, revoking and listing', async () => {
    const coordinator = await f.user(app.orm.em.fork(), { region });
    const client = await new Client(app.app).signIn(coordinator.email);
    await writesNothing(app.orm.em, async () => {
      expect(await errorOf(client, INVITE, { input: { email: 'x@example.test', name: 'X', roles: ['COORDINATOR'] } })).toMatchObject({ code: 'FORBIDDEN', message: en('errors.adminOnly') });
    });
    expect((await errorOf(client, `{ invitations { id } }`, {})).code).toBe('FORBIDDEN');
    const { invitePerson } = await invite('nobody@example.test');
    expect((await client.ok(`query($id: ID!) { node(id: $id) { id } }`, { id: invitePerson.id })).node).toBeNull();
    expect((await errorOf(client, REVOKE, { id: invitePerson.id })).code).toBe('FORBIDDEN');
  });
});

describe('password reset', () => {
  it('mails a single-use link; the reset ends every session, refuses the old password and signs in', async () => {
    const person = await f.user(app.orm.em.fork(), { email: 'paula@example.test', name: 'Paula Person', locale: 'da' });
    const sessions = [await new Client(app.app).signIn(person.email), await new Client(app.app).signIn(person.email)];
    const stranger = new Client(app.app);
    expect((await stranger.ok(REQUEST_RESET, { email: 'Paula@Example.test' })).requestPasswordReset).toBe(true);
    const token = await linkTokenFor('paula@example.test', 'reset-password');
    expect(smtp.to('paula@example.test')[0].subject).toBe(translator('da')('account.reset.mail.subject'));
    expect(smtp.to('paula@example.test')[0].header('List-Unsubscribe')).toBeUndefined();

    const reader = new Client(app.app);
    expect((await reader.ok(RESET, { token, password: NEW_PASSWORD })).resetPassword.email).toBe('paula@example.test');
    expect((await reader.ok(VIEWER)).viewer.email).toBe('paula@example.test');
    for (const old of sessions) expect(await old.code(`{ regions { id } }`)).toBe('UNAUTHENTICATED');
    expect(await app.orm.em.fork().count(Session, { user: person.id })).toBe(1);
    expect(await new Client(app.app).code(`mutation { signIn(email: "paula@example.test", password: "${f.PASSWORD}") { id } }`)).toBe('UNAUTHENTICATED');
    await new Client(app.app).signIn(person.email, NEW_PASSWORD);

    await writesNothing(app.orm.em, async () => {
      expect(await errorOf(new Client(app.app), RESET, { token, password: 'another fine long phrase' })).toMatchObject({ code: 'CONFLICT', message: en('errors.resetUsed') });
    });
  });

  it('answers true for an unknown address, after the same time, and sends nothing', async () => {
    const before = await app.orm.em.fork().count(OutboxMail, {});
    const resetsBefore = await app.orm.em.fork().count(PasswordReset, {});
    const started = Date.now();
    expect((await new Client(app.app).ok(REQUEST_RESET, { email: 'nobody-here@example.test' })).requestPasswordReset).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(RESET_REQUEST_MS - 5);
    expect(await app.orm.em.fork().count(OutboxMail, {})).toBe(before);
    expect(await app.orm.em.fork().count(PasswordReset, {})).toBe(resetsBefore);
    expect(await flushOutbox()).toBe(0);
    expect(smtp.mails).toEqual([]);
  });

  it('refuses an expired link', async () => {
    const person = await f.user(app.orm.em.fork(), { email: 'olaf@example.test' });
    await new Client(app.app).ok(REQUEST_RESET, { email: person.email });
    const token = await linkTokenFor(person.email, 'reset-password');
    await app.orm.em.fork().nativeUpdate(PasswordReset, { tokenHash: tokenHash(token) }, { expiresAt: new Date(Date.now() - 1000) });
    await writesNothing(app.orm.em, async () => {
      expect(await errorOf(new Client(app.app), RESET, { token, password: NEW_PASSWORD })).toMatchObject({ code: 'CONFLICT', message: en('errors.resetExpired') });
    });
    await new Client(app.app).signIn(person.email);
  });
});

describe('changing one’s password', () => {
  it('needs the current password (a wrong one writes nothing) and ends the other sessions only', async () => {
    const person = await f.user(app.orm.em.fork(), { email: 'carl@example.test' });
    const mine = await new Client(app.app).signIn(person.email);
    const other = await new Client(app.app).signIn(person.email);
    await writesNothing(app.orm.em, async () => {
      expect(await errorOf(mine, CHANGE, { current: 'not my password at all', next: NEW_PASSWORD })).toMatchObject({ code: 'BAD_USER_INPUT', fields: { currentPassword: en('validation.password.wrong') } });
      expect(await errorOf(mine, CHANGE, { current: f.PASSWORD, next: 'password1234' })).toMatchObject({ code: 'BAD_USER_INPUT', fields: { newPassword: en('validation.password.weak') } });
    });
    expect(await new Client(app.app).code(CHANGE, { current: f.PASSWORD, next: NEW_PASSWORD })).toBe('UNAUTHENTICATED');

    expect((await mine.ok(CHANGE, { current: f.PASSWORD, next: NEW_PASSWORD })).changePassword).toBe(true);
    expect((await mine.ok(VIEWER)).viewer.email).toBe('carl@example.test');
    expect(await other.code(`{ regions { id } }`)).toBe('UNAUTHENTICATED');
    expect(await new Client(app.app).code(`mutation { signIn(email: "carl@example.test", password: "${f.PASSWORD}") { id } }`)).toBe('UNAUTHENTICATED');
    await new Client(app.app).signIn(person.email, NEW_PASSWORD);
  });
});
