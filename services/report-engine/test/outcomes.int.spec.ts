import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  AccountScored,
  OutcomeObserved,
  RecordUpserted,
  ReportOutcomeRecorded,
  Topics,
} from '@foresight/contracts';
import * as kit from '@foresight/service-kit';
import {
  createTestApp,
  createTestTenant,
  eventually,
  isolated,
  listen,
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
 * The outcome ledger over real Kafka, PostgreSQL and FerretDB: ingestion's OutcomeObserved facts on
 * their topic set outcomes automatically, the owner sets them by hand, contradictions are Disputed,
 * every outcome leaves on reports.outcomes.v1, and the summary adds them up.
 */
describe('report-engine: outcome ledger', () => {
  const deployment = isolated('report-engine', uniqueName('reoc').toLowerCase(), CONSUMER_GROUPS);
  let identity: TestIdentity;
  let tenant: TestTenant;
  let app: NestFastifyApplication;
  let upstream: Upstream;
  let published: Awaited<ReturnType<typeof listen>>;

  type Fastify = ReturnType<NestFastifyApplication['getHttpAdapter']>['getInstance'] extends () => infer F
    ? F
    : never;
  let fastify: Fastify;
  const call = async <T>(method: 'GET' | 'PUT', url: string, payload?: object) => {
    const res = await fastify.inject({
      method,
      url,
      headers: { authorization: `Bearer ${tenant.owner.accessToken}` },
      ...(payload ? { payload } : {}),
    });
    return { status: res.statusCode, body: res.json() as T };
  };
  type Outcome = { outcome: string; revenueImpact: number; verification: string; confirmed: boolean };

  /** An account with its owner, then a critical churn score: one CREATED report. */
  async function raiseReport(name: string): Promise<{ accountId: string; reportId: string }> {
    const accountId = randomUUID();
    const recordId = randomUUID();
    await upstream.publish(
      Topics.ingestionRecords,
      accountId,
      { type: RecordUpserted.type, tenantId: tenant.tenantId, stream: `record-${recordId}` },
      {
        recordId,
        entity: 'account',
        source: 'crm',
        externalId: `oc-${recordId.slice(0, 8)}`,
        accountId,
        at: new Date().toISOString(),
        change: 'created',
        changedFields: [],
        data: { name, lifecycle: 'customer', arr: 48_000, ownerEmail: tenant.owner.email },
      },
    );
    await upstream.publish(
      Topics.scoringAccountScores,
      accountId,
      { type: AccountScored.type, tenantId: tenant.tenantId },
      {
        accountId,
        outcome: 'CHURN',
        probability: 0.9,
        prediction: 1,
        confidence: 'high',
        modelVersion: 'oc-model',
        topContributors: [],
        scoredAt: new Date().toISOString(),
      },
    );
    const report = await eventually(async () => {
      const res = await call<{ items: { reportId: string; status: string }[] }>(
        'GET',
        `/v1/reports/mine?subject=${accountId}`,
      );
      expect(res.body.items.map((r) => r.status)).toEqual(['CREATED']);
      return res.body.items[0]!;
    });
    return { accountId, reportId: report.reportId };
  }

  /** As ingestion publishes it; returns what was sent, so a test can deliver it again. */
  async function publishFact(
    accountId: string,
    fact: string,
    amountBefore: number | null,
    amountAfter: number | null,
  ) {
    const payload = {
      factId: randomUUID(),
      accountId,
      fact,
      subjectType: 'contract',
      subjectId: randomUUID(),
      amountBefore,
      amountAfter,
      effectiveAt: new Date().toISOString(),
      at: new Date().toISOString(),
    };
    const envelope = await upstream.publish(
      Topics.ingestionOutcomeFacts,
      accountId,
      { type: OutcomeObserved.type, tenantId: tenant.tenantId, source: 'ingestion' },
      payload,
    );
    return { envelope, payload };
  }

  const outcomeOf = (reportId: string) =>
    call<Outcome & { code?: string }>('GET', `/v1/reports/${reportId}/outcome`);

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
    // From the topic's beginning, filtered by tenant: nothing is missed; after start-up, which creates it.
    published = await listen(Topics.reportOutcomes, () => [tenant.tenantId]);
  });

  afterAll(async () => {
    await app?.close();
    await published?.stop();
    await upstream?.close();
    await deployment.drop();
    await identity?.stop();
  });

  let renewed: { accountId: string; reportId: string };
  let ended: { accountId: string; reportId: string };
  let byHand: { accountId: string; reportId: string };

  it('a contract renewal fact on the topic sets the outcome automatically, once, and publishes it', async () => {
    renewed = await raiseReport('Renewing Co');
    const none = await outcomeOf(renewed.reportId);
    expect([none.status, none.body.code]).toEqual([404, 'OUTCOME.NOT_RECORDED']);

    await publishFact(renewed.accountId, 'contract_renewed', 48_000, 48_000);
    const outcome = await eventually(async () => {
      const res = await outcomeOf(renewed.reportId);
      expect(res.status).toBe(200);
      return res.body;
    });
    expect(outcome).toMatchObject({
      outcome: 'renewed',
      revenueImpact: 48_000,
      verification: 'Verified',
      confirmed: false,
    });
    const [heard] = await eventually(async () => {
      const mine = published.heard.filter((h) => h.payload['reportId'] === renewed.reportId);
      expect(mine).toHaveLength(1);
      return mine;
    });
    expect(heard!.type).toBe(ReportOutcomeRecorded.type);
    expect(heard!.payload).toMatchObject({
      accountId: renewed.accountId,
      kind: 'CRITICAL_CHURN',
      subject: { type: 'account', id: renewed.accountId },
      outcome: 'renewed',
      revenueImpact: 48_000,
      verification: 'Verified',
    });
  });

  it('a redelivered fact records nothing more; a later fact changes the outcome', async () => {
    const account = await raiseReport('Redelivered Co');
    const first = await publishFact(account.accountId, 'contract_renewed', 20_000, 20_000);
    await eventually(async () => expect((await outcomeOf(account.reportId)).body.outcome).toBe('renewed'));
    // The same message again, then a later fact on the same account (same key: consumed after it).
    await upstream.send(Topics.ingestionOutcomeFacts, account.accountId, first.envelope, first.payload);
    await publishFact(account.accountId, 'contract_ended', 20_000, null);
    await eventually(async () => expect((await outcomeOf(account.reportId)).body.outcome).toBe('churned'));
    await eventually(async () => {
      const outcomes = published.heard
        .filter((h) => h.payload['reportId'] === account.reportId)
        .map((h) => h.payload['outcome']);
      expect(outcomes).toEqual(['renewed', 'churned']);
    });
  });

  it('an owner contradicting the facts makes the outcome Disputed; an outcome by hand alone is Pending', async () => {
    ended = await raiseReport('Leaving Co');
    await publishFact(ended.accountId, 'contract_ended', 30_000, null);
    await eventually(async () =>
      expect((await outcomeOf(ended.reportId)).body).toMatchObject({
        outcome: 'churned',
        verification: 'Verified',
      }),
    );
    const disputed = await call<Outcome>('PUT', `/v1/reports/${ended.reportId}/outcome`, {
      outcome: 'renewed',
      revenueImpact: 30_000,
      note: 'they signed a new paper contract',
    });
    expect(disputed.status).toBe(200);
    expect(disputed.body).toMatchObject({
      outcome: 'renewed',
      revenueImpact: 30_000,
      verification: 'Disputed',
    });
    expect((await outcomeOf(ended.reportId)).body).toMatchObject({ verification: 'Disputed' });

    byHand = await raiseReport('Told Us Co');
    const pending = await call<Outcome>('PUT', `/v1/reports/${byHand.reportId}/outcome`, {
      outcome: 'churned',
      revenueImpact: -25_000,
    });
    expect(pending.body).toMatchObject({ outcome: 'churned', verification: 'Pending', confirmed: true });

    const bad = await call<{ code: string; fields: { field: string }[] }>(
      'PUT',
      `/v1/reports/${byHand.reportId}/outcome`,
      {
        outcome: 'won',
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f) => f.field)).toEqual(['outcome']);
  });

  it('the summary adds them up per kind, owner and month', async () => {
    const summary = await eventually(async () => {
      const res = await call<{
        total: Record<string, number | null>;
        byKind: ({ kind: string } & Record<string, number | null>)[];
        byOwner: ({ ownerEmail: string } & Record<string, number | null>)[];
        byPeriod: ({ period: string } & Record<string, number | null>)[];
      }>('GET', '/v1/outcomes/summary?owner=me');
      expect(res.status).toBe(200);
      expect(res.body.total['withOutcome']).toBe(4);
      expect(res.body.total['disputed']).toBe(1);
      return res.body;
    });
    // renewed (saved, not confirmed), redelivered → churned (confirmed), ended (Disputed), by hand (churned, Pending).
    expect(summary.total).toEqual({
      withOutcome: 4,
      confirmed: 2,
      verified: 2,
      pending: 1,
      disputed: 1,
      precision: 2 / 3,
      revenueAtRiskSaved: 48_000,
      expansionWon: 0,
    });
    expect(summary.byKind.map((k) => [k.kind, k['withOutcome']])).toEqual([['CRITICAL_CHURN', 4]]);
    expect(summary.byOwner.map((o) => [o.ownerEmail, o['withOutcome']])).toEqual([[tenant.owner.email, 4]]);
    expect(summary.byPeriod.map((p) => [p.period, p['withOutcome']])).toEqual([
      [new Date().toISOString().slice(0, 7), 4],
    ]);

    const future = await call<{ total: { withOutcome: number } }>(
      'GET',
      '/v1/outcomes/summary?from=2099-01-01T00:00:00Z',
    );
    expect(future.body.total.withOutcome).toBe(0);
    const badRange = await call<{ fields: { field: string }[] }>('GET', '/v1/outcomes/summary?from=soon');
    expect(badRange.status).toBe(400);
    expect(badRange.body.fields.map((f) => f.field)).toEqual(['from']);
  });
});
