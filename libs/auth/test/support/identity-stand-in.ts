import type { AccessChangedPayload, Principal } from '@foresight/contracts';
import { exportJWK, generateKeyPair, JWK, KeyLike, SignJWT } from 'jose';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import type {
  ApiKeyVerification,
  AuthorizeAnswer,
  AuthorizeQuestion,
  IdentityAccess,
} from '../../src/identity/identity-access.port';

/**
 * Stand-ins for identity in the guard's unit specs only: a JWKS endpoint with keys we sign with,
 * and an Access port answering from a table. Integration tests use the real identity service.
 */
export class JwksStandIn {
  private server?: Server;
  private keys: { kid: string; privateKey: KeyLike; jwk: JWK }[] = [];
  fetches = 0;
  url = '';

  async start(): Promise<this> {
    await this.rotate();
    this.server = createServer((_req, res) => {
      this.fetches++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: this.keys.map((k) => k.jwk) }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/.well-known/jwks.json`;
    return this;
  }

  /** Adds a new signing key (the old ones stay published unless `dropOld`). */
  async rotate(dropOld = false): Promise<string> {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const kid = `k${this.keys.length + 1}-${Date.now()}`;
    const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' };
    this.keys = dropOld ? [{ kid, privateKey, jwk }] : [...this.keys, { kid, privateKey, jwk }];
    return kid;
  }

  async sign(
    claims: Partial<TokenClaims> = {},
    opts: { kid?: string; issuedAt?: number; expiresIn?: number } = {},
  ): Promise<string> {
    const key = opts.kid ? this.keys.find((k) => k.kid === opts.kid)! : this.keys[this.keys.length - 1]!;
    const iat = opts.issuedAt ?? Math.floor(Date.now() / 1000);
    const { sub, iss, aud, ...rest } = { ...defaultClaims(), ...claims };
    return new SignJWT({ ...rest })
      .setProtectedHeader({ alg: 'EdDSA', kid: key.kid })
      .setSubject(sub)
      .setIssuer(iss)
      .setAudience(aud)
      .setIssuedAt(iat)
      .setExpirationTime(iat + (opts.expiresIn ?? 600))
      .sign(key.privateKey);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export interface TokenClaims {
  sub: string;
  tid: string;
  roles: string[];
  perms: string[];
  tier: string;
  rpm: number;
  sid: string;
  iss: string;
  aud: string;
}

export const TENANT_A = '0b9f6d56-3c2e-4a59-9d11-7d1f7b0a0001';
export const TENANT_B = '0b9f6d56-3c2e-4a59-9d11-7d1f7b0a0002';

export function defaultClaims(): TokenClaims {
  return {
    sub: 'user-1',
    tid: TENANT_A,
    roles: ['analyst'],
    perms: ['reports:read', 'voc:read'],
    tier: 'pro',
    rpm: 600,
    sid: 'session-1',
    iss: 'foresight-identity',
    aud: 'foresight',
  };
}

export function keyPrincipal(overrides: Partial<Principal> = {}): Principal {
  return {
    kind: 'api_key',
    id: 'key-1',
    tenantId: TENANT_A,
    roles: ['ingest-bot'],
    permissions: ['records:write'],
    tier: 'pro',
    rateLimitRpm: 600,
    keyPrefix: 'abcd1234',
    ownerUserId: 'user-1',
    ...overrides,
  };
}

/** Answers from tables the test edits; counts calls, and can hold answers back to stage races. */
export class IdentityAccessStandIn implements IdentityAccess {
  keys = new Map<string, ApiKeyVerification>();
  authorizations = new Map<string, AuthorizeAnswer>();
  verifyCalls = 0;
  authorizeCalls = 0;
  delayMs = 0;
  down = false;

  async verifyApiKey(apiKey: string): Promise<ApiKeyVerification> {
    this.verifyCalls++;
    const answer = this.keys.get(apiKey) ?? { valid: false, reason: 'unknown', cacheTtlSeconds: 0 };
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.down) throw new Error('UNAVAILABLE');
    return answer;
  }

  async authorize(q: AuthorizeQuestion): Promise<AuthorizeAnswer> {
    this.authorizeCalls++;
    if (this.down) throw new Error('UNAVAILABLE');
    return (
      this.authorizations.get(`${q.principalId}|${q.permission}`) ??
      this.authorizations.get(`*|${q.permission}`) ?? { allowed: true, reason: '' }
    );
  }

  closed = false;

  close(): void {
    this.closed = true;
  }
}

export const API_KEY = 'fs_live_abcd1234_0123456789abcdefghijABCDEFGHIJ01';

export function change(
  kind: AccessChangedPayload['kind'],
  subjectId: string,
  extra: Partial<AccessChangedPayload> = {},
): AccessChangedPayload {
  return { kind, tenantId: TENANT_A, subjectId, changedAt: new Date().toISOString(), ...extra };
}
