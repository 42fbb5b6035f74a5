import {
  loadPackageDefinition,
  Server,
  ServerCredentials,
  ServiceDefinition,
  UntypedServiceImplementation,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { ACCESS_PROTO, GrpcIdentityAccess } from './identity-access.grpc.adapter';

/** A stand-in Access server built from the real proto, so the adapter's field mapping is checked on the wire. */
describe('GrpcIdentityAccess', () => {
  let server: Server;
  let port: number;
  const seen: unknown[] = [];

  beforeAll(async () => {
    const pkg = loadPackageDefinition(
      loadSync(ACCESS_PROTO, { keepCase: true, defaults: true }),
    ) as unknown as {
      identity: { v1: { Access: { service: ServiceDefinition } } };
    };
    const impl: UntypedServiceImplementation = {
      VerifyApiKey: (call: { request: { api_key: string } }, cb: (e: null, r: object) => void) => {
        seen.push(call.request);
        cb(
          null,
          call.request.api_key === 'good'
            ? {
                valid: true,
                principal: {
                  kind: 'api_key',
                  id: 'k1',
                  tenant_id: 't1',
                  roles: ['ingest-bot'],
                  permissions: ['records:write'],
                  key_prefix: 'abcd1234',
                  owner_user_id: 'u1',
                  tier: 'enterprise',
                  rate_limit_rpm: 6000,
                },
                cache_ttl_seconds: 45,
              }
            : { valid: false, reason: 'revoked' },
        );
      },
      Authorize: (call: { request: object }, cb: (e: null, r: object) => void) => {
        seen.push(call.request);
        cb(null, { allowed: false, reason: 'tenant_suspended' });
      },
    };
    server = new Server();
    server.addService(pkg.identity.v1.Access.service, impl);
    port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, p) =>
        err ? reject(err) : resolve(p),
      ),
    );
  });

  afterAll(() => server.forceShutdown());

  it('maps a valid key to the principal and the TTL identity allows', async () => {
    const client = new GrpcIdentityAccess(`127.0.0.1:${port}`);
    await expect(client.verifyApiKey('good')).resolves.toEqual({
      valid: true,
      reason: '',
      cacheTtlSeconds: 45,
      principal: {
        kind: 'api_key',
        id: 'k1',
        tenantId: 't1',
        roles: ['ingest-bot'],
        permissions: ['records:write'],
        tier: 'enterprise',
        rateLimitRpm: 6000,
        keyPrefix: 'abcd1234',
        ownerUserId: 'u1',
      },
    });
    await expect(client.verifyApiKey('bad')).resolves.toMatchObject({
      valid: false,
      reason: 'revoked',
      principal: undefined,
    });
    client.close();
  });

  it('sends Authorize questions field by field', async () => {
    const client = new GrpcIdentityAccess(`127.0.0.1:${port}`);
    const answer = await client.authorize({
      principalKind: 'user',
      principalId: 'u1',
      tenantId: 't1',
      permission: 'reports:read',
    });
    expect(answer).toEqual({ allowed: false, reason: 'tenant_suspended' });
    expect(seen).toContainEqual({
      principal_kind: 'user',
      principal_id: 'u1',
      tenant_id: 't1',
      permission: 'reports:read',
    });
    client.close();
  });

  it('fails (the guard answers 503) rather than waiting when identity is not there', async () => {
    const client = new GrpcIdentityAccess('127.0.0.1:1', 300);
    await expect(client.verifyApiKey('good')).rejects.toThrow();
    client.close();
  });
});
