import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AccountScored, NotificationDelivered, RecordUpserted, Topics } from '@foresight/contracts';
import * as kit from '@foresight/service-kit';
import {
  createTestApp,
  createTestTenant,
  eventually,
  isolated,
  sleep,
  startTestIdentity,
  TestIdentity,
  TestTenant,
  uniqueName,
  Upstream,
} from '@foresight/testing';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../src/app.module';
import { ReportEngineConfig, reportEngineDefaults } from '../src/config';
import { CONSUMER_GROUPS } from '../src/consumer-groups';

/**
 * Time travel and the owner views over real Kafka, PostgreSQL and FerretDB: a report is raised from
 * an account record and a score, notified, and given feedback; asking as of a moment before the
 * feedback answers what the engine knew then, whatever the read model says now.
 */
describe('report-engine: owner views and time travel (asOf)', () => {
  const deployment = isolated('report-engine', uniqueName('rett').toLowerCase(), CONSUMER_GROUPS);
  let identity: TestIdentity;
  let tenant: TestTenant;
  let app: NestFastifyApplication;
  let upstream: Upstream;
  const accountId = randomUUID();
  const recordId = randomUUID();

  type Fastify = ReturnType<NestFastifyApplication['getHttpAdapter']>['getInstance'] extends () => infer F
    ? F
    : never;
  let fastify: Fastify;
  const get = async <T>(url: string) => {
    const res = await fastify.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${tenant.owner.accessToken}` },
    });
    return { status: res.statusCode, body: res.json() as T };
  };
  type Summary = {
    reportId: string;
    status: string;
    kind: string;
    feedback: string | null;
    subject: { id: string };
  };
  type One = {
    status: string;
    feedback: { outcome: string } | null;
    notified: unknown;
    timeline: { type: string }[];
  };

  beforeAll(async () => {
    identity = await startTestIdentity();
    tenant = await createTestTenant(identity);
    app = await createTestApp(
      {
        name: 'report-engine',
        configClass: ReportEngineConfig,
        defaults: reportEngineDefaults,
        module: (config) => AppModule.register(config),
      },
      { ...process.env, ...identity.authEnv, LOG_LEVEL: 'warn', ...deployment.env },
      kit,
    );
    await app.init();
    fastify = app.getHttpAdapter().getInstance();
    await fastify.ready();
    upstream = await Upstream.connect();
  });

  afterAll(async () => {
    await app?.close();
    await upstream?.close();
    await deployment.drop();
    await identity?.stop();
  });

  let reportId: string;
  let beforeReport: string;
  let beforeFeedback: string;

  it('raises a report the owner sees in /mine and in the previews', async () => {
    beforeReport = new Date().toISOString();
    await sleep(20);
    await upstream.publish(
      Topics.ingestionRecords,
      accountId,
      { type: RecordUpserted.type, tenantId: tenant.tenantId, stream: `record-${recordId}` },
      {
        recordId,
        entity: 'account',
        source: 'crm',
        externalId: `tt-${recordId.slice(0, 8)}`,
        accountId,
        at: new Date().toISOString(),
        change: 'created',
        changedFields: [],
        data: { name: 'Time Travel Ltd', lifecycle: 'customer', arr: 30_000, ownerEmail: tenant.owner.email },
      },
    );
    await upstream.publish(
      Topics.scoringAccountScores,
      accountId,
      { type: AccountScored.type, tenantId: tenant.tenantId },
      {
        accountId,
        outcome: 'CHURN',
        probability: 0.92,
        prediction: 1,
        confidence: 'high',
        modelVersion: 'tt-model',
        topContributors: [],
        scoredAt: new Date().toISOString(),
      },
    );
    const [mine] = await eventually(async () => {
      const res = await get<{ items: Summary[] }>('/v1/reports/mine');
      expect(res.body.items.map((r) => r.status)).toEqual(['CREATED']);
      return res.body.items;
    });
    reportId = mine!.reportId;
    expect(mine).toMatchObject({ kind: 'CRITICAL_CHURN', subject: { id: accountId } });

    const bySubject = await get<{ items: Summary[] }>(
      `/v1/reports/mine?subject=${accountId}&kind=CRITICAL_CHURN`,
    );
    expect(bySubject.body.items.map((r) => r.reportId)).toEqual([reportId]);
    const otherKind = await get<{ items: Summary[] }>('/v1/reports/mine?kind=UPSELL');
    expect(otherKind.body.items).toEqual([]);

    const previews = await get<{
      items: { kind: string; total: number; open: number; latest: Summary | null }[];
    }>('/v1/reports/previews');
    expect(previews.status).toBe(200);
    expect(previews.body.items.map((p) => p.kind)).toEqual([
      'CRITICAL_CHURN',
      'PARTIAL_CHURN',
      'REVENUE_AT_RISK',
      'UPSELL',
      'EXPANSION',
    ]);
    const critical = previews.body.items.find((p) => p.kind === 'CRITICAL_CHURN')!;
    expect(critical).toMatchObject({ total: 1, open: 1, latest: { reportId } });
    expect(previews.body.items.find((p) => p.kind === 'UPSELL')).toMatchObject({ total: 0, latest: null });
  });

  it('after notification and feedback, asOf an earlier moment still answers CREATED without feedback', async () => {
    // The moment to travel back to: after the report was created, before anything else happened.
    await eventually(async () =>
      expect((await get<One>(`/v1/reports/${reportId}`)).body.status).toBe('CREATED'),
    );
    await sleep(20);
    beforeFeedback = new Date().toISOString();
    await sleep(20);

    await upstream.publish(
      Topics.notifications,
      reportId,
      { type: NotificationDelivered.type, tenantId: tenant.tenantId, source: 'notifications' },
      {
        notificationId: randomUUID(),
        requestEventId: randomUUID(),
        subjectType: 'report',
        subjectId: reportId,
        channel: 'webhook',
        recipient: tenant.owner.email,
        attempt: 1,
        at: new Date().toISOString(),
      },
    );
    await eventually(async () =>
      expect((await get<One>(`/v1/reports/${reportId}`)).body.status).toBe('NOTIFIED'),
    );
    const feedback = await fastify.inject({
      method: 'POST',
      url: `/v1/reports/${reportId}/feedback`,
      headers: { authorization: `Bearer ${tenant.owner.accessToken}` },
      payload: { outcome: 'ACCEPTED', note: 'calling them today' },
    });
    expect(feedback.statusCode).toBe(200);

    const now = await get<One>(`/v1/reports/${reportId}`);
    expect(now.body).toMatchObject({ status: 'FEEDBACK_PROVIDED', feedback: { outcome: 'ACCEPTED' } });

    const then = await get<One>(`/v1/reports/${reportId}?asOf=${encodeURIComponent(beforeFeedback)}`);
    expect(then.status).toBe(200);
    expect(then.body).toMatchObject({ status: 'CREATED', feedback: null, notified: null });
    expect(then.body.timeline.map((e) => e.type)).not.toContain('FeedbackProvided');
    expect(then.body.timeline.length).toBeLessThan(now.body.timeline.length);

    // The list as of then: same report, then's status; a filter on today's status finds nothing then.
    const listThen = await get<{ items: Summary[] }>(
      `/v1/reports?owner=me&asOf=${encodeURIComponent(beforeFeedback)}`,
    );
    expect(listThen.body.items.map((r) => [r.reportId, r.status, r.feedback])).toEqual([
      [reportId, 'CREATED', null],
    ]);
    const answeredThen = await get<{ items: Summary[] }>(
      `/v1/reports?status=FEEDBACK_PROVIDED&asOf=${encodeURIComponent(beforeFeedback)}`,
    );
    expect(answeredThen.body.items).toEqual([]);
    await eventually(async () => {
      const listNow = await get<{ items: Summary[] }>('/v1/reports?owner=me');
      expect(listNow.body.items.map((r) => [r.reportId, r.status])).toEqual([
        [reportId, 'FEEDBACK_PROVIDED'],
      ]);
    });
    const asOfNow = await get<{ items: Summary[] }>(
      `/v1/reports?asOf=${encodeURIComponent(new Date().toISOString())}`,
    );
    expect(asOfNow.body.items.map((r) => [r.reportId, r.status, r.feedback])).toEqual([
      [reportId, 'FEEDBACK_PROVIDED', 'ACCEPTED'],
    ]);
  });

  it('before the report existed, the list is empty and the report is not found', async () => {
    const list = await get<{ items: Summary[] }>(`/v1/reports?asOf=${encodeURIComponent(beforeReport)}`);
    expect(list.body.items).toEqual([]);
    const one = await get<{ code: string }>(
      `/v1/reports/${reportId}?asOf=${encodeURIComponent(beforeReport)}`,
    );
    expect(one.status).toBe(404);
    expect(one.body.code).toBe('REPORT.NOT_FOUND');
  });

  it('a malformed asOf is a 400 naming asOf', async () => {
    for (const url of ['/v1/reports?asOf=yesterday', `/v1/reports/${reportId}?asOf=2026-13-45`]) {
      const res = await get<{ code: string; fields: { field: string }[] }>(url);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.fields.map((f) => f.field)).toEqual(['asOf']);
    }
  });
});
