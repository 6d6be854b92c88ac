// The per-person write limit: at most `max` mutation fields per signed-in person per window (120
// a minute by default), counted in Redis when REDIS_URL is set, so a person spreading writes over
// several instances meets one budget, and in process otherwise. Counters come from the sign-in
// limits' `rateLimiter`; keys hold the person's id, never an email.
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { rateLimiter, refusedAfter, type Limit, type LimitStore } from './rate-limit.js';

export class WriteLimiter {
  private readonly writes: RateLimiterAbstract;

  constructor(
    readonly limit: Limit,
    store: LimitStore,
  ) {
    this.writes = rateLimiter(store, 'writes:person', limit);
  }

  /**
   * Takes `count` points for the person's next writes before they are made; throws LimitReached
   * (with the wait) when the window has fewer left. A refused request takes its points all the
   * same: retrying at once does not get through sooner.
   */
  async admit(personId: string, count: number): Promise<void> {
    if (count > 0) await refusedAfter(this.writes.consume(personId, count));
  }
}
