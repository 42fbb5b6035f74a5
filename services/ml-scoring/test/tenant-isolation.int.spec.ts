import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { AccountFeaturesChanged, Topics } from '@foresight/contracts';
import * as kit from '@foresight/service-kit';
import {
  checkTenantIsolation,
  createTestApp,
  formatIsolationReport,
  infra,
  isolationTenants,
  startTestIdentity,
  TestIdentity,
} from '@foresight/testing';
import { AppModule } from '../src/app.module';
import { MlScoringConfig, mlScoringDefaults } from '../src/config';
import { decliningAccount } from './support/accounts';
import { testEnvelope as envelope, pollUntil as eventually, TestPublisher } from '@foresight/testing';
import { PrivateStores, privateStores } from '@foresight/testing';

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
  let stores: PrivateStores;
  let publisher: TestPublisher | undefined;

  beforeAll(async () => {
    identity = await startTestIdentity();
    stores = privateStores('mlisol', (suffix) => [
      `ml-scoring.score-account.${suffix}`,
      `ml-scoring.account-history.${suffix}`,
    ]);
  });

  afterAll(async () => {
    await publisher?.close();
    await app?.close();
    await stores?.drop();
    await identity?.stop();
  });

  it("never gives a principal of tenant A tenant B's data", async () => {
    const { caller, victim, b } = await isolationTenants(identity);
    app = await createTestApp(
      {
        name: 'ml-scoring',
        configClass: MlScoringConfig,
        defaults: mlScoringDefaults,
        module: (config) => AppModule.register(config),
      },
      { ...process.env, ...identity.authEnv, ...stores.env, LOG_LEVEL: 'warn' },
      kit,
    );
    await app.init();
    const fastify = app.getHttpAdapter().getInstance();

    // B's account is scored from features published the way ingestion publishes them.
    const bAccount = randomUUID();
    publisher = await TestPublisher.connect((await infra()).kafkaBrokers);
    await publisher.publish(
      Topics.ingestionAccountFeatures,
      bAccount,
      envelope(AccountFeaturesChanged.type, b.tenantId, {
        service: 'ingestion',
        stream: `features-${bAccount}`,
        revision: 0,
      }),
      { accountId: bAccount, features: decliningAccount(bAccount) },
    );
    const asB = { authorization: `Bearer ${b.owner.accessToken}` };
    await eventually(async () => {
      const res = await fastify.inject({ url: `/v1/scores/${bAccount}`, headers: asB });
      return res.statusCode === 200 ? true : undefined;
    }, 20_000);

    // B's model: a run with B's (empty) history fails for too few positives, and is B's resource all the same.
    const run = await fastify.inject({
      method: 'POST',
      url: '/v1/models',
      headers: asB,
      payload: { outcome: 'CHURN', algorithm: 'logistic_regression' },
    });
    expect(run.statusCode).toBe(202);
    const bModel = (run.json() as { modelId: string }).modelId;
    await eventually(async () => {
      const res = await fastify.inject({ url: `/v1/models/${bModel}`, headers: asB });
      return res.statusCode === 200 && (res.json() as { status: string }).status === 'failed'
        ? true
        : undefined;
    }, 20_000);

    const features = decliningAccount(randomUUID());
    const report = await checkTenantIsolation({
      app,
      caller,
      victim: {
        ...victim,
        params: { accountId: bAccount, id: bModel },
        markers: [...(victim.markers ?? []), bAccount, bModel],
      },
      bodies: {
        'POST /v1/predict/single': { ...features },
        'POST /v1/predict': { accounts: [features] },
        'POST /v1/models': { outcome: 'CHURN', algorithm: 'logistic_regression' },
      },
    });
    console.log(formatIsolationReport('ml-scoring', report));
    expect(report.violations).toEqual([]);
    expect(report.routes.filter((r) => r.kind === 'guarded').map((r) => r.route)).toEqual(
      expect.arrayContaining([
        'GET /v1/whoami',
        'POST /v1/predict/single',
        'POST /v1/predict',
        'GET /v1/models',
        'POST /v1/models',
        'GET /v1/models/:id',
        'POST /v1/models/:id/promote',
        'POST /v1/models/:id/shadow',
        'POST /v1/models/:id/retire',
        'GET /v1/scores/:accountId',
      ]),
    );
  });
});
