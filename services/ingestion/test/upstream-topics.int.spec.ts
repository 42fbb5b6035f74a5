import { DLQ_HEADER, dlqOf, HEADER, Topics, upstreamTopic, UPSTREAM_OP_HEADER } from '@foresight/contracts';
import {
  createTestApiKey,
  createTestTenant,
  startTestIdentity,
  TestIdentity,
  TestTenant,
} from '@foresight/testing';
import type { Producer } from 'kafkajs';
import { accountIdFor } from '../src/record/domain/record-key';
import {
  eventually,
  Ingestion,
  Seen,
  startIngestion,
  TopicWatcher,
  upstreamProducer,
} from './support/ingestion-harness';

const account = (externalId: string, over: Record<string, unknown> = {}) => ({
  externalId,
  name: `Company ${externalId}`,
  lifecycle: 'customer',
  employeeRange: '11 to 25',
  arr: 12000,
  ownerEmail: `owner-of-${externalId}@acme.example`,
  ...over,
});

/**
 * The same records through `upstream.<source>.<entity>` as through the REST API: raw JSON values,
 * the tenant in `fs-tenant-id`, removals with `fs-op: delete`. Same checks, same events, same
 * rejections; redelivery and re-sends change nothing.
 */
describe('ingestion: upstream Kafka topics', () => {
  let identity: TestIdentity;
  let ingestion: Ingestion;
  let watcher: TopicWatcher;
  let producer: Producer & { stop(): Promise<void> };
  let a: TestTenant;
  let reader: Record<string, string>;
  let source: string;

  const send = (
    entity: string,
    messages: { key?: string | null; value: unknown; headers?: Record<string, string> }[],
  ) =>
    producer.send({
      topic: upstreamTopic(source, entity),
      messages: messages.map((m) => ({
        key: m.key === undefined ? null : m.key,
        value: m.value === null ? null : typeof m.value === 'string' ? m.value : JSON.stringify(m.value),
        headers: m.headers ?? { [HEADER.tenantId]: a.tenantId },
      })),
    });
  const about =
    (externalId: string, type = 'RecordUpserted') =>
    (m: Seen) =>
      m.topic === Topics.ingestionRecords &&
      m.value['externalId'] === externalId &&
      m.headers[HEADER.type] === type;

  beforeAll(async () => {
    identity = await startTestIdentity();
    a = await createTestTenant(identity);
    reader = { authorization: `Bearer ${a.owner.accessToken}` };
    ingestion = await startIngestion(identity);
    source = ingestion.sources[0]!;
    [watcher, producer] = await Promise.all([
      TopicWatcher.start([Topics.ingestionRecords, Topics.ingestionAccountFeatures], [a.tenantId]),
      upstreamProducer(),
    ]);
  });

  afterAll(async () => {
    await producer?.stop();
    await watcher?.stop();
    await ingestion?.stop();
    await identity?.stop();
  });

  it('stores and publishes good upstream records and keeps bad ones as rejections, like the REST API', async () => {
    await send('account', [
      { key: 'up-1', value: account('up-1') },
      { key: 'up-bad', value: account('up-bad', { lifecycle: 'lead' }) },
      { key: 'up-json', value: '{"externalId": "up-json", ' },
      { key: 'up-2', value: account('up-2') },
    ]);
    const [first] = await watcher.waitFor(about('up-1'));
    await watcher.waitFor(about('up-2'));
    expect(first!.key).toBe(accountIdFor(a.tenantId, 'up-1'));
    expect(first!.value).toMatchObject({
      source,
      entity: 'account',
      change: 'created',
      data: account('up-1'),
    });

    const rejections = await eventually(async () => {
      const r = await ingestion.call<{ items: Record<string, unknown>[] }>(
        'GET',
        `/v1/ingest/rejections?source=${source}`,
        reader,
      );
      return (r.body.items?.length ?? 0) >= 2 && r.body.items;
    });
    expect(rejections).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          via: 'kafka',
          entity: 'account',
          externalId: 'up-bad',
          errors: [expect.objectContaining({ field: 'lifecycle' })],
          raw: expect.objectContaining({ lifecycle: 'lead' }),
        }),
        expect.objectContaining({
          via: 'kafka',
          externalId: null,
          errors: [{ field: '(record)', errors: [expect.stringMatching(/^not valid JSON/)] }],
          raw: '{"externalId": "up-json", ',
        }),
      ]),
    );
    // Keys spread the messages over partitions, so they may make several syncs (one per chunk).
    const history = await eventually(async () => {
      const r = await ingestion.call<{ items: Record<string, number | string>[] }>(
        'GET',
        `/v1/ingest/batches?source=${source}`,
        reader,
      );
      const sum = (field: string) => (r.body.items ?? []).reduce((n, s) => n + (s[field] as number), 0);
      return sum('accepted') === 2 && sum('rejected') === 2 && r.body.items;
    });
    expect(history[0]).toMatchObject({ via: 'kafka', actor: 'upstream', entity: 'account' });
  });

  it('makes re-sent records no-ops and publishes updates, in order', async () => {
    await send('account', [
      { key: 'up-1', value: account('up-1') },
      { key: 'up-1', value: account('up-1', { arr: 15000 }) },
    ]);
    const both = await watcher.waitFor((m) => about('up-1')(m), 2);
    expect(both.map((m) => m.value['change'])).toEqual(['created', 'updated']);
    expect(both[1]!.value['changedFields']).toEqual(['arr']);
  });

  it('aggregates upstream usage into features and publishes AccountFeaturesChanged', async () => {
    await send('usage', [
      {
        key: 'up-1',
        value: {
          accountExternalId: 'up-1',
          at: '2025-06-02T00:00:00Z',
          actions: { contacts: 40, companies: 4, deals: 2, email: 10 },
          users: { contacts: 3, companies: 1, deals: 1, email: 2 },
        },
      },
      {
        key: 'up-1',
        value: {
          accountExternalId: 'up-1',
          at: '2025-06-09T00:00:00Z',
          actions: { contacts: 20, companies: 0, deals: 1, email: 5 },
          users: { contacts: 2, companies: 0, deals: 1, email: 1 },
        },
      },
    ]);
    const accountId = accountIdFor(a.tenantId, 'up-1');
    const [changed] = await watcher.waitFor(
      (m) => m.topic === Topics.ingestionAccountFeatures && m.key === accountId,
    );
    expect(changed!.value).toMatchObject({
      accountId,
      features: {
        samples: 2,
        totalActions: 56 + 26,
        asOf: '2025-06-09T00:00:00.000Z',
        firmographics: { employeeRange: '11 to 25', arr: 15000 },
      },
    });
  });

  it('removes on fs-op: delete and on a tombstone: RecordRemoved', async () => {
    await send('account', [
      {
        key: 'up-1',
        value: { externalId: 'up-1' },
        headers: { [HEADER.tenantId]: a.tenantId, [UPSTREAM_OP_HEADER]: 'delete' },
      },
      { key: 'up-2', value: null },
    ]);
    const [removed] = await watcher.waitFor(about('up-1', 'RecordRemoved'));
    expect(removed!.key).toBe(accountIdFor(a.tenantId, 'up-1'));
    expect(removed!.value).toMatchObject({
      entity: 'account',
      source,
      accountId: accountIdFor(a.tenantId, 'up-1'),
    });
    await watcher.waitFor(about('up-2', 'RecordRemoved'));
    const record = await eventually(async () => {
      const r = await ingestion.call<{ status: string }>('GET', '/v1/records/account/up-2', reader);
      return r.body.status === 'removed' && r.body;
    });
    expect(record).toMatchObject({ source, lastChange: 'removed' });
  });

  it('sends a message without fs-tenant-id to the dead-letter topic, untouched, with the reason', async () => {
    const dlq = await TopicWatcher.start([dlqOf(upstreamTopic(source, 'account'))], ['']);
    try {
      await send('account', [
        { key: 'up-orphan', value: account('up-orphan'), headers: { 'x-trace': 'orphan' } },
      ]);
      const [dead] = await dlq.waitFor(() => true);
      expect(dead!.key).toBe('up-orphan');
      expect(dead!.value).toEqual(account('up-orphan'));
      expect(dead!.headers).toMatchObject({
        'x-trace': 'orphan',
        [DLQ_HEADER.reason]: 'invalid',
        [DLQ_HEADER.error]: 'missing header fs-tenant-id',
        [DLQ_HEADER.topic]: upstreamTopic(source, 'account'),
      });
    } finally {
      await dlq.stop();
    }
  });

  it('ingests with an API key the same as from the topic (one record, both ways, one version)', async () => {
    const key = await createTestApiKey(identity, a, ['ingest-bot']);
    await send('account', [{ key: 'up-3', value: account('up-3') }]);
    await watcher.waitFor(about('up-3'));
    const res = await ingestion.call<{ results: { outcome: string }[] }>(
      'POST',
      '/v1/ingest/accounts',
      { 'x-api-key': key.apiKey },
      { source, records: [account('up-3')] },
    );
    expect(res.body.results[0]!.outcome).toBe('unchanged');
  });
});
