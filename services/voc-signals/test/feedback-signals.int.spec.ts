import { randomUUID } from 'node:crypto';
import {
  AccountSignalChangedPayload,
  DLQ_HEADER,
  dlqOf,
  FeedbackReceived,
  FeedbackReceivedPayload,
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
import {
  testEnvelope as envelope,
  pollUntil as eventually,
  TestPublisher,
  TopicWatcher,
} from '@foresight/testing';
import { startVocSignals } from './support/voc-process';

/**
 * voc-signals as its own process: FeedbackReceived in on Kafka exactly as ingestion's relay writes
 * it, AccountSignalChanged out through voc-signals' relay, and the REST read side on top.
 */
describe('voc-signals: feedback in, account signals out', () => {
  let identity: TestIdentity;
  let voc: SourceProcess;
  let tenant: TestTenant;
  let publisher: TestPublisher;
  let signals: TopicWatcher<AccountSignalChangedPayload>;
  const accountId = randomUUID();
  const complaint: FeedbackReceivedPayload = {
    feedbackId: randomUUID(),
    accountId,
    channel: 'nps',
    score: 3,
    text: 'Support has been terrible and we are considering cancelling',
    at: '2025-06-10T09:00:00.000Z',
  };
  const praise: FeedbackReceivedPayload = {
    feedbackId: randomUUID(),
    accountId,
    channel: 'nps',
    score: 9,
    text: 'Thanks, the new dashboard is great',
    at: '2025-06-12T09:00:00.000Z',
  };
  const feedbackEnvelope = (p: FeedbackReceivedPayload) =>
    envelope(FeedbackReceived.type, tenant.tenantId, {
      service: 'ingestion',
      stream: `record-${p.feedbackId}`,
      revision: 0,
    });
  const complaintEnvelope = () => feedbackEnvelope(complaint);
  let firstDelivery: ReturnType<typeof complaintEnvelope>;

  const get = async <T>(path: string): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${voc.url}${path}`, {
      headers: { authorization: `Bearer ${tenant.owner.accessToken}` },
    });
    return { status: res.status, body: (await res.json()) as T };
  };

  beforeAll(async () => {
    const { kafkaBrokers } = await infra();
    identity = await startTestIdentity();
    [tenant, voc, publisher] = await Promise.all([
      createTestTenant(identity),
      startVocSignals(identity.authEnv),
      TestPublisher.connect(kafkaBrokers),
    ]);
    signals = await TopicWatcher.start(kafkaBrokers, Topics.vocAccountSignals, tenant.tenantId);
  });

  afterAll(async () => {
    await signals?.stop();
    await publisher?.close();
    await voc?.stop();
    await identity?.stop();
  });

  it('turns a negative NPS-3 comment into a very negative signal with NPS 3', async () => {
    firstDelivery = complaintEnvelope();
    await publisher.publish(Topics.ingestionFeedback, accountId, firstDelivery, complaint);

    const signal = await signals.next((m) => m.payload.feedbackId === complaint.feedbackId);
    expect(signal.key).toBe(accountId);
    expect(signal.headers[HEADER.type]).toBe('AccountSignalChanged');
    expect(signal.headers[HEADER.source]).toBe('voc-signals');
    // Traceable back to the feedback event that caused it.
    expect(signal.headers[HEADER.causationId]).toBe(firstDelivery.eventId);
    expect(signal.headers[HEADER.correlationId]).toBe(firstDelivery.correlationId);
    expect(signal.payload).toMatchObject({ accountId, latestNps: 3, negativeCount: 1, at: complaint.at });
    expect(signal.payload.sentiment).toBeLessThan(-0.5);
    expect(signal.payload.rollingSentiment).toBeLessThan(-0.5);
    console.log(
      `voc: "${complaint.text}" (NPS ${complaint.score}) → sentiment ${signal.payload.sentiment.toFixed(3)}`,
    );
  });

  it('gives no second signal when the same feedback is delivered again', async () => {
    // The same message again (a consumer crash before its commit), then the same feedback re-published
    // under a new event id (an upstream re-send): neither may count the complaint twice.
    await publisher.publish(Topics.ingestionFeedback, accountId, firstDelivery, complaint);
    await publisher.publish(Topics.ingestionFeedback, accountId, complaintEnvelope(), complaint);
    // Same key, same partition, handled in order: once the next feedback's signal is out, the
    // duplicates before it have been handled.
    await publisher.publish(Topics.ingestionFeedback, accountId, feedbackEnvelope(praise), praise);
    const next = await signals.next((m) => m.payload.feedbackId === praise.feedbackId);

    const forAccount = signals.received.filter((m) => m.payload.accountId === accountId);
    expect(forAccount.map((m) => m.payload.feedbackId)).toEqual([complaint.feedbackId, praise.feedbackId]);
    expect(next.payload).toMatchObject({ latestNps: 9, negativeCount: 1 });
    expect(next.payload.sentiment).toBeGreaterThan(0);
  });

  it('answers the analysed feedback, the account signals and the NPS of a period over REST', async () => {
    const feedback = await eventually(async () => {
      const res = await get<{ feedbackId: string }[]>(`/v1/voc/feedback?accountId=${accountId}&limit=10`);
      return res.status === 200 && res.body.length === 2 ? res.body : undefined;
    });
    expect(feedback).toEqual([
      expect.objectContaining({
        feedbackId: praise.feedbackId,
        npsCategory: 'promoter',
        sentimentLabel: 'positive',
      }),
      expect.objectContaining({
        feedbackId: complaint.feedbackId,
        accountId,
        channel: 'nps',
        text: complaint.text,
        score: 3,
        npsCategory: 'detractor',
        sentimentLabel: 'negative',
        emotions: ['frustration'],
        negative: true,
      }),
    ]);

    const accountSignals = await eventually(async () => {
      const res = await get<{ feedbackCount: number }>(`/v1/voc/accounts/${accountId}/signals`);
      return res.status === 200 && res.body.feedbackCount === 2 ? res.body : undefined;
    });
    expect(accountSignals).toMatchObject({ accountId, latestNps: 9, negativeCount: 1, feedbackCount: 2 });

    const nps = await get('/v1/voc/nps?from=2025-06-01T00:00:00Z&to=2025-07-01T00:00:00Z');
    expect(nps).toEqual({
      status: 200,
      body: {
        from: '2025-06-01T00:00:00.000Z',
        to: '2025-07-01T00:00:00.000Z',
        responses: 2,
        promoters: 1,
        passives: 0,
        detractors: 1,
        nps: 0,
      },
    });
    const onlyTheComplaint = await get<{ nps: number }>(
      '/v1/voc/nps?from=2025-06-01T00:00:00Z&to=2025-06-11T00:00:00Z',
    );
    expect(onlyTheComplaint.body).toMatchObject({ responses: 1, detractors: 1, nps: -100 });
  });

  it('dead-letters an NPS answer outside 0–10 with the reason, and signals nothing for it', async () => {
    const dlq = await TopicWatcher.start(
      (await infra()).kafkaBrokers,
      dlqOf(Topics.ingestionFeedback),
      tenant.tenantId,
    );
    try {
      const invalid: FeedbackReceivedPayload = { ...praise, feedbackId: randomUUID(), score: 11 };
      await publisher.publish(Topics.ingestionFeedback, accountId, feedbackEnvelope(invalid), invalid);
      const dead = await dlq.next(
        (m) => (m.payload as FeedbackReceivedPayload).feedbackId === invalid.feedbackId,
      );
      expect(dead.headers[DLQ_HEADER.error]).toContain('NPS score must be an integer 0–10, got 11');
      expect(signals.received.some((m) => m.payload.feedbackId === invalid.feedbackId)).toBe(false);
    } finally {
      await dlq.stop();
    }
  });

  it('refuses bad query input naming the field', async () => {
    const limit = await get<{ fields: { field: string }[] }>('/v1/voc/feedback?limit=0');
    expect(limit.status).toBe(400);
    expect(limit.body.fields.map((f) => f.field)).toEqual(['limit']);
    const account = await get<{ fields: { field: string }[] }>('/v1/voc/accounts/not-a-uuid/signals');
    expect(account.status).toBe(400);
    expect(account.body.fields.map((f) => f.field)).toEqual(['accountId']);
    const period = await get<{ code: string }>(
      '/v1/voc/nps?from=2025-07-01T00:00:00Z&to=2025-06-01T00:00:00Z',
    );
    expect(period).toMatchObject({ status: 422, body: { code: 'VOC.INVALID_PERIOD' } });
    const unknown = await get(`/v1/voc/accounts/${randomUUID()}/signals`);
    expect(unknown.status).toBe(404);
  });
});
