import type { AccessChangedPayload, Principal } from '@foresight/contracts';
import { AuthError } from '../auth.errors';
import { ApiKeyCache, keyHandle, KeyHandle, KeyVerdict } from '../api-key/api-key.cache';
import { IdentityAccess, isTenantSuspension } from '../identity/identity-access.port';
import { JwtVerifier, VerifiedToken } from '../jwt/jwt.verifier';
import { AccessState } from './access-state';
import { Credential } from './credentials';

export interface AuthenticatorOptions {
  /** Upper bound on identity's cache_ttl_seconds for key answers. */
  apiKeyCacheMaxSeconds: number;
  /** Used when identity gives no TTL. */
  apiKeyCacheDefaultSeconds: number;
  /** Refusals (unknown, revoked…) are cached briefly so a bad key hammering us does not hammer identity. */
  apiKeyNegativeCacheSeconds: number;
  /** identity's Authorize answers for tokens issued before an access change. */
  authorizeCacheSeconds: number;
}

export interface Authenticated {
  principal: Principal;
  via: 'jwt' | 'api_key';
  /** JWTs: the session (refresh-token family) the token belongs to. */
  sessionId?: string;
}

interface AuthorizeEntry {
  allowed: boolean;
  reason: string;
  expiresAt: number;
}

/**
 * Turns a credential into a principal, or refuses it. JWTs are verified offline; API keys through
 * identity's gRPC, cached. Access changes from Kafka (`onAccessChanged`) invalidate what they make
 * stale, and the guard consults the same state for JWTs, whose claims alone cannot know about a
 * revocation or suspension that happened after they were issued.
 */
export class Authenticator {
  readonly keys = new ApiKeyCache();
  private readonly inflight = new Map<string, Promise<KeyVerdict>>();
  /** tenantId → `${kind}|${id}|${permission}` → answer. */
  private readonly authorizations = new Map<string, Map<string, AuthorizeEntry>>();

  constructor(
    private readonly jwt: JwtVerifier,
    private readonly identity: IdentityAccess,
    readonly state: AccessState,
    private readonly options: AuthenticatorOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** `required`: the route's permissions, checked with identity when a token's claims are in doubt. */
  async authenticate(credential: Credential, required: readonly string[]): Promise<Authenticated> {
    return credential.kind === 'jwt'
      ? this.fromToken(credential.token, required)
      : { principal: await this.fromApiKey(credential.key), via: 'api_key' };
  }

  onAccessChanged(change: AccessChangedPayload): void {
    this.state.apply(change, this.now());
    const { tenantId, subjectId } = change;
    switch (change.kind) {
      case 'api_key_revoked':
      case 'api_key_changed':
        if (change.keyPrefix) this.keys.dropPrefix(change.keyPrefix);
        // The prefix we parse may not be the one identity names: the key id settles it.
        this.keys.dropWhere((v) => v.valid && v.principal.id === subjectId);
        break;
      case 'session_revoked':
        break;
      case 'user_access_changed':
        // An owner's keys never carry more than the owner has, so they changed too.
        this.keys.dropWhere(
          (v) => v.valid && v.principal.tenantId === tenantId && v.principal.ownerUserId === subjectId,
        );
        this.authorizations.delete(tenantId);
        break;
      case 'role_changed':
      case 'tenant_status_changed':
      default:
        this.keys.dropWhere((v) => (v.valid ? v.principal.tenantId === tenantId : v.tenantId === tenantId));
        this.authorizations.delete(tenantId);
    }
  }

  /** Periodic housekeeping: forgets what can no longer matter. */
  prune(): void {
    const now = this.now();
    this.state.prune(now);
    for (const [tenant, entries] of this.authorizations) {
      for (const [key, entry] of entries) if (entry.expiresAt <= now) entries.delete(key);
      if (entries.size === 0) this.authorizations.delete(tenant);
    }
  }

  private async fromToken(token: string, required: readonly string[]): Promise<Authenticated> {
    const now = this.now();
    const verified = await this.jwt.verify(token, now);
    const { principal } = verified;
    if (this.state.isSessionRevoked(verified.sessionId))
      throw AuthError.unauthenticated(
        'AUTH.SESSION_REVOKED',
        'the session of this token was revoked; sign in again',
      );
    if (this.state.isSuspended(principal.tenantId, now)) throw AuthError.tenantSuspended(principal.tenantId);
    if (this.state.changedSince(principal.tenantId, principal.id, verified.issuedAtMs))
      return { principal: await this.confirm(verified, required), via: 'jwt', sessionId: verified.sessionId };
    return { principal, via: 'jwt', sessionId: verified.sessionId };
  }

  /**
   * The token predates an access change of its tenant or user: its claims may be out of date, so
   * identity answers for the permissions this route needs. The principal handed on carries identity's
   * verdict for those permissions, whatever the claims said.
   */
  private async confirm(token: VerifiedToken, required: readonly string[]): Promise<Principal> {
    const { principal } = token;
    const asked = required.length ? required : [''];
    const generation = this.state.generation;
    const answers = await Promise.all(
      asked.map(async (permission) => ({ permission, answer: await this.authorize(principal, permission) })),
    );
    const permissions = new Set(principal.permissions);
    for (const { permission, answer } of answers) {
      if (!answer.allowed && isTenantSuspension(answer.reason)) {
        this.state.markSuspended(principal.tenantId, generation, this.now());
        throw AuthError.tenantSuspended(principal.tenantId);
      }
      if (!permission && !answer.allowed)
        throw AuthError.unauthenticated(
          'AUTH.ACCESS_CHANGED',
          `access changed since this token was issued (${answer.reason || 'refused'}); refresh it`,
        );
      if (permission) {
        if (answer.allowed) permissions.add(permission);
        else permissions.delete(permission);
      }
    }
    return { ...principal, permissions: [...permissions] };
  }

  private async authorize(
    principal: Principal,
    permission: string,
  ): Promise<{ allowed: boolean; reason: string }> {
    const now = this.now();
    const key = `${principal.kind}|${principal.id}|${permission}`;
    const cached = this.authorizations.get(principal.tenantId)?.get(key);
    if (cached && cached.expiresAt > now) return cached;
    const generation = this.state.generation;
    let answer: { allowed: boolean; reason: string };
    try {
      answer = await this.identity.authorize({
        principalKind: principal.kind,
        principalId: principal.id,
        tenantId: principal.tenantId,
        permission,
      });
    } catch {
      throw AuthError.identityUnavailable('Authorize');
    }
    if (generation === this.state.generation) {
      let entries = this.authorizations.get(principal.tenantId);
      if (!entries) this.authorizations.set(principal.tenantId, (entries = new Map()));
      entries.set(key, { ...answer, expiresAt: this.now() + this.options.authorizeCacheSeconds * 1000 });
    }
    return answer;
  }

  private async fromApiKey(apiKey: string): Promise<Principal> {
    const handle = keyHandle(apiKey);
    const verdict = this.keys.get(handle, this.now()) ?? (await this.verifyShared(apiKey, handle));
    if (!verdict.valid) {
      if (isTenantSuspension(verdict.reason))
        throw verdict.tenantId
          ? AuthError.tenantSuspended(verdict.tenantId)
          : AuthError.forbidden('AUTH.TENANT_SUSPENDED', "the key's tenant is suspended");
      throw AuthError.unauthenticated(
        'AUTH.INVALID_API_KEY',
        `the API key is not accepted (${verdict.reason || 'invalid'})`,
        {
          reason: verdict.reason || 'invalid',
        },
      );
    }
    const { principal } = verdict;
    if (this.state.isKeyRevoked(principal.id))
      throw AuthError.unauthenticated('AUTH.INVALID_API_KEY', 'the API key is not accepted (revoked)', {
        reason: 'revoked',
      });
    if (this.state.isSuspended(principal.tenantId, this.now()))
      throw AuthError.tenantSuspended(principal.tenantId);
    return principal;
  }

  /** Concurrent requests with the same uncached key share one call to identity. */
  private verifyShared(apiKey: string, handle: KeyHandle): Promise<KeyVerdict> {
    let pending = this.inflight.get(handle.hash);
    if (!pending) {
      pending = this.verify(apiKey, handle).finally(() => this.inflight.delete(handle.hash));
      this.inflight.set(handle.hash, pending);
    }
    return pending;
  }

  private async verify(apiKey: string, handle: KeyHandle): Promise<KeyVerdict> {
    const generation = this.state.generation;
    let answer;
    try {
      answer = await this.identity.verifyApiKey(apiKey);
    } catch {
      throw AuthError.identityUnavailable('VerifyApiKey');
    }
    const now = this.now();
    const verdict: KeyVerdict =
      answer.valid && answer.principal
        ? { valid: true, principal: answer.principal }
        : {
            valid: false,
            reason: answer.valid ? 'no principal' : answer.reason,
            tenantId: answer.principal?.tenantId,
          };
    const seconds = verdict.valid
      ? Math.min(
          answer.cacheTtlSeconds > 0 ? answer.cacheTtlSeconds : this.options.apiKeyCacheDefaultSeconds,
          this.options.apiKeyCacheMaxSeconds,
        )
      : this.options.apiKeyNegativeCacheSeconds;
    // An access change that arrived while we asked may postdate the answer: use it once, keep it not.
    if (generation === this.state.generation && seconds > 0)
      this.keys.set(handle, verdict, now + seconds * 1000, now);
    if (!verdict.valid && isTenantSuspension(verdict.reason) && verdict.tenantId)
      this.state.markSuspended(verdict.tenantId, generation, now);
    return verdict;
  }
}
