import { RateLimiter } from './rate-limiter.port';
import { Bucket, BucketLimit, isFull, RateDecision, take } from './token-bucket';

/**
 * Buckets in this process: each instance enforces the full limit on its own, so N instances let a
 * tenant through at up to N × rpm. Set REDIS_URL to share buckets (ADR 0007).
 */
export class InMemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, { bucket: Bucket; limit: BucketLimit }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly now: () => number = Date.now,
    sweepMs = 60_000,
  ) {
    // Full buckets carry no information; dropping them keeps memory to the tenants active lately.
    this.sweeper = setInterval(() => this.sweep(), sweepMs);
    this.sweeper.unref();
  }

  consume(key: string, limit: BucketLimit): RateDecision {
    const { bucket, decision } = take(this.buckets.get(key)?.bucket, limit, this.now());
    this.buckets.set(key, { bucket, limit });
    return decision;
  }

  get size(): number {
    return this.buckets.size;
  }

  sweep(): void {
    const now = this.now();
    for (const [key, { bucket, limit }] of this.buckets)
      if (isFull(bucket, limit, now)) this.buckets.delete(key);
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
  }
}
