// Reminders, run by the scheduled-work runner: a vote closes within 24 hours and the person has not
// voted; a rollout is due within 7 days, or overdue; an action item is due within 2 days, or
// overdue. Each reminder is sent once: its key (what, which deadline) is inserted first, and only
// the transaction whose insert took it tells anyone. A changed deadline is a new reminder.
import type { Em } from '../../db/orm.js';
import { ActionItem } from '../meetings/meetings.entity.js';
import { Proposal, Rollout } from '../proposals/proposals.entity.js';
import { eligibleVoters, regionRollers, votersOf } from './audiences.js';
import { ReminderSent } from './notifications.entity.js';
import { notify } from './notify.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const VOTE_CLOSING_WITHIN = DAY;
export const ROLLOUT_DUE_WITHIN = 7 * DAY;
export const ACTION_DUE_WITHIN = 2 * DAY;

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
  return sent;
}
