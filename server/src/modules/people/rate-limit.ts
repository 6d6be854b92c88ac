// A fixed-window counter of failed sign-ins, per address and per account, in memory.
// (With several server instances behind a balancer each instance counts on its own.)
export interface Limit {
  max: number;
  windowMs: number;
}

export class FailureLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly limit: Limit) {}

  /** Seconds until the key may try again, or 0 when it may try now. */
  retryAfter(key: string, now = Date.now()): number {
    const w = this.windows.get(key);
    if (!w || w.resetAt <= now) return 0;
    return w.count >= this.limit.max ? Math.ceil((w.resetAt - now) / 1000) : 0;
  }

  fail(key: string, now = Date.now()): void {
    const w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      this.windows.set(key, { count: 1, resetAt: now + this.limit.windowMs });
      if (this.windows.size > 10_000) this.sweep(now);
    } else {
      w.count += 1;
    }
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private sweep(now: number): void {
    for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
  }
}

export interface SignInLimits {
  perAddress: Limit;
  perAccount: Limit;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  perAddress: { max: 50, windowMs: 15 * 60_000 },
  perAccount: { max: 10, windowMs: 15 * 60_000 },
};
