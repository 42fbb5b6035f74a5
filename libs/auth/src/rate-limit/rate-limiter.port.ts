import type { BucketLimit, RateDecision } from './token-bucket';

/** One bucket per key (service + tenant); a synchronous answer when no I/O is involved. */
export interface RateLimiter {
  consume(key: string, limit: BucketLimit): RateDecision | Promise<RateDecision>;
  close(): Promise<void>;
}
