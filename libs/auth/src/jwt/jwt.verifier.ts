import { TIERS, Principal, Tier } from '@foresight/contracts';
import { errors, jwtVerify, JWTPayload } from 'jose';
import { AuthError } from '../auth.errors';
import { JwksCache } from './jwks.cache';

export interface VerifiedToken {
  principal: Principal;
  sessionId: string;
  issuedAtMs: number;
  expiresAtMs: number;
}

export interface JwtVerifierOptions {
  issuer: string;
  audience: string;
  /** identity signs with EdDSA; anything else (notably `none` or HS*) is refused. */
  algorithms: string[];
  clockToleranceSeconds: number;
  /** Verified tokens kept so a warm request costs a map lookup, not a signature check. */
  maxCached: number;
}

const invalid = (message: string) => AuthError.unauthenticated('AUTH.INVALID_TOKEN', message);

function stringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** identity's AccessTokenClaims, checked field by field: a token signed by identity but shaped wrong is refused. */
function toVerified(p: JWTPayload): VerifiedToken {
  const c = p as Record<string, unknown>;
  const missing = ['sub', 'tid', 'sid'].filter((k) => typeof c[k] !== 'string' || !c[k]);
  if (missing.length) throw invalid(`the token lacks ${missing.join(', ')}`);
  if (!stringArray(c['perms']) || !stringArray(c['roles'])) throw invalid('the token lacks roles or perms');
  if (typeof c['iat'] !== 'number' || typeof c['exp'] !== 'number')
    throw invalid('the token lacks iat or exp');
  const tier: Tier = (TIERS as readonly string[]).includes(c['tier'] as string)
    ? (c['tier'] as Tier)
    : 'free';
  return {
    principal: {
      kind: 'user',
      id: c['sub'] as string,
      tenantId: c['tid'] as string,
      roles: c['roles'],
      permissions: c['perms'],
      tier,
      rateLimitRpm: typeof c['rpm'] === 'number' ? c['rpm'] : 0,
      ...(typeof c['email'] === 'string' ? { email: c['email'] } : {}),
    },
    sessionId: c['sid'] as string,
    issuedAtMs: (c['iat'] as number) * 1000,
    expiresAtMs: (c['exp'] as number) * 1000,
  };
}

/** Verifies identity's access JWTs offline against the cached JWKS. */
export class JwtVerifier {
  private readonly verified = new Map<string, VerifiedToken>();

  constructor(
    private readonly jwks: JwksCache,
    private readonly options: JwtVerifierOptions,
  ) {
    jwks.whenKeysRemoved(() => this.forgetAll());
  }

  async verify(token: string, now: number): Promise<VerifiedToken> {
    const hit = this.verified.get(token);
    if (hit) {
      if (hit.expiresAtMs + this.options.clockToleranceSeconds * 1000 > now) return hit;
      this.verified.delete(token);
      throw invalid('the token has expired');
    }
    const result = toVerified(await this.check(token, true));
    if (this.verified.size >= this.options.maxCached) {
      // Oldest first (Map keeps insertion order): drop a tenth, so eviction is not paid on every insert.
      let drop = Math.ceil(this.options.maxCached / 10);
      for (const key of this.verified.keys()) {
        if (drop-- <= 0) break;
        this.verified.delete(key);
      }
    }
    this.verified.set(token, result);
    return result;
  }

  /** After a signing key left the set: tokens it signed must not pass on a cached verdict. */
  forgetAll(): void {
    this.verified.clear();
  }

  private async check(token: string, mayReload: boolean): Promise<JWTPayload> {
    const keys = await this.jwks.keys();
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: this.options.algorithms,
        clockTolerance: this.options.clockToleranceSeconds,
        requiredClaims: ['exp', 'iat', 'sub'],
      });
      return payload;
    } catch (err) {
      if (err instanceof errors.JWKSNoMatchingKey && mayReload && (await this.jwks.reloadForUnknownKey()))
        return this.check(token, false);
      if (err instanceof errors.JWTExpired) throw invalid('the token has expired');
      if (err instanceof errors.JWTClaimValidationFailed)
        throw invalid(`the token's ${err.claim} claim is not accepted`);
      if (err instanceof errors.JWKSNoMatchingKey)
        throw invalid('the token was signed by a key identity does not publish');
      throw invalid('the token is malformed or its signature is invalid');
    }
  }
}
