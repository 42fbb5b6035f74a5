import { ATTEMPT_HEADER, ReportNotificationRequested, Topics } from '@foresight/contracts';
import {
  createTestTenant,
  SourceProcess,
  startTestIdentity,
  TestIdentity,
  TestTenant,
  uniqueName,
} from '@foresight/testing';
import { randomUUID } from 'node:crypto';
import {
  callApi as call,
  deliveryIdOf,
  eventually,
  Heard,
  isolated,
  listen,
  ReceivedRequest as Received,
  Receiver,
  sleep,
  startIsolated,
  startReceiver,
  Upstream,
} from '@foresight/testing';
import { CONSUMER_GROUPS } from '../src/consumer-groups';

interface LogEntry {
  notificationId: string;
  channel: string;
  subjectId: string;
  status: string;
  attempts: number;
  lastError: string | null;
  history: { event: string; attempt: number | null; detail: string | null }[];
}

/**
 * notifications as its own process (from its sources) against real Kafka, PostgreSQL and FerretDB,
 * fed ReportNotificationRequested with real envelope headers, delivering to a receiver that checks
 * every signature. Retries are configured in fractions of a second so dead letters come quickly.
 */
describe('notifications: signed webhooks, exactly one delivery per request, retries and dead letters', () => {
  const deployment = isolated('notifications', uniqueName('ntf').toLowerCase(), CONSUMER_GROUPS);
  const env = (identity: TestIdentity) => ({
    ...identity.authEnv,
    NOTIFY_POLL_MS: '100',
    NOTIFY_MAX_ATTEMPTS: '3',
    NOTIFY_RETRY_BASE_SECONDS: '0.4',
    NOTIFY_RETRY_FACTOR: '2',
    WEBHOOK_TIMEOUT_MS: '1000',
    NOTIFY_OUTCOME_GRACE_MS: '500',
  });
  let identity: TestIdentity;
  let a: TestTenant;
  let b: TestTenant;
  let receiver: Receiver;
  let upstream: Upstream;
  let service: SourceProcess;
  let outcomes: { heard: Heard[]; stop(): Promise<void> };

  const request = (reportId: string, ownerEmail: string) => ({
    reportId,
    accountId: randomUUID(),
    accountName: 'Northwind',
    kind: 'CRITICAL_CHURN',
    ownerEmail,
    score: 0.93,
    title: 'Critical churn risk: Northwind (93% churn probability)',
    summary: 'Northwind scores 93% for churn.',
    requestedAt: new Date().toISOString(),
  });
  const publishRequest = (tenant: TestTenant, reportId: string, eventId?: string) =>
    upstream.publish(
      Topics.reportNotificationRequests,
      reportId,
      { type: ReportNotificationRequested.type, tenantId: tenant.tenantId, eventId, source: 'report-engine' },
      request(reportId, tenant.owner.email),
    );
  const logOf = async (tenant: TestTenant, subjectId: string) => {
    const res = await call<{ items: LogEntry[] }>(
      service.url,
      'GET',
      `/v1/notifications?subjectId=${subjectId}`,
      tenant.owner.accessToken,
    );
    expect(res.status).toBe(200);
    // The owner is also reached in-app (and by e-mail when SMTP is set); this spec is about the webhook.
    return res.body.items.filter((i) => i.channel === 'webhook');
  };
  const settled = (tenant: TestTenant, subjectId: string, status: string) =>
    eventually(async () => {
      const [entry, ...others] = await logOf(tenant, subjectId);
      expect(others).toHaveLength(0);
      expect(entry?.status).toBe(status);
      return entry!;
    }, 30_000);
  const requestsFor = (reportId: string): Received[] =>
    receiver.requests.filter((r) => (r.delivery.data as { reportId?: string }).reportId === reportId);
  const outcomesFor = (reportId: string) =>
    outcomes.heard.filter((h) => h.payload['subjectId'] === reportId && h.payload['channel'] === 'webhook');

  beforeAll(async () => {
    identity = await startTestIdentity();
    [a, b] = await Promise.all([createTestTenant(identity), createTestTenant(identity)]);
    receiver = await startReceiver();
    receiver.respond = (r) => (r.path.endsWith('/failing') ? 503 : 204);
    upstream = await Upstream.connect();
    outcomes = await listen(Topics.notifications, () => [a.tenantId, b.tenantId]);
    service = await startIsolated(deployment, 'notifications', env(identity));
  });

  afterAll(async () => {
    await service?.stop();
    await deployment.drop();
    await Promise.all([outcomes?.stop(), upstream?.close(), receiver?.close(), identity?.stop()]);
  });

  it('configures the webhook: a generated secret is shown once, GET shows only its prefix, a bad URL is named', async () => {
    const token = a.owner.accessToken;
    const bad = await call<{ fields: { field: string }[] }>(
      service.url,
      'PUT',
      '/v1/notifications/webhook',
      token,
      {
        url: 'ftp://example.com/hook',
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f) => f.field)).toEqual(['url']);

    const own = 'my-own-signing-secret-0123456789';
    const mine = await call(service.url, 'PUT', '/v1/notifications/webhook', token, {
      url: receiver.url,
      secret: own,
    });
    expect(mine.status).toBe(200);
    expect(JSON.stringify(mine.body)).not.toContain(own);

    const generated = await call<{ secret: string; secretPrefix: string; url: string }>(
      service.url,
      'PUT',
      '/v1/notifications/webhook',
      token,
      { url: receiver.url },
    );
    expect(generated.status).toBe(200);
    expect(generated.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{40,}$/);
    expect(generated.body.secret.startsWith(generated.body.secretPrefix)).toBe(true);
    receiver.secrets.push(generated.body.secret);

    const shown = await call(service.url, 'GET', '/v1/notifications/webhook', token);
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual({
      url: receiver.url,
      secretPrefix: generated.body.secretPrefix,
      updatedAt: expect.any(String),
    });
    expect(JSON.stringify(shown.body)).not.toContain(generated.body.secret);
  });

  it('delivers one signed webhook per request, however often the request is redelivered', async () => {
    const reportId = randomUUID();
    const first = await publishRequest(a, reportId);
    const again = () =>
      upstream.send(Topics.reportNotificationRequests, reportId, first, request(reportId, a.owner.email));
    await again();
    const delivered = await settled(a, reportId, 'DELIVERED');
    await again();
    await sleep(1500);

    const requests = requestsFor(reportId);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.verified).toEqual({ ok: true, timestamp: expect.any(Number) });
    expect(deliveryIdOf(requests[0]!)).toBe(delivered.notificationId);
    expect(requests[0]!.headers[ATTEMPT_HEADER.toLowerCase()]).toBe('1');
    expect(requests[0]!.delivery).toMatchObject({
      id: delivered.notificationId,
      type: 'report.notification',
      tenantId: a.tenantId,
      recipient: a.owner.email,
      data: { reportId, kind: 'CRITICAL_CHURN', ownerEmail: a.owner.email },
    });
    expect((await logOf(a, reportId)).map((e) => e.notificationId)).toEqual([delivered.notificationId]);

    await eventually(async () => expect(outcomesFor(reportId)).toHaveLength(1));
    expect(outcomesFor(reportId)[0]).toMatchObject({
      type: 'NotificationDelivered',
      payload: {
        notificationId: delivered.notificationId,
        requestEventId: first.eventId,
        subjectType: 'report',
        subjectId: reportId,
        channel: 'webhook',
        attempt: 1,
      },
    });
  });

  it('retries a failing endpoint with growing backoff, then dead-letters it after the last attempt', async () => {
    const put = await call<{ secret: string }>(
      service.url,
      'PUT',
      '/v1/notifications/webhook',
      b.owner.accessToken,
      {
        url: `${receiver.url}/failing`,
      },
    );
    receiver.secrets.push(put.body.secret);
    const reportId = randomUUID();
    await publishRequest(b, reportId);

    const dead = await settled(b, reportId, 'DEAD_LETTERED');
    expect(dead).toMatchObject({ attempts: 3, lastError: 'HTTP 503' });
    expect(dead.history.map((h) => h.event)).toEqual([
      'NotificationRequested',
      'NotificationDispatched',
      'NotificationFailed',
      'NotificationDispatched',
      'NotificationFailed',
      'NotificationDispatched',
      'NotificationFailed',
      'NotificationDeadLettered',
    ]);
    const tries = requestsFor(reportId);
    expect(tries.map((r) => r.headers[ATTEMPT_HEADER.toLowerCase()])).toEqual(['1', '2', '3']);
    expect(new Set(tries.map(deliveryIdOf))).toEqual(new Set([dead.notificationId]));
    expect(tries.every((r) => r.verified.ok)).toBe(true);
    // 0.4 s after the first failure, 0.8 s after the second (base 0.4, factor 2).
    expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(400);
    expect(tries[2]!.at - tries[1]!.at).toBeGreaterThanOrEqual(800);

    await eventually(async () => expect(outcomesFor(reportId)).toHaveLength(1));
    expect(outcomesFor(reportId)[0]).toMatchObject({
      type: 'NotificationDeadLettered',
      tenantId: b.tenantId,
      payload: { subjectId: reportId, attempt: 3, lastError: 'HTTP 503' },
    });
  });

  it('after a crash between the call and its outcome, re-attempts once with the same delivery id and records one delivery', async () => {
    const reportId = randomUUID();
    let crashed: Promise<unknown> | undefined;
    receiver.respond = (r) => {
      if ((r.delivery.data as { reportId?: string }).reportId !== reportId || crashed) return 204;
      // The endpoint has the message; the dispatcher dies before it can record the answer.
      crashed = service.stop();
      return new Promise<number>((resolve) => setTimeout(() => resolve(204), 3000));
    };
    const killed = service;
    const original = killed.stop.bind(killed);
    killed.stop = async () => {
      killed.process.kill('SIGKILL');
      await original();
    };
    await publishRequest(a, reportId);
    await eventually(async () => expect(crashed).toBeDefined(), 20_000);
    await crashed;

    service = await startIsolated(deployment, 'notifications', env(identity));
    const delivered = await settled(a, reportId, 'DELIVERED');
    const tries = requestsFor(reportId);
    expect(tries).toHaveLength(2);
    expect(tries.map(deliveryIdOf)).toEqual([delivered.notificationId, delivered.notificationId]);
    expect(tries.map((r) => r.headers[ATTEMPT_HEADER.toLowerCase()])).toEqual(['1', '2']);
    expect(delivered.history.find((h) => h.event === 'NotificationFailed')?.detail).toMatch(
      /no outcome was recorded/,
    );

    await sleep(1000);
    expect(requestsFor(reportId)).toHaveLength(2);
    await eventually(async () =>
      expect(outcomesFor(reportId).map((o) => o.type)).toEqual(['NotificationDelivered']),
    );
  });
});
