// Everyone up to date (#13 part 4), over HTTP on SQLite and PostgreSQL: each new policy version
// asks the coordinators of every region (and nobody else) to confirm having read it; only the
// version in force can be confirmed, once per person however often or concurrently they press;
// a new version asks again; the register shows per region who has and who has not; reminders go
// at 3 and 7 days to those who have not, once each; the facilitator's home shows the regions
// behind; and the lists cost a fixed number of statements however many policies there are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { People, type GqlResult } from '../support/client.js';
import { writesNothing } from '../support/db.js';
import * as f from '../support/factories.js';
import { gid } from '../support/ids.js';
import type { Em } from '../../server/src/db/orm.js';
import { AuditEvent } from '../../server/src/modules/audit/audit.entity.js';
import { Notification } from '../../server/src/modules/notifications/notifications.entity.js';
import { sendReminders } from '../../server/src/modules/notifications/reminders.js';
import type { Region, User } from '../../server/src/modules/people/people.entity.js';
import { Policy, PolicyAcknowledgement } from '../../server/src/modules/policies/policies.entity.js';
import { adoptIntoRegister } from '../../server/src/modules/policies/policies.service.js';
import { Proposal } from '../../server/src/modules/proposals/proposals.entity.js';

const DAY = 86_400_000;
let t: TestApp;
let people: People;
let regions: Region[];
let coords: User[]; // coords[i] in regions[i % 3]
let fac: User; // facilitator only: not asked
let facCoord: User; // facilitator and coordinator of regions[0]: asked
let exec: User;
let noRegion: User; // a coordinator without a region: not asked
let german: User; // a coordinator of regions[1] who reads German

beforeAll(async () => {
  t = await startTestApp({ sweepIntervalMs: 0, reminderIntervalMs: 0 });
  people = new People(t.app);
  const em = t.orm.em.fork();
  regions = [];
  for (let i = 0; i < 3; i++) regions.push(await f.region(em, { name: `Ack region ${i}` }));
  coords = [];
  for (let i = 0; i < 9; i++) coords.push(await f.user(em, { region: regions[i % 3], name: `Ack person ${String(i).padStart(2, '0')}` }));
  fac = await f.user(em, { region: null, roles: ['FACILITATOR'] });
  facCoord = await f.user(em, { region: regions[0], roles: ['FACILITATOR', 'COORDINATOR'], name: 'Ack facilitator' });
  exec = await f.user(em, { region: null, roles: ['EXECUTIVE'] });
  noRegion = await f.user(em, { region: null });
  german = await f.user(em, { region: regions[1], locale: 'de', name: 'Ack zz German' });
  await Promise.all([...coords, fac, facCoord, exec, noRegion, german].map((u) => people.as(u)));
});
afterAll(() => t?.close());

const em = (): Em => t.orm.em.fork();
const as = (u: User) => people.as(u);
const asked = () => [...coords, facCoord, german];

/** A new version of `policyId` (or a new policy) adopted at `at`, as an implemented proposal adopts it. */
async function newVersion(policyId: string | null = null, at = new Date()): Promise<{ id: string; global: string; version: number }> {
  const proposal = await f.proposalInVoting(em(), coords[0], facCoord);
  const version = await em().transactional(async (tx) => {
    const p = await tx.findOneOrFail(Proposal, proposal.id);
    if (policyId) p.policy = tx.getReference(Policy, policyId);
    return adoptIntoRegister(tx, null, p, at);
  });
  return { id: version.policy.id, global: gid('Policy', version.policy.id), version: version.version };
}

const ACK = `mutation($id: ID!, $v: Int!) { acknowledgePolicy(policyId: $id, version: $v) { id currentVersion viewerHasAcknowledged viewerMustAcknowledge acknowledgements { version user { id } } } }`;
const READ = `query($id: ID!) { node(id: $id) { ... on Policy { currentVersion viewerHasAcknowledged viewerCanAcknowledge viewerMustAcknowledge
  acknowledgements { version at user { id } }
  acknowledgementsByRegion { region { id name } acknowledged total acknowledgedBy { id } missing { id name } } } } }`;
const HOME = `{ home { policiesToConfirm { id currentVersion current { text previousText } } regionsBehind { region { id name } missing people policies } } }`;
const codes = (results: GqlResult[]) => results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK');

const notificationsOf = (policyId: string, messageKey: string) => em().find(Notification, { subjectType: 'Policy', subjectId: policyId, kind: 'POLICY_TO_CONFIRM', messageKey });
const toConfirm = async (u: User) => ((await (await as(u)).ok(HOME)).home.policiesToConfirm ?? null) as { id: string }[] | null;

describe('a new version asks every coordinator to confirm', () => {
  it('notifies the coordinators of every region, nobody else, and shows the policy on their home with what changed', async () => {
    const p = await newVersion();
    const told = (await notificationsOf(p.id, 'followUp.upToDate.message.asked')).map((n) => n.user.id).sort();
    expect(told).toEqual(asked().map((u) => u.id).sort());

    const home = await toConfirm(coords[1]);
    expect(home!.find((x) => x.id === p.global)).toMatchObject({ currentVersion: 1, current: { text: 'Refunds are paid within five working days.', previousText: 'Refunds are paid in the weekly batch.' } });
    expect(await toConfirm(exec)).toBeNull();
    expect(await toConfirm(fac)).toBeNull();
    expect(await toConfirm(noRegion)).toBeNull();

    const read = (await (await as(exec)).ok(READ, { id: p.global })).node;
    expect(read).toMatchObject({ viewerCanAcknowledge: false, viewerMustAcknowledge: false, viewerHasAcknowledged: false, acknowledgements: [] });
    expect((await (await as(coords[1])).ok(READ, { id: p.global })).node).toMatchObject({ viewerCanAcknowledge: true, viewerMustAcknowledge: true });

    // In the reader's language, about the policy.
    const notes = (await (await as(german)).ok(`{ notifications(first: 10) { kind message subject { __typename ... on Policy { id } } } }`)).notifications as any[];
    const note = notes.find((n) => n.kind === 'POLICY_TO_CONFIRM');
    expect(note).toMatchObject({ kind: 'POLICY_TO_CONFIRM', subject: { __typename: 'Policy', id: p.global } });
    expect(note.message).toMatch(/^Fassung 1 von „Refunds within five working days \d+“ gilt/);
  });

  it('takes a confirmation of the version in force once, refuses others without writing, and asks again for the next version', async () => {
    const p = await newVersion();
    const c = await as(coords[2]);
    const first = (await c.ok(ACK, { id: p.global, v: 1 })).acknowledgePolicy;
    expect(first).toMatchObject({ viewerHasAcknowledged: true, viewerMustAcknowledge: false, acknowledgements: [{ version: 1, user: { id: gid('User', coords[2].id) } }] });
    // Again: the same confirmation, nothing new written or audited.
    await writesNothing(em(), async () => expect((await c.ok(ACK, { id: p.global, v: 1 })).acknowledgePolicy.acknowledgements).toHaveLength(1));
    expect(await em().count(AuditEvent, { action: 'policy.acknowledged', subjectId: p.id })).toBe(1);
    expect((await toConfirm(coords[2]))!.map((x) => x.id)).not.toContain(p.global);

    await writesNothing(em(), async () => {
      expect(await (await as(exec)).code(ACK, { id: p.global, v: 1 })).toBe('FORBIDDEN');
      expect(await (await as(noRegion)).code(ACK, { id: p.global, v: 1 })).toBe('FORBIDDEN');
      expect(await c.code(ACK, { id: p.global, v: 2 })).toBe('CONFLICT');
      expect(await c.code(ACK, { id: gid('Policy', '00000000-0000-4000-8000-000000000000'), v: 1 })).toBe('NOT_FOUND');
    });

    // Version 2: asked again, version 1 no longer confirmable, the old confirmation kept but not counted.
    await newVersion(p.id);
    const read = (await c.ok(READ, { id: p.global })).node;
    expect(read).toMatchObject({ currentVersion: 2, viewerHasAcknowledged: false, viewerMustAcknowledge: true, acknowledgements: [] });
    expect((await toConfirm(coords[2]))!.map((x) => x.id)).toContain(p.global);
    const refused = await c.gql(ACK, { id: p.global, v: 1 });
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(refused.errors?.[0].message).toMatch(/version in force/);
    expect((await c.ok(ACK, { id: p.global, v: 2 })).acknowledgePolicy).toMatchObject({ currentVersion: 2, viewerHasAcknowledged: true });
    expect(await em().count(PolicyAcknowledgement, { policy: p.id, user: coords[2].id })).toBe(2);
    expect((await notificationsOf(p.id, 'followUp.upToDate.message.asked')).filter((n) => n.user.id === coords[2].id)).toHaveLength(2);
  });

  it('shows per region who has confirmed and who has not', async () => {
    const p = await newVersion();
    for (const u of [coords[0], coords[3], coords[1]]) await (await as(u)).ok(ACK, { id: p.global, v: 1 });
    const byRegion = (await (await as(exec)).ok(READ, { id: p.global })).node.acknowledgementsByRegion as any[];
    const row = (i: number) => byRegion.find((r) => r.region.id === gid('Region', regions[i].id));
    // Region 0: coords 0, 3, 6 and the facilitator-coordinator; 0 and 3 confirmed.
    expect(row(0)).toMatchObject({ acknowledged: 2, total: 4 });
    expect(row(0).acknowledgedBy.map((u: any) => u.id).sort()).toEqual([coords[0], coords[3]].map((u) => gid('User', u.id)).sort());
    expect(row(0).missing.map((u: any) => u.name)).toEqual(['Ack facilitator', 'Ack person 06']);
    expect(row(1)).toMatchObject({ acknowledged: 1, total: 4 });
    expect(row(2)).toMatchObject({ acknowledged: 0, total: 3 });
    expect(row(2).missing).toHaveLength(3);
  });
});

describe('reminders and regions behind', () => {
  it('reminds those who have not confirmed at 3 and at 7 days, once each', async () => {
    const adopted = new Date(Date.now() - 10 * DAY);
    const p = await newVersion(null, adopted);
    await (await as(coords[4])).ok(ACK, { id: p.global, v: 1 });
    const reminders = async () => (await notificationsOf(p.id, 'followUp.upToDate.message.reminder')).map((n) => ({ user: n.user.id, days: n.params.days }));
    const at = (days: number) => new Date(adopted.getTime() + days * DAY);

    await sendReminders(em(), at(2.9));
    expect(await reminders()).toEqual([]);
    await sendReminders(em(), at(3.1));
    const third = await reminders();
    expect(third.map((r) => r.user).sort()).toEqual(asked().filter((u) => u !== coords[4]).map((u) => u.id).sort());
    expect(new Set(third.map((r) => r.days))).toEqual(new Set([3]));
    await Promise.all([sendReminders(em(), at(3.2)), sendReminders(em(), at(5))]);
    expect(await reminders()).toHaveLength(third.length);

    // Someone confirms in between: the 7th-day reminder leaves them out.
    await (await as(coords[5])).ok(ACK, { id: p.global, v: 1 });
    await Promise.all([sendReminders(em(), at(7.1)), sendReminders(em(), at(7.1))]);
    const all = await reminders();
    const seventh = all.filter((r) => r.days === 7);
    expect(seventh.map((r) => r.user).sort()).toEqual(asked().filter((u) => u !== coords[4] && u !== coords[5]).map((u) => u.id).sort());
    await sendReminders(em(), at(9));
    expect(await reminders()).toHaveLength(all.length);
  });

  it('sends only the 7th-day reminder when the 3rd day was missed, and none for a replaced version', async () => {
    const adopted = new Date(Date.now() - 20 * DAY);
    const p = await newVersion(null, adopted);
    await sendReminders(em(), new Date(adopted.getTime() + 8 * DAY));
    const sent = await notificationsOf(p.id, 'followUp.upToDate.message.reminder');
    expect(sent).toHaveLength(asked().length);
    expect(new Set(sent.map((n) => n.params.days))).toEqual(new Set([7]));

    const q = await newVersion(null, adopted);
    await newVersion(q.id, new Date(adopted.getTime() + DAY)); // version 2 replaces version 1 a day later
    await sendReminders(em(), new Date(adopted.getTime() + 3.5 * DAY));
    const forQ = await notificationsOf(q.id, 'followUp.upToDate.message.reminder');
    // Version 2 is 2.5 days old: nothing yet; version 1 is replaced: nothing ever.
    expect(forQ).toEqual([]);
  });

  it("shows the facilitator's home the regions behind on versions older than 3 days", async () => {
    const p = await newVersion(null, new Date(Date.now() - 4 * DAY));
    const behind = async () => (await (await as(fac)).ok(HOME)).home.regionsBehind as any[];
    const row = async (i: number) => (await behind()).find((r) => r.region.id === gid('Region', regions[i].id));
    expect(await (await as(coords[0])).ok(HOME)).toMatchObject({ home: { regionsBehind: null } });
    const before = await row(1);
    expect(before.missing).toBeGreaterThanOrEqual(4);
    // Three of region 1's four coordinators confirm this policy: three confirmations fewer missing there.
    for (const i of [1, 4, 7]) await (await as(coords[i])).ok(ACK, { id: p.global, v: 1 });
    const after = await row(1);
    expect((after?.missing ?? 0)).toBe(before.missing - 3);
    // A version adopted today does not make anyone behind yet.
    const fresh = await newVersion();
    expect((await row(1))?.missing ?? 0).toBe(after?.missing ?? 0);
    expect(fresh.version).toBe(1);
  });
});

describe('concurrency and cost', () => {
  it('records one confirmation when the same person presses at once, and every one when many confirm at once', async () => {
    const p = await newVersion();
    const c = await as(coords[6]);
    const same = await Promise.all(Array.from({ length: 6 }, () => c.gql(ACK, { id: p.global, v: 1 })));
    expect(codes(same)).toEqual(Array(6).fill('OK'));
    expect(await em().count(PolicyAcknowledgement, { policy: p.id, user: coords[6].id })).toBe(1);
    expect(await em().count(AuditEvent, { action: 'policy.acknowledged', subjectId: p.id })).toBe(1);

    const many = await Promise.all(asked().map(async (u) => (await as(u)).gql(ACK, { id: p.global, v: 1 })));
    expect(codes(many)).toEqual(Array(many.length).fill('OK'));
    expect(await em().count(PolicyAcknowledgement, { policy: p.id, version: 1 })).toBe(asked().length);
    expect(await em().count(AuditEvent, { action: 'policy.acknowledged', subjectId: p.id })).toBe(asked().length);
    const read = (await (await as(exec)).ok(READ, { id: p.global })).node;
    expect(read.acknowledgements).toHaveLength(asked().length);
    expect(read.acknowledgementsByRegion.every((r: any) => r.missing.length === 0)).toBe(true);
  });

  it('reads the register and the homes in the same number of statements however many policies there are', async () => {
    const REGISTER = `{ policies { id currentVersion viewerHasAcknowledged viewerMustAcknowledge viewerCanAcknowledge
      acknowledgements { at user { name region { name } } }
      acknowledgementsByRegion { region { name } acknowledged total acknowledgedBy { name } missing { name } } } }`;
    const count = async (u: User, query: string) => {
      const c = await as(u);
      const before = t.statements.count;
      const data = await c.ok(query);
      return { data, statements: t.statements.count - before };
    };
    const fill = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const p = await newVersion(null, new Date(Date.now() - 5 * DAY));
        for (const u of coords.slice(0, 1 + (i % 4))) await (await as(u)).ok(ACK, { id: p.global, v: 1 });
      }
    };
    await fill(1);
    const small = [await count(coords[8], REGISTER), await count(coords[8], HOME), await count(fac, HOME)];
    await fill(5);
    const large = [await count(coords[8], REGISTER), await count(coords[8], HOME), await count(fac, HOME)];
    expect(large[0].data.policies.length).toBeGreaterThan(small[0].data.policies.length);
    expect(large[1].data.home.policiesToConfirm.length).toBeGreaterThan(small[1].data.home.policiesToConfirm.length);
    for (let i = 0; i < small.length; i++) expect(large[i].statements, `query ${i}`).toBe(small[i].statements);
  });
});
