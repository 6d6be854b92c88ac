import { describe, expect, it } from 'vitest';
import { FailureLimiter } from './rate-limit.js';

describe('FailureLimiter', () => {
  it('blocks a key after max failures until the window ends, and resets on success', () => {
    const l = new FailureLimiter({ max: 2, windowMs: 1000 });
    expect(l.retryAfter('a', 0)).toBe(0);
    l.fail('a', 0);
    expect(l.retryAfter('a', 10)).toBe(0);
    l.fail('a', 10);
    expect(l.retryAfter('a', 20)).toBe(1);
    expect(l.retryAfter('b', 20)).toBe(0);
    expect(l.retryAfter('a', 1000)).toBe(0);
    l.fail('a', 1001);
    l.fail('a', 1002);
    l.reset('a');
    expect(l.retryAfter('a', 1003)).toBe(0);
  });
});
