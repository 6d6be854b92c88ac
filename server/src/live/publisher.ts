// Announces committed changes to live subscribers, from one place that no write path can forget:
// a MikroORM subscriber sees every flushed row, maps it to the subject it belongs to (a vote to its
// proposal, an agenda item to its meeting, a notification to its reader), and publishes once the
// transaction commits; a rolled-back transaction announces nothing. Native updates bypass the
// unit of work: their callers report them with `liveChanged`.
import type { EntityManager, EventSubscriber, FlushEventArgs, TransactionEventArgs } from '@mikro-orm/core';
import { Comment } from '../modules/issues/issues.entity.js';
import { ActionItem, AgendaItem, Meeting } from '../modules/meetings/meetings.entity.js';
import { Decision, Proposal, ProposalRevision, Rollout, Vote } from '../modules/proposals/proposals.entity.js';
import type { LiveEvents, LiveTopic } from './events.js';
import { Notification } from '../modules/notifications/notifications.entity.js';

type Change = readonly [LiveTopic, string];

/** The subjects a changed row belongs to. */
function subjectsOf(row: object): Change[] {
  if (row instanceof Proposal) return [['proposal', row.id]];
  if (row instanceof Vote || row instanceof Rollout || row instanceof Decision || row instanceof ProposalRevision) return [['proposal', row.proposal.id]];
  if (row instanceof Comment && row.proposal) return [['proposal', row.proposal.id]];
  if (row instanceof Meeting) return [['meeting', row.id]];
  if (row instanceof AgendaItem || row instanceof ActionItem) return [['meeting', row.meeting.id]];
  if (row instanceof Notification) return [['notifications', row.user.id]];
  return [];
}

/** A nested transaction (savepoint) commits with its outermost one: knex links them upwards. */
function outermost(transaction: object): object {
  let current = transaction as { parentTransaction?: object };
  while (current.parentTransaction) current = current.parentTransaction as { parentTransaction?: object };
  return current;
}

export class LivePublisher implements EventSubscriber {
  /** Changes flushed inside a transaction that has not committed yet, by its outermost transaction. */
  private readonly pending = new WeakMap<object, Map<string, Change>>();

  constructor(private readonly events: LiveEvents) {}

  afterFlush({ em, uow }: FlushEventArgs): void {
    this.record(em, uow.getChangeSets().flatMap((cs) => subjectsOf(cs.entity)));
  }

  afterTransactionCommit({ transaction }: TransactionEventArgs): void {
    if (!transaction) return;
    const changes = this.pending.get(transaction);
    this.pending.delete(transaction);
    for (const [topic, id] of changes?.values() ?? []) this.events.publish(topic, id);
  }

  afterTransactionRollback({ transaction }: TransactionEventArgs): void {
    if (transaction) this.pending.delete(transaction);
  }

  /** Publishes now when `em` is outside a transaction (its write is committed), else at commit. */
  record(em: EntityManager, changes: readonly Change[]): void {
    if (changes.length === 0) return;
    const transaction = em.isInTransaction() ? (em.getTransactionContext() as object | undefined) : undefined;
    if (!transaction) {
      for (const [topic, id] of new Map(changes.map((c) => [c.join(':'), c])).values()) this.events.publish(topic, id);
      return;
    }
    const root = outermost(transaction);
    let pending = this.pending.get(root);
    if (!pending) this.pending.set(root, (pending = new Map()));
    for (const change of changes) pending.set(change.join(':'), change);
  }
}

/**
 * Reports a change made with a native statement (`nativeUpdate`, `nativeDelete`, raw SQL), which
 * the unit of work never sees; published when `em`'s transaction commits, or now outside one.
 */
export function liveChanged(em: EntityManager, topic: LiveTopic, id: string): void {
  for (const subscriber of em.getEventManager().getSubscribers()) {
    if (subscriber instanceof LivePublisher) subscriber.record(em, [[topic, id]]);
  }
}
