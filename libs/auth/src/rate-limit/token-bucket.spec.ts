import { InMemoryRateLimiter } from './in-memory.rate-limiter';
import { limitForRpm, take } from './token-bucket';

describe('token bucket', () => {
  const limit = limitForRpm(60); // 60 a minute: a burst of 60, then one a second

  it('lets a full minute through at once, then refuses with the wait until the next token', () => {
    let bucket;
    for (let i = 0; i < 60; i++) {
      const step = take(bucket, limit, 1000);
      expect(step.decision.allowed).toBe(true);
      expect(step.decision.remaining).toBe(59 - i);
      bucket = step.bucket;
    }
    const refused = take(bucket, limit, 1000);
    expect(refused.decision).toMatchObject({
      allowed: false,
      remaining: 0,
      retryAfterSeconds: 1,
      resetSeconds: 60,
    });
  });

  it('refills at rpm/60 per second, never above capacity', () => {
    let bucket = { tokens: 0, updatedAt: 0 };
    expect(take(bucket, limit, 500).decision.allowed).toBe(false);
    const after = take(bucket, limit, 1500);
    expect(after.decision.allowed).toBe(true);
    bucket = after.bucket;
    expect(bucket.tokens).toBeCloseTo(0.5);
    expect(take(bucket, limit, 10 * 60_000).decision.remaining).toBe(59);
  });

  it('tells a slow tier how long to wait: 6 rpm means 10 s a token', () => {
    const slow = limitForRpm(6);
    const empty = { tokens: 0.2, updatedAt: 0 };
    expect(take(empty, slow, 0).decision.retryAfterSeconds).toBe(8);
  });
});

describe('InMemoryRateLimiter', () => {
  it('keeps one bucket per key and forgets buckets that have refilled', async () => {
    let now = 0;
    const limiter = new InMemoryRateLimiter(() => now);
    const limit = limitForRpm(2);
    expect(limiter.consume('a', limit).allowed).toBe(true);
    expect(limiter.consume('a', limit).allowed).toBe(true);
    expect(limiter.consume('a', limit).allowed).toBe(false);
    expect(limiter.consume('b', limit).allowed).toBe(true);
    now = 30_000;
    expect(limiter.consume('a', limit).allowed).toBe(true);
    now = 10 * 60_000;
    limiter.sweep();
    expect(limiter.size).toBe(0);
    await limiter.close();
  });
});
