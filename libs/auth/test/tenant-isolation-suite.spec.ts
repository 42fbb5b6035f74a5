import { Body, Controller, Get, NotFoundException, Param, Post } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { Principal } from '@foresight/contracts';
import { checkTenantIsolation, formatIsolationReport } from '@foresight/testing';
import { AuthModule, IDENTITY_ACCESS } from '../src/auth.module';
import { CurrentPrincipal, Public, RequirePermissions } from '../src/guard/auth.decorators';
import { IdentityAccessStandIn, JwksStandIn, TENANT_A, TENANT_B } from './support/identity-stand-in';

const reports = new Map([
  ['a-1', { id: 'a-1', tenantId: TENANT_A, title: 'A renewal risk' }],
  ['b-1', { id: 'b-1', tenantId: TENANT_B, title: 'B secret churn' }],
]);

@Controller('v1/reports')
class ScopedReportsController {
  @RequirePermissions('reports:read')
  @Get(':reportId')
  one(@Param('reportId') id: string, @CurrentPrincipal() p: Principal) {
    const report = reports.get(id);
    if (!report || report.tenantId !== p.tenantId) throw new NotFoundException();
    return report;
  }

  @RequirePermissions('reports:read')
  @Get()
  list(@CurrentPrincipal() p: Principal) {
    return [...reports.values()].filter((r) => r.tenantId === p.tenantId);
  }

  @RequirePermissions('reports:admin')
  @Post()
  create(@Body() body: { title?: string }, @CurrentPrincipal() p: Principal) {
    return { id: 'a-2', tenantId: p.tenantId, title: body.title };
  }

  @Public()
  @Get('public/ping')
  ping() {
    return 'pong';
  }
}

/** The mistakes the suite exists to catch. */
@Controller('v1/leaky')
class LeakyController {
  @RequirePermissions('reports:read')
  @Get('reports/:reportId')
  one(@Param('reportId') id: string) {
    return reports.get(id) ?? null;
  }

  @RequirePermissions('reports:read')
  @Get('everything')
  all() {
    return [...reports.values()];
  }

  @RequirePermissions('models:train')
  @Post('train')
  train() {
    return { ok: true };
  }
}

describe('checkTenantIsolation (the suite itself, on a stand-in identity)', () => {
  let jwks: JwksStandIn;
  let token: string;

  beforeAll(async () => {
    jwks = await new JwksStandIn().start();
    token = await jwks.sign({ perms: ['reports:read', 'reports:admin'], rpm: 0 });
  });
  afterAll(() => jwks.stop());

  async function appWith(controllers: (new () => object)[]): Promise<NestFastifyApplication> {
    const moduleRef = await Test.createTestingModule({
      imports: [
        AuthModule.forRoot({
          serviceName: 'isolation-spec',
          identityGrpcUrl: '127.0.0.1:1',
          jwksUrl: jwks.url,
          issuer: 'foresight-identity',
          audience: 'foresight',
          kafkaBrokers: [],
          listenForAccessChanges: false,
        }),
      ],
      controllers,
    })
      .overrideProvider(IDENTITY_ACCESS)
      .useValue(new IdentityAccessStandIn())
      .compile();
    return moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  }

  const victim = { tenantId: TENANT_B, params: { reportId: 'b-1' }, markers: ['b-1', 'B secret churn'] };

  it('passes a service whose routes keep to the caller’s tenant, listing every route it probed', async () => {
    const app = await appWith([ScopedReportsController]);
    const report = await checkTenantIsolation({
      app,
      caller: { tenantId: TENANT_A, headers: { authorization: `Bearer ${token}` } },
      victim,
    });
    console.log(formatIsolationReport('stand-in', report));
    expect(report.violations).toEqual([]);
    const kinds = Object.fromEntries(report.routes.map((r) => [r.route, r.kind]));
    expect(kinds).toMatchObject({
      'GET /v1/reports/:reportId': 'guarded',
      'GET /v1/reports': 'guarded',
      'POST /v1/reports': 'guarded',
      'GET /v1/reports/public/ping': 'public',
      'GET /v1/whoami': 'guarded',
    });
    const one = report.routes.find((r) => r.route === 'GET /v1/reports/:reportId')!;
    expect(one.probes.map((p) => [p.probe, p.status])).toEqual([
      ['anonymous', 401],
      ['victim-ids', 404],
      ['victim-tenant', 403],
    ]);
    await app.close();
  });

  it('catches a route that serves another tenant’s resource, one that lists everyone’s, one A may not call, and one outside Nest', async () => {
    const app = await appWith([LeakyController]);
    app
      .getHttpAdapter()
      .getInstance()
      .get('/v1/raw', async () => [...reports.values()]);
    const report = await checkTenantIsolation({
      app,
      caller: { tenantId: TENANT_A, headers: { authorization: `Bearer ${token}` } },
      victim,
    });
    const text = report.violations.join('\n');
    expect(text).toMatch(/GET \/v1\/leaky\/reports\/:reportId \[victim-ids\]: answered 200/);
    expect(text).toMatch(
      /GET \/v1\/leaky\/everything \[victim-ids\]: the answer \(200\) contains tenant B's .*B secret churn/,
    );
    expect(text).toMatch(/POST \/v1\/leaky\/train \[victim-ids\]: tenant A lacks models:train/);
    expect(text).toMatch(/GET \/v1\/raw: registered outside Nest/);
    await app.close();
  });
});
