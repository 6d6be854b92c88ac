// The authorization matrix: every mutation of the schema × every kind of person (signed out
// included) × the states of its subject that matter, run through the API and checked against the
// domain policy's answer for that person and that subject — the same `refusal()` the service asks.
// The API succeeds exactly where the policy allows and then leaves its audit event, by that person,
// at the time of the call; where the policy refuses, the API refuses with the policy's code and
// reason, and no row of any table changes. A mutation without an entry fails the test, so a new
// one cannot slip through; some cells are also written out by hand, so a wrong policy is caught
// too. Then the reads: every viewerCan field and `User.can` answer what the policies answer, the
// decision queue is gated like its ability, and a draft agenda reaches nobody it should not.
import { translator } from '@council/shared/i18n';
import { PROPOSAL_ACTIONS, type ProposalAction } from '@council/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ABILITIES, ABILITY_NAMES } from '../../server/src/abilities.js';
import type { Em } from '../../server/src/db/orm.js';
import { schema } from '../../server/src/graphql/schema.js';
import { SIGNED_OUT, conflict, type Refusal } from '../../server/src/policy.js';
import { AuditEvent } from '../../server/src/modules/audit/audit.entity.js';
import { Comment, Issue, Support } from '../../server/src/modules/issues/issues.entity.js';
import { issuePolicy } from '../../server/src/modules/issues/issues.policy.js';
import { addComment, editComment, mergeIssue, raiseIssue, supportIssue, withdrawSupport } from '../../server/src/modules/issues/issues.service.js';
import { ActionItem, AgendaItem, Meeting } from '../../server/src/modules/meetings/meetings.entity.js';
import { meetingPolicy } from '../../server/src/modules/meetings/meetings.policy.js';
import { closeMeeting, createActionItem, scheduleMeeting, startMeeting } from '../../server/src/modules/meetings/meetings.service.js';
import { generateMeetingAgenda, publishAgenda, unscheduleAgendaItem } from '../../server/src/modules/meetings/agenda.service.js';
import { Region, User } from '../../server/src/modules/people/people.entity.js';
import { Proposal, Rollout } from '../../server/src/modules/proposals/proposals.entity.js';
import { proposalPolicy } from '../../server/src/modules/proposals/proposals.policy.js';
import { castVote, closeVoting, draftProposal, openVoting, submitToManagement, updateRollout } from '../../server/src/modules/proposals/proposals.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { Client, People } from '../support/client.js';
import { tableContents } from '../support/db.js';
import * as f from '../support/factories.js';
import { gid } from '../support/ids.js';
import { Notification } from '../../server/src/modules/notifications/notifications.entity.js';
import { Invitation, PasswordReset } from '../../server/src/modules/people/invitations.entity.js';
import { peoplePolicy } from '../../server/src/modules/people/people.policy.js';
import { newToken } from '../../server/src/modules/people/tokens.js';
import { Policy } from '../../server/src/modules/policies/policies.entity.js';
import { policiesPolicy } from '../../server/src/modules/policies/policies.policy.js';
import { adoptIntoRegister } from '../../server/src/modules/policies/policies.service.js';
import { Department, DepartmentContact, Referral } from '../../server/src/modules/departments/departments.entity.js';
import { departmentPolicy } from '../../server/src/modules/departments/departments.policy.js';
import { closeReferral, createDepartment, referIssue } from '../../server/src/modules/departments/departments.service.js';

const en = translator('en');
const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY);

type ActorName = 'signed out' | 'coordinator' | 'coordinator without region' | 'facilitator' | 'executive' | 'admin' | 'department contact';
interface Actor {
  name: ActorName;
  user: User | null;
}
type Outcome = 'allowed' | Refusal['code'];
const outcomeOf = (refusal: Refusal | null): Outcome => refusal?.code ?? 'allowed';

let t: TestApp;
let people: People;
let signedOut: Client;
let regions: Region[];
/** Not in the matrix: the author of the subjects, and the facilitator who moves them along. */
let author: User;
let host: User;
/** The account a signed-out person signs in to. */
let spare: User;
let actors: Actor[];
/** The department whose contact is the matrix's 'department contact'. */
let department: Department;

beforeAll(async () => {
  t = await startTestApp({ sweepIntervalMs: 0 });
  people = new People(t.app);
  signedOut = new Client(t.app);
  const em = t.orm.em.fork();
  regions = [];
  for (let i = 1; i <= 4; i++) regions.push(await f.region(em, { name: `Matrix region ${i}` }));
  author = await f.user(em, { region: regions[2], name: 'Ana Author' });
  host = await f.user(em, { region: regions[3], roles: ['FACILITATOR', 'COORDINATOR'], name: 'Hugo Host' });
  spare = await f.user(em, { region: regions[2] });
  actors = [
    { name: 'signed out', user: null },
    { name: 'coordinator', user: await f.user(em, { region: regions[0] }) },
    { name: 'coordinator without region', user: await f.user(em, { region: null }) },
    { name: 'facilitator', user: await f.user(em, { region: regions[1], roles: ['FACILITATOR'] }) },
    { name: 'executive', user: await f.user(em, { region: null, roles: ['EXECUTIVE'] }) },
    { name: 'admin', user: await f.user(em, { region: null, roles: ['ADMIN'] }) },
    { name: 'department contact', user: await f.user(em, { region: null, roles: ['DEPARTMENT_CONTACT'] }) },
  ];
  department = await createDepartment(svc(), actors.find((a) => a.name === 'admin')!.user!, { name: 'Matrix billing', contactIds: [actors.at(-1)!.user!.id] });
  // Open issues, so that every generated agenda has items between its opening and closing.
  await anIssue();
  await anIssue();
});
afterAll(() => t.close());

// ---------------------------------------------------------------- subjects, built through the services

const svc = () => t.orm.em.fork();
let seq = 0;

async function anIssue(by: User = author): Promise<string> {
  seq += 1;
  return (await raiseIssue(svc(), by, { title: `Refunds wait too long, case ${seq}`, description: 'Customers wait three weeks for their money.' })).id;
}

async function aMergedIssue(): Promise<string> {
  const duplicate = await anIssue();
  await mergeIssue(svc(), host, duplicate, await anIssue());
  return duplicate;
}

const proposalInput = (issueId: string, requiresApproval: boolean) => ({
  issueId,
  title: 'Refunds within five days',
  currentPolicy: 'Refunds are paid within ten working days.',
  proposedPolicy: 'Refunds are paid within five working days.',
  rationale: 'Customers wait too long for their money.',
  requiresApproval,
});

async function aDraft(by: User = author, requiresApproval = true): Promise<string> {
  return (await draftProposal(svc(), by, proposalInput(await anIssue(), requiresApproval))).id;
}

async function inVoting(by: User = author, requiresApproval = true): Promise<string> {
  const id = await aDraft(by, requiresApproval);
  await openVoting(svc(), host, id, inDays(7));
  return id;
}

/** Passed by two of four regions; without approval it goes straight to IMPLEMENTING. */
async function passed(by: User = author, requiresApproval = true): Promise<string> {
  const id = await inVoting(by, requiresApproval);
  for (const voter of [author, host]) await castVote(svc(), voter, id, 'FOR');
  await closeVoting(svc(), host, id);
  return id;
}

async function submitted(): Promise<string> {
  const id = await passed();
  await submitToManagement(svc(), author, id);
  return id;
}

const implementing = () => passed(author, false);

async function aMeeting(): Promise<string> {
  seq += 1;
  return (await scheduleMeeting(svc(), host, { title: `Coordinators meeting ${seq}`, startsAt: inDays(3), durationMinutes: 90 })).id;
}

async function withAgenda(): Promise<string> {
  const id = await aMeeting();
  await generateMeetingAgenda(svc(), host, id);
  return id;
}

/** One running meeting at a time: the previous case's meeting closes before another starts. */
async function closeRunning(): Promise<void> {
  const previous = await svc().findOne(Meeting, { status: 'IN_PROGRESS' });
  if (previous) await closeMeeting(svc(), host, previous.id);
}

async function running(): Promise<string> {
  const id = await withAgenda();
  await closeRunning();
  await startMeeting(svc(), host, id);
  return id;
}

async function closedToday(): Promise<string> {
  const id = await running();
  await closeMeeting(svc(), host, id);
  return id;
}

/** The second item of a meeting's agenda (the first after the opening). */
async function secondItem(meetingId: string): Promise<string> {
  const items = await svc().find(AgendaItem, { meeting: meetingId, scheduled: true }, { orderBy: { position: 'asc' } });
  expect(items.length).toBeGreaterThan(2);
  return items[1].id;
}

async function anActionItem(owner: User, agendaItemId: string | null = null, meetingId?: string): Promise<string> {
  const meeting = meetingId ?? (await aMeeting());
  return (await createActionItem(svc(), host, { meetingId: meeting, title: 'Send the new refund text', ownerId: owner.id, agendaItemId })).id;
}

// ---------------------------------------------------------------- the matrix

/** One subject in the state a case needs: the mutation's variables, and the policy's answer for it. */
interface Cell {
  vars: Record<string, unknown>;
  /** The policy's answer for `user` on the subject as it is in the database now. */
  refusal(user: User | null, em: Em): Promise<Refusal | null>;
}

interface Case {
  state: string;
  /** The subject is the acting person's own (built for each person); else one is shared until someone changes it. */
  own?: true;
  /** The subject in this state; null where the state cannot exist for the person (their own proposal when they may not draft). */
  build(actor: Actor): Promise<Cell | null>;
  /** Outcomes written out by hand, to catch a policy that is wrong rather than ignored. */
  expect?: Partial<Record<ActorName, Outcome>>;
}

interface Entry {
  document: string;
  /** The audit event an allowed call writes. */
  audit: RegExp;
  cases: Case[];
  /** Needs no sign-in: 'none' starts from a client without a session; 'own' from a session of its own. */
  session?: 'none' | 'own';
  /** Undoes what the successes left that would change later cases (regions change every tally's denominator). */
  after?: () => Promise<void>;
  /** Whom the audit event names when it is not the person acting (signing in as someone); null: no event. */
  auditedAs?: (actor: Actor, vars: Record<string, unknown>) => User | null | Promise<User | null>;
}

const SIGNED_IN: Cell['refusal'] = async (user) => (user ? null : SIGNED_OUT);
const PUBLIC: Cell['refusal'] = async () => null;

const onIssue = (action: 'comment' | 'merge' | 'unmerge', id: string, vars: Record<string, unknown>): Cell => ({
  vars,
  refusal: async (user, em) => {
    const issue = await em.findOneOrFail(Issue, id);
    if (action !== 'comment') return issuePolicy.refusal(user, action, issue);
    // A department's contact comments on the issues referred to their department.
    const departments = user ? (await em.find(DepartmentContact, { user: user.id })).map((c) => c.department.id) : [];
    const referredToViewer = departments.length > 0 && (await em.count(Referral, { issue: id, department: { $in: departments } })) > 0;
    return issuePolicy.refusal(user, 'comment', { issue, referredToViewer });
  },
});

const onSupport = (action: 'support' | 'withdrawSupport', id: string): Cell => ({
  vars: { id: gid('Issue', id) },
  refusal: async (user, em) =>
    issuePolicy.refusal(user, action, { issue: await em.findOneOrFail(Issue, id), supported: !!user && (await em.count(Support, { issue: id, user })) > 0 }),
});

type WideAction = Exclude<ProposalAction, 'updateRollout'>;
const onProposal = (action: WideAction, id: string, vars: Record<string, unknown> = {}): Cell => ({
  vars: { id: gid('Proposal', id), ...vars },
  refusal: async (user, em) => proposalPolicy.refusal(user, action, await em.findOneOrFail(Proposal, id)),
});

const onMeeting = (meetingId: string, vars: Record<string, unknown>): Cell => ({
  vars,
  refusal: async (user, em) => meetingPolicy.refusal(user, 'manage', await em.findOneOrFail(Meeting, meetingId)),
});

const onAgendaItem = async (meetingId: Promise<string>, vars: (itemId: string) => Record<string, unknown>): Promise<Cell> => {
  const meeting = await meetingId;
  return onMeeting(meeting, vars(gid('AgendaItem', await secondItem(meeting))));
};

const onActionItem = (action: 'setActionItemStatus' | 'editActionItem', id: string, input: Record<string, unknown>): Cell => ({
  vars: { id: gid('ActionItem', id), input },
  refusal: async (user, em) => meetingPolicy.refusal(user, action, await em.findOneOrFail(ActionItem, id)),
});

const ability = (name: keyof typeof ABILITIES, vars: Record<string, unknown> = {}): Cell => ({ vars, refusal: async (user) => ABILITIES[name](user) });

/** Whether the person may draft (their own proposals exist only then). */
const drafts = async (actor: Actor) => !!actor.user && proposalPolicy.can(actor.user, 'draft', await svc().findOneOrFail(Issue, await anIssue()));

/** An invitation (by the matrix's admin) whose link's token the test knows; accepted or revoked when asked. */
async function anInvitation(state: 'pending' | 'accepted' | 'revoked' = 'pending'): Promise<{ id: string; token: string; email: string }> {
  seq += 1;
  const { token, hash } = newToken();
  const em = svc();
  const invitation = em.create(Invitation, {
    email: `invitee${seq}@example.test`,
    name: `Invitee ${seq}`,
    roles: ['COORDINATOR'],
    region: regions[0].id,
    locale: 'en',
    invitedBy: actors.find((a) => a.name === 'admin')!.user!.id,
    tokenHash: hash,
    expiresAt: inDays(7),
    acceptedAt: state === 'accepted' ? new Date() : null,
    revokedAt: state === 'revoked' ? new Date() : null,
    createdAt: new Date(),
  });
  await em.flush();
  return { id: invitation.id, token, email: invitation.email };
}

/** A password reset link of a new person, by its token (the person is whom a reset signs in). */
const resetOwners = new Map<string, User>();
async function aResetLink(): Promise<string> {
  const owner = await f.user(svc());
  const { token, hash } = newToken();
  const em = svc();
  em.create(PasswordReset, { user: owner.id, tokenHash: hash, expiresAt: new Date(Date.now() + 3_600_000), usedAt: null, createdAt: new Date() });
  await em.flush();
  resetOwners.set(token, owner);
  return token;
}

/** Removes the regions the region mutations made: the matrix's votes are tallied over its four. */
async function onlyTheFourRegions(): Promise<void> {
  await svc().nativeDelete(Region, { id: { $nin: regions.map((r) => r.id) } });
}

/** A policy with `versions` versions adopted, as implemented proposals adopt them. */
async function aPolicy(versions: number): Promise<string> {
  let policyId: string | null = null;
  for (let v = 0; v < versions; v++) {
    const draftId = await aDraft();
    const version = await svc().transactional(async (tx) => {
      const proposal = await tx.findOneOrFail(Proposal, draftId);
      if (policyId) proposal.policy = tx.getReference(Policy, policyId);
      return adoptIntoRegister(tx, host, proposal, new Date());
    });
    policyId = version.policy.id;
  }
  return policyId!;
}

const onPolicyVersion = (policyId: string, version: number): Cell => ({
  vars: { id: gid('Policy', policyId), v: version },
  refusal: async (user, em) => policiesPolicy.refusal(user, 'acknowledge', { policy: await em.findOneOrFail(Policy, policyId), version }),
});

/** A change rolled out everywhere (IMPLEMENTED), its outcome due in `dueInDays` days (negative: due since). */
async function implemented(dueInDays: number): Promise<string> {
  const id = await implementing();
  for (const r of await svc().find(Rollout, { proposal: id })) await updateRollout(svc(), host, { proposalId: id, regionId: r.region.id, status: 'DONE' });
  await svc().nativeUpdate(Proposal, { id }, { outcomeDueOn: inDays(dueInDays) });
  return id;
}

const onOutcome = (proposalId: string, regionId: string): Cell => ({
  vars: { id: gid('Proposal', proposalId), region: gid('Region', regionId) },
  refusal: async (user, em) => proposalPolicy.refusal(user, 'reportOutcome', { proposal: await em.findOneOrFail(Proposal, proposalId), regionId, now: new Date() }),
});

const DRAFT_INPUT = { title: 'Returns take too long here', description: 'Customers wait three weeks for their refunds.' };

/** A referral of a new issue to the matrix's department, closed when asked. */
async function aReferral(closed = false): Promise<string> {
  const referral = await referIssue(svc(), author, { issueId: await anIssue(), departmentId: department.id, question: 'Which VAT rate do refunds use?' });
  if (closed) await closeReferral(svc(), host, referral.id);
  return referral.id;
}

const onReferral = (action: 'answer' | 'close', id: string, vars: Record<string, unknown>): Cell => ({
  vars: { id: gid('Referral', id), ...vars },
  refusal: async (user, em) => {
    const referral = await em.findOneOrFail(Referral, id);
    if (action === 'close') return departmentPolicy.refusal(user, 'close', referral);
    const isContact = !!user && (await em.count(DepartmentContact, { user: user.id, department: referral.department.id })) > 0;
    return departmentPolicy.refusal(user, 'answer', { referral, isContact });
  },
});

const MATRIX: Record<string, Entry> = {
  createDepartment: {
    document: `mutation($name: String!) { createDepartment(name: $name) { id } }`,
    audit: /^department\.created$/,
    cases: [
      {
        state: 'a new name',
        build: async () => ability('manageDepartments', { name: `Matrix department ${++seq}` }),
        expect: { admin: 'allowed', coordinator: 'FORBIDDEN', facilitator: 'FORBIDDEN', executive: 'FORBIDDEN', 'department contact': 'FORBIDDEN' },
      },
    ],
  },
  updateDepartment: {
    document: `mutation($id: ID!, $name: String!) { updateDepartment(departmentId: $id, name: $name) { id } }`,
    audit: /^department\.updated$/,
    cases: [
      {
        state: 'a department',
        build: async () => {
          const created = await createDepartment(svc(), actors.find((a) => a.name === 'admin')!.user!, { name: `Matrix department ${++seq}` });
          return ability('manageDepartments', { id: gid('Department', created.id), name: `${created.name} renamed` });
        },
        expect: { admin: 'allowed', coordinator: 'FORBIDDEN', 'department contact': 'FORBIDDEN' },
      },
    ],
  },
  referIssue: {
    document: `mutation($input: ReferIssueInput!) { referIssue(input: $input) { id } }`,
    audit: /^referral\.created$/,
    cases: [
      {
        state: 'an open issue',
        build: async () => {
          const id = await anIssue();
          return {
            vars: { input: { issueId: gid('Issue', id), departmentId: gid('Department', department.id), question: 'Which VAT rate do refunds use?' } },
            refusal: async (user, em) => departmentPolicy.refusal(user, 'refer', await em.findOneOrFail(Issue, id)),
          };
        },
        expect: { coordinator: 'allowed', facilitator: 'allowed', executive: 'FORBIDDEN', admin: 'FORBIDDEN', 'department contact': 'FORBIDDEN' },
      },
      {
        state: 'a merged issue',
        build: async () => {
          const id = await aMergedIssue();
          return {
            vars: { input: { issueId: gid('Issue', id), departmentId: gid('Department', department.id), question: 'Which VAT rate do refunds use?' } },
            refusal: async (user, em) => departmentPolicy.refusal(user, 'refer', await em.findOneOrFail(Issue, id)),
          };
        },
        expect: { coordinator: 'CONFLICT', executive: 'FORBIDDEN' },
      },
    ],
  },
  answerReferral: {
    document: `mutation($id: ID!, $answer: String!) { answerReferral(referralId: $id, answer: $answer) { id } }`,
    audit: /^referral\.answered$/,
    cases: [
      {
        state: 'an open referral to the department',
        build: async () => onReferral('answer', await aReferral(), { answer: 'The rate of the refund date.' }),
        expect: { 'department contact': 'allowed', coordinator: 'FORBIDDEN', facilitator: 'FORBIDDEN', executive: 'FORBIDDEN', admin: 'FORBIDDEN' },
      },
      { state: 'a closed referral', build: async () => onReferral('answer', await aReferral(true), { answer: 'Too late?' }), expect: { 'department contact': 'CONFLICT' } },
    ],
  },
  closeReferral: {
    document: `mutation($id: ID!) { closeReferral(referralId: $id) { id } }`,
    audit: /^referral\.closed$/,
    cases: [
      {
        state: 'an open referral',
        build: async () => onReferral('close', await aReferral(), {}),
        expect: { facilitator: 'allowed', coordinator: 'FORBIDDEN', executive: 'FORBIDDEN', 'department contact': 'FORBIDDEN' },
      },
      { state: 'a closed referral', build: async () => onReferral('close', await aReferral(true), {}), expect: { facilitator: 'CONFLICT' } },
    ],
  },
  acknowledgePolicy: {
    document: `mutation($id: ID!, $v: Int!) { acknowledgePolicy(policyId: $id, version: $v) { id } }`,
    audit: /^policy\.acknowledged$/,
    cases: [
      {
        state: 'the version in force',
        own: true,
        build: async () => onPolicyVersion(await aPolicy(1), 1),
        expect: { coordinator: 'allowed', 'coordinator without region': 'FORBIDDEN', facilitator: 'FORBIDDEN', executive: 'FORBIDDEN', admin: 'FORBIDDEN' },
      },
      { state: 'a replaced version', build: async () => onPolicyVersion(await aPolicy(2), 1), expect: { coordinator: 'CONFLICT' } },
    ],
  },
  raiseIssue: {
    document: `mutation($input: RaiseIssueInput!) { raiseIssue(input: $input) { id } }`,
    audit: /^issue\.raised$/,
    cases: [
      {
        state: 'a new issue',
        build: async () => ({ vars: { input: DRAFT_INPUT }, refusal: async (user) => issuePolicy.refusal(user, 'raise') }),
        expect: { coordinator: 'allowed', 'coordinator without region': 'FORBIDDEN', facilitator: 'allowed', executive: 'FORBIDDEN', admin: 'FORBIDDEN' },
      },
    ],
  },
  supportIssue: {
    document: `mutation($id: ID!) { supportIssue(issueId: $id) { id } }`,
    audit: /^issue\.supported$/,
    cases: [
      {
        state: "someone else's active issue",
        build: async () => onSupport('support', await anIssue()),
        expect: { coordinator: 'allowed', 'coordinator without region': 'FORBIDDEN', executive: 'FORBIDDEN', admin: 'FORBIDDEN' },
      },
      {
        state: 'their own issue',
        own: true,
        build: async (actor) => (actor.user && issuePolicy.can(actor.user, 'raise') ? onSupport('support', await anIssue(actor.user)) : null),
        expect: { coordinator: 'CONFLICT' },
      },
      { state: 'a merged issue', build: async () => onSupport('support', await aMergedIssue()), expect: { coordinator: 'CONFLICT' } },
    ],
  },
  withdrawSupport: {
    document: `mutation($id: ID!) { withdrawSupport(issueId: $id) { id } }`,
    audit: /^issue\.supportWithdrawn$/,
    cases: [
      {
        state: 'an issue they support',
        own: true,
        build: async (actor) => {
          const id = await anIssue();
          if (!actor.user || !issuePolicy.can(actor.user, 'support', { issue: await svc().findOneOrFail(Issue, id), supported: false })) return null;
          await supportIssue(svc(), actor.user, id);
          return onSupport('withdrawSupport', id);
        },
        expect: { coordinator: 'allowed' },
      },
      { state: 'an issue they do not support', build: async () => onSupport('withdrawSupport', await anIssue()), expect: { coordinator: 'CONFLICT', executive: 'CONFLICT' } },
    ],
  },
  addComment: {
    document: `mutation($id: ID!) { addComment(subjectId: $id, body: "Same here in our region.") { id } }`,
    audit: /^comment\.added$/,
    cases: [
      {
        state: 'an active issue',
        build: async () => {
          const id = await anIssue();
          return onIssue('comment', id, { id: gid('Issue', id) });
        },
        expect: { coordinator: 'allowed', 'coordinator without region': 'allowed', executive: 'FORBIDDEN' },
      },
      {
        state: 'a proposal',
        build: async () => {
          const id = await aDraft();
          return { vars: { id: gid('Proposal', id) }, refusal: async (user, em) => issuePolicy.refusal(user, 'comment', await em.findOneOrFail(Proposal, id)) };
        },
        expect: { facilitator: 'allowed', admin: 'FORBIDDEN' },
      },
      {
        state: 'a merged issue',
        build: async () => {
          const id = await aMergedIssue();
          return onIssue('comment', id, { id: gid('Issue', id) });
        },
        expect: { coordinator: 'CONFLICT' },
      },
    ],
  },
  editComment: {
    document: `mutation($id: ID!) { editComment(commentId: $id, body: "Same here, since March.") { id } }`,
    audit: /^comment\.edited$/,
    cases: [
      {
        state: 'their own comment',
        own: true,
        build: async (actor) => {
          const issueId = await anIssue();
          if (!actor.user || !issuePolicy.can(actor.user, 'comment', { issue: await svc().findOneOrFail(Issue, issueId), referredToViewer: false })) return null;
          const comment = await addComment(svc(), actor.user, { type: 'Issue', id: issueId }, 'Same here.');
          return { vars: { id: gid('Comment', comment.id) }, refusal: async (user, em) => issuePolicy.refusal(user, 'editComment', await em.findOneOrFail(Comment, comment.id)) };
        },
        expect: { coordinator: 'allowed' },
      },
      {
        state: "someone else's comment",
        build: async () => {
          const comment = await addComment(svc(), author, { type: 'Issue', id: await anIssue() }, 'It happens every week.');
          return { vars: { id: gid('Comment', comment.id) }, refusal: async (user, em) => issuePolicy.refusal(user, 'editComment', await em.findOneOrFail(Comment, comment.id)) };
        },
        expect: { coordinator: 'FORBIDDEN', facilitator: 'FORBIDDEN', admin: 'FORBIDDEN' },
      },
    ],
  },
  mergeIssue: {
    document: `mutation($id: ID!, $into: ID!) { mergeIssue(issueId: $id, intoIssueId: $into) { id } }`,
    audit: /^issue\.merged$/,
    cases: [
      {
        state: 'two active issues',
        build: async () => {
          const [id, into] = [await anIssue(), await anIssue()];
          return onIssue('merge', id, { id: gid('Issue', id), into: gid('Issue', into) });
        },
        expect: { facilitator: 'allowed', coordinator: 'FORBIDDEN', admin: 'FORBIDDEN' },
      },
    ],
  },
  unmergeIssue: {
    document: `mutation($id: ID!) { unmergeIssue(issueId: $id) { id } }`,
    audit: /^issue\.unmerged$/,
    cases: [
      {
        state: 'a merged issue',
        build: async () => {
          const id = await aMergedIssue();
          return onIssue('unmerge', id, { id: gid('Issue', id) });
        },
        expect: { facilitator: 'allowed', coordinator: 'FORBIDDEN', admin: 'FORBIDDEN' },
      },
      {
        state: 'an active issue',
        build: async () => {
          const id = await anIssue();
          return onIssue('unmerge', id, { id: gid('Issue', id) });
        },
        expect: { facilitator: 'CONFLICT', coordinator: 'FORBIDDEN' },
      },
    ],
  },
  draftProposal: {
    document: `mutation($input: DraftProposalInput!) { draftProposal(input: $input) { id } }`,
    audit: /^proposal\.drafted$/,
    cases: [
      {
        state: 'an active issue',
        build: async () => {
          const id = await anIssue();
          return { vars: { input: proposalInput(gid('Issue', id), true) }, refusal: async (user, em) => proposalPolicy.refusal(user, 'draft', await em.findOneOrFail(Issue, id)) };
        },
        expect: { coordinator: 'allowed', executive: 'FORBIDDEN', admin: 'FORBIDDEN' },
      },
      {
        state: 'a merged issue',
        build: async () => {
          const id = await aMergedIssue();
          return { vars: { input: proposalInput(gid('Issue', id), true) }, refusal: async (user, em) => proposalPolicy.refusal(user, 'draft', await em.findOneOrFail(Issue, id)) };
        },
        expect: { coordinator: 'CONFLICT' },
      },
    ],
  },
  reviseProposal: {
    document: `mutation($id: ID!) { reviseProposal(input: { proposalId: $id, version: 1, title: "Refunds within five working days" }) { id } }`,
    audit: /^proposal\.revised$/,
    cases: [
      { state: 'their own draft', own: true, build: async (actor) => ((await drafts(actor)) ? onProposal('revise', await aDraft(actor.user!)) : null), expect: { coordinator: 'allowed' } },
      { state: "someone else's draft", build: async () => onProposal('revise', await aDraft()), expect: { coordinator: 'FORBIDDEN', facilitator: 'FORBIDDEN' } },
      { state: "someone else's proposal in voting", build: async () => onProposal('revise', await inVoting()), expect: { facilitator: 'FORBIDDEN' } },
    ],
  },
  openVoting: {
    document: `mutation($id: ID!, $closesAt: DateTime!) { openVoting(proposalId: $id, closesAt: $closesAt) { id } }`,
    audit: /^proposal\.voting$/,
    cases: [
      {
        state: 'a draft',
        build: async () => onProposal('openVoting', await aDraft(), { closesAt: inDays(7).toISOString() }),
        expect: { facilitator: 'allowed', coordinator: 'FORBIDDEN', executive: 'FORBIDDEN' },
      },
      { state: 'a proposal in voting', build: async () => onProposal('openVoting', await inVoting(), { closesAt: inDays(7).toISOString() }), expect: { facilitator: 'CONFLICT' } },
    ],
  },
  castVote: {
    document: `mutation($id: ID!) { castVote(proposalId: $id, choice: FOR) { id } }`,
    audit: /^vote\.cast$/,
    cases: [
      {
        state: 'a proposal in voting',
        build: async () => onProposal('castVote', await inVoting()),
        expect: { coordinator: 'allowed', 'coordinator without region': 'FORBIDDEN', facilitator: 'FORBIDDEN', executive: 'FORBIDDEN', admin: 'FORBIDDEN' },
      },
      { state: 'a draft', build: async () => onProposal('castVote', await aDraft()), expect: { coordinator: 'CONFLICT' } },
    ],
  },
  closeVoting: {
    document: `mutation($id: ID!) { closeVoting(proposalId: $id) { id } }`,
    audit: /^proposal\.(passed|failed)$/,
    cases: [{ state: 'a proposal in voting', build: async () => onProposal('closeVoting', await inVoting()), expect: { facilitator: 'allowed', coordinator: 'FORBIDDEN' } }],
  },
  submitToManagement: {
    document: `mutation($id: ID!) { submitToManagement(proposalId: $id) { id } }`,
    audit: /^proposal\.submitted$/,
    cases: [
      { state: 'their own passed proposal', own: true, build: async (actor) => ((await drafts(actor)) ? onProposal('submit', await passed(actor.user!)) : null), expect: { coordinator: 'allowed' } },
      { state: "someone else's passed proposal", build: async () => onProposal('submit', await passed()), expect: { coordinator: 'FORBIDDEN', facilitator: 'allowed', executive: 'FORBIDDEN' } },
    ],
  },
  decide: {
    document: `mutation($id: ID!) { decide(input: { proposalId: $id, outcome: APPROVED, rationale: "Approved as the council proposed it." }) { id } }`,
    audit: /^decision\.made$/,
    cases: [
      { state: 'a submitted proposal', build: async () => onProposal('decide', await submitted()), expect: { executive: 'allowed', facilitator: 'FORBIDDEN', admin: 'FORBIDDEN' } },
      { state: 'a passed proposal not yet submitted', build: async () => onProposal('decide', await passed()), expect: { executive: 'CONFLICT' } },
    ],
  },
  reportOutcome: {
    document: `mutation($id: ID!, $region: ID!) { reportOutcome(proposalId: $id, regionId: $region, verdict: BETTER, note: "Complaints 40 → 12 a week") { id } }`,
    audit: /^proposal\.outcomeReported$/,
    cases: [
      {
        state: "their own region's outcome, due",
        own: true,
        build: async (actor) => onOutcome(await implemented(-1), actor.user?.region?.id ?? regions[0].id),
        expect: { coordinator: 'allowed', 'coordinator without region': 'FORBIDDEN', facilitator: 'FORBIDDEN', executive: 'FORBIDDEN', admin: 'FORBIDDEN' },
      },
      { state: "another region's outcome, due", build: async () => onOutcome(await implemented(-1), regions[2].id), expect: { coordinator: 'FORBIDDEN' } },
      {
        state: 'an outcome not due yet',
        own: true,
        build: async (actor) => onOutcome(await implemented(10), actor.user?.region?.id ?? regions[0].id),
        expect: { coordinator: 'CONFLICT' },
      },
    ],
  },
  updateRollout: {
    document: `mutation($id: ID!, $region: ID!) { updateRollout(proposalId: $id, regionId: $region, status: IN_PROGRESS) { id } }`,
    audit: /^rollout\.updated$/,
    cases: [
      {
        state: "their own region's rollout",
        own: true,
        build: async (actor) => {
          const regionId = actor.user?.region?.id;
          if (!regionId) return null;
          const id = await implementing();
          return {
            vars: { id: gid('Proposal', id), region: gid('Region', regionId) },
            refusal: async (user, em) => proposalPolicy.refusal(user, 'updateRollout', { proposal: await em.findOneOrFail(Proposal, id), regionId }),
          };
        },
        expect: { coordinator: 'allowed', facilitator: 'allowed' },
      },
      {
        state: "another region's rollout",
        build: async () => {
          const id = await implementing();
          const regionId = regions[2].id;
          return {
            vars: { id: gid('Proposal', id), region: gid('Region', regionId) },
            refusal: async (user, em) => proposalPolicy.refusal(user, 'updateRollout', { proposal: await em.findOneOrFail(Proposal, id), regionId }),
          };
        },
        expect: { coordinator: 'FORBIDDEN', facilitator: 'allowed', executive: 'FORBIDDEN' },
      },
    ],
  },
  withdrawProposal: {
    document: `mutation($id: ID!) { withdrawProposal(proposalId: $id) { id } }`,
    audit: /^proposal\.withdrawn$/,
    cases: [
      { state: 'their own draft', own: true, build: async (actor) => ((await drafts(actor)) ? onProposal('withdraw', await aDraft(actor.user!)) : null), expect: { coordinator: 'allowed' } },
      { state: "someone else's draft", build: async () => onProposal('withdraw', await aDraft()), expect: { coordinator: 'FORBIDDEN', facilitator: 'allowed', executive: 'FORBIDDEN' } },
      { state: 'a submitted proposal', build: async () => onProposal('withdraw', await submitted()), expect: { facilitator: 'allowed' } },
    ],
  },
  setVotingRule: {
    document: `mutation { setVotingRule(quorum: 0.5, threshold: 0.5) { quorum } }`,
    audit: /^votingRule\.changed$/,
    cases: [{ state: 'the installation', build: async () => ability('setVotingRule'), expect: { admin: 'allowed', facilitator: 'FORBIDDEN', executive: 'FORBIDDEN' } }],
  },
  setOutcomeDelay: {
    document: `mutation($days: Int!) { setOutcomeDelay(days: $days) }`,
    audit: /^outcomeDelay\.changed$/,
    cases: [
      {
        state: 'the installation',
        // A new value each time: setting the value in force changes (and records) nothing.
        build: async () => ability('setOutcomeDelay', { days: 31 + (++seq % 300) }),
        expect: { admin: 'allowed', facilitator: 'FORBIDDEN', coordinator: 'FORBIDDEN', executive: 'FORBIDDEN', 'department contact': 'FORBIDDEN' },
      },
    ],
  },
  scheduleMeeting: {
    document: `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
    audit: /^meeting\.scheduled$/,
    cases: [
      {
        state: 'a new meeting',
        build: async () => ability('scheduleMeeting', { input: { title: 'Coordinators meeting', startsAt: inDays(10).toISOString(), durationMinutes: 60 } }),
        expect: { facilitator: 'allowed', coordinator: 'FORBIDDEN', executive: 'FORBIDDEN', admin: 'FORBIDDEN' },
      },
    ],
  },
  generateAgenda: {
    document: `mutation($id: ID!) { generateAgenda(meetingId: $id) { id } }`,
    audit: /^meeting\.agendaGenerated$/,
    cases: [
      {
        state: 'a planned meeting',
        build: async () => {
          const id = await aMeeting();
          return onMeeting(id, { id: gid('Meeting', id) });
        },
        expect: { facilitator: 'allowed', coordinator: 'FORBIDDEN' },
      },
    ],
  },
  publishAgenda: {
    document: `mutation($id: ID!) { publishAgenda(meetingId: $id) { id } }`,
    audit: /^meeting\.agendaPublished$/,
    cases: [
      {
        state: 'a draft agenda',
        build: async () => {
          const id = await withAgenda();
          return onMeeting(id, { id: gid('Meeting', id) });
        },
        expect: { facilitator: 'allowed', executive: 'FORBIDDEN' },
      },
    ],
  },
  moveAgendaItem: {
    document: `mutation($item: ID!) { moveAgendaItem(itemId: $item, position: 0) { id } }`,
    audit: /^agenda\.itemMoved$/,
    cases: [{ state: 'a draft agenda', build: () => onAgendaItem(withAgenda(), (item) => ({ item })), expect: { facilitator: 'allowed', coordinator: 'FORBIDDEN' } }],
  },
  scheduleAgendaItem: {
    document: `mutation($item: ID!) { scheduleAgendaItem(itemId: $item) { id } }`,
    audit: /^agenda\.itemScheduled$/,
    cases: [
      {
        state: 'a candidate that did not fit',
        build: async () => {
          const meeting = await withAgenda();
          const item = await secondItem(meeting);
          await unscheduleAgendaItem(svc(), host, item);
          return onMeeting(meeting, { item: gid('AgendaItem', item) });
        },
        expect: { facilitator: 'allowed' },
      },
    ],
  },
  unscheduleAgendaItem: {
    document: `mutation($item: ID!) { unscheduleAgendaItem(itemId: $item) { id } }`,
    audit: /^agenda\.itemUnscheduled$/,
    cases: [{ state: 'a draft agenda', build: () => onAgendaItem(withAgenda(), (item) => ({ item })) }],
  },
  addAgendaItem: {
    document: `mutation($id: ID!) { addAgendaItem(meetingId: $id, title: "Any other business", minutes: 5) { id } }`,
    audit: /^agenda\.itemAdded$/,
    cases: [
      {
        state: 'a draft agenda',
        build: async () => {
          const id = await withAgenda();
          return onMeeting(id, { id: gid('Meeting', id) });
        },
      },
    ],
  },
  removeAgendaItem: {
    document: `mutation($item: ID!) { removeAgendaItem(itemId: $item) { id } }`,
    audit: /^agenda\.itemRemoved$/,
    cases: [{ state: 'a draft agenda', build: () => onAgendaItem(withAgenda(), (item) => ({ item })) }],
  },
  updateAgendaItem: {
    document: `mutation($item: ID!) { updateAgendaItem(itemId: $item, input: { minutes: 7 }) { id } }`,
    audit: /^agenda\.itemUpdated$/,
    cases: [
      { state: 'a draft agenda', build: () => onAgendaItem(withAgenda(), (item) => ({ item })) },
      { state: 'a running meeting', build: () => onAgendaItem(running(), (item) => ({ item })), expect: { coordinator: 'FORBIDDEN', facilitator: 'allowed' } },
    ],
  },
  startMeeting: {
    document: `mutation($id: ID!) { startMeeting(meetingId: $id) { id } }`,
    audit: /^meeting\.started$/,
    cases: [
      {
        state: 'a planned meeting with an agenda',
        build: async () => {
          const id = await withAgenda();
          // One running meeting at a time: an earlier case's meeting closes first.
          await closeRunning();
          return onMeeting(id, { id: gid('Meeting', id) });
        },
        expect: { facilitator: 'allowed', executive: 'FORBIDDEN' },
      },
    ],
  },
  setCurrentAgendaItem: {
    document: `mutation($id: ID!) { setCurrentAgendaItem(meetingId: $id) { id } }`,
    audit: /^meeting\.itemStarted$/,
    cases: [
      {
        state: 'a running meeting',
        build: async () => {
          const id = await running();
          return onMeeting(id, { id: gid('Meeting', id) });
        },
      },
    ],
  },
  cancelMeeting: {
    document: `mutation($id: ID!) { cancelMeeting(meetingId: $id, reason: "Not needed") { id } }`,
    audit: /^meeting\.cancelled$/,
    cases: [
      {
        state: 'a planned meeting',
        build: async () => {
          const id = await aMeeting();
          return { vars: { id: gid('Meeting', id) }, refusal: async (user, em) => meetingPolicy.refusal(user, 'cancel', await em.findOneOrFail(Meeting, id)) };
        },
        expect: { facilitator: 'allowed', coordinator: 'FORBIDDEN' },
      },
      {
        state: 'a running meeting',
        build: async () => {
          const id = await running();
          return { vars: { id: gid('Meeting', id) }, refusal: async (user, em) => meetingPolicy.refusal(user, 'cancel', await em.findOneOrFail(Meeting, id)) };
        },
        expect: { facilitator: 'CONFLICT', coordinator: 'FORBIDDEN' },
      },
    ],
  },
  closeMeeting: {
    document: `mutation($id: ID!) { closeMeeting(meetingId: $id) { id } }`,
    audit: /^meeting\.closed$/,
    cases: [
      {
        state: 'a running meeting',
        build: async () => {
          const id = await running();
          return onMeeting(id, { id: gid('Meeting', id) });
        },
        expect: { facilitator: 'allowed', coordinator: 'FORBIDDEN' },
      },
    ],
  },
  reopenMeeting: {
    document: `mutation($id: ID!) { reopenMeeting(meetingId: $id) { id } }`,
    audit: /^meeting\.reopened$/,
    cases: [
      {
        state: 'a meeting closed today',
        build: async () => {
          const id = await closedToday();
          return onMeeting(id, { id: gid('Meeting', id) });
        },
        expect: { facilitator: 'allowed', coordinator: 'FORBIDDEN' },
      },
    ],
  },
  createActionItem: {
    document: `mutation($input: CreateActionItemInput!) { createActionItem(input: $input) { id } }`,
    audit: /^actionItem\.created$/,
    cases: [
      {
        state: 'a running meeting',
        build: async () => {
          const id = await running();
          return onMeeting(id, { input: { meetingId: gid('Meeting', id), title: 'Send the new refund text', ownerId: gid('User', author.id) } });
        },
        expect: { facilitator: 'allowed', coordinator: 'FORBIDDEN' },
      },
    ],
  },
  updateActionItem: {
    document: `mutation($id: ID!, $input: UpdateActionItemInput!) { updateActionItem(actionItemId: $id, input: $input) { id } }`,
    audit: /^actionItem\.updated$/,
    cases: [
      {
        state: 'their own action item, marked done',
        own: true,
        build: async (actor) => (actor.user ? onActionItem('setActionItemStatus', await anActionItem(actor.user), { status: 'DONE' }) : null),
        expect: { coordinator: 'allowed', executive: 'allowed', admin: 'allowed' },
      },
      {
        state: "someone else's action item, marked done",
        build: async () => onActionItem('setActionItemStatus', await anActionItem(author), { status: 'DONE' }),
        expect: { coordinator: 'FORBIDDEN', facilitator: 'allowed' },
      },
      {
        state: 'their own action item, retitled',
        own: true,
        build: async (actor) => (actor.user ? onActionItem('editActionItem', await anActionItem(actor.user), { title: 'Send the revised refund text' }) : null),
        expect: { coordinator: 'FORBIDDEN', facilitator: 'allowed' },
      },
    ],
  },
  markNotificationsRead: {
    document: `mutation { markNotificationsRead }`,
    audit: /^notifications\.read$/,
    cases: [
      {
        state: 'an unread notification',
        own: true,
        build: async (actor) => {
          if (actor.user) {
            const em = svc();
            em.create(Notification, { user: actor.user.id, kind: 'AGENDA_PUBLISHED', messageKey: 'reach.message.AGENDA_PUBLISHED', params: { title: 'Meeting', date: new Date().toISOString() }, readAt: null, createdAt: new Date() });
            await em.flush();
          }
          return { vars: {}, refusal: SIGNED_IN };
        },
      },
    ],
  },
  setAgendaTimeboxes: {
    document: `mutation { setAgendaTimeboxes(input: { OTHER: 5 }) { OTHER } }`,
    audit: /^agenda\.timeboxesChanged$/,
    cases: [{ state: 'the installation', build: async () => ability('setAgendaTimeboxes'), expect: { admin: 'allowed', facilitator: 'allowed', coordinator: 'FORBIDDEN', executive: 'FORBIDDEN' } }],
  },
  setNotificationPreference: {
    document: `mutation { setNotificationPreference(kind: VOTING_OPENED, email: OFF) { kind email } }`,
    audit: /^notifications\.preferenceSet$/,
    cases: [{ state: 'their own preferences', build: async () => ({ vars: {}, refusal: SIGNED_IN }) }],
  },
  setDigestHour: {
    document: `mutation { setDigestHour(hour: 9) { id } }`,
    audit: /^notifications\.digestHourSet$/,
    cases: [{ state: 'their own digest hour', build: async () => ({ vars: {}, refusal: SIGNED_IN }) }],
  },
  setLocale: {
    document: `mutation { setLocale(locale: "en") { id } }`,
    audit: /^user\.localeChanged$/,
    cases: [{ state: 'their own account', build: async () => ({ vars: {}, refusal: SIGNED_IN }) }],
  },
  signIn: {
    // What the web asks on sign-in: the person's own abilities, answered as the one just signed in.
    document: `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id can(action: raiseIssue) { allowed } } }`,
    audit: /^user\.signedIn$/,
    session: 'none',
    auditedAs: (actor) => actor.user ?? spare,
    cases: [{ state: 'their own account', own: true, build: async (actor) => ({ vars: { e: (actor.user ?? spare).email, p: f.PASSWORD }, refusal: PUBLIC }) }],
  },
  signOut: {
    document: `mutation { signOut }`,
    audit: /^user\.signedOut$/,
    session: 'own',
    auditedAs: (actor) => actor.user,
    cases: [{ state: 'their session, if any', build: async () => ({ vars: {}, refusal: PUBLIC }) }],
  },
  invitePerson: {
    document: `mutation($input: InvitePersonInput!) { invitePerson(input: $input) { id } }`,
    audit: /^invitation\.created$/,
    cases: [
      {
        state: 'a new address',
        build: async () => ability('invitePeople', { input: { email: `invited${++seq}@example.test`, name: 'Ines Invited', roles: ['COORDINATOR'], regionId: gid('Region', regions[0].id) } }),
        expect: { admin: 'allowed', coordinator: 'FORBIDDEN', facilitator: 'FORBIDDEN', executive: 'FORBIDDEN' },
      },
    ],
  },
  revokeInvitation: {
    document: `mutation($id: ID!) { revokeInvitation(invitationId: $id) { id } }`,
    audit: /^invitation\.revoked$/,
    cases: [
      {
        state: 'a pending invitation',
        build: async () => ({ vars: { id: gid('Invitation', (await anInvitation()).id) }, refusal: async (user) => peoplePolicy.refusal(user, 'invite') }),
        expect: { admin: 'allowed', coordinator: 'FORBIDDEN', facilitator: 'FORBIDDEN', executive: 'FORBIDDEN' },
      },
      {
        state: 'an accepted invitation',
        build: async () => ({
          vars: { id: gid('Invitation', (await anInvitation('accepted')).id) },
          refusal: async (user) => peoplePolicy.refusal(user, 'invite') ?? conflict('errors.invitationAccepted'),
        }),
        expect: { admin: 'CONFLICT' },
      },
    ],
  },
  acceptInvitation: {
    document: `mutation($token: String!, $password: String!) { acceptInvitation(token: $token, password: $password) { id can(action: raiseIssue) { allowed } } }`,
    audit: /^invitation\.accepted$/,
    session: 'none',
    // The person the invitation has just created.
    auditedAs: async (_actor, vars) => svc().findOneOrFail(User, { email: invitees.get(String(vars.token))! }),
    cases: [
      {
        state: 'a pending invitation',
        own: true,
        build: async () => {
          const { token, email } = await anInvitation();
          invitees.set(token, email);
          return { vars: { token, password: f.PASSWORD }, refusal: PUBLIC };
        },
      },
      {
        state: 'a revoked invitation',
        build: async () => ({ vars: { token: (await anInvitation('revoked')).token, password: f.PASSWORD }, refusal: async () => conflict('errors.invitationRevoked') }),
      },
    ],
  },
  requestPasswordReset: {
    document: `mutation($email: String!) { requestPasswordReset(email: $email) }`,
    audit: /^$/,
    session: 'none',
    // Nothing is audited: a link asked for is no change to anyone's account.
    auditedAs: () => null,
    cases: [{ state: 'an account', own: true, build: async (actor) => ({ vars: { email: (actor.user ?? spare).email }, refusal: PUBLIC }) }],
  },
  resetPassword: {
    document: `mutation($token: String!, $password: String!) { resetPassword(token: $token, password: $password) { id } }`,
    audit: /^user\.passwordReset$/,
    session: 'none',
    auditedAs: (_actor, vars) => resetOwners.get(String(vars.token))!,
    cases: [{ state: 'a fresh link', own: true, build: async () => ({ vars: { token: await aResetLink(), password: f.PASSWORD }, refusal: PUBLIC }) }],
  },
  updatePerson: {
    document: `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { id } }`,
    audit: /^user\.updated$/,
    cases: [
      {
        state: 'another person',
        build: async () => {
          const person = await f.user(svc(), { region: regions[0] });
          return { vars: { input: { userId: gid('User', person.id), name: `Renamed ${++seq}` } }, refusal: async (user) => peoplePolicy.refusal(user, 'manage') };
        },
        expect: { admin: 'allowed', coordinator: 'FORBIDDEN', facilitator: 'FORBIDDEN', executive: 'FORBIDDEN' },
      },
    ],
  },
  updateProfile: {
    document: `mutation($tz: String) { updateProfile(timeZone: $tz) { id } }`,
    audit: /^user\.profileChanged$/,
    cases: [{ state: 'their own account', own: true, build: async () => ({ vars: { tz: 'Europe/Oslo' }, refusal: SIGNED_IN }) }],
  },
  createRegion: {
    document: `mutation($input: RegionInput!) { createRegion(input: $input) { id } }`,
    audit: /^region\.created$/,
    after: () => onlyTheFourRegions(),
    cases: [
      {
        state: 'a new code',
        build: async () => ability('manageReferenceData', { input: { code: `MX${++seq}`, name: `Matrix region ${seq}`, timeZone: 'Europe/Berlin' } }),
        expect: { admin: 'allowed', coordinator: 'FORBIDDEN', facilitator: 'FORBIDDEN', executive: 'FORBIDDEN' },
      },
    ],
  },
  updateRegion: {
    document: `mutation($id: ID!, $input: RegionInput!) { updateRegion(regionId: $id, input: $input) { id } }`,
    audit: /^region\.updated$/,
    after: () => onlyTheFourRegions(),
    cases: [
      {
        state: 'a region',
        build: async () => {
          const region = await f.region(svc());
          return ability('manageReferenceData', { id: gid('Region', region.id), input: { code: region.code, name: `${region.name} renamed`, timeZone: 'Asia/Ho_Chi_Minh' } });
        },
        expect: { admin: 'allowed', coordinator: 'FORBIDDEN' },
      },
    ],
  },
  createCategory: {
    document: `mutation($input: CategoryInput!) { createCategory(input: $input) { id } }`,
    audit: /^category\.created$/,
    cases: [
      {
        state: 'a new name',
        build: async () => ability('manageReferenceData', { input: { name: `Matrix category ${++seq}`, translations: { de: `Matrix-Kategorie ${seq}` } } }),
        expect: { admin: 'allowed', coordinator: 'FORBIDDEN', facilitator: 'FORBIDDEN', executive: 'FORBIDDEN' },
      },
    ],
  },
  updateCategory: {
    document: `mutation($id: ID!, $input: CategoryInput!) { updateCategory(categoryId: $id, input: $input) { id } }`,
    audit: /^category\.updated$/,
    cases: [
      {
        state: 'a category',
        build: async () => {
          const category = await f.category(svc());
          return ability('manageReferenceData', { id: gid('Category', category.id), input: { name: category.name, translations: { es: `${category.name} (es)` } } });
        },
        expect: { admin: 'allowed', coordinator: 'FORBIDDEN' },
      },
    ],
  },
  changePassword: {
    // The same password again: the actors keep signing in with it after this.
    document: `mutation($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) }`,
    audit: /^user\.passwordChanged$/,
    cases: [{ state: 'their own account', own: true, build: async () => ({ vars: { current: f.PASSWORD, next: f.PASSWORD }, refusal: SIGNED_IN }) }],
  },
  signOutElsewhere: {
    // Ends the person's other sessions, never the one asking (the matrix's own client).
    document: `mutation { signOutElsewhere }`,
    audit: /^user\.signedOutElsewhere$/,
    cases: [
      {
        state: 'a session in another browser',
        own: true,
        build: async (actor) => {
          if (actor.user) await new Client(t.app).signIn(actor.user.email);
          return { vars: {}, refusal: SIGNED_IN };
        },
      },
    ],
  },
};

/** The address of each invitation link the matrix accepts, by token. */
const invitees = new Map<string, string>();

/** Subjects built so far, by mutation, case and (for own subjects) person; a success uses one up. */
const built = new Map<string, Cell | null>();
const cellKey = (name: string, c: Case, actor: Actor) => `${name}|${c.state}|${c.own ? actor.name : 'shared'}`;

async function cellFor(name: string, c: Case, actor: Actor): Promise<Cell | null> {
  const key = cellKey(name, c, actor);
  if (!built.has(key)) built.set(key, await c.build(actor));
  return built.get(key)!;
}

async function clientFor(actor: Actor, entry: Entry): Promise<Client> {
  if (entry.session === 'none') return new Client(t.app);
  if (entry.session === 'own') return actor.user ? new Client(t.app).signIn(actor.user.email) : new Client(t.app);
  return actor.user ? people.as(actor.user) : signedOut;
}

async function walk(name: string, entry: Entry): Promise<void> {
  let cells = 0;
  for (const c of entry.cases) {
    for (const actor of actors) {
      const cell = await cellFor(name, c, actor);
      if (!cell) continue;
      cells += 1;
      const where = `${name} · ${c.state} · ${actor.name}`;
      const em = t.orm.em.fork();
      const user = actor.user && (await em.findOneOrFail(User, actor.user.id));
      const refusal = await cell.refusal(user, em);
      const wanted = c.expect?.[actor.name] ?? (actor.user || entry.session ? undefined : 'UNAUTHENTICATED');
      if (wanted) expect(outcomeOf(refusal), `${where}: the policy`).toBe(wanted);

      const client = await clientFor(actor, entry);
      const before = refusal ? await tableContents(t.orm.em) : null;
      const from = new Date();
      const result = await client.gql(entry.document, cell.vars);
      const to = new Date();

      if (refusal) {
        expect(result.errors?.[0]?.extensions?.code, `${where}: ${JSON.stringify(result)}`).toBe(refusal.code);
        expect(result.errors?.[0]?.message, where).toBe(en(refusal.key));
        expect(await tableContents(t.orm.em), `${where}: a refusal writes nothing`).toEqual(before);
        continue;
      }
      expect(result.errors, `${where}: ${JSON.stringify(result.errors)}`).toBeUndefined();
      built.delete(cellKey(name, c, actor));
      const audited = entry.auditedAs ? await entry.auditedAs(actor, cell.vars) : actor.user;
      const events = await t.orm.em.fork().find(AuditEvent, { at: { $gte: from, $lte: to } });
      const mine = events.filter((e) => e.actor?.id === audited?.id && entry.audit.test(e.action));
      if (audited) expect(mine.length, `${where}: its audit event, by that person, at the time of the call`).toBeGreaterThan(0);
      else expect(events, `${where}: nothing happened, nothing is recorded`).toEqual([]);
    }
  }
  expect(cells, `${name}: cells walked`).toBeGreaterThan(0);
}

describe('authorization matrix', () => {
  it('has an entry for every mutation of the schema, and none for a mutation it does not have', () => {
    const mutations = Object.keys(schema.getMutationType()!.getFields()).sort();
    expect(Object.keys(MATRIX).sort()).toEqual(mutations);
  });

  for (const [name, entry] of Object.entries(MATRIX)) {
    it(`${name}: the API does what the policy says, for everyone; refusals write nothing; successes are audited`, async () => {
      await walk(name, entry);
      await entry.after?.();
    });
  }
});

describe('audit trail', () => {
  it('records a back-dated change at its own date, with the ORM name of its subject', async () => {
    const at = new Date(Date.now() - 40 * DAY);
    const coordinator = actors.find((a) => a.name === 'coordinator')!.user!;
    const issue = await raiseIssue(svc(), author, { title: 'Parcels returned without a label', description: 'The warehouse cannot match them.' }, at);
    await supportIssue(svc(), coordinator, issue.id, null, at);
    await withdrawSupport(svc(), coordinator, issue.id, at);
    const comment = await addComment(svc(), coordinator, { type: 'Issue', id: issue.id }, 'Same here.', at);
    await editComment(svc(), coordinator, comment.id, 'Same here, weekly.', at);
    await mergeIssue(svc(), host, issue.id, await anIssue(), at);
    const events = await svc().find(AuditEvent, { subjectId: { $in: [issue.id, comment.id] } }, { orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.action, e.subjectType, e.at.getTime()])).toEqual([
      ['issue.raised', 'Issue', at.getTime()],
      ['issue.supported', 'Issue', at.getTime()],
      ['issue.supportWithdrawn', 'Issue', at.getTime()],
      ['comment.added', 'Comment', at.getTime()],
      ['issue.statusChanged', 'Issue', at.getTime()],
      ['comment.edited', 'Comment', at.getTime()],
      ['issue.merged', 'Issue', at.getTime()],
    ]);
  });
});

// ---------------------------------------------------------------- what the viewer is shown

const permissionOf = (refusal: Refusal | null) => ({ allowed: refusal === null, reason: refusal ? en(refusal.key) : null });
const PERMISSION = '{ allowed reason }';
const signedInActors = () => actors.filter((a): a is Actor & { user: User } => a.user !== null);
const fresh = (em: Em, user: User) => em.findOneOrFail(User, user.id);

describe('what the viewer is shown', () => {
  it('User.can answers what the abilities answer, and only for the person themselves', async () => {
    const query = `{ viewer { ${ABILITY_NAMES.map((a) => `${a}: can(action: ${a}) ${PERMISSION}`).join(' ')} } }`;
    for (const actor of signedInActors()) {
      const { viewer } = await (await people.as(actor.user)).ok(query);
      const user = await fresh(t.orm.em.fork(), actor.user);
      for (const a of ABILITY_NAMES) expect(viewer[a], `${actor.name} · ${a}`).toEqual(permissionOf(ABILITIES[a](user)));
    }
    const coordinator = actors.find((a) => a.name === 'coordinator')!.user!;
    const other = await (await people.as(coordinator)).gql(`query($id: ID!) { node(id: $id) { ... on User { can(action: raiseIssue) { allowed } } } }`, { id: gid('User', author.id) });
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('every viewerCan field of issues, comments, proposals, rollouts, meetings and action items answers what the policies answer', async () => {
    const issues = [await anIssue(), await aMergedIssue()];
    await addComment(svc(), author, { type: 'Issue', id: issues[0] }, 'It happens every week.');
    const proposals = [await aDraft(), await inVoting(), await passed(), await submitted(), await implementing()];
    const meeting = await withAgenda();
    await anActionItem(author, null, meeting);
    const issueQuery = `query($id: ID!) { node(id: $id) { ... on Issue {
      support: viewerCan(action: support) ${PERMISSION} withdrawSupport: viewerCan(action: withdrawSupport) ${PERMISSION}
      comment: viewerCan(action: comment) ${PERMISSION} merge: viewerCan(action: merge) ${PERMISSION}
      draftProposal: viewerCan(action: draftProposal) ${PERMISSION}
      viewerCanSupport viewerCanMerge viewerCanPropose comments { edges { node { id viewerCanEdit } } } } } }`;
    const wide = (Object.keys(PROPOSAL_ACTIONS) as ProposalAction[]).filter((a): a is WideAction => a !== 'updateRollout');
    const proposalQuery = `query($id: ID!) { node(id: $id) { ... on Proposal {
      comment: viewerCan(action: comment) ${PERMISSION} ${wide.map((a) => `${a}: viewerCan(action: ${a}) ${PERMISSION}`).join(' ')}
      viewerActions rollouts { region { id } viewerCanUpdate } } } }`;
    const meetingQuery = `query($id: ID!) { node(id: $id) { ... on Meeting { viewerCanManage viewerCanReadAgenda actionItems { id viewerCanSetStatus } } } }`;

    for (const actor of signedInActors()) {
      const client = await people.as(actor.user);
      const em = t.orm.em.fork();
      const user = await fresh(em, actor.user);
      if (!departmentPolicy.can(user, 'readWorkspace')) {
        // Outside the council (a department's contact), none of these is referred to them: none is shown.
        for (const id of issues) expect((await client.ok(issueQuery, { id: gid('Issue', id) })).node, actor.name).toBeNull();
        for (const id of proposals) expect((await client.ok(proposalQuery, { id: gid('Proposal', id) })).node, actor.name).toBeNull();
        expect((await client.ok(meetingQuery, { id: gid('Meeting', meeting) })).node, actor.name).toBeNull();
        continue;
      }
      for (const id of issues) {
        const shown = (await client.ok(issueQuery, { id: gid('Issue', id) })).node;
        const issue = await em.findOneOrFail(Issue, id);
        const supported = (await em.count(Support, { issue, user })) > 0;
        const where = `${actor.name} · issue ${issue.status}`;
        expect(shown.support, where).toEqual(permissionOf(issuePolicy.refusal(user, 'support', { issue, supported })));
        expect(shown.withdrawSupport, where).toEqual(permissionOf(issuePolicy.refusal(user, 'withdrawSupport', { issue, supported })));
        expect(shown.comment, where).toEqual(permissionOf(issuePolicy.refusal(user, 'comment', { issue, referredToViewer: false })));
        expect(shown.merge, where).toEqual(permissionOf(issuePolicy.refusal(user, 'merge', issue)));
        expect(shown.draftProposal, where).toEqual(permissionOf(proposalPolicy.refusal(user, 'draft', issue)));
        expect([shown.viewerCanSupport, shown.viewerCanMerge, shown.viewerCanPropose], where).toEqual([shown.support.allowed, shown.merge.allowed, shown.draftProposal.allowed]);
        for (const { node } of shown.comments.edges) {
          const comment = await em.findOneOrFail(Comment, Buffer.from(node.id, 'base64').toString().split(':')[1]);
          expect(node.viewerCanEdit, where).toBe(issuePolicy.can(user, 'editComment', comment));
        }
      }
      for (const id of proposals) {
        const shown = (await client.ok(proposalQuery, { id: gid('Proposal', id) })).node;
        const proposal = await em.findOneOrFail(Proposal, id);
        const where = `${actor.name} · proposal ${proposal.status}`;
        expect(shown.comment, where).toEqual(permissionOf(issuePolicy.refusal(user, 'comment', proposal)));
        for (const a of wide) expect(shown[a], `${where} · ${a}`).toEqual(permissionOf(proposalPolicy.refusal(user, a, proposal)));
        expect(shown.viewerActions, where).toEqual(wide.filter((a) => proposalPolicy.can(user, a, proposal)));
        for (const r of shown.rollouts) {
          const regionId = Buffer.from(r.region.id, 'base64').toString().split(':')[1];
          expect(r.viewerCanUpdate, `${where} · rollout`).toBe(proposalPolicy.can(user, 'updateRollout', { proposal, regionId }));
        }
      }
      const shown = (await client.ok(meetingQuery, { id: gid('Meeting', meeting) })).node;
      const m = await em.findOneOrFail(Meeting, meeting);
      expect([shown.viewerCanManage, shown.viewerCanReadAgenda], actor.name).toEqual([meetingPolicy.can(user, 'manage', m), meetingPolicy.can(user, 'readAgenda', m)]);
      for (const a of shown.actionItems) {
        const item = await em.findOneOrFail(ActionItem, Buffer.from(a.id, 'base64').toString().split(':')[1]);
        expect(a.viewerCanSetStatus, actor.name).toBe(meetingPolicy.can(user, 'setActionItemStatus', item));
      }
    }
  });

  it('shows the decision queue to those its ability lets see it, and refuses everyone else', async () => {
    await submitted();
    const expected: Partial<Record<ActorName, Outcome>> = { 'signed out': 'UNAUTHENTICATED', executive: 'allowed', facilitator: 'FORBIDDEN', coordinator: 'FORBIDDEN', admin: 'FORBIDDEN', 'department contact': 'FORBIDDEN' };
    for (const actor of actors) {
      const user = actor.user && (await fresh(t.orm.em.fork(), actor.user));
      // The workspace's reads are refused first to those outside the council (a department's contact).
      const refusal = ABILITIES.readWorkspace(user) ?? ABILITIES.viewDecisionQueue(user);
      if (expected[actor.name]) expect(outcomeOf(refusal), actor.name).toBe(expected[actor.name]);
      const result = await (actor.user ? await people.as(actor.user) : signedOut).gql(`{ decisionQueue { id status } }`);
      if (refusal) {
        expect(result.errors?.[0]?.extensions?.code, actor.name).toBe(refusal.code);
        expect(result.errors?.[0]?.message, actor.name).toBe(en(refusal.key));
      } else {
        expect(result.data.decisionQueue.length, actor.name).toBeGreaterThan(0);
        expect(result.data.decisionQueue.every((p: { status: string }) => p.status === 'SUBMITTED')).toBe(true);
      }
    }
  });

  it('keeps a draft agenda from everyone the policy does not let read it, by every path: agenda, candidates, time, action items, exports', async () => {
    const draft = await withAgenda();
    const published = await withAgenda();
    await publishAgenda(svc(), host, published);
    // An action item noted against an agenda item of each: its title would show the draft's.
    for (const meeting of [draft, published]) await anActionItem(author, await secondItem(meeting), meeting);
    const query = `query($id: ID!) { node(id: $id) { ... on Meeting { agenda { title } unscheduled { title } plannedMinutes actionItems { agendaItemTitle } } } }`;
    const hand: Record<string, Partial<Record<ActorName, boolean>>> = {
      [draft]: { coordinator: false, executive: false, admin: false, facilitator: true },
      [published]: { coordinator: true, executive: true },
    };
    for (const meeting of [draft, published]) {
      const item = await svc().findOneOrFail(AgendaItem, await secondItem(meeting));
      const title = item.titleKey ? en(item.titleKey) : item.title;
      for (const actor of signedInActors()) {
        const em = t.orm.em.fork();
        const readable = meetingPolicy.can(await fresh(em, actor.user), 'readAgenda', await em.findOneOrFail(Meeting, meeting));
        const where = `${meeting === draft ? 'draft' : 'published'} · ${actor.name}`;
        if (hand[meeting][actor.name] !== undefined) expect(readable, where).toBe(hand[meeting][actor.name]);
        const client = await people.as(actor.user);
        const shown = (await client.ok(query, { id: gid('Meeting', meeting) })).node;
        if (!departmentPolicy.can(actor.user, 'readWorkspace')) {
          // Outside the council (a department's contact): no meeting at all, by any path.
          expect(readable, where).toBe(false);
          expect(shown, where).toBeNull();
          for (const file of ['agenda.md', 'meeting.ics']) expect((await client.get(`/export/meetings/${gid('Meeting', meeting)}/${file}`)).status, where).toBe(404);
          continue;
        }
        expect(shown.agenda.length > 0, where).toBe(readable);
        expect(shown.plannedMinutes > 0, where).toBe(readable);
        expect(shown.actionItems.map((a: { agendaItemTitle: string | null }) => a.agendaItemTitle), where).toEqual([readable ? title : null]);
        if (!readable) expect(shown.unscheduled, where).toEqual([]);
        for (const file of ['agenda.md', 'meeting.ics']) {
          const res = await client.get(`/export/meetings/${gid('Meeting', meeting)}/${file}`);
          expect(res.status, `${where} · ${file}`).toBe(readable ? 200 : 404);
          if (!readable) expect(res.body, where).not.toContain(title);
        }
      }
    }
  });
});
