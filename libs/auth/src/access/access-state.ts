import type { AccessChangedPayload } from '@foresight/contracts';

/**
 * What this service instance has learnt about access changes (from `identity.access.v1`, including
 * the window replayed at start-up). Pure bookkeeping, times in ms, the clock passed in.
 *
 * - Revoked sessions and API keys are refused outright. A revoked key is remembered even though its
 *   cache entry is dropped: identity's answer to the re-verification might still come from a read
 *   model that has not caught up.
 * - Other changes (roles, a user's access, a tenant's status) make tokens issued before them
 *   untrustworthy on their claims alone: those get confirmed with identity (`changedSince`).
 * - A tenant found suspended (identity's answer) is refused without asking again until the next
 *   change of that tenant's status.
 *
 * Everything is forgotten after `memoryMs` (the longest access-token lifetime): by then every token
 * issued before the change has expired.
 */
export class AccessState {
  private readonly revokedSessions = new Map<string, number>();
  private readonly revokedKeys = new Map<string, number>();
  /** `tenantId` or `tenantId/userId` → the latest change's time. */
  private readonly changes = new Map<string, number>();
  /** tenantId → until when the suspension is believed without asking identity again. */
  private readonly suspended = new Map<string, number>();
  private gen = 0;

  constructor(
    private readonly memoryMs: number,
    /** Bounds a suspension learnt from identity, in case its lifting was missed. */
    private readonly suspensionMemoryMs = 60_000,
  ) {}

  /**
   * Bumped by every change: an answer from identity requested before a change may predate it, so
   * callers cache or believe only answers whose request started at the current generation.
   */
  get generation(): number {
    return this.gen;
  }

  apply(change: AccessChangedPayload, now: number): void {
    this.gen++;
    const at = Date.parse(change.changedAt);
    const changedAt = Number.isFinite(at) ? at : now;
    const forgetAt = Math.max(changedAt, now) + this.memoryMs;
    switch (change.kind) {
      case 'session_revoked':
        this.revokedSessions.set(change.subjectId, forgetAt);
        break;
      case 'api_key_revoked':
        this.revokedKeys.set(change.subjectId, forgetAt);
        break;
      case 'api_key_changed':
        break;
      case 'user_access_changed':
        this.touch(`${change.tenantId}/${change.subjectId}`, changedAt);
        break;
      case 'role_changed':
        // Tokens carry role names, the event a role id: every token of the tenant is in doubt.
        this.touch(change.tenantId, changedAt);
        break;
      case 'tenant_status_changed':
        this.touch(change.tenantId, changedAt);
        this.suspended.delete(change.tenantId);
        break;
      default: {
        const unknown: never = change.kind;
        // A kind added to the contract later: doubt the whole tenant rather than ignore it.
        this.touch(change.tenantId, changedAt);
        void unknown;
      }
    }
  }

  isSessionRevoked(sessionId: string): boolean {
    return this.revokedSessions.has(sessionId);
  }

  isKeyRevoked(keyId: string): boolean {
    return this.revokedKeys.has(keyId);
  }

  /** Whether access of this user in this tenant changed at or after `issuedAtMs` (a token's `iat`). */
  changedSince(tenantId: string, userId: string, issuedAtMs: number): boolean {
    const tenant = this.changes.get(tenantId);
    const user = this.changes.get(`${tenantId}/${userId}`);
    // iat has whole seconds: a token of the change's own second may predate it, so it is in doubt too.
    return (tenant !== undefined && tenant >= issuedAtMs) || (user !== undefined && user >= issuedAtMs);
  }

  isSuspended(tenantId: string, now: number): boolean {
    const until = this.suspended.get(tenantId);
    if (until === undefined) return false;
    if (until > now) return true;
    this.suspended.delete(tenantId);
    return false;
  }

  /** Records identity's answer, unless a change arrived since the question was asked. */
  markSuspended(tenantId: string, askedAtGeneration: number, now: number): void {
    if (askedAtGeneration === this.gen) this.suspended.set(tenantId, now + this.suspensionMemoryMs);
  }

  prune(now: number): void {
    for (const [id, forgetAt] of this.revokedSessions) if (forgetAt <= now) this.revokedSessions.delete(id);
    for (const [id, forgetAt] of this.revokedKeys) if (forgetAt <= now) this.revokedKeys.delete(id);
    for (const [key, at] of this.changes) if (at + this.memoryMs <= now) this.changes.delete(key);
    for (const [id, until] of this.suspended) if (until <= now) this.suspended.delete(id);
  }

  private touch(key: string, at: number): void {
    const previous = this.changes.get(key);
    if (previous === undefined || previous < at) this.changes.set(key, at);
  }
}
