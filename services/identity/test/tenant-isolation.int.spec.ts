import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import * as kit from '@foresight/service-kit';
import { checkTenantIsolation, createTestApp, formatIsolationReport } from '@foresight/testing';
import { AppModule } from '../src/app.module';
import { IdentityConfig, identityDefaults } from '../src/config';
import { IdentityClient } from './support/identity-client';
import { IdentityProcess, startIdentity } from './support/identity-process';
import { createTenant } from './support/tenant-fixture';

/**
 * Every route of identity, as the router has them, called by tenant A's owner against tenant B: B's
 * key, member and role by id, and B named as the tenant wherever a client could. The app under test
 * runs in-process on the same stores as an identity process, whose JWKS and gRPC its guard uses.
 */
describe('identity: tenant isolation on every route', () => {
  let identity: IdentityProcess;
  let client: IdentityClient;
  let app: NestFastifyApplication | undefined;

  beforeAll(async () => {
    identity = await startIdentity();
    client = new IdentityClient(identity);
  });

  afterAll(async () => {
    await app?.close();
    client?.close();
    await identity?.stop();
  });

  it("never gives a principal of tenant A tenant B's data", async () => {
    const [a, b] = await Promise.all([
      createTenant(client, 'enterprise'),
      createTenant(client, 'enterprise'),
    ]);
    const asB = { bearer: b.owner.accessToken };
    const key = await client.post<{ key: { keyId: string; prefix: string } }>(
      '/v1/api-keys',
      { name: 'b-secret-key', roles: ['member'] },
      asB,
    );
    const role = await client.post<{ roleId: string }>(
      '/v1/roles',
      { name: 'b-auditor', permissions: ['audit:read'] },
      asB,
    );
    const [port, grpcPort] = [new URL(identity.url).port, identity.grpcTarget.split(':')[1]!];
    app = await createTestApp(
      {
        name: 'identity',
        configClass: IdentityConfig,
        defaults: identityDefaults,
        module: (config) => AppModule.register(config),
      },
      {
        ...process.env,
        // The process's ports: this instance's guard reaches that process's JWKS and gRPC.
        PORT: port,
        GRPC_PORT: grpcPort,
        MONGO_URL: identity.mongoUrl,
        EVENTSTORE_SCHEMA: identity.schema,
        IDENTITY_ADMIN_TOKEN: identity.adminToken,
        IDENTITY_ENCRYPTION_KEY: identity.encryptionKey,
        LOG_LEVEL: 'warn',
      },
      kit,
    );
    const report = await checkTenantIsolation({
      app,
      caller: { tenantId: a.tenantId, headers: { authorization: `Bearer ${a.owner.accessToken}` } },
      victim: {
        tenantId: b.tenantId,
        params: {
          keyId: key.body.key.keyId,
          userId: b.owner.userId,
          roleId: role.body.roleId,
          role: 'b-auditor',
        },
        markers: [
          b.slug,
          b.owner.email,
          b.owner.userId,
          key.body.key.prefix,
          'b-secret-key',
          role.body.roleId,
        ],
      },
    });
    console.log(formatIsolationReport('identity', report));
    expect(report.violations).toEqual([]);
    const guarded = report.routes.filter((r) => r.kind === 'guarded').map((r) => r.route);
    expect(guarded).toEqual(
      expect.arrayContaining([
        'GET /v1/api-keys/:keyId',
        'POST /v1/api-keys/:keyId/revoke',
        'DELETE /v1/members/:userId',
        'GET /v1/audit-log',
      ]),
    );
    // The operator's routes are public to the tenant guard only because the admin token guards them.
    const operatorRoutes = report.routes
      .filter((r) => r.kind === 'public' && /^\w+ \/v1\/(tenants|admin)/.test(r.route))
      .map((r) => r.route);
    expect(operatorRoutes.length).toBeGreaterThanOrEqual(9);
    for (const route of operatorRoutes) {
      const [method, path] = route.split(' ') as [string, string];
      const res = await client.call(
        method,
        path.replace(':tenantId', b.tenantId),
        { bearer: a.owner.accessToken },
        method === 'GET' ? undefined : {},
      );
      expect({ route, status: res.status, code: res.body['code'] }).toEqual({
        route,
        status: 401,
        code: 'IDENTITY.ADMIN_TOKEN_REQUIRED',
      });
    }
    // B's things are untouched by A's probes.
    expect(
      (await client.get<{ status: string }>(`/v1/api-keys/${key.body.key.keyId}`, asB)).body.status,
    ).toBe('active');
    expect((await client.get<{ roles: string[] }>('/v1/me', asB)).body.roles).toEqual(['owner']);
  });
});
