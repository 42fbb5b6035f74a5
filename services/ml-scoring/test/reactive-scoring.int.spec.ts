import { randomUUID } from 'node:crypto';
import {
  AccountFeatures,
  AccountFeaturesChanged,
  AccountFeaturesChangedPayload,
  AccountScoredPayload,
  AccountSignalChanged,
  AccountSignalChangedPayload,
  HEADER,
  Topics,
} from '@foresight/contracts';
import {
  createTestTenant,
  infra,
  SourceProcess,
  startTestIdentity,
  TestIdentity,
  TestTenant,
} from '@foresight/testing';
import { decliningAccount, healthyAccount } from './support/accounts';
import {
  testEnvelope as envelope,
  pollUntil as eventually,
  WatchedMessage as Received,
  TestPublisher,
  TopicWatcher,
} from '@foresight/testing';
import { startMlScoring } from './support/ml-process';

interface ModelView {
  modelId: string;
  version: string;
  scope: string;
  promoted: boolean;
  trainingMs: number;
  metrics: { rocAuc: number; evaluatedRows: number; trainedOn: number };
}

/**
 * ml-scoring as its own process: AccountFeaturesChanged (as ingestion's relay writes it) and
 * AccountSignalChanged (as voc-signals' relay writes it) in on Kafka, AccountScored out through
 * ml-scoring's relay, and the REST side on top.
 */
describe('ml-scoring: reactive scoring with the promoted baseline', () => {
  let identity: TestIdentity;
  let ml: SourceProcess;
  let tenant: TestTenant;
  let publisher: TestPublisher;
  let scores: TopicWatcher<AccountScoredPayload>;
  let startedInMs: number;
  let promoted: ModelView;
  const accountId = randomUUID();
  const declining = decliningAccount(accountId);
  const complaint: AccountSignalChangedPayload = {
    accountId,
    rollingSentiment: -0.905,
    latestNps: 3,
    negativeCount: 1,
    feedbackId: randomUUID(),
    sentiment: -0.905,
    at: '2025-06-16T08:00:00.000Z',
  };
  const featuresEnvelope = (revision: number) =>
    envelope(AccountFeaturesChanged.type, tenant.tenantId, {
      service: 'ingestion',
      stream: `features-${accountId}`,
      revision,
    });
  const signalEnvelope = (revision: number) =>
    envelope(AccountSignalChanged.type, tenant.tenantId, {
      service: 'voc-signals',
      stream: `voc-${accountId}`,
      revision,
    });
  const publishFeatures = (e: ReturnType<typeof featuresEnvelope>, features: AccountFeatures) =>
    publisher.publish(Topics.ingestionAccountFeatures, accountId, e, {
      accountId,
      features,
    } satisfies AccountFeaturesChangedPayload);
  const causedBy = (eventId: string) => (m: Received<AccountScoredPayload>) =>
    m.headers[HEADER.causationId] === eventId;
  const forAccount = () => scores.received.filter((m) => m.payload.accountId === accountId);
  const sent: { features?: ReturnType<typeof featuresEnvelope>; signal?: ReturnType<typeof signalEnvelope> } =
    {};

  const call = async <T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${ml.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${tenant.owner.accessToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T };
  };

  beforeAll(async () => {
    const { kafkaBrokers } = await infra();
    identity = await startTestIdentity();
    tenant = await createTestTenant(identity);
    publisher = await TestPublisher.connect(kafkaBrokers);
    const started = Date.now();
    ml = await startMlScoring(identity.authEnv);
    startedInMs = Date.now() - started;
    scores = await TopicWatcher.start(kafkaBrokers, Topics.scoringAccountScores, tenant.tenantId);
  });

  afterAll(async () => {
    await scores?.stop();
    await publisher?.close();
    await ml?.stop();
    await identity?.stop();
  });

  it('trains the baseline at start-up and lists it as the promoted model with its holdout metrics', async () => {
    const models = await eventually(async () => {
      const res = await call<{ items: unknown[]; fallback: ModelView[] }>('GET', '/v1/models');
      return res.status === 200 && res.body.fallback.length > 0 ? res.body.fallback : undefined;
    });
    expect(models).toHaveLength(1);
    promoted = models[0]!;
    expect(promoted).toMatchObject({ modelId: 'churn-baseline', scope: 'platform', promoted: true });
    expect(promoted.version).toMatch(/^churn-lr-[0-9a-f]{12}$/);
    expect(promoted.metrics.rocAuc).toBeGreaterThan(0.9);
    const logged = ml
      .log()
      .split('\n')
      .find((l) => l.includes('baseline churn model'));
    expect(logged).toBeDefined();
    console.log(
      `ml-scoring: baseline ${promoted.version} trained in ${promoted.trainingMs} ms at start-up ` +
        `(${promoted.metrics.trainedOn} accounts, holdout ROC-AUC ${promoted.metrics.rocAuc.toFixed(4)} on ` +
        `${promoted.metrics.evaluatedRows}); process ready in ${startedInMs} ms`,
    );
  });

  it("scores a declining account's features high, with the promoted model version", async () => {
    sent.features = featuresEnvelope(0);
    await publishFeatures(sent.features, declining);

    const scored = await scores.next(causedBy(sent.features.eventId));
    expect(scored.key).toBe(accountId);
    expect(scored.headers[HEADER.type]).toBe('AccountScored');
    expect(scored.headers[HEADER.source]).toBe('ml-scoring');
    expect(scored.payload).toMatchObject({
      accountId,
      outcome: 'CHURN',
      prediction: 1,
      modelVersion: promoted.version,
    });
    expect(scored.payload.probability).toBeGreaterThan(0.6);
    expect(scored.payload.topContributors.map((c) => c.feature)).toContain('actions_trend');
    console.log(`ml-scoring: declining account → churn probability ${scored.payload.probability.toFixed(4)}`);
  });

  it('rescores when a very negative NPS-3 signal arrives for the account, and the probability rises', async () => {
    sent.signal = signalEnvelope(0);
    await publisher.publish(Topics.vocAccountSignals, accountId, sent.signal, complaint);

    const first = await scores.next(causedBy(sent.features!.eventId));
    const rescored = await scores.next(causedBy(sent.signal.eventId));
    expect(rescored.payload.modelVersion).toBe(promoted.version);
    expect(rescored.payload.probability).toBeGreaterThan(first.payload.probability + 0.1);
    console.log(
      `ml-scoring: + voc signal (sentiment ${complaint.rollingSentiment}, NPS 3) → ` +
        `${first.payload.probability.toFixed(4)} → ${rescored.payload.probability.toFixed(4)}`,
    );
  });

  it('publishes no duplicate score when inputs are delivered again, even after newer ones', async () => {
    const praiseSignal = (revision: number, nps: number, sentiment: number): AccountSignalChangedPayload => ({
      ...complaint,
      rollingSentiment: sentiment,
      latestNps: nps,
      feedbackId: randomUUID(),
      sentiment,
      at: `2025-06-${String(17 + revision).padStart(2, '0')}T08:00:00.000Z`,
    });
    // Newer inputs first: usage recovers, the customer praises us.
    const recovered = featuresEnvelope(1);
    await publishFeatures(recovered, healthyAccount(accountId, '2025-06-23T00:00:00.000Z'));
    const praise = signalEnvelope(1);
    await publisher.publish(Topics.vocAccountSignals, accountId, praise, praiseSignal(1, 9, 0.6));
    await scores.next(causedBy(recovered.eventId));
    await scores.next(causedBy(praise.eventId));

    // Then the first inputs again, with their original ids, as a relay re-sending a batch after a
    // crash would: applied again, they would roll the account back and publish a stale score.
    await publishFeatures(sent.features!, declining);
    await publisher.publish(Topics.vocAccountSignals, accountId, sent.signal!, complaint);
    // And the same old facts under new ids (an upstream re-publication): older window, older revision.
    await publishFeatures(featuresEnvelope(0), declining);
    await publisher.publish(Topics.vocAccountSignals, accountId, signalEnvelope(0), complaint);
    // Per key and topic, messages are handled in order: once these are scored, the re-sent ones
    // before them have been handled.
    const slipping = featuresEnvelope(2);
    await publishFeatures(slipping, decliningAccount(accountId, '2025-06-30T00:00:00.000Z'));
    const angry = signalEnvelope(2);
    await publisher.publish(Topics.vocAccountSignals, accountId, angry, praiseSignal(2, 0, -1));
    await scores.next(causedBy(slipping.eventId));
    await scores.next(causedBy(angry.eventId));

    const causes = forAccount().map((m) => m.headers[HEADER.causationId]);
    expect(causes).toHaveLength(6);
    expect(new Set(causes)).toEqual(
      new Set([
        sent.features!.eventId,
        sent.signal!.eventId,
        recovered.eventId,
        praise.eventId,
        slipping.eventId,
        angry.eventId,
      ]),
    );
  });

  it('answers the latest score and its history over REST', async () => {
    const published = forAccount();
    const last = published[published.length - 1]!.payload;
    const score = await eventually(async () => {
      const res = await call<{ scoredCount: number; latest: { probability: number } }>(
        'GET',
        `/v1/scores/${accountId}`,
      );
      return res.status === 200 && res.body.scoredCount === 6 ? res.body : undefined;
    });
    expect(score).toMatchObject({
      accountId,
      outcome: 'CHURN',
      latest: { probability: last.probability, modelVersion: promoted.version },
    });
    const history = (score as unknown as { history: { probability: number }[] }).history;
    expect(history.map((h) => h.probability)).toEqual(published.map((m) => m.payload.probability).reverse());

    expect((await call('GET', `/v1/scores/${randomUUID()}`)).status).toBe(404);
    const bad = await call<{ fields: { field: string }[] }>('GET', '/v1/scores/not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f) => f.field)).toEqual(['accountId']);
  });

  it('predicts for one account and for a batch with the same model the stream scores with', async () => {
    const first = forAccount()[0]!.payload;
    const single = await call<{
      probability: number;
      modelVersion: string;
      prediction: number;
      confidence: string;
    }>('POST', '/v1/predict/single', declining);
    expect(single.status).toBe(200);
    expect(single.body).toMatchObject({ accountId, prediction: 1, modelVersion: promoted.version });
    expect(single.body.probability).toBeCloseTo(first.probability, 12);

    const healthy = healthyAccount(randomUUID());
    const batch = await call<{
      modelVersion: string;
      predictions: { accountId: string; probability: number }[];
    }>('POST', '/v1/predict', { accounts: [declining, healthy] });
    expect(batch.status).toBe(200);
    expect(batch.body.modelVersion).toBe(promoted.version);
    expect(batch.body.predictions.map((p) => p.accountId)).toEqual([accountId, healthy.accountId]);
    expect(batch.body.predictions[1]!.probability).toBeLessThan(0.2);
  });

  it('refuses invalid predict input with 400 naming the field', async () => {
    type Invalid = { fields: { field: string }[] };
    const fieldsOf = async (path: string, body: unknown) => {
      const res = await call<Invalid>('POST', path, body);
      expect(res.status).toBe(400);
      return res.body.fields.map((f) => f.field);
    };
    expect(await fieldsOf('/v1/predict/single', { ...declining, actionsTrend: 5 })).toEqual(['actionsTrend']);
    const { actions: _dropped, ...withoutActions } = declining;
    expect(await fieldsOf('/v1/predict/single', withoutActions)).toEqual(['actions']);
    // The tenant comes from the credentials: naming one's own is refused as a field, another's by the guard.
    expect(await fieldsOf('/v1/predict/single', { ...declining, tenantId: tenant.tenantId })).toEqual([
      'tenantId',
    ]);
    expect((await call('POST', '/v1/predict/single', { ...declining, tenantId: randomUUID() })).status).toBe(
      403,
    );
    expect(
      await fieldsOf('/v1/predict', { accounts: [declining, { ...declining, asOf: 'yesterday' }] }),
    ).toEqual(['accounts.1.asOf']);
    expect(await fieldsOf('/v1/predict', { accounts: [] })).toEqual(['accounts']);
    const tooMany = Array.from({ length: 1001 }, () => declining);
    expect(await fieldsOf('/v1/predict', { accounts: tooMany })).toEqual(['accounts']);
  });
});
