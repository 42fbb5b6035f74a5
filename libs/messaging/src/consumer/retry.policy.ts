export interface RetryPolicy {
  /** Handler attempts in total before the message is dead-lettered (1 = no retry). */
  attempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

/**
 * Five attempts over about three seconds: enough to ride out a lock timeout or a primary stepping
 * down, short enough that one bad message does not stall its partition for long.
 */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, initialDelayMs: 200, maxDelayMs: 5000 };

/** Delay before attempt `next` (2, 3, …): doubling from the initial delay, capped. */
export function delayBefore(next: number, policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, next - 2));
}
