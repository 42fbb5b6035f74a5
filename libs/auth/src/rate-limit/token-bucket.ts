/**
 * Token bucket, as pure arithmetic so the in-process limiter and its tests share it (the Redis
 * limiter runs the same steps in Lua). Capacity is a minute's allowance: a tenant may spend its rpm
 * in a burst, then gets `rpm / 60` requests per second back.
 */
export interface Bucket {
  tokens: number;
  updatedAt: number;
}

export interface BucketLimit {
  capacity: number;
  refillPerMs: number;
}

export interface RateDecision {
  allowed: boolean;
  limit: number;
  /** Whole requests left right now. */
  remaining: number;
  /** When refused: seconds until one request's token is back (at least 1). */
  retryAfterSeconds: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
}

export function limitForRpm(rpm: number): BucketLimit {
  return { capacity: rpm, refillPerMs: rpm / 60_000 };
}

export function decide(tokens: number, allowed: boolean, limit: BucketLimit): RateDecision {
  return {
    allowed,
    limit: limit.capacity,
    remaining: Math.max(0, Math.floor(tokens)),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((1 - tokens) / limit.refillPerMs / 1000)),
    resetSeconds: Math.ceil((limit.capacity - tokens) / limit.refillPerMs / 1000),
  };
}

/** Refills for the time elapsed, then takes one token if there is one. */
export function take(
  bucket: Bucket | undefined,
  limit: BucketLimit,
  now: number,
): { bucket: Bucket; decision: RateDecision } {
  const elapsed = bucket ? Math.max(0, now - bucket.updatedAt) : 0;
  const available = bucket
    ? Math.min(limit.capacity, bucket.tokens + elapsed * limit.refillPerMs)
    : limit.capacity;
  const allowed = available >= 1;
  const tokens = allowed ? available - 1 : available;
  return { bucket: { tokens, updatedAt: now }, decision: decide(tokens, allowed, limit) };
}

/** A bucket this old is full again, so forgetting it changes nothing. */
export function isFull(bucket: Bucket, limit: BucketLimit, now: number): boolean {
  return bucket.tokens + (now - bucket.updatedAt) * limit.refillPerMs >= limit.capacity;
}
