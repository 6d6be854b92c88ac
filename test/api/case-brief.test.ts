// The case brief for management (issue #13, part 5): what `Proposal.brief` holds for a submitted
// proposal (regions with their supporters' notes as evidence, the tally with the reasons voters
// gave, key discussion points, the answers of other departments, the expected impact), the
// Markdown download and who may have it, a statement count that does not grow with comments and
// votes, and the mail every executive gets on submission, through a real SMTP server, with the
// decision link.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Em } from '../../server/src/db/orm.js';
import { addComment, raiseIssue, supportIssue } from '../../server/src/modules/issues/issues.service.js';
import { answerReferral, createDepartment, referIssue } from '../../server/src/modules/departments/departments.service.js';
import { mailSettingsOf } from '../../server/src/modules/notifications/mail.settings.js';
import { Notification } from '../../server/src/modules/notifications/notifications.entity.js';
import { createMailTransport, sendOutbox } from '../../server/src/modules/notifications/outbox.js';
import type { Region, User } from '../../server/src/modules/people/people.entity.js';
import type { Proposal } from '../../server/src/modules/proposals/proposals.entity.js';
import { castVote, closeVoting, draftProposal, openVoting, submitToManagement } from '../../server/src/modules/proposals/proposals.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { People } from '../support/client.js';
import * as f from '../support/factories.js';
import { gid } from '../support/ids.js';
import { startSmtp, type Mailbox } from '../support/smtp.js';

const PUBLIC_URL = 'https://council.example.test';
const MINUTE = 60_000;

let smtp: Mailbox;
let t: TestApp;
let em: Em;
let people: People;

interface Cast {
  nordics: Region;
  dach: Region;
  iberia: Region;
  raiser: User;
  dachNote: User;
  dachQuiet: User;
  iberiaNote: User;
  facilitator: User;
  executive: User;
  germanExecutive: User;
  admin: User;
  contact: User;
}
let c: Cast;

async function flushOutbox(): Promise<number> {
  const settings = mailSettingsOf(t.orm.em)!;
  const transport = await createMailTransport(settings);
  try {
    return await sendOutbox(t.orm.em.fork(), transport, settings, new Date());
  } finally {
    transport.close();
  }
}

beforeAll(async () => {
  smtp = await startSmtp();
  t = await startTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL, MAIL_FROM: 'Council <council@example.test>' }, sweepIntervalMs: 0, mailIntervalMs: 0, reminderIntervalMs: 0 });
  em = t.orm.em.fork();
  people = new People(t.app);
  const nordics = await f.region(em, { name: 'Nordics' });
  const dach = await f.region(em, { name: 'DACH' });
  const iberia = await f.region(em, { name: 'Iberia' });
  c = {
    nordics,
    dach,
    iberia,
    raiser: await f.user(em, { region: nordics, name: 'Nora Raiser' }),
    dachNote: await f.user(em, { region: dach, name: 'Dieter Note' }),
    dachQuiet: await f.user(em, { region: dach, name: 'Dana Quiet' }),
    iberiaNote: await f.user(em, { region: iberia, name: 'Inés Note' }),
    facilitator: await f.user(em, { roles: ['FACILITATOR'], name: 'Fay Facilitator' }),
    executive: await f.user(em, { roles: ['EXECUTIVE'], name: 'Eve Executive', email: 'eve@example.test' }),
    germanExecutive: await f.user(em, { roles: ['EXECUTIVE'], name: 'Gerd Geschäftsführer', email: 'gerd@example.test', locale: 'de' }),
    admin: await f.user(em, { roles: ['ADMIN'], name: 'Ada Admin' }),
    contact: await f.user(em, { roles: ['DEPARTMENT_CONTACT'], name: 'Bill Billing', email: 'billing@example.test' }),
  };
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});
beforeEach(() => {
  smtp.mails.length = 0;
});

/**
 * A passed proposal on an issue raised in the Nordics, supported in DACH (two, one with a note) and
 * Iberia (with a note), discussed, and answered by Billing; `votes` extra FOR votes and `comments`
 * extra comments make a bigger case of the same shape.
 */
async function passedCase(extra: { comments?: number; voters?: User[] } = {}): Promise<{ proposal: Proposal; issueId: string; base: number }> {
  const base = Date.now() - 120 * MINUTE;
  const at = (m: number) => new Date(base + m * MINUTE);
  const issue = await raiseIssue(
    em,
    c.raiser,
    { title: 'Refunds take twelve days', description: 'Customers wait **twelve days** for refunds.', evidence: '41 complaints a week in the Nordics.' },
    at(0),
  );
  await supportIssue(em, c.dachNote, issue.id, '17 complaints a week in DACH', at(1));
  await supportIssue(em, c.dachQuiet, issue.id, null, at(2));
  await supportIssue(em, c.iberiaNote, issue.id, 'Chargebacks doubled in Iberia', at(3));
  await addComment(em, c.dachQuiet, { type: 'Issue', id: issue.id }, 'An early remark from DACH.', at(4));
  await addComment(em, c.facilitator, { type: 'Issue', id: issue.id }, 'Let us bring this to the **next meeting**: see [the agenda](/meetings).', at(5));
  for (let i = 0; i < (extra.comments ?? 0); i++) await addComment(em, c.iberiaNote, { type: 'Issue', id: issue.id }, `Iberia again, number ${i}.`, at(6));
  const department = await createDepartment(em, c.admin, { name: `Billing ${issue.id.slice(0, 6)}`, contactIds: [c.contact.id] });
  const referral = await referIssue(em, c.facilitator, { issueId: issue.id, departmentId: department.id, question: 'Can refunds leave in the daily run?' }, at(7));
  await answerReferral(em, c.contact, referral.id, 'Yes, from next month.', at(8));
  const draft = await draftProposal(
    em,
    c.raiser,
    {
      issueId: issue.id,
      title: 'Refunds within five working days',
      currentPolicy: 'Refunds are paid in the weekly batch.',
      proposedPolicy: 'Refunds are paid within five working days.',
      rationale: 'Customers wait up to twelve days.',
      expectedImpact: 'About 60 fewer complaints a week across the regions.',
      requiresApproval: true,
    },
    at(9),
  );
  await addComment(em, c.dachNote, { type: 'Proposal', id: draft.id }, 'DACH supports this; the latest word from DACH.', at(10));
  await openVoting(em, c.facilitator, draft.id, new Date(Date.now() + 60 * MINUTE));
  await castVote(em, c.raiser, draft.id, 'FOR', 'Our customers ask every day.', at(11));
  await castVote(em, c.dachNote, draft.id, 'FOR', null, at(12));
  await castVote(em, c.dachQuiet, draft.id, 'AGAINST', 'Finance needs a month to adapt.', at(13));
  await castVote(em, c.iberiaNote, draft.id, 'ABSTAIN', null, at(14));
  for (const voter of extra.voters ?? []) await castVote(em, voter, draft.id, 'FOR', `${voter.name} agrees.`, at(15));
  const passed = await closeVoting(em, c.facilitator, draft.id);
  expect(passed.status).toBe('PASSED');
  return { proposal: passed, issueId: issue.id, base };
}

const BRIEF = `query($id: ID!) { node(id: $id) { ... on Proposal { viewerCanReadBrief { allowed } brief {
  problem { title description evidence }
  regions { region { name } origin supporters evidence { author note } }
  totalRegions
  tally { for against abstain quorumReached passing quorum threshold }
  reasons { choice reason voter region { name } }
  reasonCount
  discussion { author region { name } on excerpt }
  discussionLimit
  referrals { department question answer answeredBy }
  markdownUrl
} } } }`;

describe('the case brief', () => {
  let proposal: Proposal;
  beforeAll(async () => {
    ({ proposal } = await passedCase());
    await submitToManagement(em, c.raiser, proposal.id);
  });

  it('holds the problem, the regions with their evidence, the tally with reasons, discussion points, referral answers', async () => {
    const executive = await people.as(c.executive);
    const { node } = await executive.ok(BRIEF, { id: gid('Proposal', proposal.id) });
    expect(node.viewerCanReadBrief).toEqual({ allowed: true });
    const brief = node.brief;
    expect(brief.problem).toEqual({ title: 'Refunds take twelve days', description: 'Customers wait **twelve days** for refunds.', evidence: '41 complaints a week in the Nordics.' });
    // The origin first, then by supporters; each supporter's note is the region's evidence.
    expect(brief.regions).toEqual([
      { region: { name: 'Nordics' }, origin: true, supporters: 0, evidence: [] },
      { region: { name: 'DACH' }, origin: false, supporters: 2, evidence: [{ author: 'Dieter Note', note: '17 complaints a week in DACH' }] },
      { region: { name: 'Iberia' }, origin: false, supporters: 1, evidence: [{ author: 'Inés Note', note: 'Chargebacks doubled in Iberia' }] },
    ]);
    expect(brief.totalRegions).toBe(3);
    expect(brief.tally).toEqual({ for: 2, against: 1, abstain: 1, quorumReached: true, passing: true, quorum: 0.5, threshold: 0.5 });
    // Only the votes with a reason, newest first.
    expect(brief.reasons).toEqual([
      { choice: 'AGAINST', reason: 'Finance needs a month to adapt.', voter: 'Dana Quiet', region: { name: 'DACH' } },
      { choice: 'FOR', reason: 'Our customers ask every day.', voter: 'Nora Raiser', region: { name: 'Nordics' } },
    ]);
    expect(brief.reasonCount).toBe(2);
    // The latest comment of each region (the facilitator, without one, counts alone), newest first:
    // DACH's early remark on the issue gives way to its later one on the proposal.
    expect(brief.discussion).toEqual([
      { author: 'Dieter Note', region: { name: 'DACH' }, on: 'PROPOSAL', excerpt: 'DACH supports this; the latest word from DACH.' },
      { author: 'Fay Facilitator', region: null, on: 'ISSUE', excerpt: 'Let us bring this to the next meeting: see the agenda.' },
    ]);
    expect(brief.discussionLimit).toBe(6);
    expect(brief.referrals).toEqual([{ department: expect.stringMatching(/^Billing /), question: 'Can refunds leave in the daily run?', answer: 'Yes, from next month.', answeredBy: 'Bill Billing' }]);
    expect(brief.markdownUrl).toBe(`/export/proposals/${encodeURIComponent(gid('Proposal', proposal.id))}/brief.md`);

    // A coordinator reads it too; someone who is only a department's contact does not.
    const coordinator = await people.as(c.iberiaNote);
    expect((await coordinator.ok(BRIEF, { id: gid('Proposal', proposal.id) })).node.brief.tally.for).toBe(2);
    const contact = await people.as(c.contact);
    const refused = await contact.gql(`query($id: ID!) { node(id: $id) { ... on Proposal { viewerCanReadBrief { allowed } brief { totalRegions } } } }`, { id: gid('Proposal', proposal.id) });
    // (The proposal itself is out of a contact's sight: nothing of the brief reaches them.)
    expect(refused).toEqual({ data: { node: null } });
  });

  it('downloads as Markdown, in the reader’s language, for whoever may read it', async () => {
    const url = `/export/proposals/${encodeURIComponent(gid('Proposal', proposal.id))}/brief.md`;
    const res = await t.app.inject({ url, headers: { cookie: await cookieOf(c.executive) } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="refunds-within-five-working-days-brief.md"');
    const md = res.body;
    expect(md).toMatch(/^# Case brief: Refunds within five working days\n/);
    for (const heading of ['The problem', 'Regions affected (3 of 3 regions)', 'The vote', 'Key discussion points', 'Answers from other departments', 'The change', 'Expected impact']) {
      expect(md).toContain(`\n## ${heading}\n`);
    }
    expect(md).toContain('- **DACH** (2 supporters)\n  - “17 complaints a week in DACH” — Dieter Note');
    expect(md).toContain('**For 2 · Against 1 · Abstain 1**');
    expect(md).toContain('- **Against:** “Finance needs a month to adapt.” — Dana Quiet, DACH');
    expect(md).toContain('The proposal passes.');
    expect(md).toMatch(/\n- \*\*Billing [^*]+\*\*\\\n {2}Question: Can refunds leave in the daily run\?\\\n {2}Answer: Yes, from next month\. \(Bill Billing, [^)]+\)\n/);
    expect(md).toContain('About 60 fewer complaints a week across the regions.');
    // User text stays text: the description's emphasis is shown, not obeyed.
    expect(md).toContain('Customers wait \\*\\*twelve days\\*\\* for refunds.');

    const german = await t.app.inject({ url, headers: { cookie: await cookieOf(c.germanExecutive) } });
    expect(german.statusCode).toBe(200);
    expect(german.body).toMatch(/^# Fallübersicht: Refunds within five working days\n/);
    expect(german.body).toContain('\n## Betroffene Regionen (3 von 3 Regionen)\n');
    expect(german.body).toContain('\n## Erwartete Wirkung\n');

    expect((await t.app.inject({ url })).statusCode).toBe(401);
    expect((await t.app.inject({ url, headers: { cookie: await cookieOf(c.contact) } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/export/proposals/${encodeURIComponent(gid('Proposal', '00000000-0000-0000-0000-000000000000'))}/brief.md`, headers: { cookie: await cookieOf(c.executive) } })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/export/proposals/${encodeURIComponent(gid('Issue', proposal.issue.id))}/brief.md`, headers: { cookie: await cookieOf(c.executive) } })).statusCode).toBe(404);
  });
});

const cookies = new Map<string, string>();
async function cookieOf(user: User): Promise<string> {
  if (!cookies.has(user.id)) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ query: `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id } }`, variables: { e: user.email, p: f.PASSWORD } }),
    });
    const set = [res.headers['set-cookie']].flat().find((h) => h?.startsWith('council_session='))!;
    cookies.set(user.id, set.split(';')[0]);
  }
  return cookies.get(user.id)!;
}

describe('cost', () => {
  it('costs the same statements for a small and a large case (comments, votes)', async () => {
    const small = (await passedCase()).proposal;
    const voters = [];
    for (let i = 0; i < 8; i++) voters.push(await f.user(em, { region: i % 2 ? c.iberia : c.nordics, name: `Extra Voter ${i}` }));
    // The large case: twelve more comments, eight more votes with a reason.
    const large = (await passedCase({ comments: 12, voters })).proposal;
    const executive = await people.as(c.executive);
    const statementsFor = async (id: string) => {
      const before = t.statements.count;
      const { node } = await executive.ok(BRIEF, { id: gid('Proposal', id) });
      expect(node.brief).not.toBeNull();
      return t.statements.count - before;
    };
    const one = await statementsFor(small.id);
    expect(await statementsFor(large.id)).toBe(one);
    expect(one).toBeLessThanOrEqual(14);

    // A list of proposals with their briefs costs what one does (the loader assembles them together).
    const list = `{ proposals(status: [PASSED]) { brief { regions { supporters } tally { for } reasons { reason } discussion { excerpt } referrals { answer } } } }`;
    const before = t.statements.count;
    const { proposals } = await executive.ok(list);
    expect(proposals.length).toBeGreaterThanOrEqual(2);
    expect(t.statements.count - before).toBeLessThanOrEqual(one + 2);
  });
});

describe('the executives’ mail', () => {
  it('tells every active executive, in the submit’s transaction, with the brief’s summary and the decision link', async () => {
    const { proposal } = await passedCase();
    // The outbox also holds the mails of earlier steps: sent first, so only this submission's are read.
    while ((await flushOutbox()) > 0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    smtp.mails.length = 0;
    const before = await em.fork().count(Notification, { kind: 'PROPOSAL_SUBMITTED' });
    await submitToManagement(em, c.facilitator, proposal.id);
    // In the same transaction as the status, so written before anything else happens.
    const told = await em.fork().find(Notification, { kind: 'PROPOSAL_SUBMITTED', subjectId: proposal.id }, { populate: ['user'] });
    expect(told.map((n) => n.user.email).sort()).toEqual(['eve@example.test', 'gerd@example.test']);
    expect(await em.fork().count(Notification, { kind: 'PROPOSAL_SUBMITTED' })).toBe(before + 2);

    expect(await flushOutbox()).toBe(2);
    await expect.poll(() => smtp.to('gerd@example.test').length).toBe(1);
    const id = encodeURIComponent(gid('Proposal', proposal.id));
    const [mail] = smtp.to('eve@example.test');
    expect(mail.subject).toBe('“Refunds within five working days” was submitted to management for your decision.');
    expect(mail.text).toContain('The case in brief');
    expect(mail.text).toContain('Problem: Refunds take twelve days: Customers wait twelve days for refunds.');
    expect(mail.text).toContain('Regions affected: Nordics (raised here), DACH (2 supporters), Iberia (1 supporter) (3 of 3 regions)');
    expect(mail.text).toContain('Vote: For 2 · Against 1 · Abstain 1.');
    expect(mail.text).toContain('Expected impact: About 60 fewer complaints a week across the regions.');
    expect(mail.text).toContain(`Decide: ${PUBLIC_URL}/proposals/${id}/decide`);
    expect(mail.text).toContain(`Read and print the case brief: ${PUBLIC_URL}/proposals/${id}/brief`);
    expect(mail.html).toContain(`href="${PUBLIC_URL}/proposals/${id}/decide"`);

    const [german] = smtp.to('gerd@example.test');
    expect(german.subject).toBe('„Refunds within five working days“ wurde der Geschäftsleitung zur Entscheidung vorgelegt.');
    expect(german.text).toContain('Der Fall in Kürze');
    expect(german.text).toContain(`Entscheiden: ${PUBLIC_URL}/proposals/${id}/decide`);
    // Nobody else hears of the submission.
    expect(smtp.mails.map((m) => m.to).sort()).toEqual(['eve@example.test', 'gerd@example.test']);
  });

  it('writes nothing when the submit is refused', async () => {
    const { proposal } = await passedCase();
    await submitToManagement(em, c.raiser, proposal.id);
    const before = await em.fork().count(Notification, { kind: 'PROPOSAL_SUBMITTED' });
    await expect(submitToManagement(em, c.raiser, proposal.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await em.fork().count(Notification, { kind: 'PROPOSAL_SUBMITTED' })).toBe(before);
  });
});
