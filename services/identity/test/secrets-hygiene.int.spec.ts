import { createEventStore } from '@foresight/eventstore';
import { createHash } from 'node:crypto';
import { totpCode } from './support/totp';
import { IdentityClient } from './support/identity-client';
import { IdentityProcess, startIdentity } from './support/identity-process';
import { createTenant, PASSWORD } from './support/tenant-fixture';

const sha256 = (v: string) => createHash('sha256').update(v, 'utf8').digest('hex');

/** Every string value under a key that names a secret or its digest, however deep. */
function secretFields(value: unknown, out: string[] = []): string[] {
  if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string' && /hash|sealed|secret/i.test(k)) out.push(v);
      else secretFields(v, out);
    }
  return out;
}

describe('identity: secrets and hashes never reach a log or a response (process log at debug level, every response kept)', () => {
  let identity: IdentityProcess;
  let client: IdentityClient;

  beforeAll(async () => {
    identity = await startIdentity({ LOG_LEVEL: 'debug' });
    client = new IdentityClient(identity);
  });

  afterAll(async () => {
    client?.close();
    await identity?.stop();
  });

  it('shows each secret once, where it is issued, and no hash anywhere', async () => {
    /** secret → how many responses may contain it (the one that issued it, or none). */
    const secrets = new Map<string, number>([
      [PASSWORD, 0],
      [identity.adminToken, 0],
      [identity.encryptionKey, 0],
    ]);
    const tenant = await createTenant(client, 'pro');
    const owner = { bearer: tenant.owner.accessToken };
    const invitationSecretOf = (token: string) => token.split('_').slice(3).join('_');
    secrets.set(tenant.owner.refreshToken, 1).set(tenant.owner.accessToken, 1);

    const invited = await client.post<{ invitationToken: string }>(
      '/v1/invitations',
      { email: `x-${Date.now()}@example.com`, roles: ['member'] },
      owner,
    );
    secrets.set(invitationSecretOf(invited.body.invitationToken), 1);
    await client.post('/v1/invitations/accept', {
      token: invited.body.invitationToken,
      password: `${PASSWORD}!`,
    });
    secrets.set(`${PASSWORD}!`, 0);

    const refreshed = await client.post<{ refreshToken: string; accessToken: string }>('/v1/auth/refresh', {
      refreshToken: tenant.owner.refreshToken,
    });
    secrets.set(refreshed.body.refreshToken, 1).set(refreshed.body.accessToken, 1);

    const totp = await client.post<{ secret: string }>(
      '/v1/me/totp',
      {},
      { bearer: refreshed.body.accessToken },
    );
    secrets.set(totp.body.secret, 1);
    expect(
      (
        await client.post(
          '/v1/me/totp/confirm',
          { code: totpCode(totp.body.secret) },
          { bearer: refreshed.body.accessToken },
        )
      ).status,
    ).toBe(204);
    const withoutCode = await client.post('/v1/auth/login', {
      email: tenant.owner.email,
      password: PASSWORD,
      tenant: tenant.slug,
    });
    expect(withoutCode.status).toBe(401);
    expect(withoutCode.body).toMatchObject({ code: 'IDENTITY.TOTP_REQUIRED' });
    const withCode = await client.post<{ accessToken: string; refreshToken: string }>('/v1/auth/login', {
      email: tenant.owner.email,
      password: PASSWORD,
      tenant: tenant.slug,
      totp: totpCode(totp.body.secret),
    });
    expect(withCode.status).toBe(200);
    secrets.set(withCode.body.accessToken, 1).set(withCode.body.refreshToken, 1);
    const as = { bearer: withCode.body.accessToken };

    const key = await client.post<{ apiKey: string; key: { keyId: string } }>(
      '/v1/api-keys',
      { name: 'k', roles: ['admin'] },
      as,
    );
    secrets.set(key.body.apiKey.split('_')[3]!, 1);
    await client.get('/v1/members', { apiKey: key.body.apiKey });
    await client.access.verifyApiKey(key.body.apiKey);
    const rotated = await client.post<{ apiKey: string }>(
      `/v1/api-keys/${key.body.key.keyId}/rotate`,
      { gracePeriodSeconds: 60 },
      as,
    );
    secrets.set(rotated.body.apiKey.split('_')[3]!, 1);
    await client.post(`/v1/api-keys/${key.body.key.keyId}/revoke`, {}, as);
    await client.post('/v1/auth/login', {
      email: tenant.owner.email,
      password: 'wrong password',
      tenant: tenant.slug,
    });
    await client.get('/v1/api-keys', as);
    await client.get('/v1/members', as);
    await client.get('/v1/me', as);
    await client.get('/v1/audit-log?limit=200', as);
    await client.get(`/v1/admin/audit-log?limit=200`, client.admin);
    await client.get('/v1/activity-log', as);
    await client.post('/v1/auth/logout', { refreshToken: withCode.body.refreshToken });
    // Reuse of a spent refresh token: the refusal must not echo it either.
    expect((await client.post('/v1/auth/refresh', { refreshToken: tenant.owner.refreshToken })).status).toBe(
      401,
    );
    // Let the buffered writers and the audit projection run, so their log lines are in too.
    await new Promise((r) => setTimeout(r, 1500));

    const store = createEventStore(process.env['EVENTSTORE_URL']!, { schema: identity.schema });
    const events = await store.readAll({ limit: 10_000 });
    await store.close();
    const hashes = [
      ...new Set([...events.flatMap((e) => secretFields(e.data)), ...[...secrets.keys()].map(sha256)]),
    ];
    // The event store does hold them (else this test would prove nothing): argon2id, SHA-256, sealed TOTP.
    expect(hashes.some((h) => h.startsWith('$argon2id$'))).toBe(true);
    expect(hashes.filter((h) => /^[0-9a-f]{64}$/.test(h)).length).toBeGreaterThanOrEqual(6);
    expect(hashes.some((h) => h.startsWith('v1.'))).toBe(true);

    const log = identity.log();
    expect(log.length).toBeGreaterThan(10_000);
    const leaks: string[] = [];
    for (const [secret, allowed] of secrets) {
      if (log.includes(secret)) leaks.push(`log contains a secret starting ${secret.slice(0, 6)}`);
      const shown = client.responses.filter((r) => r.includes(secret)).length;
      if (shown !== allowed)
        leaks.push(`a secret starting ${secret.slice(0, 6)} is in ${shown} responses (allowed ${allowed})`);
    }
    for (const hash of hashes) {
      if (log.includes(hash)) leaks.push(`log contains a hash starting ${hash.slice(0, 12)}`);
      if (client.responses.some((r) => r.includes(hash)))
        leaks.push(`a response contains a hash starting ${hash.slice(0, 12)}`);
    }
    expect(leaks).toEqual([]);
    // The audit log did record all this (without the secrets): the check above covered real entries.
    expect(client.responses.some((r) => r.includes('"eventType":"PasswordSet"'))).toBe(true);
    expect(client.responses.some((r) => r.includes('"eventType":"ApiKeyCreated"'))).toBe(true);
  });
});

describe('identity: an encryption key that cannot open the stored signing keys', () => {
  it('stops it at boot with a message naming IDENTITY_ENCRYPTION_KEY, instead of failing every sign-in', async () => {
    const first = await startIdentity();
    try {
      // Same Mongo database and event store, another key: as after a changed secret, or a second
      // deployment pointed at this one's database.
      const second = startIdentity({ MONGO_URL: first.mongoUrl, EVENTSTORE_SCHEMA: first.schema });
      await expect(second).rejects.toThrow(/identity: failed to start/);
      await expect(second).rejects.toThrow(
        /IDENTITY_ENCRYPTION_KEY does not open signing key \S+ \(stored in identity_signing_keys/,
      );
    } finally {
      await first.stop();
    }
  });
});
