import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { Principal } from '@foresight/contracts';
import {
  API_KEY,
  IdentityAccessStandIn,
  JwksStandIn,
  keyPrincipal,
  TENANT_A,
  TENANT_B,
} from '../../test/support/identity-stand-in';
import { AuthModule, IDENTITY_ACCESS } from '../auth.module';
import { TenantContext } from '../tenant/tenant-context';
import { CurrentPrincipal, Public, RequirePermissions } from './auth.decorators';

@Controller()
class SampleController {
  @Get('health/live')
  live() {
    return { ok: true };
  }

  @Public()
  @Get('v1/open')
  open(@CurrentPrincipal() principal: Principal | undefined) {
    return { principal: principal ?? null, tenant: TenantContext.current()?.tenantId ?? null };
  }

  @RequirePermissions('reports:read')
  @Get('v1/reports/:id')
  async report(@Param('id') id: string) {
    // The tenant context survives awaits inside the handler.
    await new Promise((r) => setImmediate(r));
    return { id, tenant: TenantContext.tenantId() };
  }

  @RequirePermissions('records:write')
  @Post('v1/records')
  write(@Body() body: unknown) {
    return { body, tenant: TenantContext.tenantId() };
  }
}

describe('AuthGuard (global)', () => {
  let jwks: JwksStandIn;
  let identity: IdentityAccessStandIn;
  let app: NestFastifyApplication;

  const call = (
    method: 'GET' | 'POST',
    url: string,
    headers: Record<string, string> = {},
    payload?: object,
  ) => app.getHttpAdapter().getInstance().inject({ method, url, headers, payload });

  beforeAll(async () => {
    jwks = await new JwksStandIn().start();
    identity = new IdentityAccessStandIn();
    identity.keys.set(API_KEY, {
      valid: true,
      reason: '',
      principal: keyPrincipal({ rateLimitRpm: 3 }),
      cacheTtlSeconds: 60,
    });
    const moduleRef = await Test.createTestingModule({
      imports: [
        AuthModule.forRoot({
          serviceName: 'auth-spec',
          identityGrpcUrl: '127.0.0.1:1',
          jwksUrl: jwks.url,
          issuer: 'foresight-identity',
          audience: 'foresight',
          kafkaBrokers: [],
          listenForAccessChanges: false,
        }),
      ],
      controllers: [SampleController],
    })
      .overrideProvider(IDENTITY_ACCESS)
      .useValue(identity)
      .compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
    await jwks.stop();
  });

  it('lets public routes and the platform paths through without a credential, with no tenant context', async () => {
    expect((await call('GET', '/health/live')).statusCode).toBe(200);
    const open = await call('GET', '/v1/open');
    expect(open.statusCode).toBe(200);
    expect(open.json()).toEqual({ principal: null, tenant: null });
  });

  it('refuses every other route without a credential, saying what to send', async () => {
    const res = await call('GET', '/v1/reports/r1');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'AUTH.MISSING_CREDENTIALS' });
    expect((await call('GET', '/v1/whoami')).statusCode).toBe(401);
  });

  it("runs the handler in the principal's tenant context", async () => {
    const res = await call('GET', '/v1/reports/r1', { authorization: `Bearer ${await jwks.sign()}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: 'r1', tenant: TENANT_A });
  });

  it('refuses a principal lacking a required permission with 403 naming it', async () => {
    const res = await call('POST', '/v1/records', { authorization: `Bearer ${await jwks.sign()}` }, { a: 1 });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'AUTH.FORBIDDEN', missing: ['records:write'] });
  });

  it('refuses a request naming another tenant, wherever it names it', async () => {
    const auth = { authorization: `Bearer ${await jwks.sign()}` };
    for (const res of [
      await call('GET', '/v1/reports/r1', { ...auth, 'x-tenant-id': TENANT_B }),
      await call('GET', `/v1/reports/r1?tenantId=${TENANT_B}`, auth),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'AUTH.TENANT_MISMATCH' });
    }
    const ok = await call('GET', `/v1/reports/r1?tenantId=${TENANT_A}`, auth);
    expect(ok.statusCode).toBe(200);
  });

  it('serves whoami with the principal, for a JWT and for an API key (x-api-key or bearer)', async () => {
    const viaJwt = await call('GET', '/v1/whoami', { authorization: `Bearer ${await jwks.sign()}` });
    expect(viaJwt.json()).toMatchObject({ kind: 'user', id: 'user-1', tenantId: TENANT_A });
    const viaKey = await call('GET', '/v1/whoami', { 'x-api-key': API_KEY });
    expect(viaKey.json()).toMatchObject({ kind: 'api_key', id: 'key-1', keyPrefix: 'abcd1234' });
  });

  it("limits a tenant to its tier's rate with 429, Retry-After and RateLimit-* headers", async () => {
    // The key's tier allows 3 a minute; whoami above spent one already.
    const first = await call('POST', '/v1/records', { 'x-api-key': API_KEY }, { tenantId: TENANT_A });
    expect(first.statusCode).toBe(201);
    expect(first.headers['ratelimit-limit']).toBe('3');
    expect(first.headers['ratelimit-remaining']).toBe('1');
    expect((await call('GET', '/v1/whoami', { authorization: `Bearer ${API_KEY}` })).statusCode).toBe(200);
    const limited = await call('GET', '/v1/whoami', { 'x-api-key': API_KEY });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('20');
    expect(limited.json()).toMatchObject({ code: 'AUTH.RATE_LIMITED', retryAfterSeconds: 20 });
  });
});
