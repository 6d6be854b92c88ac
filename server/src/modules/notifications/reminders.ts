// Reminders, run by the scheduled-work runner: a vote closes within 24 hours and the person has not
// voted; a rollout is due within 7 days, or overdue; an action item is due within 2 days, or
// overdue; a policy version adopted 3 and 7 days ago that a coordinator has not confirmed; an
// implemented change whose outcome is due, to the regions that have not reported it; a question to
// a department past its due date, to its contacts. Each reminder is sent once: its key (what, which deadline) is inserted first, and only
// the transaction whose insert took it tells anyone. A changed deadline is a new reminder.
import type { Em } from '../../db/orm.js';
import { ActionItem } from '../meetings/meetings.entity.js';
import { ACK_REMINDER_DAYS, acknowledgementsOf } from '../policies/acknowledgements.query.js';
import { PolicyVersion } from '../policies/policies.entity.js';
import { OutcomeReport, Proposal, Rollout } from '../proposals/proposals.entity.js';
import { outcomeReporters } from '../proposals/outcomes.query.js';
import { eligibleVoters, policyAcknowledgers, regionRollers, votersOf } from './audiences.js';
import { ReminderSent } from './notifications.entity.js';
import { DepartmentContact, Referral } from '../departments/departments.entity.js';
import { notify } from './notify.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const VOTE_CLOSING_WITHIN = DAY;
export const ROLLOUT_DUE_WITHIN = 7 * DAY;
export const ACTION_DUE_WITHIN = 2 * DAY;
/** Policy versions older than this get no more confirmation reminders (their last is at 7 days). */
const ACK_REMINDERS_UNTIL = 30 * DAY;
/** Outcomes due longer ago than this are not asked for any more (the home still lists them). */
const OUTCOME_ASKED_UNTIL = 60 * DAY;
/** Questions to departments overdue longer than this get no reminder (the facilitators' home and the agenda still show them). */
const REFERRAL_REMINDED_UNTIL = 30 * DAY;

/** Takes the reminder's key; false when it was taken before (the reminder went out already). */
export async function claimReminder(em: Em, key: string, now: Date): Promise<boolean> {
  const result = await em.createQueryBuilder(ReminderSent).insert({ key, sentAt: now }).onConflict('key').ignore().execute('run');
  return (result as { affectedRows?: number }).affectedRows === 1;
}

const rolloutKey = (what: 'due' | 'overdue', rollout: Rollout) => `rollout-${what}:${rollout.id}:${rollout.dueOn?.toISOString()}`;

async function tellRollout(em: Em, actor: { id: string } | null, rollout: Rollout, kind: 'ROLLOUT_DUE' | 'ROLLOUT_OVERDUE', messageKey: string, now: Date) {
  const proposal = rollout.proposal;
  await notify(em, {
    actor,
    subject: { type: 'Proposal', id: proposal.id },
    params: { title: proposal.title, region: rollout.region.name, ...(rollout.dueOn && { due: rollout.dueOn.toISOString() }) },
    audiences: [{ kind, userIds: await regionRollers(em, proposal, rollout.region.id), messageKey }],
    at: now,
  });
}

/** A rollout was opened: its region's coordinators hear of it (and not again "due soon" if it already is). */
export async function rolloutOpened(em: Em, actor: { id: string } | null, rollout: Rollout, now: Date): Promise<void> {
  if (rollout.dueOn && rollout.dueOn.getTime() - now.getTime() <= ROLLOUT_DUE_WITHIN) await claimReminder(em, rolloutKey('due', rollout), now);
  await tellRollout(em, actor, rollout, 'ROLLOUT_DUE', rollout.dueOn ? 'reach.message.ROLLOUT_OPENED' : 'reach.message.ROLLOUT_OPENED_UNDATED', now);
}

/** Sends every reminder that is due and was not sent; returns how many reminders went out. */
export async function sendReminders(em: Em, now = new Date()): Promise<number> {
  let sent = 0;
  const once = async (key: string, tell: (tx: Em) => Promise<unknown>) => {
    await em.fork().transactional(async (tx) => {
      if (!(await claimReminder(tx, key, now))) return;
      await tell(tx);
      sent += 1;
    });
  };

  const closing = await em.fork().find(Proposal, { status: 'VOTING', votingClosesAt: { $gt: now, $lte: new Date(now.getTime() + VOTE_CLOSING_WITHIN) } });
  for (const proposal of closing) {
    await once(`vote-closing:${proposal.id}:${proposal.votingClosesAt!.toISOString()}`, async (tx) => {
      const voted = new Set(await votersOf(tx, proposal.id));
      await notify(tx, {
        actor: null,
        subject: { type: 'Proposal', id: proposal.id },
        params: { title: proposal.title, when: proposal.votingClosesAt!.toISOString() },
        audiences: [{ kind: 'VOTE_CLOSING_SOON', userIds: (await eligibleVoters(tx)).filter((id) => !voted.has(id)) }],
        at: now,
      });
    });
  }

  const rollouts = await em.fork().find(
    Rollout,
    { status: { $ne: 'DONE' }, dueOn: { $ne: null, $lte: new Date(now.getTime() + ROLLOUT_DUE_WITHIN) }, proposal: { status: 'IMPLEMENTING' } },
    { populate: ['proposal', 'region'] },
  );
  for (const rollout of rollouts) {
    const overdue = rollout.dueOn!.getTime() < now.getTime();
    await once(rolloutKey(overdue ? 'overdue' : 'due', rollout), (tx) =>
      tellRollout(tx, null, rollout, overdue ? 'ROLLOUT_OVERDUE' : 'ROLLOUT_DUE', overdue ? 'reach.message.ROLLOUT_OVERDUE' : 'reach.message.ROLLOUT_DUE', now),
    );
  }

  const actions = await em.fork().find(ActionItem, { status: 'OPEN', dueOn: { $ne: null, $lte: new Date(now.getTime() + ACTION_DUE_WITHIN) } }, { populate: ['meeting'] });
  for (const action of actions) {
    const overdue = action.dueOn!.getTime() < now.getTime();
    await once(`action-${overdue ? 'overdue' : 'due'}:${action.id}:${action.dueOn!.toISOString()}`, (tx) =>
      notify(tx, {
        actor: null,
        subject: { type: 'Meeting', id: action.meeting.id },
        params: { title: action.title, meeting: action.meeting.title, due: action.dueOn!.toISOString() },
        audiences: [{ kind: 'ACTION_ITEM_DUE', userIds: [action.owner.id], messageKey: overdue ? 'reach.message.ACTION_ITEM_OVERDUE' : 'reach.message.ACTION_ITEM_DUE' }],
        at: now,
      }),
    );
  }
  // Policy versions still current, adopted 3 (or 7) days ago: those who have not confirmed are
  // reminded once at each; a runner that missed the 3rd day sends only the 7th-day reminder.
  const [first, last] = ACK_REMINDER_DAYS;
  const versions = await em.fork().find(
    PolicyVersion,
    { createdAt: { $lte: new Date(now.getTime() - first * DAY), $gt: new Date(now.getTime() - ACK_REMINDERS_UNTIL) } },
    { populate: ['policy'] },
  );
  for (const v of versions) {
    if (v.version !== v.policy.currentVersion) continue;
    const late = now.getTime() - v.createdAt.getTime() >= last * DAY;
    const key = (days: number) => `policy-ack-${days}d:${v.policy.id}:${v.version}`;
    await once(key(late ? last : first), async (tx) => {
      if (late) await claimReminder(tx, key(first), now);
      const done = new Set((await acknowledgementsOf(tx, [{ policyId: v.policy.id, version: v.version }])).map((a) => a.user.id));
      await notify(tx, {
        actor: null,
        subject: { type: 'Policy', id: v.policy.id },
        params: { title: v.policy.title, version: v.version, days: late ? last : first },
        audiences: [{ kind: 'POLICY_TO_CONFIRM', userIds: (await policyAcknowledgers(tx)).filter((id) => !done.has(id)), messageKey: 'followUp.upToDate.message.reminder' }],
        at: now,
      });
    });
  }
  const outcomes = await em.fork().find(Proposal, {
    status: 'IMPLEMENTED',
    outcomeDueOn: { $lte: now, $gt: new Date(now.getTime() - OUTCOME_ASKED_UNTIL) },
  });
  for (const proposal of outcomes) {
    await once(`outcome-due:${proposal.id}:${proposal.outcomeDueOn!.toISOString()}`, async (tx) => {
      const reported = (await tx.find(OutcomeReport, { proposal: proposal.id }, { fields: ['region'] })).map((r) => r.region.id);
      await notify(tx, {
        actor: null,
        subject: { type: 'Proposal', id: proposal.id },
        params: { title: proposal.title },
        audiences: [{ kind: 'OUTCOME_DUE', userIds: (await outcomeReporters(tx, reported)).map((u) => u.id), messageKey: 'followUp.outcomes.message.due' }],
        at: now,
      });
    });
  }
  // A question to a department unanswered past its due date: its contacts are reminded, once per due date.
  const overdue = await em.fork().find(
    Referral,
    { status: 'OPEN', dueOn: { $lte: now, $gt: new Date(now.getTime() - REFERRAL_REMINDED_UNTIL) } },
    { populate: ['issue', 'department'], fields: ['dueOn', 'issue.title', 'department.name'] },
  );
  for (const referral of overdue) {
    await once(`referral-overdue:${referral.id}:${referral.dueOn!.toISOString()}`, async (tx) => {
      const contacts = await tx.find(DepartmentContact, { department: referral.department.id }, { fields: ['user'] });
      await notify(tx, {
        actor: null,
        subject: { type: 'Issue', id: referral.issue.id },
        params: { title: referral.issue.title, department: referral.department.name, date: referral.dueOn!.toISOString() },
        audiences: [{ kind: 'REFERRAL_RECEIVED', userIds: contacts.map((c) => c.user.id), messageKey: 'departments.message.overdue' }],
        at: now,
      });
    });
  }
  return sent;
}
