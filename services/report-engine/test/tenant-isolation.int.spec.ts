import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AccountScored, RecordUpserted, Topics } from '@foresight/contracts';
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
import { ReportEngineConfig, reportEngineDefaults } from '../src/config';
import { CONSUMER_GROUPS } from '../src/consumer-groups';
import { DEFAULT_REPORT_SETTINGS } from '../src/report/domain/report-settings';
import { eventually, isolated, Upstream } from '@foresight/testing';

/**
 * Every route of report-engine, as the router has them, called by tenant A's owner (a real JWT from a real
 * identity) against tenant B: B's resources by id, and B named as the tenant everywhere a client
 * could. A new route is probed without touching this file; when a route takes a resource id, create
 * that resource for tenant B below and pass its id in `params` (keyed by the path parameter's name)
 * and its names in `markers`, so the probe hits real data rather than a random id.
 */
describe('report-engine: tenant isolation on every route', () => {
  const deployment = isolated('report-engine', uniqueName('rei').toLowerCase(), CONSUMER_GROUPS);
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
        name: 'report-engine',
        configClass: ReportEngineConfig,
        defaults: reportEngineDefaults,
        module: (config) => AppModule.register(config),
      },
      {
        ...process.env,
        ...identity.authEnv,
        LOG_LEVEL: 'warn',
        ...deployment.env,
      },
      kit,
    );
    await app.init();
    const fastify = app.getHttpAdapter().getInstance();
    await fastify.ready();

    // Tenant B's report, raised the way every report is: its account record, then a high score.
    upstream = await Upstream.connect();
    const accountId = randomUUID();
    const recordId = randomUUID();
    const accountName = `Victim Account ${deployment.env['CONSUMER_GROUP_SUFFIX']}`;
    await upstream.publish(
      Topics.ingestionRecords,
      accountId,
      { type: RecordUpserted.type, tenantId: b.tenantId, stream: `record-${recordId}` },
      {
        recordId,
        entity: 'account',
        source: 'crm',
        externalId: 'victim-1',
        accountId,
        at: new Date().toISOString(),
        change: 'created',
        changedFields: [],
        data: { name: accountName, lifecycle: 'customer', ownerEmail: b.owner.email },
      },
    );
    await upstream.publish(
      Topics.scoringAccountScores,
      accountId,
      { type: AccountScored.type, tenantId: b.tenantId },
      {
        accountId,
        outcome: 'CHURN',
        probability: 0.91,
        prediction: 1,
        confidence: 'high',
        modelVersion: 'victim-model',
        topContributors: [],
        scoredAt: new Date().toISOString(),
      },
    );
    const asB = { authorization: `Bearer ${b.owner.accessToken}` };
    const reportOfB = async () => {
      const res = await fastify.inject({ method: 'GET', url: '/v1/reports?owner=me', headers: asB });
      const [report] = (res.json() as { items: { reportId: string; status: string }[] }).items;
      expect(report?.status).toBe('CREATED');
      return report!;
    };
    const { reportId } = await eventually(reportOfB, 30_000);

    const report = await checkTenantIsolation({
      app,
      caller,
      victim: {
        ...victim,
        params: { id: reportId },
        markers: [...(victim.markers ?? []), accountName, accountId],
      },
      bodies: {
        'POST /v1/reports/:id/feedback': { outcome: 'DISMISSED', note: 'not mine' },
        'PUT /v1/reports/:id/outcome': { outcome: 'churned', revenueImpact: -1, note: 'not mine' },
        'POST /v1/reports/:id/snooze': {
          until: new Date(Date.now() + 86_400_000).toISOString(),
          reason: 'not mine',
        },
        'PUT /v1/reports/settings': { ...DEFAULT_REPORT_SETTINGS, renewalWindowDays: 7 },
        'POST /v1/admin/reports/delete': { accountId },
        'POST /v1/admin/reports/load': {},
        'POST /v1/admin/reports/notify': {},
        'POST /v1/admin/reports/audit': { at: new Date(Date.now() + 400 * 86_400_000).toISOString() },
      },
      victimIntact: async () => {
        const res = await fastify.inject({ method: 'GET', url: `/v1/reports/${reportId}`, headers: asB });
        const one = res.json() as { status: string; feedback: unknown };
        if (one.status !== 'CREATED' || one.feedback !== null)
          throw new Error(`B's report is now ${one.status} with feedback ${JSON.stringify(one.feedback)}`);
        const outcome = await fastify.inject({
          method: 'GET',
          url: `/v1/reports/${reportId}/outcome`,
          headers: asB,
        });
        if (outcome.statusCode !== 404) throw new Error(`B's report has an outcome now: ${outcome.body}`);
        // Deleted or snoozed would leave the status alone: the list row and the stream tell.
        const listed = await fastify.inject({ method: 'GET', url: '/v1/reports?owner=me', headers: asB });
        const row = (listed.json() as { items: { reportId: string }[] }).items.find(
          (r) => r.reportId === reportId,
        );
        if (!row) throw new Error("B's report left B's list");
        if (JSON.stringify(one).includes('not mine'))
          throw new Error("B's report carries A's snooze or feedback");
        const settings = await fastify.inject({ method: 'GET', url: '/v1/reports/settings', headers: asB });
        if ((settings.json() as { version: number }).version !== 0)
          throw new Error("B's settings were changed");
      },
    });
    console.log(formatIsolationReport('report-engine', report));
    expect(report.violations).toEqual([]);
    expect(report.routes.filter((r) => r.kind === 'guarded').map((r) => r.route)).toEqual(
      expect.arrayContaining([
        'GET /v1/reports',
        'GET /v1/reports/:id',
        'POST /v1/reports/:id/feedback',
        'GET /v1/reports/mine',
        'GET /v1/reports/previews',
        'PUT /v1/reports/:id/outcome',
        'GET /v1/reports/:id/outcome',
        'GET /v1/outcomes/summary',
        'POST /v1/reports/:id/snooze',
        'DELETE /v1/reports/:id',
        'GET /v1/reports/settings',
        'PUT /v1/reports/settings',
        'POST /v1/admin/reports/load',
        'POST /v1/admin/reports/notify',
        'POST /v1/admin/reports/audit',
        'POST /v1/admin/reports/delete',
        'GET /v1/admin/jobs/:id',
      ]),
    );
  });
});
