export interface RetryPolicy {
  maxAttempts: number;
  baseDelaySeconds: number;
  factor: number;
  maxDelaySeconds: number;
}

/**
 * 30 s, 2 min, 8 min, 32 min, then dead letter: about three quarters of an hour covers a receiver's
 * deploy or brief outage without leaving an owner unaware of a critical report for hours.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelaySeconds: 30,
  factor: 4,
  maxDelaySeconds: 3600,
};

/** Wait after failed attempt n (1-based) before attempt n + 1. Deterministic: no jitter in the domain. */
export function retryDelaySeconds(attempt: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  return Math.min(
    policy.maxDelaySeconds,
    policy.baseDelaySeconds * policy.factor ** Math.max(0, attempt - 1),
  );
}
