import { HEADER, Topics, upstreamTopic, UPSTREAM_OP_HEADER } from '@foresight/contracts';
import {
  createTestApiKey,
  createTestTenant,
  startTestIdentity,
  TestIdentity,
  TestTenant,
} from '@foresight/testing';
import type { Producer } from 'kafkajs';
import { accountIdFor, recordIdFor } from '../src/record/domain/record-key';
import {
  eventually,
  Ingestion,
  Seen,
  startIngestion,
  TopicWatcher,
  upstreamProducer,
} from './support/ingestion-harness';

type Result = {
  accepted: number;
  rejected: { index: number; externalId: string | null; errors: { field: string; errors: string[] }[] }[];
  results: { index: number; outcome: string; id: string | null }[];
};

const subscription = (externalId: string, accountExternalId: string, over: Record<string, unknown> = {}) => ({
  externalId,
  accountExternalId,
  product: 'Analytics Cloud',
  plan: 'Pro',
  units: 40,
  unitLimit: 50,
  status: 'active',
  mrr: 2000,
  startDate: '2025-01-01T00:00:00Z',
  ...over,
});
const contact = (externalId: string, accountExternalId: string, over: Record<string, unknown> = {}) => ({
  externalId,
  accountExternalId,
  name: 'Ana Ruiz',
  email: `${externalId}@northwind.example`,
  title: 'VP Operations',
  role: 'champion',
  ...over,
});
const signal = (externalId: string, accountExternalId: string, over: Record<string, unknown> = {}) => ({
  externalId,
  accountExternalId,
  type: 'review_site',
  strength: 72.5,
  detectedAt: '2025-06-04T08:00:00Z',
  topic: 'pricing',
  sourceDetail: 'compared us with two competitors',
  ...over,
});

const CASES = [
  {
    entity: 'subscription',
    path: 'subscriptions',
    make: subscription,
    bad: { status: 'paused' },
    badField: 'status',
  },
  { entity: 'contact', path: 'contacts', make: contact, bad: { email: 'not-an-email' }, badField: 'email' },
  {
    entity: 'intent_signal',
    path: 'intent-signals',
    make: signal,
    bad: { strength: 140 },
    badField: 'strength',
  },
] as const;

const CHANGE: Record<(typeof CASES)[number]['entity'], Record<string, unknown>> = {
  subscription: { units: 45 },
  contact: { title: 'CFO' },
  intent_signal: { strength: 90 },
};

/**
 * Product subscriptions, contacts and buyer-intent signals: each over the REST API and its upstream
 * topic, checked like the older entities, on its own record stream, in the records read model and
 * published as RecordUpserted / RecordRemoved naming the entity.
 */
describe('ingestion: subscriptions, contacts and intent signals', () => {
  let identity: TestIdentity;
  let ingestion: Ingestion;
  let watcher: TopicWatcher;
  let producer: Producer & { stop(): Promise<void> };
  let a: TestTenant;
  let writer: Record<string, string>;
  let reader: Record<string, string>;
  let source: string;

  const upserted =
    (entity: string, externalId: string, type = 'RecordUpserted') =>
    (m: Seen) =>
      m.topic === Topics.ingestionRecords &&
      m.headers[HEADER.type] === type &&
      m.value['entity'] === entity &&
      m.value['externalId'] === externalId;

  beforeAll(async () => {
    identity = await startTestIdentity();
    a = await createTestTenant(identity);
    writer = { 'x-api-key': (await createTestApiKey(identity, a, ['ingest-bot'])).apiKey };
    reader = { authorization: `Bearer ${a.owner.accessToken}` };
    ingestion = await startIngestion(identity);
    source = ingestion.sources[0]!;
    [watcher, producer] = await Promise.all([
      TopicWatcher.start([Topics.ingestionRecords], [a.tenantId]),
      upstreamProducer(),
    ]);
    const res = await ingestion.call('POST', '/v1/ingest/accounts', writer, {
      source: 'crm',
      records: [
        { externalId: 'acc-1', name: 'Northwind', lifecycle: 'customer' },
        { externalId: 'acc-2', name: 'Contoso', lifecycle: 'prospect' },
      ],
    });
    expect(res.status).toBe(200);
  });

  afterAll(async () => {
    await producer?.stop();
    await watcher?.stop();
    await ingestion?.stop();
    await identity?.stop();
  });

  it.each(CASES)(
    'POST /v1/ingest/$path stores and publishes good $entity records, rejects bad ones and unknown accounts',
    async ({ entity, path, make, bad, badField }) => {
      const good = make(`${entity}-r1`, 'acc-1');
      const res = await ingestion.call<Result>('POST', `/v1/ingest/${path}`, writer, {
        source: 'crm',
        records: [good, make(`${entity}-r2`, 'acc-1', bad), make(`${entity}-r3`, 'nobody')],
      });
      expect(res.status).toBe(207);
      expect(res.body.accepted).toBe(1);
      expect(res.body.results.map((r) => r.outcome)).toEqual(['created', 'rejected', 'rejected']);
      expect(res.body.rejected).toEqual([
        { index: 1, externalId: `${entity}-r2`, errors: [expect.objectContaining({ field: badField })] },
        {
          index: 2,
          externalId: `${entity}-r3`,
          errors: [{ field: 'accountExternalId', errors: ['account nobody not found'] }],
        },
      ]);

      const [published] = await watcher.waitFor(upserted(entity, `${entity}-r1`));
      expect(published!.key).toBe(accountIdFor(a.tenantId, 'acc-1'));
      expect(published!.value).toMatchObject({
        entity,
        source: 'crm',
        change: 'created',
        accountId: accountIdFor(a.tenantId, 'acc-1'),
        recordId: recordIdFor({ tenantId: a.tenantId, entity, externalId: `${entity}-r1` }),
        data: good,
      });
      const record = await eventually(async () => {
        const r = await ingestion.call<Record<string, unknown>>(
          'GET',
          `/v1/records/${entity}/${entity}-r1`,
          reader,
        );
        return r.status === 200 && r.body;
      });
      expect(record).toMatchObject({ entity, status: 'active', data: good });

      const again = await ingestion.call<Result>('POST', `/v1/ingest/${path}`, writer, {
        source: 'crm',
        records: [good],
      });
      expect(again.body.results[0]!.outcome).toBe('unchanged');
    },
  );

  it.each(CASES)(
    'upstream.<source>.$entity stores, updates and removes $entity records like the REST API',
    async ({ entity, make, bad, badField }) => {
      const id = `${entity}-k1`;
      const send = (messages: { value: unknown; headers?: Record<string, string> }[]) =>
        producer.send({
          topic: upstreamTopic(source, entity),
          messages: messages.map((m) => ({
            key: id,
            value: JSON.stringify(m.value),
            headers: m.headers ?? { [HEADER.tenantId]: a.tenantId },
          })),
        });
      const first = make(id, 'acc-2');
      const changed = { ...first, ...CHANGE[entity] };
      await send([
        { value: first },
        { value: make(`${entity}-k-bad`, 'acc-2', bad) },
        { value: changed },
        {
          value: { externalId: id },
          headers: { [HEADER.tenantId]: a.tenantId, [UPSTREAM_OP_HEADER]: 'delete' },
        },
      ]);
      const versions = await watcher.waitFor(upserted(entity, id), 2);
      expect(versions.map((m) => m.value['change'])).toEqual(['created', 'updated']);
      expect(versions[1]!.value['data']).toEqual(changed);
      const [removed] = await watcher.waitFor(upserted(entity, id, 'RecordRemoved'));
      expect(removed!.value).toMatchObject({ entity, source, accountId: accountIdFor(a.tenantId, 'acc-2') });

      const rejection = await eventually(async () => {
        const r = await ingestion.call<{ items: Record<string, unknown>[] }>(
          'GET',
          `/v1/ingest/rejections?source=${source}`,
          reader,
        );
        return r.body.items?.find((x) => x['externalId'] === `${entity}-k-bad`);
      });
      expect(rejection).toMatchObject({
        via: 'kafka',
        entity,
        errors: [expect.objectContaining({ field: badField })],
      });
      const record = await eventually(async () => {
        const r = await ingestion.call<{ status: string }>('GET', `/v1/records/${entity}/${id}`, reader);
        return r.body.status === 'removed' && r.body;
      });
      expect(record).toMatchObject({ entity, source, lastChange: 'removed' });
    },
  );
});
