import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { eventually, IdentityClient } from './support/identity-client';
import { IdentityProcess, startIdentity } from './support/identity-process';
import { addMember, createTenant, PASSWORD, signIn, TenantFixture } from './support/tenant-fixture';

describe('identity: sign-in, lockout, refresh rotation (real Kafka, PostgreSQL, Mongo; identity as a process)', () => {
  let identity: IdentityProcess;
  let client: IdentityClient;
  let acme: TenantFixture;

  beforeAll(async () => {
    identity = await startIdentity({
      LOGIN_MAX_ATTEMPTS: '3',
      LOGIN_LOCKOUT_MINUTES: '1',
      // The shortest delay that is still safe with the guards' 5 s JWKS reload interval.
      SIGNING_KEY_ACTIVATION_SECONDS: '5',
    });
    client = new IdentityClient(identity);
    acme = await createTenant(client);
  });

  afterAll(async () => {
    client?.close();
    await identity?.stop();
  });

  it('signs the owner in with an EdDSA token that verifies offline against the JWKS, carrying the owner role', async () => {
    const { accessToken } = acme.owner;
    expect(decodeProtectedHeader(accessToken)).toMatchObject({ alg: 'EdDSA', kid: expect.any(String) });
    const { payload } = await jwtVerify(
      accessToken,
      createRemoteJWKSet(new URL(`${identity.url}/.well-known/jwks.json`)),
      {
        issuer: 'foresight-identity',
        audience: 'foresight',
      },
    );
    expect(payload).toMatchObject({
      sub: acme.owner.userId,
      tid: acme.tenantId,
      roles: ['owner'],
      tier: 'pro',
      sid: expect.any(String),
    });
    expect(payload['perms']).toEqual(
      expect.arrayContaining(['keys:manage', 'members:manage', 'tenants:manage']),
    );
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(600);

    const me = await client.get('/v1/me', { bearer: accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      userId: acme.owner.userId,
      tenantId: acme.tenantId,
      roles: ['owner'],
      totpEnabled: false,
    });
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const wrong = await client.post('/v1/auth/login', {
      email: acme.owner.email,
      password: 'not the password',
      tenant: acme.slug,
    });
    const unknown = await client.post('/v1/auth/login', {
      email: `nobody-${Date.now()}@nowhere.example.com`,
      password: 'whatever',
      tenant: acme.slug,
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    // The next right password clears the count, so this test leaves the owner unlocked.
    await signIn(client, acme.owner.email, PASSWORD, acme.slug);
  });

  it('locks an account after 3 failures, refusing even the right password with 423 and Retry-After; an unknown email locks alike', async () => {
    const user = await addMember(client, acme, ['member']);
    const ghost = `ghost-${Date.now()}@nowhere.example.com`;
    for (const email of [user.email, ghost]) {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++)
        statuses.push(
          (await client.post('/v1/auth/login', { email, password: `wrong ${i}`, tenant: acme.slug })).status,
        );
      expect({ email, statuses }).toEqual({ email, statuses: [401, 401, 423] });
    }
    const lockedUser = await client.post('/v1/auth/login', {
      email: user.email,
      password: PASSWORD,
      tenant: acme.slug,
    });
    const lockedGhost = await client.post('/v1/auth/login', {
      email: ghost,
      password: PASSWORD,
      tenant: acme.slug,
    });
    for (const locked of [lockedUser, lockedGhost]) {
      expect(locked.status).toBe(423);
      expect(locked.body).toMatchObject({ code: 'IDENTITY.LOCKED' });
      const retryAfter = Number(locked.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(50);
      expect(retryAfter).toBeLessThanOrEqual(60);
    }
    expect({ ...lockedGhost.body, retryAfterSeconds: 0 }).toEqual({
      ...lockedUser.body,
      retryAfterSeconds: 0,
    });
  });

  it('rotates the refresh token on every refresh; reusing a spent one ends the whole session everywhere', async () => {
    const session = await signIn(client, acme.owner.email, PASSWORD, acme.slug);
    const first = await client.post<{ accessToken: string; refreshToken: string }>('/v1/auth/refresh', {
      refreshToken: session.refreshToken,
    });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(session.refreshToken);
    const second = await client.post<{ accessToken: string; refreshToken: string }>('/v1/auth/refresh', {
      refreshToken: first.body.refreshToken,
    });
    expect(second.status).toBe(200);
    expect((await client.get('/v1/me', { bearer: second.body.accessToken })).status).toBe(200);

    // A thief replays the first refresh token: refused, and the family is revoked.
    const replay = await client.post('/v1/auth/refresh', { refreshToken: first.body.refreshToken });
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ code: 'IDENTITY.REFRESH_TOKEN_REUSED' });
    const legit = await client.post('/v1/auth/refresh', { refreshToken: second.body.refreshToken });
    expect(legit.status).toBe(401);
    expect(legit.body).toMatchObject({ code: 'IDENTITY.SESSION_REVOKED' });
    // The session's access tokens are refused by the guard once the revocation arrives over Kafka.
    await eventually(
      () => client.get('/v1/me', { bearer: second.body.accessToken }),
      (r) => r.status === 401,
    );
    // Other sessions of the same user are untouched.
    expect((await client.get('/v1/me', { bearer: acme.owner.accessToken })).status).toBe(200);
  });

  it('logs out: the refresh token stops working and the access token is refused', async () => {
    const session = await signIn(client, acme.owner.email, PASSWORD, acme.slug);
    const out = await client.post('/v1/auth/logout', { refreshToken: session.refreshToken });
    expect(out.status).toBe(204);
    expect((await client.post('/v1/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
    await eventually(
      () => client.get('/v1/me', { bearer: session.accessToken }),
      (r) => r.status === 401,
    );
  });

  it('lets one person belong to two tenants with one password, one token per tenant', async () => {
    const globex = await createTenant(client);
    const email = `shared-${Date.now()}@example.com`;
    const inAcme = await client.post<{ invitationToken: string; userId: string }>(
      '/v1/invitations',
      { email, roles: ['analyst'] },
      { bearer: acme.owner.accessToken },
    );
    const inGlobex = await client.post<{ invitationToken: string; userId: string }>(
      '/v1/invitations',
      { email, roles: ['admin'] },
      { bearer: globex.owner.accessToken },
    );
    expect(inGlobex.body.userId).toBe(inAcme.body.userId);
    expect(
      (
        await client.post('/v1/invitations/accept', {
          token: inAcme.body.invitationToken,
          password: PASSWORD,
        })
      ).body,
    ).toMatchObject({ passwordSet: true });
    // The second acceptance needs no password: the account has one.
    expect(
      (await client.post('/v1/invitations/accept', { token: inGlobex.body.invitationToken })).body,
    ).toMatchObject({ passwordSet: false });
    const a = await client.post<{ accessToken: string }>('/v1/auth/login', {
      email,
      password: PASSWORD,
      tenant: acme.slug,
    });
    const g = await client.post<{ accessToken: string }>('/v1/auth/login', {
      email,
      password: PASSWORD,
      tenant: globex.tenantId,
    });
    expect((await client.get('/v1/me', { bearer: a.body.accessToken })).body).toMatchObject({
      tenantId: acme.tenantId,
      roles: ['analyst'],
    });
    expect((await client.get('/v1/me', { bearer: g.body.accessToken })).body).toMatchObject({
      tenantId: globex.tenantId,
      roles: ['admin'],
    });
    // Not a member of a third tenant, even with the right password.
    const other = await createTenant(client);
    expect(
      (await client.post('/v1/auth/login', { email, password: PASSWORD, tenant: other.slug })).status,
    ).toBe(403);
  });

  it('rotates the signing key: published at once, signing after the activation delay; older tokens keep verifying', async () => {
    const before = await signIn(client, acme.owner.email, PASSWORD, acme.slug);
    const oldKid = decodeProtectedHeader(before.accessToken).kid;
    const rotated = await client.post<{ kid: string; activatesAt: string; replaces: string }>(
      '/v1/admin/signing-keys/rotate',
      {},
      client.admin,
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body.replaces).toBe(oldKid);
    const jwks = await client.get<{ keys: { kid: string; crv: string; d?: string }[] }>(
      '/.well-known/jwks.json',
    );
    expect(jwks.body.keys.map((k) => k.kid)).toEqual(expect.arrayContaining([oldKid, rotated.body.kid]));
    expect(jwks.body.keys.every((k) => k.crv === 'Ed25519' && k.d === undefined)).toBe(true);
    expect(
      decodeProtectedHeader((await signIn(client, acme.owner.email, PASSWORD, acme.slug)).accessToken).kid,
    ).toBe(oldKid);

    await new Promise((r) => setTimeout(r, Date.parse(rotated.body.activatesAt) - Date.now() + 50));
    const after = await signIn(client, acme.owner.email, PASSWORD, acme.slug);
    expect(decodeProtectedHeader(after.accessToken).kid).toBe(rotated.body.kid);
    for (const token of [before.accessToken, after.accessToken])
      expect((await client.get('/v1/me', { bearer: token })).status).toBe(200);
    expect(
      (await client.post('/v1/admin/signing-keys/rotate', {}, { bearer: acme.owner.accessToken })).status,
    ).toBe(401);
  });

  it('answers Authorize from current state: a role taken away is refused at once, whatever the token says', async () => {
    const admin = await addMember(client, acme, ['admin']);
    const ask = (permission: string) =>
      client.access.authorize({
        principalKind: 'user',
        principalId: admin.userId,
        tenantId: acme.tenantId,
        permission,
      });
    expect(await ask('members:manage')).toEqual({ allowed: true, reason: 'granted' });
    expect(await ask('tenants:manage')).toEqual({ allowed: false, reason: 'missing_permission' });
    await client.call('DELETE', `/v1/members/${admin.userId}/roles/admin`, {
      bearer: acme.owner.accessToken,
    });
    expect(await ask('members:manage')).toEqual({ allowed: false, reason: 'missing_permission' });
    expect(await ask('')).toEqual({ allowed: true, reason: 'active' });
    // The admin's token still claims members:manage; the guard asks identity once the change arrives.
    await eventually(
      () => client.get('/v1/members', { bearer: admin.accessToken }),
      (r) => r.status === 403,
    );
  });

  it('records every change in the audit log with actor, IP, user agent and what changed, filterable and paged', async () => {
    const tenant = await createTenant(client);
    const owner = { bearer: tenant.owner.accessToken };
    await client.post(
      '/v1/invitations',
      { email: `audited-${Date.now()}@example.com`, roles: ['member'] },
      owner,
      { 'user-agent': 'audit-test/1.0' },
    );
    const invited = await eventually(
      () => client.get<{ items: Record<string, unknown>[] }>('/v1/audit-log?eventType=MemberInvited', owner),
      (r) => r.body.items?.some((i) => i['userAgent'] === 'audit-test/1.0'),
    );
    const entry = invited.body.items.find((i) => i['userAgent'] === 'audit-test/1.0')!;
    expect(entry).toMatchObject({
      action: 'INVITED',
      subjectType: 'member',
      actor: tenant.owner.userId,
      ip: '127.0.0.1',
    });
    expect(entry['diff']).toMatchObject({
      email: expect.stringContaining('audited-'),
      roleIds: [expect.any(String)],
    });
    expect(JSON.stringify(entry)).not.toMatch(/invitationHash/);

    const all = await client.get<{ items: { id: string; eventType: string }[] }>(
      '/v1/audit-log?limit=200',
      owner,
    );
    expect(all.body.items.map((i) => i.eventType)).toEqual(
      expect.arrayContaining(['TenantCreated', 'MemberInvited', 'InvitationAccepted', 'SessionStarted']),
    );
    const first = await client.get<{ items: { id: string }[]; nextCursor: string }>(
      '/v1/audit-log?limit=2',
      owner,
    );
    const second = await client.get<{ items: { id: string }[] }>(
      `/v1/audit-log?limit=2&cursor=${first.body.nextCursor}`,
      owner,
    );
    expect(second.body.items).toHaveLength(2);
    expect(second.body.items[0]!.id).toBe(all.body.items[2]!.id);
    // Another tenant's log never shows this tenant's entries.
    const otherLog = await client.get('/v1/audit-log?limit=200', { bearer: acme.owner.accessToken });
    expect(otherLog.text).not.toContain(tenant.tenantId);
  });

  it('refuses sign-in and every token of a suspended tenant, until it is reactivated', async () => {
    const tenant = await createTenant(client);
    const suspended = await client.post(
      `/v1/tenants/${tenant.tenantId}/suspend`,
      { reason: 'invoice overdue' },
      client.admin,
    );
    expect(suspended.body).toMatchObject({ status: 'suspended', suspendedReason: 'invoice overdue' });
    const login = await client.post('/v1/auth/login', {
      email: tenant.owner.email,
      password: PASSWORD,
      tenant: tenant.slug,
    });
    expect(login.status).toBe(403);
    expect(login.body).toMatchObject({ code: 'IDENTITY.TENANT_NOT_ACTIVE' });
    await eventually(
      () => client.get('/v1/me', { bearer: tenant.owner.accessToken }),
      (r) => r.status === 403,
    );
    await client.post(`/v1/tenants/${tenant.tenantId}/reactivate`, {}, client.admin);
    expect(
      (
        await client.post('/v1/auth/login', {
          email: tenant.owner.email,
          password: PASSWORD,
          tenant: tenant.slug,
        })
      ).status,
    ).toBe(200);
  });
});
