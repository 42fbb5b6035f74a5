/** Failed sign-ins and the lock they lead to; one rule for known users and for unknown emails. */
export interface LockoutState {
  failedAttempts: number;
  /** ISO time; the account refuses every attempt, right or wrong, until then. */
  lockedUntil: string | null;
}

export interface LockoutPolicy {
  maxAttempts: number;
  lockoutMinutes: number;
}

export type AttemptOutcome =
  | { kind: 'locked'; retryAfterSeconds: number }
  | { kind: 'failed'; failedAttempts: number; lockedUntil: string | null }
  | { kind: 'succeeded'; hadFailures: boolean };

/**
 * Counting restarts once a lock has run out, so a user who waited gets the full number of tries;
 * a failure while locked does not extend the lock (it was refused before any password check counted).
 */
export function evaluateAttempt(
  state: LockoutState,
  credentialsValid: boolean,
  now: Date,
  policy: LockoutPolicy,
): AttemptOutcome {
  const lockedUntil = state.lockedUntil ? Date.parse(state.lockedUntil) : null;
  if (lockedUntil !== null && lockedUntil > now.getTime())
    return {
      kind: 'locked',
      retryAfterSeconds: Math.max(1, Math.ceil((lockedUntil - now.getTime()) / 1000)),
    };
  const previous = lockedUntil !== null ? 0 : state.failedAttempts;
  if (credentialsValid)
    return { kind: 'succeeded', hadFailures: state.failedAttempts > 0 || state.lockedUntil !== null };
  const failedAttempts = previous + 1;
  const lock =
    failedAttempts >= policy.maxAttempts
      ? new Date(now.getTime() + policy.lockoutMinutes * 60_000).toISOString()
      : null;
  return { kind: 'failed', failedAttempts, lockedUntil: lock };
}

export function retryAfterSeconds(lockedUntil: string, now: Date): number {
  return Math.max(1, Math.ceil((Date.parse(lockedUntil) - now.getTime()) / 1000));
}
