// Seeds the demo workspace through the same services people use, so counters, statuses and
// the audit trail are what real use would have produced; timestamps are spread over past days.
import type { Em } from '../db/orm.js';
import { Category, Region, User } from '../modules/people/people.entity.js';
import { createUser } from '../modules/people/people.service.js';
import { addComment, mergeIssue, raiseIssue, supportIssue } from '../modules/issues/issues.service.js';
import { audit } from '../modules/audit/audit.service.js';
import { Issue } from '../modules/issues/issues.entity.js';
import { DEMO_PASSWORD, demoCategories, demoDepartments, demoIssues, demoReferrals, demoRegions, demoUsers } from './data.js';
import { answerReferral, createDepartment, referIssue } from '../modules/departments/departments.service.js';
import { demoProposals } from './proposals.js';
import { ActionItem, AgendaItem } from '../modules/meetings/meetings.entity.js';
import {
  generateMeetingAgenda,
  publishAgenda,
  updateAgendaItem,
} from '../modules/meetings/agenda.service.js';
import {
  closeMeeting,
  createActionItem,
  scheduleMeeting,
  startMeeting,
  updateActionItem,
} from '../modules/meetings/meetings.service.js';
import { Region as RegionEntity } from '../modules/people/people.entity.js';
import {
  castVote,
  closeVoting,
  decide,
  draftProposal,
  openVoting,
  submitToManagement,
  updateRollout,
  withdrawProposal,
} from '../modules/proposals/proposals.service.js';

const DAY = 86_400_000;

/**
 * Writes the demo through the services, as people would. Each service call gets a fresh fork: the
 * seed's own EntityManager would otherwise collect every entity written (a transaction merges what
 * it managed into its parent), and each later flush would diff them all (13 s instead of 3).
 */
export async function seedDemo(em: Em, now = new Date()): Promise<void> {
  const at = (daysAgo: number, minutes = 0) => new Date(now.getTime() - daysAgo * DAY + minutes * 60_000);

  await em.transactional(async (tx) => {
    demoRegions.forEach((r) => tx.create(Region, { code: r.code, name: r.name, timeZone: r.timeZone, createdAt: at(200) }));
    demoCategories.forEach((c, position) => tx.create(Category, { name: c.name, translations: c.translations, position, createdAt: at(200) }));
  });
  const categories = new Map((await em.find(Category, {})).map((c) => [c.name, c]));
  const categoryByKey = new Map(demoCategories.map((c) => [c.key, categories.get(c.name)!]));

  const users = new Map<string, User>();
  for (const u of demoUsers) {
    const user = await createUser(em.fork(), null, { ...u, password: DEMO_PASSWORD, regionCode: u.regionCode });
    users.set(u.email, user);
  }
  const userOf = (email: string) => {
    const user = users.get(email);
    if (!user) throw new Error(`demo data names an unknown user ${email}`);
    return user;
  };

  // Oldest first, so that activity order and ids follow the story.
  const issues = new Map<string, Issue>();
  const ordered = [...demoIssues].sort((a, b) => b.daysAgo - a.daysAgo);
  for (const d of ordered) {
    const issue = await raiseIssue(em.fork(),
      userOf(d.raisedBy),
      { title: d.title, description: d.description, evidence: d.evidence ?? null, categoryId: categoryByKey.get(d.categoryKey)?.id ?? null },
      at(d.daysAgo),
    );
    issues.set(d.key, issue);
    const events = [
      ...d.supports.map((s, i) => ({ daysAgo: s.daysAgo, minutes: i * 7 + 3, run: () => supportIssue(em.fork(), userOf(s.by), issue.id, s.note ?? null, at(s.daysAgo, i * 7 + 3)) })),
      ...d.comments.map((c, i) => ({ daysAgo: c.daysAgo, minutes: i * 11 + 5, run: () => addComment(em.fork(), userOf(c.by), { type: 'Issue', id: issue.id }, c.body, at(c.daysAgo, i * 11 + 5)) })),
    ].sort((a, b) => b.daysAgo - a.daysAgo || a.minutes - b.minutes);
    for (const e of events) await e.run();
  }

  const facilitator = [...users.values()].find((u) => u.roles.includes('FACILITATOR'))!;
  for (const d of demoIssues) {
    const issue = issues.get(d.key)!;
    if (d.mergeInto) {
      await mergeIssue(em.fork(), facilitator, issue.id, issues.get(d.mergeInto)!.id, at(Math.max(0, d.daysAgo - 2)));
    } else if (d.status === 'CLOSED') {
      await em.fork().transactional(async (tx) => {
        const current = await tx.findOneOrFail(Issue, issue.id);
        const before = current.status;
        current.status = 'CLOSED';
        audit(tx, { actor: facilitator, action: 'issue.statusChanged', subject: current, before: { status: before }, after: { status: 'CLOSED' }, at: at(Math.max(0, d.daysAgo - 2)) });
      });
    }
  }

  await seedProposals(em, userOf, issues, at);
  await seedReferrals(em, userOf, issues, at, now);
  await seedMeetings(em, userOf, at);
}

/** The other departments with their contacts, and questions to them: answered, open, overdue. */
async function seedReferrals(em: Em, userOf: (email: string) => User, issues: Map<string, Issue>, at: At, now: Date): Promise<void> {
  const admin = userOf('admin@council.test');
  const departments = new Map<string, string>();
  for (const d of demoDepartments) {
    const department = await createDepartment(em.fork(), admin, { name: d.name, contactIds: d.contacts.map((email) => userOf(email).id) }, at(60));
    departments.set(d.name, department.id);
  }
  for (const r of demoReferrals) {
    const issue = issues.get(r.issueKey);
    const departmentId = departments.get(r.department);
    if (!issue || !departmentId) throw new Error(`demo referral names an unknown issue or department: ${r.issueKey}, ${r.department}`);
    const dueOn = r.dueInDays === undefined ? null : new Date(now.getTime() + r.dueInDays * DAY);
    const referral = await referIssue(em.fork(), userOf(r.by), { issueId: issue.id, departmentId, question: r.question, dueOn }, at(r.daysAgo));
    if (r.answer) await answerReferral(em.fork(), userOf(r.answer.by), referral.id, r.answer.body, at(r.answer.daysAgo));
  }
}

/** A meeting held last month (minutes, action items, one item left open) and the next one, published. */
async function seedMeetings(em: Em, userOf: (email: string) => User, at: At): Promise<void> {
  const facilitator = userOf('facilitator@council.test');
  // Meetings start at 09:00 UTC (morning in Europe, afternoon in Southeast Asia).
  const nine = (daysAgo: number) => {
    const d = at(daysAgo);
    d.setUTCHours(9, 0, 0, 0);
    return d;
  };
  const held = await scheduleMeeting(em.fork(), facilitator, { title: 'October coordinators meeting', startsAt: nine(27), durationMinutes: 60 }, at(35));
  await generateMeetingAgenda(em.fork(), facilitator, held.id, at(30));
  await publishAgenda(em.fork(), facilitator, held.id, at(30));
  await startMeeting(em.fork(), facilitator, held.id, at(27, -600));
  const agenda = await em.find(AgendaItem, { meeting: held, scheduled: true }, { orderBy: { position: 'asc' } });
  const notes: [string, string | null][] = [
    ['First meeting with Council; everyone agreed to raise shared problems here instead of by email.', null],
    ['Finance joined: the weekly batch has no technical reason left.', 'Draft a proposal for daily refunds.'],
    ['Regions compared their holiday return exceptions; they differ a lot.', 'Coordinator1 drafts a proposal for an extended holiday window.'],
  ];
  const leftOpen = agenda.find((item) => item.kind === 'ISSUE');
  for (const [i, item] of agenda.entries()) {
    const [n, outcome] = notes[i] ?? [null, null];
    // One issue ran out of time: it carries over to the next meeting.
    const done = item !== leftOpen;
    await updateAgendaItem(em.fork(), facilitator, item.id, { notes: n, outcome, done }, at(27, -600 + i * 10));
  }
  await createActionItem(em.fork(), facilitator, { meetingId: held.id, title: 'Draft the daily refunds proposal', ownerId: userOf('coordinator2@council.test').id, dueOn: at(14), agendaItemId: agenda[1]?.id ?? null }, at(27, -560));
  await createActionItem(em.fork(), facilitator, { meetingId: held.id, title: 'Collect holiday return figures from every region', ownerId: userOf('coordinator1@council.test').id, dueOn: at(20) }, at(27, -555));
  await closeMeeting(em.fork(), facilitator, held.id, at(27, -540));
  const actions = await em.find(ActionItem, { meeting: held });
  if (actions[0]) await updateActionItem(em.fork(), userOf('coordinator2@council.test'), actions[0].id, { status: 'DONE' }, at(20));

  const next = await scheduleMeeting(em.fork(), facilitator, { title: 'November coordinators meeting', startsAt: nine(-3), durationMinutes: 90 }, at(6));
  await generateMeetingAgenda(em.fork(), facilitator, next.id, at(1));
  await publishAgenda(em.fork(), facilitator, next.id, at(1));
}

type At = (daysAgo: number, minutes?: number) => Date;

/** Proposals in every lifecycle state, through the services, at past times. */
async function seedProposals(em: Em, userOf: (email: string) => User, issues: Map<string, Issue>, at: At): Promise<void> {
  const facilitator = userOf('facilitator@council.test');
  const executive = userOf('executive@council.test');
  const regions = new Map((await em.find(RegionEntity, {})).map((r) => [r.code, r]));
  for (const d of demoProposals) {
    const issue = issues.get(d.issueKey);
    if (!issue) throw new Error(`demo proposal names an unknown issue ${d.issueKey}`);
    const author = userOf(d.author);
    const proposal = await draftProposal(em.fork(),
      author,
      { issueId: issue.id, title: d.title, currentPolicy: d.currentPolicy, proposedPolicy: d.proposedPolicy, rationale: d.rationale, expectedImpact: d.expectedImpact ?? null, requiresApproval: d.requiresApproval },
      at(d.draftedDaysAgo),
    );
    if (d.voting) {
      const closesAt = at(d.voting.openedDaysAgo - d.voting.votingDays);
      await openVoting(em.fork(), facilitator, proposal.id, closesAt, at(d.voting.openedDaysAgo));
      for (const [i, [email, choice, reason]] of d.voting.votes.entries()) {
        await castVote(em.fork(), userOf(email), proposal.id, choice, reason ?? null, at(d.voting.openedDaysAgo - 0.5, i * 37));
      }
      if (d.voting.close) await closeVoting(em.fork(), facilitator, proposal.id, closesAt);
    }
    const decidedAt = d.decision ? at(d.decision.daysAgo) : null;
    if (d.submit) await submitToManagement(em.fork(), author, proposal.id, at((d.decision?.daysAgo ?? 1) + 2));
    if (d.decision && decidedAt) {
      await decide(em.fork(), executive, { proposalId: proposal.id, outcome: d.decision.outcome, rationale: d.decision.rationale, conditions: d.decision.conditions ?? null, effectiveFrom: decidedAt }, decidedAt);
    }
    const started = decidedAt ?? (d.voting ? at(d.voting.openedDaysAgo - d.voting.votingDays) : null);
    for (const [i, [code, status]] of Object.entries(d.rollouts ?? {}).entries()) {
      const region = regions.get(code)!;
      const coordinator = demoUsers.find((u) => u.regionCode === code && u.roles.includes('COORDINATOR') && !u.roles.includes('FACILITATOR'));
      const when = new Date((started ?? at(1)).getTime() + (i + 1) * 86_400_000);
      await updateRollout(em.fork(), userOf(coordinator!.email), { proposalId: proposal.id, regionId: region.id, status, note: null }, when);
    }
    for (const code of d.overdue?.regions ?? []) {
      const current = d.rollouts?.[code] ?? 'PENDING';
      await updateRollout(em.fork(), facilitator, { proposalId: proposal.id, regionId: regions.get(code)!.id, status: current, dueOn: at(d.overdue!.dueDaysAgo) }, at(d.overdue!.dueDaysAgo + 1));
    }
    for (const comment of d.comments ?? []) {
      await addComment(em.fork(), userOf(comment.by), { type: 'Proposal', id: proposal.id }, comment.body, at(comment.daysAgo));
    }
    if (d.withdrawDaysAgo !== undefined) await withdrawProposal(em.fork(), author, proposal.id, at(d.withdrawDaysAgo));
  }
}
