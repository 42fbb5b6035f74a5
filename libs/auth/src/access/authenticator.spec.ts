import {
  API_KEY,
  change,
  IdentityAccessStandIn,
  JwksStandIn,
  keyPrincipal,
  TENANT_A,
} from '../../test/support/identity-stand-in';
import { AuthError } from '../auth.errors';
import { JwksCache } from '../jwt/jwks.cache';
import { JwtVerifier } from '../jwt/jwt.verifier';
import { AccessState } from './access-state';
import { Authenticator } from './authenticator';

const options = {
  apiKeyCacheMaxSeconds: 60,
  apiKeyCacheDefaultSeconds: 30,
  apiKeyNegativeCacheSeconds: 5,
  authorizeCacheSeconds: 10,
};

async function refusal(work: Promise<unknown>): Promise<{ code: string; status: number }> {
  try {
    await work;
  } catch (err) {
    if (err instanceof AuthError) return { code: err.code, status: err.status };
    throw err;
  }
  throw new Error('expected a refusal, got a principal');
}

describe('Authenticator', () => {
  let jwks: JwksStandIn;
  let identity: IdentityAccessStandIn;
  let auth: Authenticator;
  let now: number;

  beforeAll(async () => {
    jwks = await new JwksStandIn().start();
  });
  afterAll(() => jwks.stop());

  beforeEach(() => {
    now = Date.now();
    identity = new IdentityAccessStandIn();
    const cache = new JwksCache({ url: jwks.url, refreshMs: 60_000, minReloadMs: 0, timeoutMs: 1000 });
    const verifier = new JwtVerifier(cache, {
      issuer: 'foresight-identity',
      audience: 'foresight',
      algorithms: ['EdDSA'],
      clockToleranceSeconds: 5,
      maxCached: 100,
    });
    auth = new Authenticator(verifier, identity, new AccessState(3600_000), options, () => now);
  });

  const jwt = (token: string, required: string[] = []) => auth.authenticate({ kind: 'jwt', token }, required);
  const key = (k = API_KEY) => auth.authenticate({ kind: 'api_key', key: k }, []);

  describe('JWTs, verified offline', () => {
    it("turns identity's claims into the principal", async () => {
      const { principal, via, sessionId } = await jwt(await jwks.sign());
      expect(via).toBe('jwt');
      expect(sessionId).toBe('session-1');
      expect(principal).toEqual({
        kind: 'user',
        id: 'user-1',
        tenantId: TENANT_A,
        roles: ['analyst'],
        permissions: ['reports:read', 'voc:read'],
        tier: 'pro',
        rateLimitRpm: 600,
      });
      expect(identity.authorizeCalls + identity.verifyCalls).toBe(0);
    });

    it('refuses a token for another audience, from another issuer, expired, tampered or unsigned', async () => {
      expect(await refusal(jwt(await jwks.sign({ aud: 'elsewhere' })))).toEqual({
        code: 'AUTH.INVALID_TOKEN',
        status: 401,
      });
      expect(await refusal(jwt(await jwks.sign({ iss: 'someone' })))).toMatchObject({
        code: 'AUTH.INVALID_TOKEN',
      });
      const old = await jwks.sign({}, { issuedAt: Math.floor(Date.now() / 1000) - 3600, expiresIn: 60 });
      expect(await refusal(jwt(old))).toMatchObject({ code: 'AUTH.INVALID_TOKEN' });
      const [h, p, s] = (await jwks.sign()).split('.');
      const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
      const forged = Buffer.from(JSON.stringify({ ...payload, tid: 'other' })).toString('base64url');
      expect(await refusal(jwt(`${h}.${forged}.${s}`))).toMatchObject({ code: 'AUTH.INVALID_TOKEN' });
      const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${p}.`;
      expect(await refusal(jwt(none))).toMatchObject({ code: 'AUTH.INVALID_TOKEN' });
    });

    it('picks up a rotated signing key on the first token that uses it', async () => {
      await jwt(await jwks.sign());
      const fetches = jwks.fetches;
      const kid = await jwks.rotate();
      await expect(jwt(await jwks.sign({}, { kid }))).resolves.toBeDefined();
      expect(jwks.fetches).toBe(fetches + 1);
    });

    it('refuses every token of a revoked session, fresh ones included', async () => {
      const token = await jwks.sign();
      await jwt(token);
      auth.onAccessChanged(change('session_revoked', 'session-1'));
      expect(await refusal(jwt(token))).toEqual({ code: 'AUTH.SESSION_REVOKED', status: 401 });
      expect(await refusal(jwt(await jwks.sign()))).toMatchObject({ code: 'AUTH.SESSION_REVOKED' });
      await expect(jwt(await jwks.sign({ sid: 'session-2' }))).resolves.toBeDefined();
    });

    it("asks identity once a tenant's status changed, and refuses the tenant with 403 while it is suspended", async () => {
      const token = await jwks.sign({}, { issuedAt: Math.floor(now / 1000) - 10 });
      auth.onAccessChanged(change('tenant_status_changed', TENANT_A));
      identity.authorizations.set('*|reports:read', { allowed: false, reason: 'tenant_suspended' });
      expect(await refusal(jwt(token, ['reports:read']))).toEqual({
        code: 'AUTH.TENANT_SUSPENDED',
        status: 403,
      });
      // Known now: the next requests of the tenant, any principal, are refused without asking.
      const calls = identity.authorizeCalls;
      expect(await refusal(jwt(await jwks.sign({ sub: 'user-2' }), ['voc:read']))).toMatchObject({
        code: 'AUTH.TENANT_SUSPENDED',
      });
      expect(identity.authorizeCalls).toBe(calls);

      // Reactivated: the next change clears it, identity is asked again and says yes.
      identity.authorizations.clear();
      now += 1000;
      auth.onAccessChanged(change('tenant_status_changed', TENANT_A));
      await expect(jwt(token, ['reports:read'])).resolves.toBeDefined();
    });

    it("lets identity's current answer override a token issued before a role change", async () => {
      const token = await jwks.sign({}, { issuedAt: Math.floor(now / 1000) - 10 });
      auth.onAccessChanged(change('role_changed', 'role-analyst'));
      identity.authorizations.set('user-1|reports:read', { allowed: false, reason: 'missing_permission' });
      identity.authorizations.set('user-1|models:train', { allowed: true, reason: '' });
      const denied = await jwt(token, ['reports:read']);
      expect(denied.principal.permissions).not.toContain('reports:read');
      const granted = await jwt(token, ['models:train']);
      expect(granted.principal.permissions).toContain('models:train');
      // Answers are cached: the same question again costs nothing.
      const calls = identity.authorizeCalls;
      await jwt(token, ['reports:read']);
      expect(identity.authorizeCalls).toBe(calls);
    });

    it('trusts tokens issued after the change on their claims alone', async () => {
      auth.onAccessChanged(
        change('user_access_changed', 'user-1', { changedAt: new Date(now - 5000).toISOString() }),
      );
      await jwt(await jwks.sign({}, { issuedAt: Math.floor(now / 1000) }), ['reports:read']);
      expect(identity.authorizeCalls).toBe(0);
      await jwt(await jwks.sign({}, { issuedAt: Math.floor(now / 1000) - 10 }), ['reports:read']);
      expect(identity.authorizeCalls).toBe(1);
    });

    it('asks for a refresh when a doubted token reaches a route that needs no permission and identity refuses', async () => {
      const token = await jwks.sign({}, { issuedAt: Math.floor(now / 1000) - 10 });
      auth.onAccessChanged(change('user_access_changed', 'user-1'));
      identity.authorizations.set('user-1|', { allowed: false, reason: 'not_a_member' });
      expect(await refusal(jwt(token))).toEqual({ code: 'AUTH.ACCESS_CHANGED', status: 401 });
    });
  });

  describe('API keys, verified by identity and cached', () => {
    beforeEach(() => {
      identity.keys.set(API_KEY, { valid: true, reason: '', principal: keyPrincipal(), cacheTtlSeconds: 60 });
    });

    it('asks identity once, then answers from the cache until the TTL runs out', async () => {
      expect((await key()).principal).toEqual(keyPrincipal());
      await key();
      expect(identity.verifyCalls).toBe(1);
      now += 61_000;
      await key();
      expect(identity.verifyCalls).toBe(2);
    });

    it('shares one call to identity between concurrent requests with the same key', async () => {
      identity.delayMs = 20;
      await Promise.all([key(), key(), key(), key()]);
      expect(identity.verifyCalls).toBe(1);
    });

    it("drops the cached answer on a revocation, and refuses the key even while identity's answer lags", async () => {
      await key();
      auth.onAccessChanged(change('api_key_revoked', 'key-1', { keyPrefix: 'abcd1234' }));
      // identity's read model has not caught up yet: it still says valid.
      expect(await refusal(key())).toEqual({ code: 'AUTH.INVALID_API_KEY', status: 401 });
      expect(identity.verifyCalls).toBe(2);
    });

    it('does not cache an answer that a change overtook while identity was being asked', async () => {
      identity.delayMs = 30;
      const pending = key();
      await new Promise((r) => setTimeout(r, 5));
      auth.onAccessChanged(change('api_key_changed', 'key-1', { keyPrefix: 'abcd1234' }));
      await pending;
      await key();
      expect(identity.verifyCalls).toBe(2);
    });

    it('refuses keys of a suspended tenant with 403, and unknown keys with 401 (briefly cached)', async () => {
      identity.keys.set('fs_live_zzzz9999_x', {
        valid: false,
        reason: 'tenant_suspended',
        cacheTtlSeconds: 0,
      });
      expect(await refusal(key('fs_live_zzzz9999_x'))).toEqual({
        code: 'AUTH.TENANT_SUSPENDED',
        status: 403,
      });
      expect(await refusal(key('fs_live_nope0000_y'))).toEqual({ code: 'AUTH.INVALID_API_KEY', status: 401 });
      await refusal(key('fs_live_nope0000_y'));
      expect(identity.verifyCalls).toBe(2);
    });

    it("drops a tenant's cached keys when its roles or status change", async () => {
      await key();
      auth.onAccessChanged(change('role_changed', 'role-1'));
      await key();
      expect(identity.verifyCalls).toBe(2);
      auth.onAccessChanged(change('user_access_changed', 'user-1'));
      await key();
      expect(identity.verifyCalls).toBe(3);
      auth.onAccessChanged(change('user_access_changed', 'someone-else'));
      await key();
      expect(identity.verifyCalls).toBe(3);
    });

    it('answers 503 when identity cannot be reached and nothing is cached', async () => {
      identity.down = true;
      expect(await refusal(key())).toEqual({ code: 'AUTH.IDENTITY_UNAVAILABLE', status: 503 });
    });
  });
});
