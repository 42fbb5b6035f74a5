import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ReportNotificationRequested, Topics } from '@foresight/contracts';
import * as kit from '@foresight/service-kit';
import {
  checkTenantIsolation,
  createTestApp,
  formatIsolationReport,
  isolationTenants,
  startTestIdentity,
  TestIdentity,
  uniqueName,
} from '@foresight/testing';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../src/app.module';
import { NotificationsConfig, notificationsDefaults } from '../src/config';
import { CONSUMER_GROUPS } from '../src/consumer-groups';
import { eventually, isolated, Upstream } from '@foresight/testing';

/**
 * Every route of notifications, as the router has them, called by tenant A's owner (a real JWT from a real
 * identity) against tenant B: B's resources by id, and B named as the tenant everywhere a client
 * could. A new route is probed without touching this file; when a route takes a resource id, create
 * that resource for tenant B below and pass its id in `params` (keyed by the path parameter's name)
 * and its names in `markers`, so the probe hits real data rather than a random id.
 */
describe('notifications: tenant isolation on every route', () => {
  const name = uniqueName('ntfi').toLowerCase();
  const deployment = isolated('notifications', name, CONSUMER_GROUPS);
  let identity: TestIdentity;
  let app: NestFastifyApplication | undefined;
  let upstream: Upstream | undefined;

  beforeAll(async () => {
    identity = await startTestIdentity();
  });

  afterAll(async () => {
    await app?.close();
    await upstream?.close();
    await deployment.drop();
    await identity?.stop();
  });

  it("never gives a principal of tenant A tenant B's data", async () => {
    const { caller, victim, b } = await isolationTenants(identity);
    app = await createTestApp(
      {
        name: 'notifications',
        configClass: NotificationsConfig,
        defaults: notificationsDefaults,
        module: (config) => AppModule.register(config),
      },
      {
        ...process.env,
        ...identity.authEnv,
        LOG_LEVEL: 'warn',
        NOTIFY_POLL_MS: '200',
        NOTIFY_MAX_ATTEMPTS: '1',
        // Each inbox stream ends after a second, so the probe's request completes with what it was sent.
        INBOX_STREAM_MAX_SECONDS: '1',
        NOTIFY_IN_APP: 'true',
        ...deployment.env,
      },
      kit,
    );
    await app.init();
    const fastify = app.getHttpAdapter().getInstance();
    await fastify.ready();

    // Tenant B's webhook (an address nothing listens on) and one notification to it.
    const asB = { authorization: `Bearer ${b.owner.accessToken}` };
    const hookOfB = `http://127.0.0.1:9/${name}/victim-hook`;
    const put = await fastify.inject({
      method: 'PUT',
      url: '/v1/notifications/webhook',
      headers: asB,
      payload: { url: hookOfB },
    });
    expect(put.statusCode).toBe(200);
    const secretOfB = (put.json() as { secret: string }).secret;
    upstream = await Upstream.connect();
    const reportId = randomUUID();
    await upstream.publish(
      Topics.reportNotificationRequests,
      reportId,
      { type: ReportNotificationRequested.type, tenantId: b.tenantId },
      {
        reportId,
        accountId: randomUUID(),
        accountName: `Victim Account ${name}`,
        kind: 'CRITICAL_CHURN',
        ownerEmail: b.owner.email,
        score: 0.9,
        title: 'Critical churn risk',
        summary: 'victim summary',
        requestedAt: new Date().toISOString(),
      },
    );
    const logOfB = async () => {
      const res = await fastify.inject({
        method: 'GET',
        url: `/v1/notifications?subjectId=${reportId}`,
        headers: asB,
      });
      const entry = (
        res.json() as { items: { notificationId: string; status: string; channel: string }[] }
      ).items.find((i) => i.channel === 'webhook');
      expect(entry?.status).toBe('DEAD_LETTERED');
      return entry!;
    };
    const { notificationId } = await eventually(logOfB, 30_000);
    // B's owner's in-app copy of the same report, in B's inbox: probed by id on the seen/read routes.
    const inboxOfB = async () => {
      const res = await fastify.inject({ method: 'GET', url: '/v1/inbox', headers: asB });
      const items = (res.json() as { items: { id: string; subjectId: string; readAt: string | null }[] })
        .items;
      const item = items.find((i) => i.subjectId === reportId);
      expect(item).toBeDefined();
      return item!;
    };
    const inAppOfB = await eventually(inboxOfB, 30_000);

    const report = await checkTenantIsolation({
      app,
      caller,
      victim: {
        ...victim,
        params: { ...(victim.params ?? {}), id: inAppOfB.id },
        markers: [
          ...(victim.markers ?? []),
          hookOfB,
          secretOfB.slice(0, 10),
          reportId,
          notificationId,
          inAppOfB.id,
          `Victim Account ${name}`,
        ],
      },
      bodies: { 'PUT /v1/notifications/webhook': { url: 'http://127.0.0.1:9/caller-hook' } },
      victimIntact: async () => {
        const res = await fastify.inject({ method: 'GET', url: '/v1/notifications/webhook', headers: asB });
        if ((res.json() as { url: string }).url !== hookOfB)
          throw new Error(`B's webhook is now ${res.body}`);
        await logOfB();
        const item = await inboxOfB();
        if (item.readAt !== null) throw new Error(`B's inbox item was marked read: ${JSON.stringify(item)}`);
      },
    });
    console.log(formatIsolationReport('notifications', report));
    expect(report.violations).toEqual([]);
    expect(report.routes.filter((r) => r.kind === 'guarded').map((r) => r.route)).toEqual(
      expect.arrayContaining([
        'GET /v1/notifications',
        'GET /v1/notifications/webhook',
        'PUT /v1/notifications/webhook',
        'GET /v1/inbox',
        'GET /v1/inbox/stream',
        'POST /v1/inbox/:id/seen',
        'POST /v1/inbox/:id/read',
      ]),
    );
  });
});
