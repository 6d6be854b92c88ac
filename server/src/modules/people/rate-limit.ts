// Sign-in limits with rate-limiter-flexible: in Redis when REDIS_URL is set (shared by every
// instance; each step is one atomic Redis script), in process otherwise.
//
// Per account: a password check is admitted only after it took one point, so however many requests
// arrive at once on however many instances, at most `perAccount.max` checks run per window.
// Per address: the limit counts the distinct accounts tried without success from the address, not
// the attempts. Hammering one account from an office address costs that address one point, so
// colleagues behind the same address still sign in; trying many accounts (credential spraying)
// exhausts it. A successful sign-in gives the account and its address point back.
// `rateLimiter` builds every counter, the write limit's (write-limit.ts) as well.
import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';

export interface Limit {
  max: number;
  windowMs: number;
}

export interface SignInLimits {
  /** Distinct accounts tried without success from one address per window. */
  perAddress: Limit;
  /** Password checks per account per window. */
  perAccount: Limit;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  perAddress: { max: 50, windowMs: 15 * 60_000 },
  perAccount: { max: 10, windowMs: 15 * 60_000 },
};

/** Where the counters live: a Redis client and a key prefix, or null for this process' memory. */
export type LimitStore = { redis: Redis; prefix: string } | null;

/** An admitted attempt; hand it back to `succeeded` when the password was right. */
export interface Admission {
  readonly account: string;
  readonly pair: string;
  readonly address: string;
}

/** Thrown by `admit` when an attempt may not be made now. */
export class LimitReached extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`sign-in limit reached; retry after ${retryAfterSeconds} s`);
  }
}

export class SignInLimiter {
  private readonly accounts: RateLimiterAbstract;
  private readonly addresses: RateLimiterAbstract;
  /** Which (address, account) pairs have counted on their address in this window. */
  private readonly pairs: RateLimiterAbstract;

  constructor(limits: SignInLimits, store: LimitStore) {
    this.accounts = rateLimiter(store, 'signin:account', limits.perAccount);
    this.addresses = rateLimiter(store, 'signin:address', limits.perAddress);
    // Same window as the address: a pair counts at most once per address window.
    this.pairs = rateLimiter(store, 'signin:pair', { max: Number.MAX_SAFE_INTEGER, windowMs: limits.perAddress.windowMs });
  }

  /**
   * Takes the points for one password check of `email` from `address` before it is made; throws
   * LimitReached when the account or the address is out of points.
   */
  async admit(email: string, address: string): Promise<Admission> {
    const admission: Admission = { account: digest(email), address: digest(address), pair: digest(`${address}\n${email}`) };
    await refusedAfter(this.accounts.consume(admission.account));
    try {
      const pair = await this.pairs.consume(admission.pair);
      if (pair.isFirstInDuration) {
        try {
          await refusedAfter(this.addresses.consume(admission.address));
        } catch (error) {
          // The pair did not count on the address: the next attempt has to be counted again.
          await this.pairs.delete(admission.pair);
          throw error;
        }
      } else {
        // Already counted; while the address is out of points (spraying), it is refused as well.
        const seen = await this.addresses.get(admission.address);
        if (seen && seen.consumedPoints > this.addresses.points) throw new LimitReached(seconds(seen.msBeforeNext));
      }
    } catch (error) {
      // No password was checked: the account's point goes back, so a blocked address cannot use
      // up its victims' allowance.
      await this.accounts.reward(admission.account, 1);
      throw error;
    }
    return admission;
  }

  /** The password was right: the account starts afresh and its address gets its point back. */
  async succeeded(admission: Admission): Promise<void> {
    await this.accounts.delete(admission.account);
    // delete() answers true for one caller only, so concurrent successes give back one point.
    if (await this.pairs.delete(admission.pair)) await this.addresses.reward(admission.address, 1);
  }
}

/** A fixed-window counter named `name` (its Redis key prefix), in `store` or in this process. */
export function rateLimiter(store: LimitStore, name: string, limit: Limit): RateLimiterAbstract {
  const options = { points: limit.max, duration: Math.max(1, Math.ceil(limit.windowMs / 1000)) };
  if (!store) return new RateLimiterMemory({ ...options, keyPrefix: name });
  return new RateLimiterRedis({
    ...options,
    storeClient: store.redis,
    keyPrefix: `${store.prefix}${name}`,
    // While Redis is unreachable, each instance limits on its own rather than refusing everyone.
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory(options),
  });
}

/** Resolves when there were points left; throws LimitReached with the wait otherwise. */
export async function refusedAfter(consumed: Promise<RateLimiterRes>): Promise<void> {
  try {
    await consumed;
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new LimitReached(seconds(error.msBeforeNext));
    throw error;
  }
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Keys without personal data: Redis holds digests, never email or IP addresses. */
const digest = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 27);
