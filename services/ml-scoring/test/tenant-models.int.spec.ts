import { randomUUID } from 'node:crypto';
import {
  AccountFeaturesChanged,
  AccountScoredPayload,
  OutcomeObserved,
  OutcomeObservedPayload,
  RecordUpserted,
  RecordUpsertedPayload,
  Topics,
  UsageRecorded,
  UsageRecordedPayload,
  HEADER,
  SCORING_PROTO,
} from '@foresight/contracts';
import { credentials, loadPackageDefinition, Metadata, ServiceError, status } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import {
  createTestTenant,
  freePort,
  infra,
  pollUntil as eventually,
  SourceProcess,
  startTestIdentity,
  testEnvelope as envelope,
  TestIdentity,
  TestPublisher,
  TestTenant,
  TopicWatcher,
} from '@foresight/testing';
import { decliningAccount } from './support/accounts';
import { startMlScoring } from './support/ml-process';

const DAY_MS = 86_400_000;

interface ModelDetail {
  modelId: string;
  version: string | null;
  status: string;
  outcome: string;
  failure: { reason: string } | null;
  trainingSet: { rows: number; positives: number; accounts: number; cutoffs: { first: string } } | null;
  metrics: { cv: { folds: number; rocAuc: { mean: number } }; test: { rocAuc: number } } | null;
  curves: { roc: { fpr: number; tpr: number }[]; pr: unknown[]; calibration: unknown[] } | null;
  importance: { feature: string; importance: number }[];
  profile: { positives: number } | null;
}

/**
 * A tenant's CHURN model trained through the API on history that reached ml-scoring the way ingestion
 * publishes it (account records, usage rows with their own times, outcome facts), promoted, and then
 * serving reactive scores that name it and the inputs they read.
 */
describe('ml-scoring: tenant models trained on ingested history', () => {
  let identity: TestIdentity;
  let ml: SourceProcess;
  let tenant: TestTenant;
  let other: TestTenant;
  let publisher: TestPublisher;
  let scores: TopicWatcher<AccountScoredPayload>;
  const accounts = Array.from({ length: 90 }, (_, i) => ({ id: randomUUID(), churns: i % 3 === 0, i }));
  const churners = accounts.filter((a) => a.churns).length;
  let churnModel: ModelDetail;
  let grpcPort: number;

  type Unary = (
    req: object,
    md: Metadata,
    cb: (e: ServiceError | null, r: Record<string, unknown>) => void,
  ) => void;
  const grpcCall = (method: 'Predict' | 'PredictBatch', request: object, who?: TestTenant) => {
    const pkg = loadPackageDefinition(
      loadSync(SCORING_PROTO, { keepCase: true, longs: Number, enums: String, defaults: true }),
    ) as unknown as {
      scoring: {
        v1: { Scoring: new (url: string, c: unknown) => Record<string, Unary> & { close(): void } };
      };
    };
    const client = new pkg.scoring.v1.Scoring(`127.0.0.1:${grpcPort}`, credentials.createInsecure());
    const md = new Metadata();
    if (who) md.set('authorization', `Bearer ${who.owner.accessToken}`);
    return new Promise<{ error: ServiceError | null; body: Record<string, unknown> | undefined }>((resolve) =>
      client[method]!.call(client, request, md, (error, body) => {
        client.close();
        resolve({ error, body });
      }),
    );
  };

  const call = async <T>(
    who: TestTenant,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${ml.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${who.owner.accessToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T };
  };

  const finished = (modelId: string) =>
    eventually(async () => {
      const res = await call<ModelDetail>(tenant, 'GET', `/v1/models/${modelId}`);
      return res.status === 200 && res.body.status !== 'training' ? res.body : undefined;
    }, 60_000);

  /** Most churners' usage slides in the two months before the cut-off (asOf − 90 days); the others' grows. */
  async function publishHistory(now: number): Promise<void> {
    const cutoff = now - 90 * DAY_MS;
    for (const a of accounts) {
      const externalId = `acct-${a.i}`;
      const record: RecordUpsertedPayload = {
        recordId: a.id,
        entity: 'account',
        source: 'test-crm',
        externalId,
        accountId: a.id,
        at: new Date(now - 400 * DAY_MS).toISOString(),
        change: 'created',
        changedFields: [],
        data: {
          externalId,
          name: `Account ${a.i}`,
          lifecycle: 'customer',
          closeDate: new Date(now - 700 * DAY_MS).toISOString(),
          industry: a.i % 2 ? 'COMPUTER_SOFTWARE' : 'RETAIL',
          employeeRange: '51 to 200',
          webRank: 100_000 + a.i * 1000,
          arr: 36_000,
        },
      };
      await publisher.publish(
        Topics.ingestionRecords,
        a.id,
        envelope(RecordUpserted.type, tenant.tenantId, {
          service: 'ingestion',
          stream: `record-${a.id}`,
          revision: 0,
        }),
        record,
      );
      const rows = Array.from({ length: 34 }, (_, w) => {
        const at = now - (240 - w * 7) * DAY_MS;
        const beforeSlide = at < cutoff - 60 * DAY_MS;
        // One churner in five gave no sign in its usage: the model cannot be perfect.
        const slides = a.churns && a.i % 15 !== 0;
        const level = slides ? (beforeSlide ? 1 : 0.15 + (a.i % 5) * 0.03) : 1 + w / 40 + (a.i % 4) * 0.05;
        const n = (base: number) => Math.round(base * level);
        return {
          at: new Date(at).toISOString(),
          actions: { contacts: n(400), companies: n(120), deals: n(60), email: n(300) },
          users: { contacts: n(12), companies: n(6), deals: n(4), email: n(6) },
        };
      });
      const usage: UsageRecordedPayload = {
        accountId: a.id,
        accountExternalId: externalId,
        source: 'test-product',
        rows,
        at: new Date(now).toISOString(),
      };
      await publisher.publish(
        Topics.ingestionUsage,
        a.id,
        envelope(UsageRecorded.type, tenant.tenantId, {
          service: 'ingestion',
          stream: `usage-${a.id}`,
          revision: 0,
        }),
        usage,
      );
      if (a.churns) {
        const fact: OutcomeObservedPayload = {
          factId: randomUUID(),
          accountId: a.id,
          fact: 'contract_ended',
          subjectType: 'contract',
          subjectId: randomUUID(),
          amountBefore: 36_000,
          amountAfter: 0,
          effectiveAt: new Date(cutoff + 30 * DAY_MS).toISOString(),
          at: new Date(now).toISOString(),
        };
        await publisher.publish(
          Topics.ingestionOutcomeFacts,
          a.id,
          envelope(OutcomeObserved.type, tenant.tenantId, {
            service: 'ingestion',
            stream: `facts-${a.id}`,
            revision: 0,
          }),
          fact,
        );
      }
    }
  }

  beforeAll(async () => {
    const { kafkaBrokers } = await infra();
    identity = await startTestIdentity();
    tenant = await createTestTenant(identity);
    other = await createTestTenant(identity);
    publisher = await TestPublisher.connect(kafkaBrokers);
    grpcPort = await freePort();
    ml = await startMlScoring(identity.authEnv, { GRPC_PORT: String(grpcPort) });
    scores = await TopicWatcher.start(kafkaBrokers, Topics.scoringAccountScores, tenant.tenantId);
    await publishHistory(Date.now());
  });

  afterAll(async () => {
    await scores?.stop();
    await publisher?.close();
    await ml?.stop();
    await identity?.stop();
  });

  it('trains a CHURN model through the API on the ingested history, with metrics, curves and its training set', async () => {
    const config = {
      outcome: 'CHURN',
      algorithm: 'random_forest',
      hyperparameters: { trees: 100 },
      cvFolds: 3,
      minPositives: 10,
      seed: 7,
    };
    // The history arrives asynchronously; a run sees what is recorded when it starts, so train
    // (under a new key) until a run saw all of it.
    churnModel = await eventually(async () => {
      const started = await call<{ modelId: string; status: string }>(tenant, 'POST', '/v1/models', config, {
        'idempotency-key': randomUUID(),
      });
      expect(started.status).toBe(202);
      expect(started.body.status).toBe('training');
      const run = await finished(started.body.modelId);
      // Records, usage and facts arrive on three topics: a run must have seen every account and every fact.
      const seen = run.trainingSet;
      return seen?.rows === accounts.length && seen.positives === churners ? run : undefined;
    }, 120_000);

    expect(churnModel.status).toBe('trained');
    expect(churnModel.trainingSet).toMatchObject({ rows: accounts.length, positives: churners });
    expect(churnModel.metrics!.cv.folds).toBe(3);
    // A fifth of the churners gave no sign in their usage, and folds follow the random ids: well above chance, not perfect.
    expect(churnModel.metrics!.cv.rocAuc.mean).toBeGreaterThan(0.7);
    expect(churnModel.curves!.roc.length).toBeGreaterThan(1);
    expect(churnModel.curves!.calibration.length).toBeGreaterThan(0);
    expect(churnModel.importance.length).toBeGreaterThan(0);
    expect(churnModel.profile!.positives).toBe(churners);
    console.log(
      `ml-scoring: tenant CHURN random forest on ${churnModel.trainingSet!.rows} point-in-time samples ` +
        `(${churnModel.trainingSet!.positives} churners): CV ROC-AUC ${churnModel.metrics!.cv.rocAuc.mean.toFixed(4)}, ` +
        `test ROC-AUC ${churnModel.metrics!.test.rocAuc.toFixed(4)}; top feature ${churnModel.importance[0]?.feature}`,
    );

    const list = await call<{ items: { modelId: string }[] }>(tenant, 'GET', '/v1/models?outcome=CHURN');
    expect(list.body.items.map((m) => m.modelId)).toContain(churnModel.modelId);
  });

  it('fails a run with too few positives, with its reason, and refuses to promote it', async () => {
    const started = await call<{ modelId: string }>(tenant, 'POST', '/v1/models', {
      outcome: 'EXPANSION',
      algorithm: 'logistic_regression',
    });
    expect(started.status).toBe(202);
    const run = await finished(started.body.modelId);
    expect(run.status).toBe('failed');
    expect(run.failure!.reason).toMatch(/too few/);
    const promote = await call<{ code: string }>(
      tenant,
      'POST',
      `/v1/models/${started.body.modelId}/promote`,
    );
    expect(promote.status).toBe(409);
    expect(promote.body.code).toBe('MODEL.INVALID_TRANSITION');
  });

  it('refuses a configuration the pipeline cannot train, naming the field', async () => {
    const res = await call<{ fields: { field: string }[] }>(tenant, 'POST', '/v1/models', {
      outcome: 'CHURN',
      algorithm: 'random_forest',
      hyperparameters: { trees: 0 },
    });
    expect(res.status).toBe(422);
    expect(res.body.fields.map((f) => f.field)).toContain('hyperparameters.trees');
  });

  it('serves reactive scores with the promoted model, naming it and the inputs it read', async () => {
    const promote = await call<{ status: string }>(
      tenant,
      'POST',
      `/v1/models/${churnModel.modelId}/promote`,
    );
    expect(promote).toEqual({ status: 200, body: { modelId: churnModel.modelId, status: 'promoted' } });
    await eventually(async () => {
      const res = await call<ModelDetail>(tenant, 'GET', `/v1/models/${churnModel.modelId}`);
      return res.body.status === 'promoted' ? true : undefined;
    });

    const churner = accounts.find((a) => a.churns)!;
    const trigger = envelope(AccountFeaturesChanged.type, tenant.tenantId, {
      service: 'ingestion',
      stream: `features-${churner.id}`,
      revision: 0,
    });
    await publisher.publish(Topics.ingestionAccountFeatures, churner.id, trigger, {
      accountId: churner.id,
      features: decliningAccount(churner.id, new Date().toISOString()),
    });
    const scored = await scores.next(
      (m) => m.headers[HEADER.causationId] === trigger.eventId && m.payload.outcome === 'CHURN',
      30_000,
    );
    expect(scored.payload).toMatchObject({
      accountId: churner.id,
      outcome: 'CHURN',
      modelId: churnModel.modelId,
      modelVersion: churnModel.version,
      segment: 'all',
      fallback: false,
    });
    expect(scored.payload.featureHash).toMatch(/^[0-9a-f]{64}$/);
    expect(scored.payload.inputs).toEqual(
      expect.arrayContaining([
        { stream: `record-${churner.id}`, revision: 0 },
        { stream: `usage-${churner.id}`, revision: 0 },
      ]),
    );
    expect(scored.payload.topContributors.length).toBeGreaterThan(0);
    console.log(
      `ml-scoring: churner scored ${scored.payload.probability.toFixed(4)} by ${scored.payload.modelId} ` +
        `(top factor ${scored.payload.topContributors[0]?.feature})`,
    );

    const predicted = await call<{ modelId: string; fallback: boolean; predictions: { outcome: string }[] }>(
      tenant,
      'POST',
      '/v1/predict?outcome=CHURN',
      { accounts: [decliningAccount(randomUUID())] },
    );
    expect(predicted.status).toBe(200);
    expect(predicted.body).toMatchObject({ modelId: churnModel.modelId, fallback: false });
  });

  it('scores a shadow candidate beside the promoted model on the same accounts, and compares them', async () => {
    const started = await call<{ modelId: string }>(tenant, 'POST', '/v1/models', {
      outcome: 'CHURN',
      algorithm: 'logistic_regression',
      cvFolds: 3,
      minPositives: 10,
    });
    const candidate = await finished(started.body.modelId);
    expect(candidate.status).toBe('trained');
    const shadow = await call(tenant, 'POST', `/v1/models/${candidate.modelId}/shadow`);
    expect(shadow).toEqual({ status: 200, body: { modelId: candidate.modelId, status: 'shadow' } });
    await eventually(async () => {
      const res = await call<ModelDetail>(tenant, 'GET', `/v1/models/${candidate.modelId}`);
      return res.body.status === 'shadow' ? true : undefined;
    });

    const keeper = accounts.find((a) => !a.churns)!;
    await publisher.publish(
      Topics.ingestionAccountFeatures,
      keeper.id,
      envelope(AccountFeaturesChanged.type, tenant.tenantId, {
        service: 'ingestion',
        stream: `features-${keeper.id}`,
        revision: 0,
      }),
      { accountId: keeper.id, features: decliningAccount(keeper.id, new Date().toISOString()) },
    );
    const comparison = await eventually(async () => {
      const res = await call<{
        compared: number;
        agreement: number;
        servedModelIds: string[];
        largestDifferences: { accountId: string }[];
      }>(tenant, 'GET', `/v1/models/${candidate.modelId}/comparison`);
      return res.status === 200 && res.body.compared > 0 ? res.body : undefined;
    }, 30_000);
    expect(comparison.servedModelIds).toEqual([churnModel.modelId]);
    expect(comparison.largestDifferences.map((d) => d.accountId)).toContain(keeper.id);
    expect(comparison.agreement).toBeGreaterThanOrEqual(0);
    console.log(
      `ml-scoring: shadow ${candidate.modelId} vs promoted ${churnModel.modelId}: ${comparison.compared} account(s), agreement ${comparison.agreement}`,
    );
    expect((await call(other, 'GET', `/v1/models/${candidate.modelId}/comparison`)).status).toBe(404);
  });

  it('predicts over gRPC (scoring.v1.Scoring) with the promoted model, after authenticating the call', async () => {
    const churner = accounts.find((a) => a.churns && a.i % 15 !== 0)!;
    const keeper = accounts.find((a) => !a.churns)!;
    const values = (id: string, level: number) => ({
      account_id: id,
      numbers: {
        samples: 13,
        totalActions: Math.round(11_000 * level),
        actionsTrend: level < 1 ? -0.6 : 0.1,
      },
      categories: { employeeRange: '51 to 200' },
    });
    const anonymous = await grpcCall('Predict', {
      model: { outcome: 'CHURN' },
      account: values(churner.id, 0.2),
    });
    expect(anonymous.error?.code).toBe(status.UNAUTHENTICATED);

    const batch = await grpcCall(
      'PredictBatch',
      {
        model: { model_id: churnModel.modelId },
        accounts: [values(churner.id, 0.2), values(keeper.id, 1.2)],
      },
      tenant,
    );
    expect(batch.error).toBeNull();
    expect(batch.body).toMatchObject({
      model_id: churnModel.modelId,
      model_version: churnModel.version,
      outcome: 'CHURN',
    });
    const predictions = batch.body!['predictions'] as { account_id: string; probability: number }[];
    expect(predictions.map((p) => p.account_id)).toEqual([churner.id, keeper.id]);

    const single = await grpcCall(
      'Predict',
      { model: { outcome: 'CHURN' }, account: values(churner.id, 0.2) },
      tenant,
    );
    expect(single.error).toBeNull();
    expect((single.body!['prediction'] as { probability: number }).probability).toBeCloseTo(
      predictions[0]!.probability,
      10,
    );

    const foreign = await grpcCall(
      'Predict',
      { model: { model_id: churnModel.modelId }, account: values(churner.id, 0.2) },
      other,
    );
    expect(foreign.error?.code).toBe(status.NOT_FOUND);
  });

  it('gives another tenant none of it: not found to read, promote, retire or predict with', async () => {
    const id = churnModel.modelId;
    expect((await call(other, 'GET', `/v1/models/${id}`)).status).toBe(404);
    expect((await call(other, 'POST', `/v1/models/${id}/promote`)).status).toBe(404);
    expect((await call(other, 'POST', `/v1/models/${id}/retire`)).status).toBe(404);
    const predict = await call(
      other,
      'POST',
      `/v1/predict/single?modelId=${id}`,
      decliningAccount(randomUUID()),
    );
    expect(predict.status).toBe(404);
    const list = await call<{ items: unknown[] }>(other, 'GET', '/v1/models');
    expect(list.body.items).toEqual([]);
    // The other tenant's CHURN scores still come from the baseline, by name.
    const fallback = await call<{ modelId: string; fallback: boolean }>(other, 'POST', '/v1/predict', {
      accounts: [decliningAccount(randomUUID())],
    });
    expect(fallback.body).toMatchObject({ modelId: 'churn-baseline', fallback: true });
  });

  it('retires the promoted model; CHURN falls back to the baseline and says so', async () => {
    const retire = await call(tenant, 'POST', `/v1/models/${churnModel.modelId}/retire`);
    expect(retire).toEqual({ status: 200, body: { modelId: churnModel.modelId, status: 'retired' } });
    const after = await eventually(async () => {
      const res = await call<{ modelId: string; fallback: boolean }>(tenant, 'POST', '/v1/predict', {
        accounts: [decliningAccount(randomUUID())],
      });
      return res.body.fallback ? res.body : undefined;
    });
    expect(after.modelId).toBe('churn-baseline');
  });
});
