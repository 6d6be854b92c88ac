// The plumbing of subscription fields: subscribing checks the subject like `node(id:)` would,
// then the stream ticks once with the current state and again after every committed change;
// each tick re-reads the viewer and the subject afresh, so visibility and a lost session apply
// to every event, not only to the first.
import { Repeater, SlidingBuffer } from 'graphql-yoga';
import { NotFound, Unauthenticated } from '../errors.js';
import type { LiveTopic } from '../live/events.js';
import { SESSION_COOKIE } from '../modules/people/auth.service.js';
import { localeFor, type Context } from './context.js';
import { createLoaders } from './loaders.js';

/** Ends the stream of a subscription (by its context: one operation per SSE connection). */
const endings = new WeakMap<Context, () => void>();

/**
 * The ticks of one subject: now, then after each change until the client leaves. A tick that
 * arrives while the previous one is still being read replaces any other waiting one: every read
 * shows the latest state, so a burst of votes costs one or two reads, not one per vote.
 */
export function changesOf(ctx: Context, topic: LiveTopic, id: string): Repeater<string> {
  const { live } = ctx.services;
  return new Repeater<string>(async (push, stop) => {
    endings.set(ctx, () => stop());
    const changes = live.subscribe(topic, id);
    void stop.then(() => changes.return?.());
    // Listening starts before the first read, so no change falls between the two.
    let next = changes.next();
    await live.listening();
    await push(id);
    for (let change = await next; !change.done; change = await next) {
      await push(change.value);
      next = changes.next();
    }
    // The events ended: this instance is closing (its open connections are dropped first).
    stop();
  }, new SlidingBuffer(1));
}

/**
 * The subscribe half of a field: NOT_FOUND unless the viewer may see the subject now (`load`
 * applies the same rules as the queries), then the ticks of `topic:id`.
 */
export async function subscribeTo<T>(ctx: Context, topic: LiveTopic, id: string, load: (ctx: Context, id: string) => Promise<T | null>): Promise<AsyncIterable<string>> {
  if ((await load(ctx, id)) === null) throw new NotFound();
  return changesOf(ctx, topic, id);
}

/**
 * Prepares the context for reading one tick. graphql-js executes every event of a subscription
 * with the same context object, so it gets a fresh EntityManager and dataloaders (else it would
 * show what it read for the first event); the session is checked again, and a subscription whose
 * session ended gets UNAUTHENTICATED once and then ends.
 */
export async function freshView(ctx: Context): Promise<void> {
  const em = ctx.em.fork();
  const found = await ctx.services.auth.viewerFor(em, ctx.req.cookies[SESSION_COOKIE]);
  if (!found) {
    endings.get(ctx)?.();
    throw new Unauthenticated();
  }
  Object.assign(ctx, { em, viewer: found.user, sessionId: found.sessionId, locale: localeFor(found.user, ctx.req), loaders: createLoaders(em, found.user, ctx.services.reference) });
}

/** The resolve half of a field: the subject as the viewer may see it at this tick. */
export async function readTick<T>(ctx: Context, id: string, load: (ctx: Context, id: string) => Promise<T | null>): Promise<T> {
  await freshView(ctx);
  const subject = await load(ctx, id);
  if (subject === null) {
    endings.get(ctx)?.();
    throw new NotFound();
  }
  return subject;
}
