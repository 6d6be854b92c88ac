// The admin's side of an installation through the API, on SQLite and PostgreSQL: changing a
// person's roles and region (audited before/after), deactivating them (their sessions end at once,
// sign-in is refused) and reactivating; the last active admin stays; regions and categories (names
// in each reader's language); a person's own time zone and sessions; the audit log (filters, keyset
// pages, statement count independent of the page size); races between admins with distinct people.
import { translator } from '@council/shared/i18n';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent } from '../../server/src/modules/audit/audit.entity.js';
import { Invitation } from '../../server/src/modules/people/invitations.entity.js';
import { Category, Session, User, type Region } from '../../server/src/modules/people/people.entity.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { Client, People } from '../support/client.js';
import { writesNothing } from '../support/db.js';
import * as f from '../support/factories.js';
import { gid } from '../support/ids.js';
import { HttpPerson } from '../support/sse.js';

const en = translator('en');

const UPDATE = `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { id name roles active region { code } } }`;
const LOG = `query($first: Int, $after: String, $actorId: ID, $action: String) {
  auditLog(first: $first, after: $after, actorId: $actorId, action: $action) {
    edges { cursor node { action at actor { name } subjectType subject { id } changes { field before after } } }
    pageInfo { hasNextPage endCursor }
  } }`;
let base: string | null = null;
/** The app on a real port, for live updates over SSE. */
async function listening(): Promise<string> {
  if (!base) {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }
  return base;
}
const SIGN_IN = (email: string, password = f.PASSWORD) => `mutation { signIn(email: "${email}", password: "${password}") { id } }`;

let t: TestApp;
let people: People;
let nord: Region;
let sud: Region;
let admin: User;
let adminClient: Client;

beforeAll(async () => {
  t = await startTestApp({ sweepIntervalMs: 0, mailIntervalMs: 0, reminderIntervalMs: 0 });
  people = new People(t.app);
  const em = t.orm.em.fork();
  nord = await f.region(em, { code: 'NORD', name: 'Nord', timeZone: 'Europe/Copenhagen' });
  sud = await f.region(em, { code: 'SUD', name: 'Sud', timeZone: 'America/Mexico_City' });
  admin = await f.user(em, { roles: ['ADMIN'], name: 'Ada Admin' });
  adminClient = await people.as(admin);
});
afterAll(() => t?.close());

async function errorOf(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const result = await client.gql(query, variables);
  expect(result.errors?.length, JSON.stringify(result)).toBeGreaterThan(0);
  return { code: result.errors![0].extensions?.code, message: result.errors![0].message, fields: result.errors![0].extensions?.fields };
}

describe('people', () => {
  it('changes roles and region, audited with before and after', async () => {
    const person = await f.user(t.orm.em.fork(), { region: nord, name: 'Rolf Roles' });
    const { updatePerson } = await adminClient.ok(UPDATE, { input: { userId: gid('User', person.id), roles: ['COORDINATOR', 'FACILITATOR'], regionId: gid('Region', sud.id) } });
    expect(updatePerson).toMatchObject({ roles: ['COORDINATOR', 'FACILITATOR'], region: { code: 'SUD' }, active: true });
    const { auditLog } = await adminClient.ok(LOG, { first: 1, actorId: gid('User', admin.id), action: 'user.rolesChanged' });
    expect(auditLog.edges[0].node).toMatchObject({
      action: 'user.rolesChanged',
      actor: { name: 'Ada Admin' },
      subjectType: 'User',
      subject: { id: gid('User', person.id) },
      changes: [
        { field: 'roles', before: '["COORDINATOR"]', after: '["COORDINATOR","FACILITATOR"]' },
        { field: 'region', before: nord.id, after: sud.id },
      ],
    });
    // Nothing changed: nothing written, nothing audited.
    await writesNothing(t.orm.em, () => adminClient.ok(UPDATE, { input: { userId: gid('User', person.id), roles: ['COORDINATOR', 'FACILITATOR'] } }));
    // No region.
    expect((await adminClient.ok(UPDATE, { input: { userId: gid('User', person.id), regionId: null } })).updatePerson.region).toBeNull();
  });

  it('deactivating ends every session at once and refuses sign-in; reactivating lets them in again', async () => {
    const person = await f.user(t.orm.em.fork(), { region: nord, email: 'leaving@example.test' });
    const browsers = [await new Client(t.app).signIn(person.email), await new Client(t.app).signIn(person.email)];
    const { updatePerson } = await adminClient.ok(UPDATE, { input: { userId: gid('User', person.id), active: false } });
    expect(updatePerson.active).toBe(false);
    for (const browser of browsers) expect(await browser.code(`{ regions { id } }`)).toBe('UNAUTHENTICATED');
    expect(await t.orm.em.fork().count(Session, { user: person.id })).toBe(0);
    expect(await new Client(t.app).code(SIGN_IN(person.email))).toBe('UNAUTHENTICATED');
    // Still listed for admins, and only for them.
    const { people: everyone } = await adminClient.ok(`{ people(includeInactive: true) { email active } }`);
    expect(everyone).toContainEqual({ email: person.email, active: false });
    expect((await adminClient.ok(`{ people { email } }`)).people).not.toContainEqual({ email: person.email });
    const coordinator = await people.as(await f.user(t.orm.em.fork(), { region: nord }));
    expect(await coordinator.code(`{ people(includeInactive: true) { email } }`)).toBe('FORBIDDEN');

    await adminClient.ok(UPDATE, { input: { userId: gid('User', person.id), active: true } });
    const actions = (await adminClient.ok(LOG, { first: 5, action: 'user', actorId: gid('User', admin.id) })).auditLog.edges.map((e: { node: { action: string } }) => e.node.action);
    expect(actions.slice(0, 2)).toEqual(['user.reactivated', 'user.deactivated']);
    await new Client(t.app).signIn(person.email);
  });

  it('ends a deactivated person’s live updates at once', async () => {
    const person = await f.user(t.orm.em.fork(), { region: nord });
    const base = await listening();
    const live = await (await new HttpPerson(base).signIn(person.email, f.PASSWORD)).subscribe(`subscription { unreadNotificationCount }`);
    try {
      expect((await live.next()).result.data).toEqual({ unreadNotificationCount: 0 });
      await adminClient.ok(UPDATE, { input: { userId: gid('User', person.id), active: false } });
      const { result } = await live.next();
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      await live.ended;
    } finally {
      live.close();
    }
  });

  it('keeps one active admin: the last one cannot be demoted or deactivated', async () => {
    const em = t.orm.em.fork();
    // The only other admins of this file are demoted first, so `admin` is the last.
    const others = await em.find(User, { id: { $ne: admin.id } });
    for (const other of others.filter((u) => u.roles.includes('ADMIN'))) await adminClient.ok(UPDATE, { input: { userId: gid('User', other.id), roles: ['COORDINATOR'] } });
    await writesNothing(t.orm.em, async () => {
      expect(await errorOf(adminClient, UPDATE, { input: { userId: gid('User', admin.id), roles: ['COORDINATOR'] } })).toMatchObject({ code: 'CONFLICT', message: en('errors.lastAdmin') });
      expect(await errorOf(adminClient, UPDATE, { input: { userId: gid('User', admin.id), active: false } })).toMatchObject({ code: 'CONFLICT', message: en('errors.lastAdmin') });
    });
  });

  it('of two admins demoting each other at once, one is refused: an admin always remains', async () => {
    const em = t.orm.em.fork();
    const a = await f.user(em, { roles: ['ADMIN'], name: 'Alba Admin' });
    const b = await f.user(em, { roles: ['ADMIN'], name: 'Bruno Admin' });
    // Demote the file's admin so that a and b are the only two.
    await (await people.as(a)).ok(UPDATE, { input: { userId: gid('User', admin.id), roles: ['ADMIN', 'COORDINATOR'] } });
    const [ca, cb] = [await people.as(a), await people.as(b)];
    await ca.ok(UPDATE, { input: { userId: gid('User', admin.id), active: false } });
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all([
        ca.gql(UPDATE, { input: { userId: gid('User', b.id), roles: ['COORDINATOR'] } }),
        cb.gql(UPDATE, { input: { userId: gid('User', a.id), roles: ['COORDINATOR'] } }),
      ]);
      const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK');
      expect(codes.filter((c) => c === 'OK').length, JSON.stringify(codes)).toBe(1);
      expect(codes.filter((c) => c === 'CONFLICT').length).toBe(1);
      const admins = (await t.orm.em.fork().find(User, { active: true })).filter((u) => u.roles.includes('ADMIN'));
      expect(admins.map((u) => u.id)).toHaveLength(1);
      // Both admins again for the next round.
      const survivor = admins[0].id === a.id ? ca : cb;
      const demoted = admins[0].id === a.id ? b : a;
      await survivor.ok(UPDATE, { input: { userId: gid('User', demoted.id), roles: ['ADMIN'] } });
    }
    await ca.ok(UPDATE, { input: { userId: gid('User', admin.id), active: true } });
    // Deactivation ended the file's admin's session: sign in again.
    adminClient = await new Client(t.app).signIn(admin.email);
  });

  it('is for admins only, and refuses bad input writing nothing', async () => {
    const coordinator = await people.as(await f.user(t.orm.em.fork(), { region: nord }));
    const target = await f.user(t.orm.em.fork(), { region: nord });
    await writesNothing(t.orm.em, async () => {
      expect(await errorOf(coordinator, UPDATE, { input: { userId: gid('User', target.id), roles: ['ADMIN'] } })).toMatchObject({ code: 'FORBIDDEN' });
      expect(await errorOf(adminClient, UPDATE, { input: { userId: gid('User', target.id), roles: [] } })).toMatchObject({ code: 'BAD_USER_INPUT', fields: { roles: en('validation.role.required') } });
      expect(await errorOf(adminClient, UPDATE, { input: { userId: gid('User', target.id), name: ' ' } })).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(await errorOf(adminClient, UPDATE, { input: { userId: gid('User', target.id), regionId: gid('Region', '00000000-0000-4000-8000-000000000000') } })).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { regionId: en('validation.region.unknown') },
      });
      expect((await errorOf(adminClient, UPDATE, { input: { userId: gid('User', '00000000-0000-4000-8000-000000000000'), name: 'Nobody' } })).code).toBe('NOT_FOUND');
      expect((await errorOf(coordinator, LOG)).code).toBe('FORBIDDEN');
      expect((await errorOf(adminClient, LOG, { after: 'bm90IGEgY3Vyc29y' })).code).toBe('BAD_USER_INPUT');
      expect((await errorOf(adminClient, LOG, { action: "user'; drop" })).code).toBe('BAD_USER_INPUT');
    });
    // Every action the log offers can be filtered by, snake_case ones too.
    const { auditActions } = await adminClient.ok(`{ auditActions }`);
    for (const action of [...auditActions, 'proposal.changes_requested']) expect((await adminClient.gql(LOG, { first: 1, action })).errors, action).toBeUndefined();
  });
});

describe('regions and categories', () => {
  it('creates and renames regions with their time zone; refuses a taken code and an unknown zone', async () => {
    const { createRegion } = await adminClient.ok(`mutation { createRegion(input: { code: "iber", name: "Iberia", timeZone: "Europe/Madrid" }) { id code name timeZone } }`);
    expect(createRegion).toMatchObject({ code: 'IBER', name: 'Iberia', timeZone: 'Europe/Madrid' });
    const UPDATE_REGION = `mutation($id: ID!, $input: RegionInput!) { updateRegion(regionId: $id, input: $input) { code name timeZone } }`;
    expect((await adminClient.ok(UPDATE_REGION, { id: createRegion.id, input: { code: 'IBER', name: 'Iberia & Canarias', timeZone: 'Atlantic/Canary' } })).updateRegion).toEqual({
      code: 'IBER',
      name: 'Iberia & Canarias',
      timeZone: 'Atlantic/Canary',
    });
    const coordinator = await people.as(await f.user(t.orm.em.fork(), { region: nord }));
    await writesNothing(t.orm.em, async () => {
      expect(await errorOf(adminClient, UPDATE_REGION, { id: createRegion.id, input: { code: 'NORD', name: 'x y', timeZone: 'UTC' } })).toMatchObject({ fields: { code: en('validation.regionCode.taken') } });
      expect(await errorOf(adminClient, UPDATE_REGION, { id: createRegion.id, input: { code: 'IBER', name: 'Iberia', timeZone: 'Mars/Olympus' } })).toMatchObject({ fields: { timeZone: en('validation.timeZone.invalid') } });
      expect((await errorOf(coordinator, `mutation { createRegion(input: { code: "XX", name: "Xx", timeZone: "UTC" }) { id } }`)).code).toBe('FORBIDDEN');
    });
    const [event] = (await adminClient.ok(LOG, { first: 1, action: 'region.updated' })).auditLog.edges;
    expect(event.node.changes).toContainEqual({ field: 'timeZone', before: 'Europe/Madrid', after: 'Atlantic/Canary' });
  });

  it("shows a category in each reader's language, English where it has none", async () => {
    const CREATE = `mutation($input: CategoryInput!) { createCategory(input: $input) { id name translations { en de da es vi } } }`;
    const { createCategory } = await adminClient.ok(CREATE, { input: { name: 'Returns', translations: { de: 'Rückgaben', da: 'Returneringer', es: 'Devoluciones', vi: '' } } });
    expect(createCategory.translations).toEqual({ en: 'Returns', de: 'Rückgaben', da: 'Returneringer', es: 'Devoluciones', vi: null });
    const readers = { de: 'Rückgaben', da: 'Returneringer', es: 'Devoluciones', vi: 'Returns', en: 'Returns' } as const;
    for (const [locale, name] of Object.entries(readers)) {
      const reader = await people.as(await f.user(t.orm.em.fork(), { region: nord, locale: locale as keyof typeof readers }));
      const { categories } = await reader.ok(`{ categories { id name } }`);
      expect(categories.find((c: { id: string }) => c.id === createCategory.id).name, locale).toBe(name);
    }
    const UPDATE_CATEGORY = `mutation($id: ID!, $input: CategoryInput!) { updateCategory(categoryId: $id, input: $input) { name translations { de vi } } }`;
    const { updateCategory } = await adminClient.ok(UPDATE_CATEGORY, { id: createCategory.id, input: { name: 'Returns and refunds', translations: { de: 'Rückgaben und Erstattungen', vi: 'Trả hàng và hoàn tiền' } } });
    expect(updateCategory).toEqual({ name: 'Returns and refunds', translations: { de: 'Rückgaben und Erstattungen', vi: 'Trả hàng và hoàn tiền' } });
    expect((await t.orm.em.fork().findOneOrFail(Category, { name: 'Returns and refunds' })).translations).toEqual({ de: 'Rückgaben und Erstattungen', vi: 'Trả hàng và hoàn tiền' });
    await f.category(t.orm.em.fork(), 'Shipping');
    await writesNothing(t.orm.em, async () => {
      expect(await errorOf(adminClient, UPDATE_CATEGORY, { id: createCategory.id, input: { name: 'Shipping' } })).toMatchObject({ fields: { name: en('validation.categoryName.taken') } });
    });
    const [event] = (await adminClient.ok(LOG, { first: 1, action: 'category.updated' })).auditLog.edges;
    expect(event.node.changes.map((c: { field: string }) => c.field)).toEqual(['name', 'translations']);
  });
});

describe('a person’s own account', () => {
  it('has their region’s time zone until they choose one, and can follow the region again', async () => {
    const person = await f.user(t.orm.em.fork(), { region: nord });
    const client = await people.as(person);
    const ME = `{ viewer { timeZone chosenTimeZone } }`;
    expect((await client.ok(ME)).viewer).toEqual({ timeZone: 'Europe/Copenhagen', chosenTimeZone: null });
    const PROFILE = `mutation($name: String, $tz: String) { updateProfile(name: $name, timeZone: $tz) { name timeZone } }`;
    expect((await client.ok(PROFILE, { name: 'Nora New-Name', tz: 'Asia/Ho_Chi_Minh' })).updateProfile).toEqual({ name: 'Nora New-Name', timeZone: 'Asia/Ho_Chi_Minh' });
    await writesNothing(t.orm.em, async () => {
      expect(await errorOf(client, PROFILE, { tz: 'Asia/Saigon City' })).toMatchObject({ code: 'BAD_USER_INPUT', fields: { timeZone: en('validation.timeZone.invalid') } });
    });
    expect((await client.ok(PROFILE, { tz: '' })).updateProfile).toEqual({ name: 'Nora New-Name', timeZone: 'Europe/Copenhagen' });
    // Another person's chosen zone and sessions are theirs alone.
    expect(await adminClient.code(`query($id: ID!) { node(id: $id) { ... on User { sessions { id } } } }`, { id: gid('User', person.id) })).toBe('FORBIDDEN');
  });

  it('lists their sessions and signs out everywhere else', async () => {
    const person = await f.user(t.orm.em.fork(), { region: nord, email: 'many-browsers@example.test' });
    const here = await new Client(t.app).signIn(person.email);
    const elsewhere = [await new Client(t.app).signIn(person.email), await new Client(t.app).signIn(person.email)];
    const { viewer } = await here.ok(`{ viewer { sessions { current createdAt } } }`);
    expect(viewer.sessions).toHaveLength(3);
    expect(viewer.sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect((await here.ok(`mutation { signOutElsewhere }`)).signOutElsewhere).toBe(2);
    for (const browser of elsewhere) expect(await browser.code(`{ regions { id } }`)).toBe('UNAUTHENTICATED');
    expect((await here.ok(`{ viewer { sessions { current } } }`)).viewer.sessions).toEqual([{ current: true }]);
  });
});

describe('the audit log', () => {
  it('pages newest first with keyset cursors that new events do not shift', async () => {
    const first = await adminClient.ok(LOG, { first: 3 });
    expect(first.auditLog.edges).toHaveLength(3);
    expect(first.auditLog.pageInfo.hasNextPage).toBe(true);
    // An event written meanwhile appears on top, not inside the next page.
    await adminClient.ok(`mutation { createRegion(input: { code: "PAGE", name: "Paging", timeZone: "UTC" }) { id } }`);
    const second = await adminClient.ok(LOG, { first: 3, after: first.auditLog.pageInfo.endCursor });
    const together = [...first.auditLog.edges, ...second.auditLog.edges].map((e: { cursor: string }) => e.cursor);
    expect(new Set(together).size).toBe(6);
    const all = (await adminClient.ok(LOG, { first: 7 })).auditLog.edges.map((e: { cursor: string }) => e.cursor);
    expect(all.slice(1)).toEqual(together);
  });

  it('costs the same number of statements for 5 and 50 events (no N+1)', async () => {
    const em = t.orm.em.fork();
    for (let i = 0; i < 50; i++) await adminClient.ok(UPDATE, { input: { userId: gid('User', (await f.user(em, { region: nord })).id), regionId: gid('Region', sud.id) } });
    const statementsFor = async (first: number) => {
      const before = t.statements.count;
      // Events of one kind: the pages differ in size only (each kind of subject is one statement).
      const { auditLog } = await adminClient.ok(LOG, { first, action: 'user.updated' });
      expect(auditLog.edges).toHaveLength(first);
      return t.statements.count - before;
    };
    expect(await statementsFor(50)).toBe(await statementsFor(5));
  });
});

describe('invitations', () => {
  it('without mail, hands the admin the link once; one pending invitation per address even when two admins invite at once', async () => {
    expect((await adminClient.ok(`{ mailEnabled }`)).mailEnabled).toBe(false);
    const INVITE = `mutation($email: String!) { invitePerson(input: { email: $email, name: "Ivo Invited", roles: [COORDINATOR], regionId: "${gid('Region', nord.id)}" }) { id link } }`;
    const { invitePerson } = await adminClient.ok(INVITE, { email: 'ivo@example.test' });
    expect(invitePerson.link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    const { invitations } = await adminClient.ok(`{ invitations { id link } }`);
    expect(invitations.find((i: { id: string }) => i.id === invitePerson.id).link).toBeNull();
    const accepted = await new Client(t.app).ok(`mutation($token: String!) { acceptInvitation(token: $token, password: "lantern orbit meadow quietly") { email } }`, {
      token: invitePerson.link.split('/').at(-1),
    });
    expect(accepted.acceptInvitation.email).toBe('ivo@example.test');

    const second = await f.user(t.orm.em.fork(), { roles: ['ADMIN'] });
    const admins = [adminClient, await people.as(second)];
    for (let round = 0; round < 3; round++) {
      const email = `both-invite-${round}@example.test`;
      const results = await Promise.all(admins.map((c) => c.gql(INVITE, { email })));
      expect(results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK')).toEqual(['OK', 'OK']);
      expect(await t.orm.em.fork().count(Invitation, { email, acceptedAt: null, revokedAt: null })).toBe(1);
      // One created it, the other sent it again.
      const pending = await t.orm.em.fork().findOneOrFail(Invitation, { email });
      const actions = (await t.orm.em.fork().find(AuditEvent, { subjectId: pending.id })).map((e) => e.action).sort();
      expect(actions).toEqual(['invitation.created', 'invitation.renewed']);
    }
  });
});
