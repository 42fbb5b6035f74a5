import {
  createTestApiKey,
  createTestTenant,
  logoutTestOwner,
  revokeTestApiKey,
  setTestTenantStatus,
  SourceProcess,
  startFromSources,
  startTestIdentity,
  TestIdentity,
} from '@foresight/testing';

/**
 * The promise users rely on: a revocation at identity takes effect in every other running service
 * within a second. identity and report-engine run as real processes on the real broker; the changes
 * travel identity's event store → relay → identity.access.v1 → report-engine's auth consumer.
 */
describe('access changes reach another running service', () => {
  let identity: TestIdentity;
  let reportEngine: SourceProcess;

  beforeAll(async () => {
    identity = await startTestIdentity();
    reportEngine = await startFromSources('report-engine', { ...identity.authEnv, LOG_LEVEL: 'warn' });
  });

  afterAll(async () => {
    await reportEngine?.stop();
    await identity?.stop();
  });

  const whoami = (headers: Record<string, string>) => fetch(`${reportEngine.url}/v1/whoami`, { headers });

  /** Calls until the answer changes to `status`; returns the ms from `since` and the answer's code. */
  async function until(
    headers: Record<string, string>,
    status: number,
    since: number,
  ): Promise<{ ms: number; code: string }> {
    for (;;) {
      const res = await whoami(headers);
      if (res.status === status)
        return { ms: Date.now() - since, code: ((await res.json()) as { code: string }).code };
      await res.body?.cancel();
      if (Date.now() - since > 10_000) throw new Error(`still ${res.status} after 10 s`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  it('refuses a revoked API key within 1 s of the revocation', async () => {
    const tenant = await createTestTenant(identity);
    const key = await createTestApiKey(identity, tenant, ['member']);
    const headers = { 'x-api-key': key.apiKey };
    // Accepted, and now in report-engine's cache: the revocation has to evict it.
    for (let i = 0; i < 2; i++) {
      const res = await whoami(headers);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ kind: 'api_key', id: key.keyId, tenantId: tenant.tenantId });
    }
    const started = Date.now();
    await revokeTestApiKey(identity, tenant, key.keyId);
    const acknowledged = Date.now() - started;
    const { ms, code } = await until(headers, 401, started);
    console.log(
      `[auth] API key revocation reached report-engine in ${ms} ms (identity acknowledged after ${acknowledged} ms)`,
    );
    expect(code).toBe('AUTH.INVALID_API_KEY');
    expect(ms).toBeLessThanOrEqual(1000);
  });

  it("refuses a signed-out session's access token within 1 s of the logout", async () => {
    const tenant = await createTestTenant(identity);
    const headers = { authorization: `Bearer ${tenant.owner.accessToken}` };
    expect((await whoami(headers)).status).toBe(200);
    const started = Date.now();
    await logoutTestOwner(identity, tenant);
    const { ms, code } = await until(headers, 401, started);
    console.log(`[auth] session revocation (logout) reached report-engine in ${ms} ms`);
    expect(code).toBe('AUTH.SESSION_REVOKED');
    expect(ms).toBeLessThanOrEqual(1000);
  });

  it("refuses a suspended tenant's users and keys with 403 within 1 s, and lets them back in on reactivation", async () => {
    const tenant = await createTestTenant(identity);
    const key = await createTestApiKey(identity, tenant, ['member']);
    const asUser = { authorization: `Bearer ${tenant.owner.accessToken}` };
    const asKey = { 'x-api-key': key.apiKey };
    expect((await whoami(asUser)).status).toBe(200);
    expect((await whoami(asKey)).status).toBe(200);
    const started = Date.now();
    await setTestTenantStatus(identity, tenant, 'suspend');
    const user = await until(asUser, 403, started);
    const viaKey = await until(asKey, 403, started);
    console.log(`[auth] suspension reached report-engine in ${user.ms} ms (JWT) / ${viaKey.ms} ms (API key)`);
    expect([user.code, viaKey.code]).toEqual(['AUTH.TENANT_SUSPENDED', 'AUTH.TENANT_SUSPENDED']);
    expect(Math.max(user.ms, viaKey.ms)).toBeLessThanOrEqual(1000);

    const lifted = Date.now();
    await setTestTenantStatus(identity, tenant, 'reactivate');
    await until(asUser, 200, lifted).catch(async () => {
      throw new Error(`still refused after reactivation: ${await (await whoami(asUser)).text()}`);
    });
  });
});
