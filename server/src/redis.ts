// Redis clients (ioredis) for state shared by several instances: sign-in limits, live events.
// A client is connected before the app starts, so a wrong REDIS_URL stops the start with a clear
// message instead of every instance quietly counting on its own.
import type { Redis, RedisOptions } from 'ioredis';

export class RedisUnavailable extends Error {}

/**
 * A connected client. `name` shows in Redis' CLIENT LIST (which instance part holds which
 * connection); `onError` receives connection errors after the start (ioredis keeps reconnecting).
 */
export async function connectRedis(
  url: string,
  name: string,
  onError: (error: Error) => void,
  options: RedisOptions = {},
): Promise<Redis> {
  // Loaded when Redis is configured: an installation without it never loads the client.
  const { Redis: Client } = await import('ioredis');
  const client = new Client(url, { lazyConnect: true, connectionName: `council:${name}`, ...options });
  // ioredis reports the cause (ECONNREFUSED, NOAUTH…) as an event; connect() only says "closed".
  let cause: Error | undefined;
  let started = false;
  client.on('error', (error: Error) => (started ? onError(error) : (cause ??= error)));
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    throw new RedisUnavailable(`REDIS_URL: cannot reach Redis at ${redactedUrl(url)} (${(cause ?? (error as Error)).message})`);
  }
  started = true;
  return client;
}

/** Closes a client, waiting for replies to commands already sent (QUIT), or at once if it is down. */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status === 'ready') await client.quit();
  else client.disconnect();
}

function redactedUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
