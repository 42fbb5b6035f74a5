import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import * as kit from '@foresight/service-kit';
import {
  checkTenantIsolation,
  createTestApp,
  formatIsolationReport,
  isolationTenants,
  startTestIdentity,
  TestIdentity,
} from '@foresight/testing';
import { AppModule } from '../src/app.module';
import { MlScoringConfig, mlScoringDefaults } from '../src/config';

/**
 * Every route of ml-scoring, as the router has them, called by tenant A's owner (a real JWT from a real
 * identity) against tenant B: B's resources by id, and B named as the tenant everywhere a client
 * could. A new route is probed without touching this file; when a route takes a resource id, create
 * that resource for tenant B below and pass its id in `params` (keyed by the path parameter's name)
 * and its names in `markers`, so the probe hits real data rather than a random id.
 */
describe('ml-scoring: tenant isolation on every route', () => {
  let identity: TestIdentity;
  let app: NestFastifyApplication | undefined;

  beforeAll(async () => {
    identity = await startTestIdentity();
  });

  afterAll(async () => {
    await app?.close();
    await identity?.stop();
  });

  it("never gives a principal of tenant A tenant B's data", async () => {
    const { caller, victim } = await isolationTenants(identity);
    app = await createTestApp(
      {
        name: 'ml-scoring',
        configClass: MlScoringConfig,
        defaults: mlScoringDefaults,
        module: (config) => AppModule.register(config),
      },
      { ...process.env, ...identity.authEnv, LOG_LEVEL: 'warn' },
      kit,
    );
    const report = await checkTenantIsolation({ app, caller, victim: { ...victim, params: {} } });
    console.log(formatIsolationReport('ml-scoring', report));
    expect(report.violations).toEqual([]);
    expect(report.routes.filter((r) => r.kind === 'guarded').map((r) => r.route)).toContain('GET /v1/whoami');
  });
});
