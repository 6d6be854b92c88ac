// Live events: "this subject changed", carried between server instances through Redis pub/sub
// when REDIS_URL is set, and within the process otherwise. Only ids travel; every subscriber
// re-reads the subject with its own request's EntityManager and visibility rules.
import { createPubSub, type PubSub, type PubSubEvent } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import { closeRedis, connectRedis } from '../redis.js';

/** The topics, each keyed by the id of what changed; the payload is that id again. */
export type LiveTopics = {
  proposal: [proposalId: string, proposalId: string];
  meeting: [meetingId: string, meetingId: string];
  /** A person's notifications (their unread count may have changed). */
  notifications: [userId: string, userId: string];
  /** Regions or categories changed (modules/people/reference.cache.ts); the id is always 'all'. */
  reference: [scope: 'all', scope: 'all'];
};
export type LiveTopic = keyof LiveTopics;

export interface LiveEvents {
  /** Announces a committed change of one subject. */
  publish(topic: LiveTopic, id: string): void;
  /**
   * The changes of one subject (their ids), until the iterator is returned or `close` ends it.
   * It listens from its first `next()` call on (with Redis, once `listening()` resolves).
   */
  subscribe(topic: LiveTopic, id: string): AsyncIterableIterator<string>;
  /** Resolves when the subscriptions made so far receive events (Redis confirmed them). */
  listening(): Promise<void>;
  /** Ends every open subscription (so their streams finish and clients reconnect elsewhere), then disconnects. */
  close(): Promise<void>;
}

/** Keeps the open subscriptions, so that closing can end them before Redis goes away. */
function tracked(pubSub: PubSub<LiveTopics>, scope: string, listening: () => Promise<void>, disconnect: () => Promise<void>): LiveEvents {
  const open = new Set<AsyncIterator<string>>();
  // The channel is `${topic}:${scope}${id}`: installations (or test runs) sharing one Redis keep apart.
  return {
    publish: (topic, id) => pubSub.publish(topic, scope + id, id),
    listening,
    subscribe(topic, id) {
      const changes = pubSub.subscribe(topic, scope + id);
      open.add(changes);
      // A subscription ends only by being returned (by its stream, or by close).
      return {
        next: () => changes.next(),
        return: () => {
          open.delete(changes);
          return changes.return();
        },
        [Symbol.asyncIterator]() {
          return this;
        },
      };
    },
    async close() {
      await Promise.allSettled([...open].map((changes) => changes.return?.()));
      // Let the event target send its UNSUBSCRIBEs before the connection closes.
      await new Promise((resolve) => setImmediate(resolve));
      await disconnect();
    },
  };
}

/**
 * In process without `redisUrl`; with it, through Redis. Connecting is awaited, so a Redis that
 * does not answer stops the start (RedisUnavailable) instead of silently losing every event
 * across instances.
 */
export async function createLiveEvents(redisUrl: string | undefined, prefix: string, onError: (error: unknown) => void): Promise<LiveEvents> {
  if (!redisUrl) {
    return tracked(createPubSub<LiveTopics>(), '', async () => {}, async () => {});
  }

  // A connection that subscribes can do nothing else, hence two. The event target does not await
  // (UN)SUBSCRIBE: while Redis is away they wait for it instead of failing after some retries.
  const publisher = await connectRedis(redisUrl, 'live-publish', onError);
  const subscriber = await connectRedis(redisUrl, 'live-subscribe', onError, { maxRetriesPerRequest: null }).catch(async (error: unknown) => {
    await closeRedis(publisher);
    throw error;
  });
  const { createRedisEventTarget } = await import('@graphql-yoga/redis-event-target');
  const pubSub = createPubSub<LiveTopics>({
    eventTarget: createRedisEventTarget<PubSubEvent<LiveTopics, LiveTopic>>({
      // The event target fires PUBLISH without awaiting it: a failure while Redis is away is
      // reported here instead of becoming an unhandled rejection. It calls nothing else on it.
      publishClient: { publish: (channel: string, message: string) => publisher.publish(channel, message).catch(onError) } as unknown as Redis,
      subscribeClient: subscriber,
    }),
  });
  return tracked(
    pubSub,
    prefix,
    // Redis answers a connection's commands in order: the PING's answer comes after the SUBSCRIBEs
    // sent before it have taken effect.
    async () => {
      await subscriber.ping();
    },
    async () => {
      await Promise.allSettled([closeRedis(publisher), closeRedis(subscriber)]);
    },
  );
}
