// Notifications for every event, and mail: who hears of what (never the actor), immediate mail in
// the person's language with PUBLIC_URL links, preferences (OFF sends nothing), daily digests,
// reminders once, the outbox across a crash, one-click unsubscribe. Mail goes to a real SMTP server.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NotificationKind } from '@council/shared';
import type { Em } from '../../server/src/db/orm.js';
import { addComment, supportIssue } from '../../server/src/modules/issues/issues.service.js';
import { createActionItem, scheduleMeeting, updateActionItem } from '../../server/src/modules/meetings/meetings.service.js';
import { generateMeetingAgenda, publishAgenda } from '../../server/src/modules/meetings/agenda.service.js';
import { localClock, sendDigests } from '../../server/src/modules/notifications/digest.js';
import { mailSettingsOf } from '../../server/src/modules/notifications/mail.settings.js';
import { Notification, OutboxMail } from '../../server/src/modules/notifications/notifications.entity.js';
import { createMailTransport, sendOutbox } from '../../server/src/modules/notifications/outbox.js';
import { sendReminders } from '../../server/src/modules/notifications/reminders.js';
import { User, type Region } from '../../server/src/modules/people/people.entity.js';
import { castVote, closeVoting, decide, draftProposal, openVoting, submitToManagement } from '../../server/src/modules/proposals/proposals.service.js';
import { Rollout } from '../../server/src/modules/proposals/proposals.entity.js';
import { postgresDatabase, startTestApp, type TestApp } from '../support/app.js';
import { Client } from '../support/client.js';
import * as f from '../support/factories.js';
import { ON_POSTGRES } from '../support/services.js';
import { startSmtp, type Mailbox } from '../support/smtp.js';

const PUBLIC_URL = 'https://council.example.test';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let smtp: Mailbox;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => smtp.close());
beforeEach(() => {
  smtp.mails.length = 0;
});

/** An app that writes mail to the outbox but sends only when the test says so. */
const mailApp = (env: Record<string, string> = {}) =>
  startTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL, MAIL_FROM: 'Council <council@example.test>', ...env }, sweepIntervalMs: 0, mailIntervalMs: 0, reminderIntervalMs: 0 });

async function flushOutbox(app: TestApp, now = new Date()): Promise<number> {
  const settings = mailSettingsOf(app.orm.em)!;
  const transport = await createMailTransport(settings);
  try {
    return await sendOutbox(app.orm.em.fork(), transport, settings, now);
  } finally {
    transport.close();
  }
}

const seen = new Set<string>();
/** Who got a notification of each kind since the last look, by email, sorted (`since` only documents the step). */
async function recipients(em: Em, _since?: Date): Promise<Partial<Record<NotificationKind, string[]>>> {
  const rows = await em.fork().find(Notification, {}, { populate: ['user'] });
  const out: Partial<Record<NotificationKind, string[]>> = {};
  for (const row of rows) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    (out[row.kind] ??= []).push(row.user.email);
  }
  for (const list of Object.values(out)) list.sort();
  return out;
}

interface Cast {
  a: Region;
  b: Region;
  raiser: User;
  neighbour: User;
  far: User;
  quiet: User;
  facilitator: User;
  executive: User;
}

async function cast(em: Em): Promise<Cast> {
  const a = await f.region(em, { timeZone: 'Europe/Berlin' });
  const b = await f.region(em, { timeZone: 'America/Mexico_City' });
  return {
    a,
    b,
    raiser: await f.user(em, { region: a, name: 'Alma Raiser', email: 'raiser@example.test' }),
    neighbour: await f.user(em, { region: a, name: 'Nils Neighbour', email: 'neighbour@example.test', locale: 'de' }),
    far: await f.user(em, { region: b, name: 'Fer Far', email: 'far@example.test', locale: 'es' }),
    quiet: await f.user(em, { region: b, name: 'Quinn Quiet', email: 'quiet@example.test' }),
    facilitator: await f.user(em, { roles: ['FACILITATOR'], name: 'Fay Facilitator', email: 'facilitator@example.test' }),
    executive: await f.user(em, { roles: ['EXECUTIVE'], name: 'Eve Executive', email: 'executive@example.test' }),
  };
}

const draft = (em: Em, author: User, issueId: string, requiresApproval = true) =>
  draftProposal(em, author, {
    issueId,
    title: 'Refunds within five working days',
    currentPolicy: 'Refunds are paid in the weekly batch.',
    proposedPolicy: 'Refunds are paid within five working days.',
    rationale: 'Customers wait up to twelve days.',
    requiresApproval,
  });

describe('who hears of what', () => {
  let app: TestApp;
  let em: Em;
  let p: Cast;
  beforeAll(async () => {
    app = await mailApp();
    em = app.orm.em.fork();
    p = await cast(em);
  });
  afterAll(async () => app.close());

  it('tells each kind to exactly the people the contract names, never the actor', async () => {
    const t0 = new Date();
    const issue = await f.issue(em, p.raiser);
    await supportIssue(em, p.far, issue.id);
    expect(await recipients(em)).toEqual({});

    let since = new Date();
    await addComment(em, p.neighbour, { type: 'Issue', id: issue.id }, 'Same here.');
    expect(await recipients(em, since)).toEqual({ REPLY: ['raiser@example.test'] });

    since = new Date();
    await addComment(em, p.far, { type: 'Issue', id: issue.id }, 'Thanks @alma raiser, and @Nils Neighbour: see mail@far.example too.');
    // Mentioned people hear of the mention (not also of a reply); the rest of the conversation of a reply.
    expect(await recipients(em, since)).toEqual({ MENTIONED: ['neighbour@example.test', 'raiser@example.test'] });

    since = new Date();
    const proposal = await draft(em, p.neighbour, issue.id);
    expect(await recipients(em, since)).toEqual({ PROPOSAL_ON_MY_ISSUE: ['far@example.test', 'raiser@example.test'] });

    since = new Date();
    const closesAt = new Date(Date.now() + 12 * HOUR);
    await openVoting(em, p.facilitator, proposal.id, closesAt);
    expect(await recipients(em, since)).toEqual({ VOTING_OPENED: ['far@example.test', 'neighbour@example.test', 'quiet@example.test', 'raiser@example.test'] });

    await castVote(em, p.raiser, proposal.id, 'FOR');
    await castVote(em, p.far, proposal.id, 'FOR');
    await castVote(em, p.neighbour, proposal.id, 'FOR');

    since = new Date();
    expect(await sendReminders(em)).toBe(1);
    expect(await recipients(em, since)).toEqual({ VOTE_CLOSING_SOON: ['quiet@example.test'] });
    expect(await sendReminders(em)).toBe(0);

    since = new Date();
    await closeVoting(em, p.facilitator, proposal.id);
    expect(await recipients(em, since)).toEqual({ VOTING_CLOSED: ['far@example.test', 'neighbour@example.test', 'raiser@example.test'] });

    since = new Date();
    await submitToManagement(em, p.neighbour, proposal.id);
    expect(await recipients(em, since)).toEqual({ PROPOSAL_SUBMITTED: ['executive@example.test'] });
    since = new Date();
    await decide(em, p.executive, { proposalId: proposal.id, outcome: 'CHANGES_REQUESTED', rationale: 'Show the cost per region first.' });
    expect(await recipients(em, since)).toEqual({ CHANGES_REQUESTED: ['neighbour@example.test'], DECISION_MADE: ['far@example.test', 'raiser@example.test'] });

    // A change within the coordinators' authority: passing opens a rollout per region.
    const second = await f.issue(em, p.quiet);
    const within = await draft(em, p.quiet, second.id, false);
    await openVoting(em, p.facilitator, within.id, new Date(Date.now() + 2 * DAY));
    expect(await recipients(em)).toEqual({ VOTING_OPENED: ['far@example.test', 'neighbour@example.test', 'quiet@example.test', 'raiser@example.test'] });
    for (const voter of [p.raiser, p.far, p.quiet]) await castVote(em, voter, within.id, 'FOR');
    since = new Date();
    expect((await closeVoting(em, p.facilitator, within.id)).status).toBe('IMPLEMENTING');
    expect(await recipients(em, since)).toEqual({
      VOTING_CLOSED: ['far@example.test', 'quiet@example.test', 'raiser@example.test'],
      ROLLOUT_DUE: ['far@example.test', 'neighbour@example.test', 'quiet@example.test', 'raiser@example.test'],
    });

    // Rollouts falling due within 7 days, then overdue: once each, to the region's coordinators.
    const rollouts = await em.fork().find(Rollout, { proposal: within.id }, { populate: ['region'] });
    const due = rollouts[0].dueOn!;
    since = new Date();
    expect(await sendReminders(em, new Date(due.getTime() - 3 * DAY))).toBe(2);
    expect(await sendReminders(em, new Date(due.getTime() - 2 * DAY))).toBe(0);
    const soon = await recipients(em, since);
    expect(soon.ROLLOUT_DUE).toEqual(['far@example.test', 'neighbour@example.test', 'quiet@example.test', 'raiser@example.test']);
    since = new Date();
    expect(await sendReminders(em, new Date(due.getTime() + DAY))).toBe(2);
    expect(await sendReminders(em, new Date(due.getTime() + 2 * DAY))).toBe(0);
    expect((await recipients(em, since)).ROLLOUT_OVERDUE).toEqual(['far@example.test', 'neighbour@example.test', 'quiet@example.test', 'raiser@example.test']);

    // Meetings: the agenda to every attendee but the facilitator who published it; an action item to its owner.
    const meeting = await scheduleMeeting(em, p.facilitator, { title: 'December coordination', startsAt: new Date(Date.now() + 3 * DAY), durationMinutes: 60 });
    await generateMeetingAgenda(em, p.facilitator, meeting.id);
    since = new Date();
    await publishAgenda(em, p.facilitator, meeting.id);
    expect(await recipients(em, since)).toEqual({
      AGENDA_PUBLISHED: ['executive@example.test', 'far@example.test', 'neighbour@example.test', 'quiet@example.test', 'raiser@example.test'],
    });
    since = new Date();
    const dueOn = new Date(Date.now() + DAY);
    await createActionItem(em, p.facilitator, { meetingId: meeting.id, title: 'Collect refund times', ownerId: p.far.id, dueOn });
    expect(await recipients(em, since)).toEqual({ ACTION_ITEM_ASSIGNED: ['far@example.test'] });
    since = new Date();
    expect(await sendReminders(em, new Date(Date.now() + HOUR))).toBe(1);
    expect(await sendReminders(em, new Date(dueOn.getTime() + HOUR))).toBe(1);
    expect(await sendReminders(em, new Date(dueOn.getTime() + 2 * HOUR))).toBe(0);
    expect(await recipients(em, since)).toEqual({ ACTION_ITEM_DUE: ['far@example.test', 'far@example.test'] });

    expect(await em.fork().count(Notification, { createdAt: { $gte: t0 } })).toBe(seen.size);
  });
});

describe('mail', () => {
  let app: TestApp;
  let em: Em;
  let p: Cast;
  beforeAll(async () => {
    app = await mailApp();
    em = app.orm.em.fork();
    p = await cast(em);
  });
  afterAll(async () => app.close());

  it('sends IMMEDIATE mail in the recipient’s language, with PUBLIC_URL links and one-click unsubscribe headers', async () => {
    const proposal = await draft(em, p.raiser, (await f.issue(em, p.raiser)).id);
    const tomorrow = new Date(Date.now() + DAY);
    await openVoting(em, p.facilitator, proposal.id, new Date(Date.UTC(tomorrow.getUTCFullYear(), tomorrow.getUTCMonth(), tomorrow.getUTCDate(), 15, 30)));
    expect(await flushOutbox(app)).toBe(4);
    const [german] = smtp.to('neighbour@example.test');
    expect(german.subject).toContain('Die Abstimmung über „Refunds within five working days“ ist eröffnet');
    // 15:30 UTC is 16:30 (winter) or 17:30 (summer) in Berlin.
    expect(german.subject).toMatch(/1[67]:30/);
    const link = `${PUBLIC_URL}/proposals/${encodeURIComponent(Buffer.from(`Proposal:${proposal.id}`).toString('base64'))}`;
    expect(german.text).toContain(link);
    expect(german.html).toContain(link.replace(/&/g, '&amp;'));
    expect(german.text).toContain('Hallo Nils Neighbour');
    const [spanish] = smtp.to('far@example.test');
    expect(spanish.subject).toContain('Se abrió la votación');
    expect(spanish.subject).toContain('9:30'); // Mexico City, UTC-6 all year
    expect(german.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(german.header('List-Unsubscribe')).toMatch(new RegExp(`^<${PUBLIC_URL}/unsubscribe\\?u=${p.neighbour.id}&k=VOTING_OPENED&s=[\\w-]+>$`));
    // The author may vote too; the facilitator who opened the vote hears nothing of it.
    expect(smtp.to('raiser@example.test')).toHaveLength(1);
    expect(smtp.to('facilitator@example.test')).toEqual([]);
  });

  it('sends nothing by mail for a kind set to OFF, and keeps it in the app', async () => {
    const client = await new Client(app.app).signIn(p.quiet.email);
    const set = await client.ok(`mutation { setNotificationPreference(kind: VOTING_OPENED, email: OFF) { kind inApp email } }`);
    expect(set.setNotificationPreference).toEqual({ kind: 'VOTING_OPENED', inApp: true, email: 'OFF' });
    const proposal = await draft(em, p.raiser, (await f.issue(em, p.raiser)).id);
    await openVoting(em, p.facilitator, proposal.id, new Date(Date.now() + 2 * DAY));
    await flushOutbox(app);
    expect(smtp.to('quiet@example.test')).toEqual([]);
    expect(smtp.to('far@example.test')).toHaveLength(1);
    const { notifications } = await client.ok(`{ notifications(first: 5) { kind message read } }`);
    expect(notifications[0]).toMatchObject({ kind: 'VOTING_OPENED', read: false });

    // Off in the app too: nothing at all, not even in the bell.
    await client.ok(`mutation { setNotificationPreference(kind: VOTING_OPENED, email: OFF, inApp: false) { kind } }`);
    const before = await client.ok(`{ unreadNotificationCount }`);
    const next = await draft(em, p.raiser, (await f.issue(em, p.raiser)).id);
    await openVoting(em, p.facilitator, next.id, new Date(Date.now() + 2 * DAY));
    expect(await client.ok(`{ unreadNotificationCount }`)).toEqual(before);
    expect(await em.fork().count(Notification, { user: p.quiet.id, subjectId: next.id })).toBe(0);
    expect(await em.fork().count(Notification, { user: p.far.id, subjectId: next.id })).toBe(1);
  });

  it('tells the new owner of a reassigned action item, and reminds again when its due date moves', async () => {
    const meeting = await scheduleMeeting(em, p.facilitator, { title: 'Weekly', startsAt: new Date(Date.now() + DAY), durationMinutes: 30 });
    const dueOn = new Date(Date.now() + DAY);
    const action = await createActionItem(em, p.facilitator, { meetingId: meeting.id, title: 'Call the courier', ownerId: p.far.id, dueOn });
    await updateActionItem(em, p.facilitator, action.id, { ownerId: p.quiet.id });
    const told = await em.fork().find(Notification, { subjectId: meeting.id, kind: 'ACTION_ITEM_ASSIGNED' }, { populate: ['user'] });
    expect(told.map((n) => n.user.email).sort()).toEqual(['far@example.test', 'quiet@example.test']);
    await sendReminders(em);
    await updateActionItem(em, p.facilitator, action.id, { dueOn: new Date(Date.now() + 36 * HOUR) });
    await sendReminders(em);
    await sendReminders(em);
    const due = await em.fork().find(Notification, { subjectId: meeting.id, kind: 'ACTION_ITEM_DUE' }, { populate: ['user'] });
    expect(due.map((n) => n.user.email)).toEqual(['quiet@example.test', 'quiet@example.test']);
  });

  it('sends a daily digest once, with all its items grouped by subject, and none when nothing waits', async () => {
    await flushOutbox(app); // what earlier tests left
    smtp.mails.length = 0;
    const issue = await f.issue(em, p.raiser, { title: 'Parcel lockers refuse returns' });
    await addComment(em, p.neighbour, { type: 'Issue', id: issue.id }, 'Seen in Hamburg.');
    await addComment(em, p.far, { type: 'Issue', id: issue.id }, 'Seen in Monterrey.');
    expect(await flushOutbox(app)).toBe(0); // replies wait for the digest
    const pending = await em.fork().find(Notification, { user: p.raiser.id, digest: 'PENDING' });
    expect(pending).toHaveLength(2);
    // The raiser's digest hour is 7 (the default), in Berlin: the next 07:10 there.
    let at = new Date(Math.floor(Date.now() / HOUR) * HOUR + 10 * 60_000);
    while (at.getTime() <= Date.now() || localClock(at, 'Europe/Berlin').hour !== 7) at = new Date(at.getTime() + HOUR);
    const early = new Date(at.getTime() - 2 * HOUR);
    const digests = () => em.fork().count(OutboxMail, { user: p.raiser.id, kind: null });
    await sendDigests(em, early);
    expect(await digests()).toBe(0);
    await sendDigests(em, at);
    expect(await digests()).toBe(1);
    await sendDigests(em, new Date(at.getTime() + 20 * 60_000));
    expect(await digests()).toBe(1);
    await flushOutbox(app, new Date(at.getTime() + 21 * 60_000));
    const [digest] = smtp.to('raiser@example.test');
    expect(digest.subject).toMatch(/Council: 2 updates/);
    expect(digest.text).toContain('Parcel lockers refuse returns');
    expect(digest.text).toContain('Nils Neighbour commented on “Parcel lockers refuse returns”');
    expect(digest.text).toContain('Fer Far commented on “Parcel lockers refuse returns”');
    expect(digest.text.match(/Parcel lockers refuse returns\n/g)).toHaveLength(1); // one group heading
    expect(digest.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(digest.header('List-Unsubscribe')).toContain('k=DIGEST');
    // Nothing waits now: the next day brings no digest.
    await sendDigests(em, new Date(at.getTime() + DAY));
    expect(await digests()).toBe(1);
  });

  it('unsubscribes with the mail’s link, without signing in, for that person and kind only', async () => {
    const proposal = await draft(em, p.raiser, (await f.issue(em, p.raiser)).id);
    await openVoting(em, p.facilitator, proposal.id, new Date(Date.now() + 2 * DAY));
    await flushOutbox(app);
    const [mail] = smtp.to('neighbour@example.test');
    const url = new URL(String(mail.text.match(/https:\/\/council\.example\.test\/unsubscribe\?\S+/)![0]));
    const path = `${url.pathname}${url.search}`;

    // Opening the link changes nothing; it asks.
    const page = await app.app.inject({ method: 'GET', url: path });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<form method="post"');
    const preferences = async (who: User) =>
      (await (await new Client(app.app).signIn(who.email)).ok(`{ viewer { notificationPreferences { kind email } } }`)).viewer.notificationPreferences;
    expect((await preferences(p.neighbour)).find((x: { kind: string }) => x.kind === 'VOTING_OPENED').email).toBe('IMMEDIATE');

    // A tampered link (someone else's id) is refused and changes nothing.
    const forged = path.replace(`u=${p.neighbour.id}`, `u=${p.far.id}`);
    expect((await app.app.inject({ method: 'POST', url: forged, payload: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).statusCode).toBe(400);

    const done = await app.app.inject({ method: 'POST', url: path, payload: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Erledigt');
    const mine = await preferences(p.neighbour);
    expect(mine.find((x: { kind: string }) => x.kind === 'VOTING_OPENED').email).toBe('OFF');
    expect(mine.find((x: { kind: string }) => x.kind === 'VOTE_CLOSING_SOON').email).toBe('IMMEDIATE');
    expect((await preferences(p.far)).find((x: { kind: string }) => x.kind === 'VOTING_OPENED').email).toBe('IMMEDIATE');
  });
});

describe('the outbox across a crash', () => {
  it('sends a mail written before the process died after the restart, once', async () => {
    const pg = ON_POSTGRES ? await postgresDatabase() : null;
    const shared: Record<string, string> = pg ? { DATABASE_URL: pg.url, SESSION_SECRET: 'a'.repeat(64) } : {};
    const first = await mailApp(shared);
    const env: Record<string, string> = pg ? shared : { DATA_DIR: first.dir, SESSION_SECRET: 'a'.repeat(64) };
    const em = first.orm.em.fork();
    const p = await cast(em);
    smtp.mails.length = 0;
    const proposal = await draft(em, p.raiser, (await f.issue(em, p.raiser)).id);
    await openVoting(em, p.facilitator, proposal.id, new Date(Date.now() + 2 * DAY));
    // It died while sending one: claimed, never marked sent.
    const written = await em.fork().find(OutboxMail, {});
    expect(written).toHaveLength(4);
    await em.fork().nativeUpdate(OutboxMail, { id: written[0].id }, { claimedUntil: new Date(Date.now() - 1_000), attempts: 1 });
    await first.app.close();
    expect(smtp.mails).toHaveLength(0);

    const second = await startTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL, ...env }, sweepIntervalMs: 0, reminderIntervalMs: 0, mailIntervalMs: 100, leaseMs: 1_000 });
    try {
      await smtp.waitFor(4);
      await new Promise((r) => setTimeout(r, 600)); // a few more runs: nothing more
      expect(smtp.mails.map((m) => m.to).sort()).toEqual(['far@example.test', 'neighbour@example.test', 'quiet@example.test', 'raiser@example.test']);
      expect(new Set(smtp.mails.map((m) => m.messageId)).size).toBe(4);
      expect(await second.orm.em.fork().count(OutboxMail, { sentAt: null })).toBe(0);
    } finally {
      await second.app.close();
      await pg?.drop();
    }
  });
});

describe('at the same time (several instances, several tabs)', () => {
  let app: TestApp;
  let em: Em;
  let p: Cast;
  beforeAll(async () => {
    app = await mailApp();
    em = app.orm.em.fork();
    p = await cast(em);
  });
  afterAll(async () => app.close());

  it('two senders at once send each mail once', async () => {
    for (let i = 0; i < 3; i++) {
      const proposal = await draft(em, p.raiser, (await f.issue(em, p.raiser)).id);
      await openVoting(em, p.facilitator, proposal.id, new Date(Date.now() + 2 * DAY));
    }
    const written = await em.fork().count(OutboxMail, { sentAt: null });
    expect(written).toBe(12);
    const sent = await Promise.all([flushOutbox(app), flushOutbox(app), flushOutbox(app)]);
    expect(sent.reduce((a, b) => a + b, 0)).toBe(12);
    await smtp.waitFor(12);
    expect(new Set(smtp.mails.map((m) => m.messageId)).size).toBe(12);
  });

  it('reminder and digest runs at once send each reminder and digest once', async () => {
    const proposal = await draft(em, p.raiser, (await f.issue(em, p.raiser)).id);
    const closesAt = new Date(Date.now() + 6 * HOUR);
    await openVoting(em, p.facilitator, proposal.id, closesAt);
    const runs = await Promise.all([sendReminders(app.orm.em.fork()), sendReminders(app.orm.em.fork()), sendReminders(app.orm.em.fork())]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await em.fork().count(Notification, { kind: 'VOTE_CLOSING_SOON' })).toBe(4);

    const issue = await f.issue(em, p.raiser);
    await addComment(em, p.far, { type: 'Issue', id: issue.id }, 'Here too.');
    const late = new Date(Date.now() + 27 * HOUR); // everything waiting is overdue for a digest
    await Promise.all([sendDigests(app.orm.em.fork(), late), sendDigests(app.orm.em.fork(), late), sendDigests(app.orm.em.fork(), late)]);
    expect(await em.fork().count(OutboxMail, { user: p.raiser.id, kind: null })).toBe(1);
  });

  it('one person changing a preference in two tabs at once keeps one row', async () => {
    const [a, b] = [await new Client(app.app).signIn(p.quiet.email), await new Client(app.app).signIn(p.quiet.email)];
    await Promise.all([
      a.ok(`mutation { setNotificationPreference(kind: REPLY, email: OFF) { kind } }`),
      b.ok(`mutation { setNotificationPreference(kind: REPLY, email: IMMEDIATE, inApp: false) { kind } }`),
    ]);
    const { viewer } = await a.ok(`{ viewer { notificationPreferences { kind inApp email } } }`);
    const reply = viewer.notificationPreferences.find((x: { kind: string }) => x.kind === 'REPLY');
    expect(['OFF', 'IMMEDIATE']).toContain(reply.email);
    const rows = await app.orm.em.fork().getConnection().execute(`select count(*) as n from notification_preference where kind = 'REPLY' and user_id = '${p.quiet.id}'`);
    expect(Number(rows[0].n)).toBe(1);
  });
});
