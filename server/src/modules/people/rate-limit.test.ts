// The sign-in limiter's rules on its in-process store (the Redis store runs the same rules as
// atomic Redis scripts; test/api/auth.test.ts exercises it across two app instances).
import { describe, expect, it } from 'vitest';
import { LimitReached, SignInLimiter } from './rate-limit.js';

const limits = { perAccount: { max: 3, windowMs: 60_000 }, perAddress: { max: 2, windowMs: 60_000 } };

/** Admits or returns the refusal's wait, so sequences read as data. */
async function attempt(l: SignInLimiter, email: string, address: string) {
  try {
    return await l.admit(email, address);
  } catch (error) {
    if (error instanceof LimitReached) return error;
    throw error;
  }
}

describe('SignInLimiter', () => {
  it('admits at most max password checks per account, even when they all arrive at once', async () => {
    const l = new SignInLimiter(limits, null);
    const results = await Promise.all(Array.from({ length: 30 }, () => attempt(l, 'ana@example.com', '10.0.0.1')));
    expect(results.filter((r) => !(r instanceof LimitReached))).toHaveLength(3);
    const refused = results.find((r) => r instanceof LimitReached)!;
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    // From any other address as well: the limit belongs to the account.
    expect(await attempt(l, 'ana@example.com', '10.0.0.2')).toBeInstanceOf(LimitReached);
  });

  it('lets the account start afresh after a successful sign-in', async () => {
    const l = new SignInLimiter(limits, null);
    await attempt(l, 'ana@example.com', '10.0.0.1');
    await attempt(l, 'ana@example.com', '10.0.0.1');
    const right = await l.admit('ana@example.com', '10.0.0.1');
    await l.succeeded(right);
    for (let i = 0; i < 3; i++) expect(await attempt(l, 'ana@example.com', '10.0.0.1')).not.toBeInstanceOf(LimitReached);
  });

  it('does not lock colleagues out when one account is hammered from their shared address', async () => {
    const l = new SignInLimiter(limits, null);
    for (let i = 0; i < 10; i++) await attempt(l, 'victim@example.com', '192.0.2.7');
    // The hammered account costs the address one point of two: a colleague still gets in.
    const colleague = await attempt(l, 'bo@example.com', '192.0.2.7');
    expect(colleague).not.toBeInstanceOf(LimitReached);
  });

  it('stops spraying many accounts from one address, without using up the accounts', async () => {
    const l = new SignInLimiter(limits, null);
    expect(await attempt(l, 'a@example.com', '198.51.100.9')).not.toBeInstanceOf(LimitReached);
    expect(await attempt(l, 'b@example.com', '198.51.100.9')).not.toBeInstanceOf(LimitReached);
    expect(await attempt(l, 'c@example.com', '198.51.100.9')).toBeInstanceOf(LimitReached);
    // Once the address has been refused, accounts it already tried are refused from it too.
    expect(await attempt(l, 'a@example.com', '198.51.100.9')).toBeInstanceOf(LimitReached);
    // The refused attempts checked no password, so c's own allowance is untouched.
    for (let i = 0; i < 3; i++) expect(await attempt(l, 'c@example.com', '203.0.113.1')).not.toBeInstanceOf(LimitReached);
    expect(await attempt(l, 'c@example.com', '203.0.113.1')).toBeInstanceOf(LimitReached);
  });

  it('gives the address its point back when the account then signs in', async () => {
    const l = new SignInLimiter(limits, null);
    await attempt(l, 'a@example.com', '198.51.100.9'); // a typo
    await l.succeeded(await l.admit('a@example.com', '198.51.100.9'));
    expect(await attempt(l, 'b@example.com', '198.51.100.9')).not.toBeInstanceOf(LimitReached);
    expect(await attempt(l, 'c@example.com', '198.51.100.9')).not.toBeInstanceOf(LimitReached);
    expect(await attempt(l, 'd@example.com', '198.51.100.9')).toBeInstanceOf(LimitReached);
  });
});
