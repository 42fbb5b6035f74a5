import { RECORD_ENTITIES, upstreamTopic } from '@foresight/contracts';
import { readUpstreamMessage, UpstreamKafkaMessage, upstreamTopicsFor } from './upstream-message';

const tenantId = '5f0c1c2e-8a4b-4f7d-9e21-3b6a0d9c7e14';
const message = (over: Partial<UpstreamKafkaMessage> = {}): UpstreamKafkaMessage => ({
  topic: 'upstream.crm.account',
  partition: 2,
  offset: '41',
  key: 'crm-42',
  value: Buffer.from(JSON.stringify({ externalId: 'crm-42', name: 'Acme', lifecycle: 'customer' })),
  headers: { 'fs-tenant-id': tenantId },
  ...over,
});

describe('upstreamTopicsFor', () => {
  it('maps every entity topic of every source to its source and entity', () => {
    const topics = upstreamTopicsFor(['crm', 'surveys']);
    expect(topics.size).toBe(2 * RECORD_ENTITIES.length);
    expect(topics.get(upstreamTopic('surveys', 'feedback'))).toEqual({
      source: 'surveys',
      entity: 'feedback',
    });
    expect(topics.get('upstream.crm.intent_signal')).toEqual({ source: 'crm', entity: 'intent_signal' });
  });
});

describe('readUpstreamMessage', () => {
  it('reads the record, the tenant from fs-tenant-id, and where it came from', () => {
    expect(readUpstreamMessage(message())).toEqual({
      kind: 'record',
      tenantId,
      record: {
        op: 'upsert',
        value: { externalId: 'crm-42', name: 'Acme', lifecycle: 'customer' },
        index: 41,
        origin: 'kafka:upstream.crm.account/2@41',
      },
    });
  });

  it('dead-letters what no tenant can be told about: no tenant, a malformed one, an unknown operation', () => {
    expect(readUpstreamMessage(message({ headers: {} }))).toEqual({
      kind: 'dead',
      reason: 'missing header fs-tenant-id',
    });
    expect(readUpstreamMessage(message({ headers: { 'fs-tenant-id': 'acme' } })).kind).toBe('dead');
    expect(
      readUpstreamMessage(message({ headers: { 'fs-tenant-id': tenantId, 'fs-op': 'merge' } })),
    ).toMatchObject({ kind: 'dead', reason: expect.stringContaining('fs-op') });
  });

  it('fs-op: delete removes; a tombstone (null value) removes the record named by the key', () => {
    expect(
      readUpstreamMessage(
        message({
          value: Buffer.from('{"externalId":"crm-42"}'),
          headers: { 'fs-tenant-id': tenantId, 'fs-op': 'delete' },
        }),
      ),
    ).toMatchObject({ kind: 'record', record: { op: 'delete', value: { externalId: 'crm-42' } } });
    expect(readUpstreamMessage(message({ value: null }))).toMatchObject({
      kind: 'record',
      record: { op: 'delete', value: { externalId: 'crm-42' } },
    });
    expect(readUpstreamMessage(message({ value: null, key: null }))).toMatchObject({
      kind: 'record',
      record: { unreadable: expect.stringContaining('key') },
    });
  });

  it('keeps text that is not JSON as the record, to be rejected with the reason', () => {
    expect(readUpstreamMessage(message({ value: Buffer.from('{"externalId":') }))).toMatchObject({
      kind: 'record',
      tenantId,
      record: { value: '{"externalId":', unreadable: expect.stringMatching(/^not valid JSON/) },
    });
  });
});
