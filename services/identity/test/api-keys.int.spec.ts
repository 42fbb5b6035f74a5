import { eventually, IdentityClient } from './support/identity-client';
import { IdentityProcess, startIdentity } from './support/identity-process';
import { addMember, createTenant, TenantFixture } from './support/tenant-fixture';

interface CreatedKey {
  key: { keyId: string; prefix: string; roles: string[]; status: string; lastUsedAt: string | null };
  apiKey: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('identity: API keys, tier limits (real Kafka, PostgreSQL, Mongo; identity as a process)', () => {
  let identity: IdentityProcess;
  let client: IdentityClient;
  let acme: TenantFixture;
  let owner: { bearer: string };

  beforeAll(async () => {
    identity = await startIdentity({
      // A small free tier, so the limits are reached in a few requests.
      TIER_POLICIES: JSON.stringify({ free: { maxApiKeysPerUser: 2, rateLimitRpm: 5, maxUsers: 3 } }),
    });
    client = new IdentityClient(identity);
    acme = await createTenant(client, 'pro');
    owner = { bearer: acme.owner.accessToken };
  });

  afterAll(async () => {
    client?.close();
    await identity?.stop();
  });

  const createKey = (body: Record<string, unknown>, as = owner) =>
    client.post<CreatedKey>('/v1/api-keys', { name: 'key', roles: ['ingest-bot'], ...body }, as);

  it('creates a key shown once, verifiable over gRPC at once, never listed with its secret', async () => {
    const created = await createKey({ name: 'CRM sync' });
    expect(created.status).toBe(201);
    expect(created.body.apiKey).toMatch(/^fs_live_[a-z0-9]{8}_[A-Za-z0-9]{32}$/);
    expect(created.body.apiKey.split('_')[2]).toBe(created.body.key.prefix);

    const verified = await client.access.verifyApiKey(created.body.apiKey);
    expect(verified).toMatchObject({
      valid: true,
      principal: {
        kind: 'api_key',
        id: created.body.key.keyId,
        tenantId: acme.tenantId,
        roles: ['ingest-bot'],
        permissions: ['records:write', 'voc:write'],
        tier: 'pro',
        rateLimitRpm: 600,
        keyPrefix: created.body.key.prefix,
        ownerUserId: acme.owner.userId,
      },
    });
    expect(verified.cacheTtlSeconds).toBeGreaterThan(0);

    const secret = created.body.apiKey.split('_')[3]!;
    const listed = await client.get('/v1/api-keys', owner);
    expect(listed.status).toBe(200);
    expect(listed.text).toContain(created.body.key.prefix);
    expect(listed.text).not.toContain(secret);

    const wrongSecret = `${created.body.apiKey.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
    expect(await client.access.verifyApiKey(wrongSecret)).toMatchObject({ valid: false, reason: 'unknown' });
    expect(await client.access.verifyApiKey('fs_live_nope')).toMatchObject({
      valid: false,
      reason: 'malformed',
    });
  });

  it('lets a key call identity within its roles, records last use without a write per request, and logs the activity', async () => {
    const admin = await addMember(client, acme, ['admin']);
    const created = await client.post<CreatedKey>(
      '/v1/api-keys',
      { name: 'ops', roles: ['admin'] },
      { bearer: admin.accessToken },
    );
    const asKey = { apiKey: created.body.apiKey };
    expect((await client.get('/v1/members', asKey)).status).toBe(200);
    // A key is not a user: it may not mint keys, whatever its roles.
    expect(
      (await client.post('/v1/api-keys', { name: 'by a key', roles: ['ingest-bot'] }, asKey)).body,
    ).toMatchObject({ code: 'IDENTITY.USER_REQUIRED' });

    const listed = await eventually(
      () => client.get<{ lastUsedAt: string | null }>(`/v1/api-keys/${created.body.key.keyId}`, owner),
      (r) => r.body.lastUsedAt !== null,
    );
    expect(Date.parse(listed.body.lastUsedAt!)).toBeGreaterThan(Date.now() - 60_000);
    const activity = await eventually(
      () =>
        client.get<{
          items: { keyId: string; route: string; status: number; usage: { limitRpm: number } }[];
        }>(`/v1/activity-log?keyId=${created.body.key.keyId}`, owner),
      (r) => r.body.items?.length >= 2,
    );
    expect(activity.body.items.map((i) => `${i.route} ${i.status}`)).toEqual(
      expect.arrayContaining(['/v1/members 200', '/v1/api-keys 403']),
    );
    expect(activity.body.items[0]!.usage.limitRpm).toBe(600);
  });

  it('revokes a key: identity refuses it at once, and the guard refuses it within a second', async () => {
    const created = await createKey({ name: 'to revoke', roles: ['admin'] });
    const asKey = { apiKey: created.body.apiKey };
    expect((await client.get('/v1/api-keys', asKey)).status).toBe(200);
    const revoked = await client.post(
      `/v1/api-keys/${created.body.key.keyId}/revoke`,
      { reason: 'leaked' },
      owner,
    );
    expect(revoked.body).toMatchObject({ status: 'revoked', revokedReason: 'leaked' });
    expect(await client.access.verifyApiKey(created.body.apiKey)).toMatchObject({
      valid: false,
      reason: 'revoked',
    });
    const started = Date.now();
    await eventually(
      () => client.get('/v1/api-keys', asKey),
      (r) => r.status === 401,
      1000,
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('stops honouring a key at its expiry', async () => {
    const created = await createKey({ expiresAt: new Date(Date.now() + 1500).toISOString() });
    const first = await client.access.verifyApiKey(created.body.apiKey);
    expect(first.valid).toBe(true);
    // Callers are never told to cache the answer past the expiry.
    expect(first.cacheTtlSeconds).toBeLessThanOrEqual(2);
    await sleep(1600);
    expect(await client.access.verifyApiKey(created.body.apiKey)).toMatchObject({
      valid: false,
      reason: 'expired',
    });
    expect((await client.get(`/v1/api-keys/${created.body.key.keyId}`, owner)).body).toMatchObject({
      status: 'expired',
    });
    expect((await createKey({ expiresAt: new Date(Date.now() - 1000).toISOString() })).body).toMatchObject({
      code: 'IDENTITY.INVALID_EXPIRY',
    });
  });

  it('rotates a key: old and new both work during the grace period, then only the new one', async () => {
    const old = await createKey({ name: 'rotating' });
    const rotated = await client.post<CreatedKey>(
      `/v1/api-keys/${old.body.key.keyId}/rotate`,
      { gracePeriodSeconds: 2 },
      owner,
    );
    expect(rotated.status).toBe(201);
    expect(rotated.body.apiKey).not.toBe(old.body.apiKey);
    expect(rotated.body.key).toMatchObject({ roles: ['ingest-bot'], status: 'active' });
    expect((await client.access.verifyApiKey(old.body.apiKey)).valid).toBe(true);
    expect((await client.access.verifyApiKey(rotated.body.apiKey)).valid).toBe(true);
    expect((await client.get(`/v1/api-keys/${old.body.key.keyId}`, owner)).body).toMatchObject({
      status: 'rotating',
      successorKeyId: rotated.body.key.keyId,
    });
    const again = await client.post(
      `/v1/api-keys/${old.body.key.keyId}/rotate`,
      { gracePeriodSeconds: 2 },
      owner,
    );
    expect(again.status).toBe(409);
    await sleep(2100);
    expect(await client.access.verifyApiKey(old.body.apiKey)).toMatchObject({
      valid: false,
      reason: 'expired',
    });
    expect((await client.access.verifyApiKey(rotated.body.apiKey)).valid).toBe(true);
  });

  it("refuses a key with roles beyond its owner's, and takes away what the owner loses", async () => {
    const analyst = await addMember(client, acme, ['analyst', 'admin']);
    const beyond = await client.post(
      '/v1/api-keys',
      { name: 'too strong', roles: ['owner'] },
      { bearer: analyst.accessToken },
    );
    expect(beyond.status).toBe(403);
    expect(beyond.body).toMatchObject({
      code: 'IDENTITY.KEY_EXCEEDS_OWNER',
      missingPermissions: ['tenants:manage'],
    });

    const key = await client.post<CreatedKey>(
      '/v1/api-keys',
      { name: 'both', roles: ['analyst', 'admin'] },
      { bearer: analyst.accessToken },
    );
    expect(key.body.key.roles).toEqual(['admin', 'analyst']);
    const removed = await client.call('DELETE', `/v1/members/${analyst.userId}/roles/admin`, owner);
    expect(removed.body).toMatchObject({ roles: ['analyst'] });
    const after = await eventually(
      () => client.access.verifyApiKey(key.body.apiKey),
      (v) => v.valid && v.principal?.roles.join() === 'analyst',
    );
    expect(after.principal?.permissions).not.toContain('members:manage');
    // The key list is a read model the reaction's event reaches a moment later.
    await eventually(
      () => client.get<{ roles: string[] }>(`/v1/api-keys/${key.body.key.keyId}`, owner),
      (r) => r.body.roles?.join() === 'analyst',
    );

    // Leaving the tenant revokes the member's keys.
    await client.call('DELETE', `/v1/members/${analyst.userId}`, owner);
    await eventually(
      () => client.access.verifyApiKey(key.body.apiKey),
      (v) => !v.valid && v.reason === 'revoked',
    );
  });

  it('refuses keys of a suspended tenant', async () => {
    const tenant = await createTenant(client);
    const key = await client.post<CreatedKey>(
      '/v1/api-keys',
      { name: 'k', roles: ['member'] },
      { bearer: tenant.owner.accessToken },
    );
    await client.post(`/v1/tenants/${tenant.tenantId}/suspend`, { reason: 'fraud' }, client.admin);
    expect(await client.access.verifyApiKey(key.body.apiKey)).toMatchObject({
      valid: false,
      reason: 'tenant_suspended',
    });
    expect(
      await client.access.authorize({
        principalKind: 'user',
        principalId: tenant.owner.userId,
        tenantId: tenant.tenantId,
        permission: 'reports:read',
      }),
    ).toEqual({
      allowed: false,
      reason: 'tenant_suspended',
    });
  });

  // The rate limit is per tenant: each test gets its own free tenant, so the 5 requests a minute of
  // one do not spill into the next.
  describe('tier limits (free: 2 keys per user, 5 requests per minute, 3 members, no analyst role)', () => {
    it('refuses the third key of a user with 429 IDENTITY.TIER_LIMIT', async () => {
      const free = await createTenant(client, 'free');
      const as = { bearer: free.owner.accessToken };
      expect((await createKey({ name: 'one' }, as)).status).toBe(201);
      expect((await createKey({ name: 'two' }, as)).status).toBe(201);
      const third = await createKey({ name: 'three' }, as);
      expect(third.status).toBe(429);
      expect(third.body).toMatchObject({
        code: 'IDENTITY.TIER_LIMIT',
        limit: 'maxApiKeysPerUser',
        max: 2,
        current: 2,
      });
    });

    it('refuses a role the tier does not allow, for keys, invitations and custom roles', async () => {
      const free = await createTenant(client, 'free');
      const as = { bearer: free.owner.accessToken };
      expect((await createKey({ roles: ['analyst'] }, as)).body).toMatchObject({
        code: 'IDENTITY.ROLE_NOT_ALLOWED',
        roles: ['analyst'],
      });
      const invite = await client.post(
        '/v1/invitations',
        { email: `a-${Date.now()}@x.example.com`, roles: ['analyst'] },
        as,
      );
      expect(invite.status).toBe(403);
      expect(invite.body).toMatchObject({ code: 'IDENTITY.ROLE_NOT_ALLOWED' });
      const custom = await client.post('/v1/roles', { name: 'auditor', permissions: ['audit:read'] }, as);
      expect(custom.body).toMatchObject({ code: 'IDENTITY.ROLE_NOT_ALLOWED' });
    });

    it('refuses members beyond the tier (the owner takes the first seat)', async () => {
      const free = await createTenant(client, 'free');
      const as = { bearer: free.owner.accessToken };
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++)
        statuses.push(
          (
            await client.post(
              '/v1/invitations',
              { email: `seat${i}-${Date.now()}@x.example.com`, roles: ['member'] },
              as,
            )
          ).status,
        );
      expect(statuses).toEqual([201, 201, 429]);
    });

    it('answers 429 with Retry-After once the tenant is over its requests per minute', async () => {
      const free = await createTenant(client, 'free');
      const as = { bearer: free.owner.accessToken };
      const statuses: number[] = [];
      let limited: Awaited<ReturnType<typeof client.get>> | undefined;
      for (let i = 0; i < 20 && !limited; i++) {
        const r = await client.get('/v1/tenant', as);
        statuses.push(r.status);
        if (r.status === 429) limited = r;
      }
      expect(limited?.body).toMatchObject({ code: 'AUTH.RATE_LIMITED' });
      expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(5);
    });
  });
});
