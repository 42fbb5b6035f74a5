import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { FeedbackReceived, FeedbackReceivedPayload, Topics } from '@foresight/contracts';
import * as kit from '@foresight/service-kit';
import {
  checkTenantIsolation,
  createTestApp,
  formatIsolationReport,
  infra,
  isolationTenants,
  startTestIdentity,
  TestIdentity,
  uniqueName,
} from '@foresight/testing';
import { AppModule } from '../src/app.module';
import { VocSignalsConfig, vocSignalsDefaults } from '../src/config';
import { testEnvelope as envelope, pollUntil as eventually, TestPublisher } from '@foresight/testing';
import { PrivateStores, privateStores } from '@foresight/testing';

/**
 * Every route of voc-signals, as the router has them, called by tenant A's owner (a real JWT from a real
 * identity) against tenant B: B's resources by id, and B named as the tenant everywhere a client
 * could. A new route is probed without touching this file; when a route takes a resource id, create
 * that resource for tenant B below and pass its id in `params` (keyed by the path parameter's name)
 * and its names in `markers`, so the probe hits real data rather than a random id.
 */
describe('voc-signals: tenant isolation on every route', () => {
  let identity: TestIdentity;
  let app: NestFastifyApplication | undefined;
  let stores: PrivateStores;
  let publisher: TestPublisher | undefined;

  beforeAll(async () => {
    identity = await startTestIdentity();
    stores = privateStores('vocisol', (suffix) => [`voc-signals.analyse-feedback.${suffix}`]);
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
        name: 'voc-signals',
        configClass: VocSignalsConfig,
        defaults: vocSignalsDefaults,
        module: (config) => AppModule.register(config),
      },
      { ...process.env, ...identity.authEnv, ...stores.env, LOG_LEVEL: 'warn' },
      kit,
    );
    await app.init();
    const fastify = app.getHttpAdapter().getInstance();

    // B's feedback arrives the way ingestion publishes it, and B can read its analysis.
    const secret = uniqueName('b-secret');
    const bFeedback: FeedbackReceivedPayload = {
      feedbackId: randomUUID(),
      accountId: randomUUID(),
      channel: 'nps',
      score: 2,
      text: `Support for ${secret} has been terrible`,
      at: new Date().toISOString(),
    };
    publisher = await TestPublisher.connect((await infra()).kafkaBrokers);
    await publisher.publish(
      Topics.ingestionFeedback,
      bFeedback.accountId,
      envelope(FeedbackReceived.type, b.tenantId, {
        service: 'ingestion',
        stream: `record-${bFeedback.feedbackId}`,
        revision: 0,
      }),
      bFeedback,
    );
    const asB = { authorization: `Bearer ${b.owner.accessToken}` };
    await eventually(async () => {
      const res = await fastify.inject({
        url: `/v1/voc/accounts/${bFeedback.accountId}/signals`,
        headers: asB,
      });
      const feedback = await fastify.inject({ url: '/v1/voc/feedback', headers: asB });
      return res.statusCode === 200 && feedback.body.includes(secret) ? true : undefined;
    }, 20_000);

    const report = await checkTenantIsolation({
      app,
      caller,
      victim: {
        ...victim,
        params: { accountId: bFeedback.accountId },
        markers: [...(victim.markers ?? []), secret, bFeedback.feedbackId, bFeedback.accountId],
      },
    });
    console.log(formatIsolationReport('voc-signals', report));
    expect(report.violations).toEqual([]);
    expect(report.routes.filter((r) => r.kind === 'guarded').map((r) => r.route)).toEqual(
      expect.arrayContaining([
        'GET /v1/whoami',
        'GET /v1/voc/feedback',
        'GET /v1/voc/accounts/:accountId/signals',
        'GET /v1/voc/nps',
      ]),
    );

    // The filter a client controls cannot reach B's account either.
    const byAccount = await fastify.inject({
      url: `/v1/voc/feedback?accountId=${bFeedback.accountId}`,
      headers: caller.headers,
    });
    expect(byAccount.statusCode).toBe(200);
    expect(byAccount.json()).toEqual([]);
    const nps = await fastify.inject({ url: '/v1/voc/nps', headers: caller.headers });
    expect(nps.json()).toMatchObject({ responses: 0, nps: null });
  });
});
