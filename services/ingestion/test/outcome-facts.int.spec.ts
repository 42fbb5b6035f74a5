import { HEADER, Topics, upstreamTopic } from '@foresight/contracts';
import {
  createTestApiKey,
  createTestTenant,
  startTestIdentity,
  TestIdentity,
  TestTenant,
} from '@foresight/testing';
import type { Producer } from 'kafkajs';
import { accountIdFor, recordIdFor } from '../src/record/domain/record-key';
import { Ingestion, Seen, startIngestion, TopicWatcher, upstreamProducer } from './support/ingestion-harness';

const contract = (over: Record<string, unknown> = {}) => ({
  externalId: 'ctr-1',
  accountExternalId: 'of-1',
  arr: 12000,
  startDate: '2025-01-01T00:00:00Z',
  renewalDate: '2026-01-01T00:00:00Z',
  status: 'active',
  ...over,
});
const subscription = (over: Record<string, unknown> = {}) => ({
  externalId: 'sub-1',
  accountExternalId: 'of-1',
  product: 'Analytics',
  plan: 'Pro',
  units: 10,
  status: 'active',
  mrr: 500,
  startDate: '2025-03-01T00:00:00Z',
  ...over,
});

/**
 * What the report engine's outcome ledger and ml-scoring's labels read: usage rows with their own
 * time on `ingestion.usage.v1`, and the outcome facts account, contract and subscription changes
 * imply on `ingestion.outcome-facts.v1` — one per change, with an id a redelivery repeats.
 */
describe('ingestion: usage rows and outcome facts published', () => {
  let identity: TestIdentity;
  let ingestion: Ingestion;
  let watcher: TopicWatcher;
  let producer: Producer & { stop(): Promise<void> };
  let a: TestTenant;
  let writer: Record<string, string>;
  const post = (path: string, records: unknown[], source = 'crm') =>
    ingestion.call<{ accepted: number }>('POST', `/v1/ingest/${path}`, writer, { source, records });
  const facts = (fact: string) => (m: Seen) =>
    m.topic === Topics.ingestionOutcomeFacts && m.value['fact'] === fact;

  beforeAll(async () => {
    identity = await startTestIdentity();
    a = await createTestTenant(identity);
    writer = { 'x-api-key': (await createTestApiKey(identity, a, ['ingest-bot'])).apiKey };
    ingestion = await startIngestion(identity);
    [watcher, producer] = await Promise.all([
      TopicWatcher.start([Topics.ingestionOutcomeFacts, Topics.ingestionUsage], [a.tenantId]),
      upstreamProducer(),
    ]);
  });

  afterAll(async () => {
    await producer?.stop();
    await watcher?.stop();
    await ingestion?.stop();
    await identity?.stop();
  });

  it('publishes every recorded usage row with its own time, and nothing for a re-sent one', async () => {
    await post('accounts', [{ externalId: 'of-u', name: 'Usage Co', lifecycle: 'customer' }]);
    const row = (at: string, contacts: number) => ({
      accountExternalId: 'of-u',
      at,
      actions: { contacts, companies: 1, deals: 0, email: 0 },
      users: { contacts: 1, companies: 1, deals: 0, email: 0 },
    });
    expect(
      (await post('usage', [row('2025-06-02T00:00:00Z', 5), row('2025-06-09T00:00:00Z', 7)], 'product')).body
        .accepted,
    ).toBe(2);
    const accountId = accountIdFor(a.tenantId, 'of-u');
    const usage = (m: Seen) => m.topic === Topics.ingestionUsage && m.key === accountId;
    const seen = await watcher.waitFor(usage, 2);
    expect(seen.map((m) => m.value['rows'])).toEqual([
      [{ at: '2025-06-02T00:00:00.000Z', actions: row('', 5).actions, users: row('', 5).users }],
      [{ at: '2025-06-09T00:00:00.000Z', actions: row('', 7).actions, users: row('', 7).users }],
    ]);
    expect(seen[0]!.value).toMatchObject({ accountId, accountExternalId: 'of-u', source: 'product' });

    // A corrected week is published again; an unchanged one is not.
    await post('usage', [row('2025-06-02T00:00:00Z', 5), row('2025-06-09T00:00:00Z', 8)], 'product');
    const after = await watcher.waitFor(usage, 3);
    expect(after[2]!.value['rows']).toEqual([
      expect.objectContaining({ at: '2025-06-09T00:00:00.000Z', actions: row('', 8).actions }),
    ]);
  });

  it('publishes conversion, contract and subscription facts as their records change', async () => {
    await post('accounts', [{ externalId: 'of-1', name: 'Facts Co', lifecycle: 'prospect', arr: 10000 }]);
    await post('accounts', [
      {
        externalId: 'of-1',
        name: 'Facts Co',
        lifecycle: 'customer',
        arr: 10000,
        closeDate: '2025-05-20T00:00:00Z',
      },
    ]);
    await post('contracts', [contract()]);
    await post('contracts', [contract({ renewalDate: '2027-01-01T00:00:00Z', arr: 15000 })]);
    await post('contracts', [
      contract({ renewalDate: '2027-01-01T00:00:00Z', arr: 15000, status: 'cancelled' }),
    ]);
    await post('subscriptions', [subscription()], 'billing');
    await post('subscriptions', [subscription({ mrr: 800, units: 16 })], 'billing');
    await post(
      'subscriptions',
      [subscription({ mrr: 800, units: 16, status: 'cancelled', endDate: '2025-09-30T00:00:00Z' })],
      'billing',
    );

    const accountId = accountIdFor(a.tenantId, 'of-1');
    const contractId = recordIdFor({ tenantId: a.tenantId, entity: 'contract', externalId: 'ctr-1' });
    const subscriptionId = recordIdFor({ tenantId: a.tenantId, entity: 'subscription', externalId: 'sub-1' });
    const [converted] = await watcher.waitFor(facts('converted'));
    expect(converted!.key).toBe(accountId);
    expect(converted!.headers[HEADER.type]).toBe('OutcomeObserved');
    expect(converted!.value).toMatchObject({
      accountId,
      subjectType: 'account',
      subjectId: accountId,
      effectiveAt: '2025-05-20T00:00:00.000Z',
    });
    expect((await watcher.waitFor(facts('contract_renewed')))[0]!.value).toMatchObject({
      subjectType: 'contract',
      subjectId: contractId,
      effectiveAt: '2026-01-01T00:00:00.000Z',
    });
    expect((await watcher.waitFor(facts('arr_changed')))[0]!.value).toMatchObject({
      subjectId: contractId,
      amountBefore: 12000,
      amountAfter: 15000,
    });
    expect((await watcher.waitFor(facts('contract_ended')))[0]!.value).toMatchObject({
      subjectId: contractId,
    });
    expect((await watcher.waitFor(facts('subscription_added')))[0]!.value).toMatchObject({
      subjectType: 'subscription',
      subjectId: subscriptionId,
      amountAfter: 6000,
      effectiveAt: '2025-03-01T00:00:00.000Z',
    });
    expect((await watcher.waitFor(facts('subscription_upgraded')))[0]!.value).toMatchObject({
      amountBefore: 6000,
      amountAfter: 9600,
    });
    expect((await watcher.waitFor(facts('subscription_ended')))[0]!.value).toMatchObject({
      effectiveAt: '2025-09-30T00:00:00.000Z',
    });
    const ids = watcher.of((m) => m.topic === Topics.ingestionOutcomeFacts).map((m) => m.value['factId']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('publishes a conversion that arrives on an upstream topic, like one over REST', async () => {
    const source = ingestion.sources[0]!;
    const send = (value: unknown) =>
      producer.send({
        topic: upstreamTopic(source, 'account'),
        messages: [{ key: 'of-k', value: JSON.stringify(value), headers: { [HEADER.tenantId]: a.tenantId } }],
      });
    await send({ externalId: 'of-k', name: 'Kafka Co', lifecycle: 'prospect' });
    await send({ externalId: 'of-k', name: 'Kafka Co', lifecycle: 'customer' });
    const accountId = accountIdFor(a.tenantId, 'of-k');
    const [fact] = await watcher.waitFor((m) => facts('converted')(m) && m.key === accountId);
    expect(fact!.value).toMatchObject({ accountId, subjectType: 'account' });
  });
});
