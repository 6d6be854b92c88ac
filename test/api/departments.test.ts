// Other departments in the loop (#13 part 1), over HTTP on SQLite and PostgreSQL: admins keep the
// departments and their contacts (who get the role DEPARTMENT_CONTACT); a coordinator refers an
// issue with a question and a due date, the contacts are told and mailed; a contact sees only the
// issues referred to their department (with the discussion) and answers there; the answer tells
// the issue's people; overdue referrals show on the facilitator's home and become agenda items;
// facilitators close referrals. Racing writers (an answer and a close, two admins) stay consistent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { People, type Client, type GqlResult } from '../support/client.js';
import { writesNothing } from '../support/db.js';
import * as f from '../support/factories.js';
import { gid } from '../support/ids.js';
import { startSmtp, type Mailbox } from '../support/smtp.js';
import type { Em } from '../../server/src/db/orm.js';
import { AuditEvent } from '../../server/src/modules/audit/audit.entity.js';
import { Issue } from '../../server/src/modules/issues/issues.entity.js';
import { addComment, mergeIssue, supportIssue } from '../../server/src/modules/issues/issues.service.js';
import { AgendaItem } from '../../server/src/modules/meetings/meetings.entity.js';
import { generateMeetingAgenda } from '../../server/src/modules/meetings/agenda.service.js';
import { scheduleMeeting } from '../../server/src/modules/meetings/meetings.service.js';
import { sendReminders } from '../../server/src/modules/notifications/reminders.js';
import { mailSettingsOf } from '../../server/src/modules/notifications/mail.settings.js';
import { Notification } from '../../server/src/modules/notifications/notifications.entity.js';
import { createMailTransport, sendOutbox } from '../../server/src/modules/notifications/outbox.js';
import { User, type Region } from '../../server/src/modules/people/people.entity.js';
import { Department, DepartmentContact, Referral } from '../../server/src/modules/departments/departments.entity.js';
import { createDepartment, referIssue } from '../../server/src/modules/departments/departments.service.js';
import { draftProposal } from '../../server/src/modules/proposals/proposals.service.js';

const DAY = 86_400_000;
const PUBLIC_URL = 'https://council.example.test';
let t: TestApp;
let smtp: Mailbox;
let people: People;
let regions: Region[];
let raiser: User; // coordinator, regions[0]
let supporter: User; // coordinator, regions[1]
let coord: User; // coordinator, regions[2]
let fac: User;
let exec: User;
let admin: User;
let billing1: User; // contacts of Billing
let billing2: User;
let logistics1: User; // contact of Logistics
let billing: Department;
let logistics: Department;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await startTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL, MAIL_FROM: 'Council <council@example.test>' }, sweepIntervalMs: 0, mailIntervalMs: 0, reminderIntervalMs: 0 });
  people = new People(t.app);
  const em = t.orm.em.fork();
  regions = [];
  for (let i = 0; i < 3; i++) regions.push(await f.region(em, { name: `Dept region ${i}` }));
  raiser = await f.user(em, { region: regions[0], name: 'Rita Raiser' });
  supporter = await f.user(em, { region: regions[1], name: 'Sam Supporter' });
  coord = await f.user(em, { region: regions[2], name: 'Cora Coordinator' });
  fac = await f.user(em, { region: null, roles: ['FACILITATOR'], name: 'Fay Facilitator' });
  exec = await f.user(em, { region: null, roles: ['EXECUTIVE'], name: 'Eli Executive' });
  admin = await f.user(em, { region: null, roles: ['ADMIN'], name: 'Ada Admin' });
  // Contacts start with no role of the council: an admin's choice makes them contacts.
  billing1 = await f.user(em, { region: null, roles: ['DEPARTMENT_CONTACT'], name: 'Bea Billing', locale: 'de' });
  billing2 = await f.user(em, { region: null, roles: ['DEPARTMENT_CONTACT'], name: 'Ben Billing' });
  logistics1 = await f.user(em, { region: null, roles: ['DEPARTMENT_CONTACT'], name: 'Lou Logistics' });
  billing = await createDepartment(t.orm.em.fork(), admin, { name: 'Billing', contactIds: [billing1.id, billing2.id] });
  logistics = await createDepartment(t.orm.em.fork(), admin, { name: 'Logistics', contactIds: [logistics1.id] });
  await Promise.all([raiser, supporter, coord, fac, exec, admin, billing1, billing2, logistics1].map((u) => people.as(u)));
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const em = (): Em => t.orm.em.fork();
const as = (u: User): Promise<Client> => people.as(u);
const code = (r: GqlResult) => r.errors?.[0]?.extensions?.code ?? 'OK';
const codes = (results: GqlResult[]) => results.map(code);
const inDays = (days: number) => new Date(Date.now() + days * DAY);

async function flushOutbox(): Promise<number> {
  const settings = mailSettingsOf(t.orm.em)!;
  const transport = await createMailTransport(settings);
  try {
    return await sendOutbox(t.orm.em.fork(), transport, settings, new Date());
  } finally {
    transport.close();
  }
}

let seq = 0;
/** An open issue of the raiser's, supported from another region. */
async function anIssue(): Promise<Issue> {
  const issue = await f.issue(em(), raiser, { title: `Invoices show the wrong VAT rate ${++seq}` });
  await supportIssue(em(), supporter, issue.id, 'Same in our region since March.');
  return issue;
}

const REFERRAL = `id status question answer dueOn overdue department { id name } referredBy { id } answeredBy { id }
  canAnswer: viewerCan(action: answer) { allowed reason } canClose: viewerCan(action: close) { allowed reason }`;
const REFER = `mutation($input: ReferIssueInput!) { referIssue(input: $input) { ${REFERRAL} issue { id } } }`;
const ANSWER = `mutation($id: ID!, $answer: String!) { answerReferral(referralId: $id, answer: $answer) { ${REFERRAL} } }`;
const CLOSE = `mutation($id: ID!) { closeReferral(referralId: $id) { ${REFERRAL} } }`;
const ISSUE = `query($id: ID!) { node(id: $id) { ... on Issue { id title viewerIsReferredContact viewerCanRefer { allowed reason }
  comment: viewerCan(action: comment) { allowed reason } proposals { id }
  referrals { ${REFERRAL} } comments(first: 10) { totalCount edges { node { body author { id } } } } } } }`;

const referInput = (issueId: string, department: Department, over: Record<string, unknown> = {}) => ({
  issueId: gid('Issue', issueId),
  departmentId: gid('Department', department.id),
  question: 'Which VAT rate does the invoicing system apply to refunds since January?',
  ...over,
});

describe('departments', () => {
  it('admins create and rename departments and choose their contacts, who get the role DEPARTMENT_CONTACT', async () => {
    const newcomer = await f.user(em(), { region: regions[0], name: 'Nia Newcomer' });
    const admins = await as(admin);
    const created = await admins.ok(`mutation($name: String!, $ids: [ID!]) { createDepartment(name: $name, contactIds: $ids) { id name contacts { id roles } } }`, {
      name: '  Product  ',
      ids: [gid('User', newcomer.id)],
    });
    expect(created.createDepartment.name).toBe('Product');
    expect(created.createDepartment.contacts).toEqual([{ id: gid('User', newcomer.id), roles: ['COORDINATOR', 'DEPARTMENT_CONTACT'] }]);

    const updated = await admins.ok(`mutation($id: ID!, $ids: [ID!]) { updateDepartment(departmentId: $id, name: "Product & Pricing", contactIds: $ids) { name contacts { id } } }`, {
      id: created.createDepartment.id,
      ids: [gid('User', logistics1.id)],
    });
    expect(updated.updateDepartment).toEqual({ name: 'Product & Pricing', contacts: [{ id: gid('User', logistics1.id) }] });
    const product = await em().findOneOrFail(Department, { name: 'Product & Pricing' });
    const audit = await em().find(AuditEvent, { subjectId: product.id }, { orderBy: { id: 'asc' } });
    expect(audit.map((e) => e.action)).toEqual(['department.created', 'department.updated']);

    const listed = await (await as(coord)).ok(`{ departments { name contacts { name } } }`);
    expect(listed.departments.map((d: { name: string }) => d.name)).toEqual(['Billing', 'Logistics', 'Product & Pricing']);
  });

  it('refuses bad names, unknown contacts and people who are not admins, and writes nothing', async () => {
    const create = `mutation($name: String!, $ids: [ID!]) { createDepartment(name: $name, contactIds: $ids) { id } }`;
    await writesNothing(em(), async () => {
      const results = [
        await (await as(admin)).gql(create, { name: 'Billing' }),
        await (await as(admin)).gql(create, { name: 'x' }),
        await (await as(admin)).gql(create, { name: 'Returns', ids: [gid('User', '00000000-0000-4000-8000-000000000000')] }),
        await (await as(fac)).gql(create, { name: 'Returns' }),
        await (await as(billing1)).gql(create, { name: 'Returns' }),
      ];
      expect(codes(results)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'FORBIDDEN', 'FORBIDDEN']);
      expect(results[0].errors![0].extensions!.fields).toEqual({ name: 'There is already a department with this name.' });
    });
  });
});

describe('referrals', () => {
  it("a coordinator refers an issue with a question and a due date; the department's contacts are told and mailed", async () => {
    const issue = await anIssue();
    smtp.mails.length = 0;
    const due = inDays(5);
    const referred = (await (await as(coord)).ok(REFER, { input: referInput(issue.id, billing, { dueOn: due.toISOString() }) })).referIssue;
    expect(referred).toMatchObject({ status: 'OPEN', answer: null, overdue: false, dueOn: due.toISOString(), department: { name: 'Billing' }, referredBy: { id: gid('User', coord.id) } });
    const told = await em().find(Notification, { kind: 'REFERRAL_RECEIVED', subjectId: issue.id }, { populate: ['user'] });
    expect(told.map((n) => n.user.name).sort()).toEqual(['Bea Billing', 'Ben Billing']);

    expect(await flushOutbox()).toBeGreaterThanOrEqual(2);
    const mail = smtp.to(billing1.email).at(-1)!;
    // Bea reads German: the mail is in her language, and links to the issue.
    expect(mail.text).toContain('fragt Billing zu „Invoices show the wrong VAT rate');
    expect(mail.text).toContain(`${PUBLIC_URL}/issues/`);
    expect(smtp.to(billing2.email).at(-1)!.text).toContain('asks Billing about “Invoices show the wrong VAT rate');
    expect(smtp.to(logistics1.email)).toEqual([]);
  });

  it('refuses a past due date, a blank question, executives and contacts, and an issue no longer active, writing nothing', async () => {
    const issue = await anIssue();
    const merged = await anIssue();
    await mergeIssue(em(), fac, merged.id, issue.id);
    await writesNothing(em(), async () => {
      const results = [
        await (await as(coord)).gql(REFER, { input: referInput(issue.id, billing, { dueOn: new Date(Date.now() - DAY).toISOString() }) }),
        await (await as(coord)).gql(REFER, { input: referInput(issue.id, billing, { question: '   ' }) }),
        await (await as(exec)).gql(REFER, { input: referInput(issue.id, billing) }),
        await (await as(billing1)).gql(REFER, { input: referInput(issue.id, billing) }),
        await (await as(coord)).gql(REFER, { input: referInput(merged.id, billing) }),
        await (await as(coord)).gql(REFER, { input: { ...referInput(issue.id, billing), departmentId: gid('Department', '00000000-0000-4000-8000-000000000000') } }),
      ];
      expect(codes(results)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'FORBIDDEN', 'FORBIDDEN', 'CONFLICT', 'NOT_FOUND']);
      expect(results[0].errors![0].extensions!.fields).toEqual({ dueOn: 'The due date must be in the future.' });
    });
  });

  it('a department contact sees only the issues referred to their department, with the discussion, and nothing else of the workspace', async () => {
    const referredIssue = await anIssue();
    const other = await anIssue();
    await addComment(em(), supporter, { type: 'Issue', id: referredIssue.id }, 'Our customers got the 19 % rate too.');
    const proposal = await draftProposal(em(), raiser, {
      issueId: referredIssue.id,
      title: 'Refunds at the VAT rate of the invoice',
      currentPolicy: 'Refunds use the current rate.',
      proposedPolicy: 'Refunds use the rate of the original invoice.',
      rationale: 'Customers get back what they paid.',
      requiresApproval: true,
    });
    await referIssue(em(), coord, { issueId: referredIssue.id, departmentId: billing.id, question: 'Which rate do refunds use?' });
    await referIssue(em(), coord, { issueId: referredIssue.id, departmentId: logistics.id, question: 'Are returns booked before the refund?' });

    const bea = await as(billing1);
    const seen = (await bea.ok(ISSUE, { id: gid('Issue', referredIssue.id) })).node;
    expect(seen.title).toBe(referredIssue.title);
    expect(seen.viewerIsReferredContact).toBe(true);
    expect(seen.referrals.map((r: { department: { name: string } }) => r.department.name)).toEqual(['Billing']);
    expect(seen.comments.edges.map((e: { node: { body: string } }) => e.node.body)).toEqual(['Our customers got the 19 % rate too.']);
    expect(seen.proposals).toEqual([]);
    expect(seen.comment.allowed).toBe(true);
    // Bea reads German.
    expect(seen.viewerCanRefer).toEqual({ allowed: false, reason: 'Das können nur Koordinatoren und Moderatoren.' });

    // Not referred to Billing, a proposal, the feed, search, meetings: nothing.
    expect((await bea.ok(ISSUE, { id: gid('Issue', other.id) })).node).toBeNull();
    expect((await bea.ok(`query($id: ID!) { node(id: $id) { id } }`, { id: gid('Proposal', proposal.id) })).node).toBeNull();
    for (const query of ['{ issues(first: 5) { totalCount } }', '{ search(query: "VAT") { __typename } }', '{ proposals { id } }', '{ meetings { id } }', '{ policies { id } }', '{ similarIssues(title: "Invoices show the wrong VAT") { id } }']) {
      const result = await bea.gql(query);
      expect(code(result), query).toBe('FORBIDDEN');
      expect(result.errors![0].message, query).toBe('Als Kontakt einer Abteilung sehen Sie die Anliegen, die an Ihre Abteilung weitergeleitet wurden.');
    }
    // The coordinator sees every department's referral on the issue.
    const coordSees = (await (await as(coord)).ok(ISSUE, { id: gid('Issue', referredIssue.id) })).node;
    expect(coordSees.referrals.map((r: { department: { name: string } }) => r.department.name).sort()).toEqual(['Billing', 'Logistics']);
    expect(coordSees.proposals).toEqual([{ id: gid('Proposal', proposal.id) }]);

    // Bea discusses on the referred issue; not on another.
    const comment = `mutation($id: ID!, $body: String!) { addComment(subjectId: $id, body: $body) { id author { id } } }`;
    const posted = await bea.ok(comment, { id: gid('Issue', referredIssue.id), body: 'Refunds use the rate of the refund date; we can change that.' });
    expect(posted.addComment.author.id).toBe(gid('User', billing1.id));
    expect(code(await bea.gql(comment, { id: gid('Issue', other.id), body: 'Hello?' }))).toBe('FORBIDDEN');
    // The raiser is told of the reply.
    expect(await em().count(Notification, { kind: 'REPLY', user: raiser.id, subjectId: referredIssue.id })).toBeGreaterThan(0);
  });

  it('lists referrals: every department for facilitators, their department for contacts, their own for coordinators', async () => {
    const issue = await anIssue();
    const mine = await referIssue(em(), raiser, { issueId: issue.id, departmentId: logistics.id, question: 'When do returns arrive at the warehouse?' });
    const query = `{ referrals { id department { name } } }`;
    const ids = (data: { referrals: { id: string }[] }) => data.referrals.map((r) => r.id);
    const all = await em().find(Referral, { status: 'OPEN' });
    expect(ids(await (await as(fac)).ok(query)).sort()).toEqual(all.map((r) => gid('Referral', r.id)).sort());
    const logisticsOnes = (await (await as(logistics1)).ok(query)).referrals;
    expect(logisticsOnes.length).toBe(all.filter((r) => r.department.id === logistics.id).length);
    expect(logisticsOnes.every((r: { department: { name: string } }) => r.department.name === 'Logistics')).toBe(true);
    expect(ids(await (await as(raiser)).ok(query))).toEqual(all.filter((r) => r.referredBy.id === raiser.id).map((r) => gid('Referral', r.id)));
    expect(ids(await (await as(raiser)).ok(query))).toContain(gid('Referral', mine.id));
  });

  it("a contact answers; the issue's people are told; the answer can be corrected; a facilitator closes it", async () => {
    const issue = await anIssue();
    const referral = await referIssue(em(), coord, { issueId: issue.id, departmentId: billing.id, question: 'Which VAT rate applies to refunds?' });
    const id = gid('Referral', referral.id);
    await writesNothing(em(), async () => {
      expect(code(await (await as(logistics1)).gql(ANSWER, { id, answer: 'Not ours.' }))).toBe('FORBIDDEN');
      expect(code(await (await as(coord)).gql(ANSWER, { id, answer: 'I think 19 %.' }))).toBe('FORBIDDEN');
      expect(code(await (await as(billing1)).gql(ANSWER, { id, answer: ' ' }))).toBe('BAD_USER_INPUT');
      expect(code(await (await as(coord)).gql(CLOSE, { id }))).toBe('FORBIDDEN');
    });

    const answered = (await (await as(billing1)).ok(ANSWER, { id, answer: 'The rate of the refund date. We will switch to the invoice date in March.' })).answerReferral;
    expect(answered).toMatchObject({ status: 'ANSWERED', answeredBy: { id: gid('User', billing1.id) }, answer: 'The rate of the refund date. We will switch to the invoice date in March.' });
    const told = await em().find(Notification, { kind: 'REFERRAL_ANSWERED', subjectId: issue.id }, { populate: ['user'] });
    expect(told.map((n) => n.user.name).sort()).toEqual(['Cora Coordinator', 'Rita Raiser', 'Sam Supporter']);

    const corrected = (await (await as(billing2)).ok(ANSWER, { id, answer: 'The rate of the invoice date, from 1 March.' })).answerReferral;
    expect(corrected).toMatchObject({ status: 'ANSWERED', answeredBy: { id: gid('User', billing2.id) } });

    const closed = (await (await as(fac)).ok(CLOSE, { id })).closeReferral;
    expect(closed).toMatchObject({ status: 'CLOSED', answer: 'The rate of the invoice date, from 1 March.' });
    expect(closed.canClose).toEqual({ allowed: false, reason: 'This question is closed.' });
    await writesNothing(em(), async () => {
      expect(code(await (await as(billing1)).gql(ANSWER, { id, answer: 'One more thing.' }))).toBe('CONFLICT');
      expect(code(await (await as(fac)).gql(CLOSE, { id }))).toBe('CONFLICT');
    });
    const events = await em().find(AuditEvent, { subjectId: referral.id }, { orderBy: { id: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['referral.created', 'referral.answered', 'referral.answered', 'referral.closed']);
  });

  it('an overdue referral shows on the facilitator\'s home and the contact\'s, and becomes an agenda item until it is answered', async () => {
    const issue = await anIssue();
    const referral = await referIssue(em(), coord, { issueId: issue.id, departmentId: logistics.id, question: 'Why do returns take three weeks to be booked?', dueOn: inDays(2) });
    // The due date passes.
    await em().nativeUpdate(Referral, { id: referral.id }, { dueOn: new Date(Date.now() - 3 * DAY) });

    // Its contact is reminded, once.
    await sendReminders(t.orm.em.fork());
    await sendReminders(t.orm.em.fork());
    const reminded = await em().find(Notification, { messageKey: 'departments.message.overdue', subjectId: issue.id }, { populate: ['user'] });
    expect(reminded.map((n) => [n.user.name, n.kind])).toEqual([['Lou Logistics', 'REFERRAL_RECEIVED']]);

    const home = `{ home { overdueReferrals { id overdue issue { id } } referralsToAnswer { id overdue } } }`;
    const facHome = (await (await as(fac)).ok(home)).home;
    expect(facHome.overdueReferrals).toContainEqual({ id: gid('Referral', referral.id), overdue: true, issue: { id: gid('Issue', issue.id) } });
    expect(facHome.referralsToAnswer).toBeNull();
    const louHome = (await (await as(logistics1)).ok(home)).home;
    expect(louHome.overdueReferrals).toBeNull();
    expect(louHome.referralsToAnswer[0]).toEqual({ id: gid('Referral', referral.id), overdue: true });
    expect((await (await as(coord)).ok(home)).home).toEqual({ overdueReferrals: null, referralsToAnswer: null });

    const meeting = await scheduleMeeting(em(), fac, { title: `Coordinators ${++seq}`, startsAt: inDays(3), durationMinutes: 120 });
    await generateMeetingAgenda(em(), fac, meeting.id);
    const items = await em().find(AgendaItem, { meeting: meeting.id, kind: 'REFERRAL' });
    const item = items.find((i) => i.subjectId === issue.id)!;
    expect(item).toMatchObject({ subjectType: 'Issue', reasonKey: 'meetings.reason.referralOverdue', title: issue.title });
    expect(item.reasonParams).toMatchObject({ departments: 'Logistics', count: 1 });
    // The issue is on the agenda once, as the referral item.
    expect(await em().count(AgendaItem, { meeting: meeting.id, subjectId: issue.id })).toBe(1);

    await (await as(logistics1)).ok(ANSWER, { id: gid('Referral', referral.id), answer: 'A backlog at the warehouse; cleared by Friday.' });
    expect((await (await as(fac)).ok(home)).home.overdueReferrals.map((r: { id: string }) => r.id)).not.toContain(gid('Referral', referral.id));
    const again = await scheduleMeeting(em(), fac, { title: `Coordinators ${++seq}`, startsAt: inDays(4), durationMinutes: 120 });
    await generateMeetingAgenda(em(), fac, again.id);
    expect(await em().count(AgendaItem, { meeting: again.id, kind: 'REFERRAL', subjectId: issue.id })).toBe(0);
  });

  it("reads a page of issues' referrals in the same number of statements however many there are", async () => {
    for (let i = 0; i < 6; i++) {
      const issue = await anIssue();
      await referIssue(em(), coord, { issueId: issue.id, departmentId: i % 2 ? billing.id : logistics.id, question: `Question number ${i} about this` });
    }
    const query = `query($n: Int!) { issues(first: $n, orderBy: NEWEST) { edges { node { id referrals { status overdue department { name contacts { name } } referredBy { name } answeredBy { name } } } } } }`;
    const client = await as(fac);
    const statementsFor = async (n: number) => {
      const before = t.statements.count;
      const data = await client.ok(query, { n });
      return { referrals: data.issues.edges.reduce((s: number, e: { node: { referrals: unknown[] } }) => s + e.node.referrals.length, 0), statements: t.statements.count - before };
    };
    await statementsFor(2);
    const small = await statementsFor(2);
    const large = await statementsFor(6);
    expect(large.referrals).toBeGreaterThan(small.referrals);
    expect(large.statements).toBeLessThanOrEqual(small.statements + 2);
  });
});

describe('races', () => {
  it('an answer and a close at once are applied one after the other', async () => {
    for (let round = 0; round < 4; round++) {
      const issue = await anIssue();
      const referral = await referIssue(em(), coord, { issueId: issue.id, departmentId: billing.id, question: `Race question ${round} for billing` });
      const id = gid('Referral', referral.id);
      const [answer, close] = await Promise.all([(await as(billing1)).gql(ANSWER, { id, answer: 'Answered in the race.' }), (await as(fac)).gql(CLOSE, { id })]);
      expect(code(close)).toBe('OK');
      const row = await em().findOneOrFail(Referral, referral.id);
      expect(row.status).toBe('CLOSED');
      if (code(answer) === 'OK') expect(row.answer).toBe('Answered in the race.');
      else {
        expect(code(answer)).toBe('CONFLICT');
        expect(row.answer).toBeNull();
      }
      const events = await em().find(AuditEvent, { subjectId: referral.id });
      expect(events.length).toBe(2 + (code(answer) === 'OK' ? 1 : 0));
    }
  });

  it('two contacts answering at once leave one answer, both audited', async () => {
    const issue = await anIssue();
    const referral = await referIssue(em(), coord, { issueId: issue.id, departmentId: billing.id, question: 'Who answers first, then?' });
    const id = gid('Referral', referral.id);
    const results = await Promise.all([(await as(billing1)).gql(ANSWER, { id, answer: 'Bea says: 19 %.' }), (await as(billing2)).gql(ANSWER, { id, answer: 'Ben says: 7 %.' })]);
    expect(codes(results)).toEqual(['OK', 'OK']);
    const row = await em().findOneOrFail(Referral, referral.id);
    const audits = await em().find(AuditEvent, { subjectId: referral.id, action: 'referral.answered' }, { orderBy: { id: 'asc' } });
    expect(audits).toHaveLength(2);
    // The one applied last is the answer that stays, and it names its author.
    const last = audits[1].after as { answer: string };
    expect(row.answer).toBe(last.answer);
    expect(row.answeredBy!.id).toBe(last.answer.startsWith('Bea') ? billing1.id : billing2.id);
  });

  it('two admins choosing contacts at once leave one of their choices, and every contact has the role', async () => {
    const a = await f.user(em(), { region: null, roles: ['EXECUTIVE'], name: 'Ava Contact' });
    const b = await f.user(em(), { region: regions[1], name: 'Bo Contact' });
    const admin2 = await f.user(em(), { region: null, roles: ['ADMIN'], name: 'Abe Admin' });
    const department = await createDepartment(em(), admin, { name: `Returns ${++seq}`, contactIds: [] });
    const update = `mutation($id: ID!, $ids: [ID!]) { updateDepartment(departmentId: $id, contactIds: $ids) { id } }`;
    const results = await Promise.all([
      (await as(admin)).gql(update, { id: gid('Department', department.id), ids: [gid('User', a.id)] }),
      (await as(admin2)).gql(update, { id: gid('Department', department.id), ids: [gid('User', a.id), gid('User', b.id)] }),
    ]);
    expect(codes(results)).toEqual(['OK', 'OK']);
    const contacts = (await em().find(DepartmentContact, { department: department.id })).map((c) => c.user.id).sort();
    expect([[a.id], [a.id, b.id].sort()]).toContainEqual(contacts);
    for (const id of contacts) expect((await em().findOneOrFail(User, id)).roles).toContain('DEPARTMENT_CONTACT');
    expect((await em().findOneOrFail(User, a.id)).roles).toEqual(['EXECUTIVE', 'DEPARTMENT_CONTACT']);
  });

  it('two admins creating the same department at once: one is created, the other is told the name is taken', async () => {
    const admin2 = await f.user(em(), { region: null, roles: ['ADMIN'] });
    const create = `mutation($name: String!) { createDepartment(name: $name) { id } }`;
    const name = `Warehouse ${++seq}`;
    const results = await Promise.all([(await as(admin)).gql(create, { name }), (await as(admin2)).gql(create, { name })]);
    expect(codes(results).sort()).toEqual(['BAD_USER_INPUT', 'OK']);
    expect(await em().count(Department, { name })).toBe(1);
  });
});
