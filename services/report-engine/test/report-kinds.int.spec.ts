import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AccountScored, RecordUnresolvable, RecordUpserted, Topics } from '@foresight/contracts';
import * as kit from '@foresight/service-kit';
import {
  createTestApp,
  createTestTenant,
  eventually,
  isolated,
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

interface Summary {
  reportId: string;
  kind: string;
  status: string;
  subject: { type: string; id: string; accountId: string };
  score: number;
}
interface Job {
  jobId: string;
  status: string;
  counts: { processed: number; changed: number; skipped: number; failed: number };
  durationMs: number | null;
}

const DAY = 86_400_000;

/**
 * Every kind raised from its inputs, one report per family, signal cleared, unresolvable → EXPIRED,
 * TTL expiry and the admin batch jobs, over real Kafka, the PostgreSQL event store and FerretDB:
 * report-engine in-process, its inputs published as ingestion and ml-scoring publish them.
 */
describe('report-engine: kinds, families, lifecycle and admin jobs', () => {
  const deployment = isolated('report-engine', uniqueName('rek').toLowerCase(), CONSUMER_GROUPS);
  let identity: TestIdentity;
  let tenant: TestTenant;
  let app: NestFastifyApplication;
  let upstream: Upstream;
  let auth: { authorization: string };

  const inject = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => {
    const fastify = app.getHttpAdapter().getInstance();
    const res = await fastify.inject({ method, url, headers: auth, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: (res.body ? res.json() : null) as Record<string, unknown> };
  };
  const reportsOf = async (accountId: string | null): Promise<Summary[]> => {
    const all: Summary[] = [];
    let cursor: string | undefined;
    do {
      const { body } = await inject('GET', `/v1/reports?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      all.push(...(body['items'] as Summary[]));
      cursor = body['nextCursor'] as string | undefined;
    } while (cursor);
    return accountId === null ? all : all.filter((r) => r.subject.accountId === accountId);
  };
  const until = <T>(check: () => Promise<T>) => eventually(check, 45_000, 300);

  const record = (entity: string, accountId: string, recordId: string, data: object) =>
    upstream.publish(
      Topics.ingestionRecords,
      accountId,
      {
        type: RecordUpserted.type,
        tenantId: tenant.tenantId,
        stream: `record-${recordId}`,
        source: 'ingestion',
      },
      {
        recordId,
        entity,
        source: 'crm',
        externalId: `${entity}-${recordId.slice(0, 8)}`,
        accountId,
        at: new Date().toISOString(),
        change: 'created',
        changedFields: [],
        data,
      },
    );
  const account = (accountId: string, name: string) =>
    record('account', accountId, accountId, {
      name,
      lifecycle: 'customer',
      arr: 60_000,
      ownerEmail: tenant.owner.email,
    });
  const score = (accountId: string, outcome: 'CHURN' | 'EXPANSION', probability: number) =>
    upstream.publish(
      Topics.scoringAccountScores,
      accountId,
      {
        type: AccountScored.type,
        tenantId: tenant.tenantId,
        stream: `score-${outcome}-${accountId}`,
        source: 'ml-scoring',
      },
      {
        accountId,
        outcome,
        probability,
        prediction: probability >= 0.5 ? 1 : 0,
        confidence: 'high',
        modelVersion: `${outcome.toLowerCase()}-test`,
        topContributors: [{ feature: 'actionsTrend', contribution: 0.7 }],
        scoredAt: new Date().toISOString(),
      },
    );
  const runJob = async (operation: string, body: object = {}): Promise<Job> => {
    const started = await inject('POST', `/v1/admin/reports/${operation}`, body);
    expect(started.status).toBe(202);
    const jobId = started.body['jobId'] as string;
    return until(async () => {
      const { body: job } = await inject('GET', `/v1/admin/jobs/${jobId}`);
      expect(job['status']).toBe('COMPLETED');
      return job as unknown as Job;
    });
  };

  const startApp = async () => {
    const started = await createTestApp(
      {
        name: 'report-engine',
        configClass: ReportEngineConfig,
        defaults: reportEngineDefaults,
        module: (config) => AppModule.register(config),
      },
      { ...process.env, ...identity.authEnv, LOG_LEVEL: 'warn', ...deployment.env },
      kit,
    );
    await started.init();
    await started.getHttpAdapter().getInstance().ready();
    return started;
  };

  beforeAll(async () => {
    identity = await startTestIdentity();
    tenant = await createTestTenant(identity);
    auth = { authorization: `Bearer ${tenant.owner.accessToken}` };
    app = await startApp();
    upstream = await Upstream.connect();
  });

  afterAll(async () => {
    await app?.close();
    await upstream?.close();
    await deployment.drop();
    await identity?.stop();
  });

  it('settings: defaults at version 0; a flapping band is refused naming the field; a change is version 1', async () => {
    const initial = await inject('GET', '/v1/reports/settings');
    expect(initial.status).toBe(200);
    expect(initial.body).toMatchObject({ version: 0, settings: { renewalWindowDays: 90 } });
    const settings = initial.body['settings'] as { thresholds: Record<string, object> };
    const flapping = await inject('PUT', '/v1/reports/settings', {
      ...settings,
      thresholds: { ...settings.thresholds, UPSELL: { enter: 0.7, exit: 0.75 } },
    });
    expect(flapping.status).toBe(422);
    expect(flapping.body['fields']).toEqual(['thresholds.UPSELL.exit']);
    const missing = await inject('PUT', '/v1/reports/settings', {
      ...settings,
      renewalWindowDays: undefined,
    });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body['fields'])).toContain('renewalWindowDays');
    const saved = await inject('PUT', '/v1/reports/settings', { ...settings, renewalWindowDays: 120 });
    expect(saved.body).toMatchObject({ version: 1, settings: { renewalWindowDays: 120 } });
    expect(
      (await inject('PUT', '/v1/reports/settings', { ...settings, renewalWindowDays: 120 })).body,
    ).toMatchObject({
      version: 1,
    });
  });

  it('one churn report per account: PARTIAL escalates to CRITICAL on the same report, then the signal clears', async () => {
    const accountId = randomUUID();
    await account(accountId, `Deltalight ${accountId.slice(0, 6)}`);
    await score(accountId, 'CHURN', 0.65);
    const [partial] = await until(async () => {
      const r = await reportsOf(accountId);
      expect(r).toEqual([expect.objectContaining({ kind: 'PARTIAL_CHURN', status: 'CREATED' })]);
      return r;
    });
    await score(accountId, 'CHURN', 0.92);
    await until(async () => {
      expect(await reportsOf(accountId)).toEqual([
        expect.objectContaining({ reportId: partial!.reportId, kind: 'CRITICAL_CHURN', score: 0.92 }),
      ]);
    });
    await score(accountId, 'CHURN', 0.3);
    await until(async () => {
      const r = await reportsOf(accountId);
      expect(r).toEqual([expect.objectContaining({ reportId: partial!.reportId, status: 'EXPIRED' })]);
    });
    const ended = await inject('GET', `/v1/reports/${partial!.reportId}`);
    expect(JSON.stringify(ended.body)).toMatch(/signal[_ ]cleared/);
  });

  it('EXPANSION on the account, REVENUE_AT_RISK on its contract (ARR at risk), UPSELL on its subscription', async () => {
    const accountId = randomUUID();
    const contractId = randomUUID();
    const subscriptionId = randomUUID();
    await account(accountId, `Globex ${accountId.slice(0, 6)}`);
    await record('contract', accountId, contractId, {
      externalId: 'C-77',
      accountExternalId: 'globex',
      arr: 72_000,
      startDate: new Date(Date.now() - 300 * DAY).toISOString().slice(0, 10),
      renewalDate: new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10),
      status: 'active',
    });
    await record('subscription', accountId, subscriptionId, {
      accountExternalId: 'globex',
      product: 'Analytics',
      plan: 'Team',
      units: 95,
      unitLimit: 100,
      status: 'active',
      mrr: 1_200,
      startDate: '2025-01-01',
    });
    await score(accountId, 'EXPANSION', 0.82);
    await score(accountId, 'CHURN', 0.66);
    const reports = await until(async () => {
      const r = await reportsOf(accountId);
      expect(r.map((x) => x.kind).sort()).toEqual([
        'EXPANSION',
        'PARTIAL_CHURN',
        'REVENUE_AT_RISK',
        'UPSELL',
      ]);
      return r;
    });
    expect(reports.find((r) => r.kind === 'REVENUE_AT_RISK')?.subject).toEqual({
      type: 'contract',
      id: contractId,
      accountId,
    });
    expect(reports.find((r) => r.kind === 'UPSELL')?.subject).toEqual({
      type: 'product',
      id: subscriptionId,
      accountId,
    });
    const rar = reports.find((r) => r.kind === 'REVENUE_AT_RISK')!;
    const one = await inject('GET', `/v1/reports/${rar.reportId}`);
    expect(JSON.stringify(one.body)).toContain('"arrAtRisk":72000');
  });

  it('an account unresolvable at its source → its open reports EXPIRED source_unresolvable', async () => {
    const accountId = randomUUID();
    await account(accountId, `Initech ${accountId.slice(0, 6)}`);
    await score(accountId, 'CHURN', 0.9);
    await until(async () =>
      expect(await reportsOf(accountId)).toEqual([expect.objectContaining({ status: 'CREATED' })]),
    );
    await upstream.publish(
      Topics.ingestionRecords,
      accountId,
      {
        type: RecordUnresolvable.type,
        tenantId: tenant.tenantId,
        stream: `record-${accountId}`,
        source: 'ingestion',
      },
      {
        recordId: accountId,
        entity: 'account',
        source: 'crm',
        externalId: `account-${accountId.slice(0, 8)}`,
        accountId,
        at: new Date().toISOString(),
        reason: 'merged into another account upstream',
      },
    );
    const [expired] = await until(async () => {
      const r = await reportsOf(accountId);
      expect(r).toEqual([expect.objectContaining({ status: 'EXPIRED' })]);
      return r;
    });
    const one = await inject('GET', `/v1/reports/${expired!.reportId}`);
    expect(JSON.stringify(one.body)).toMatch(/unresolvable at its source/);
  });

  it('admin jobs: load and notify change nothing on a second run; audit past the TTL expires what is open, once', async () => {
    const load = await runJob('load');
    expect(load.counts.failed).toBe(0);
    expect((await runJob('load')).counts).toMatchObject({ changed: 0, failed: 0 });
    expect((await runJob('notify')).counts).toMatchObject({ changed: 0, failed: 0 });

    const open = async () => {
      const { body } = await inject('GET', '/v1/reports?limit=100&status=CREATED');
      return body['items'] as Summary[];
    };
    const before = await open();
    expect(before.length).toBeGreaterThan(0);
    // 200 days on: past every default TTL (the longest, REVENUE_AT_RISK, is 120 days).
    const at = new Date(Date.now() + 200 * DAY).toISOString();
    const audit = await runJob('audit', { at });
    // One account's reports may all end on its first report's judging (a renewal past, a TTL), so
    // changes are counted per item that appended, not per report ended.
    expect(audit.counts).toMatchObject({ processed: before.length, failed: 0 });
    expect(audit.counts.changed).toBeGreaterThan(0);
    expect(audit.durationMs).not.toBeNull();
    await until(async () => expect(await open()).toEqual([]));
    const expired = await inject('GET', `/v1/reports/${before[0]!.reportId}`);
    expect(expired.body).toMatchObject({ status: 'EXPIRED' });
    expect((await runJob('audit', { at })).counts).toMatchObject({ changed: 0, failed: 0 });
  });

  it('snooze and delete: a report is snoozed with a reason; deleted, it leaves the list and stays readable as a stream', async () => {
    const accountId = randomUUID();
    await account(accountId, `Umbrella ${accountId.slice(0, 6)}`);
    await score(accountId, 'EXPANSION', 0.9);
    const [report] = await until(async () => {
      const r = await reportsOf(accountId);
      expect(r).toEqual([expect.objectContaining({ kind: 'EXPANSION', status: 'CREATED' })]);
      return r;
    });
    const past = await inject('POST', `/v1/reports/${report!.reportId}/snooze`, {
      until: new Date(Date.now() - DAY).toISOString(),
      reason: 'too late',
    });
    expect(past.status).toBe(422);
    expect(past.body['field']).toBe('until');
    const snoozed = await inject('POST', `/v1/reports/${report!.reportId}/snooze`, {
      until: new Date(Date.now() + 14 * DAY).toISOString(),
      reason: 'customer on holiday',
    });
    expect(snoozed).toMatchObject({ status: 200, body: { status: 'CREATED' } });

    expect((await inject('DELETE', `/v1/reports/${report!.reportId}?reason=test`)).status).toBe(204);
    expect((await inject('DELETE', `/v1/reports/${report!.reportId}`)).status).toBe(204);
    await until(async () => expect(await reportsOf(accountId)).toEqual([]));

    const other = randomUUID();
    await account(other, `Hooli ${other.slice(0, 6)}`);
    await score(other, 'EXPANSION', 0.9);
    await until(async () => expect(await reportsOf(other)).toHaveLength(1));
    const refused = await inject('POST', '/v1/admin/reports/delete', {});
    expect(refused.status).toBe(422);
    const bulk = await runJob('delete', { accountId: other });
    expect(bulk.counts).toMatchObject({ processed: 1, changed: 1, failed: 0 });
    await until(async () => expect(await reportsOf(other)).toEqual([]));
  });

  it('a job interrupted by a restart resumes where it stopped and completes, changing nothing twice', async () => {
    // More accounts than one page (100), so the restart falls between recorded pages.
    const accounts = Array.from({ length: 130 }, () => randomUUID());
    for (const [i, id] of accounts.entries()) {
      await account(id, `Resume ${i}`);
      await score(id, 'CHURN', 0.65);
    }
    const ours = new Set<string>(accounts);
    await until(async () => {
      const all = await reportsOf(null);
      expect(all.filter((r) => ours.has(r.subject.accountId))).toHaveLength(accounts.length);
    });
    const started = await inject('POST', '/v1/admin/reports/load', {});
    expect(started.status).toBe(202);
    const jobId = started.body['jobId'] as string;
    await app.close();
    app = await startApp();
    const job = await until(async () => {
      const { body } = await inject('GET', `/v1/admin/jobs/${jobId}`);
      expect(body['status']).toBe('COMPLETED');
      return body as unknown as Job;
    });
    // Every account seen once, none failed: resumed from the recorded cursor, not from the start.
    expect(job.counts.failed).toBe(0);
    expect(job.counts.processed).toBeGreaterThanOrEqual(accounts.length);
    expect((await runJob('load')).counts).toMatchObject({ changed: 0, failed: 0 });
  });
});
