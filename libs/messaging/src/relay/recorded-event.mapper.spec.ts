import { defineEvent } from '@foresight/contracts';
import { RecordedEvent } from '@foresight/eventstore';
import { entityIdOf, toOutgoing, toRouteFn } from './recorded-event.mapper';

class MapperTestPayload {}
defineEvent({
  type: 'MapperTestVersioned',
  schemaVersion: 3,
  topic: 'test.mapper.v3',
  payload: MapperTestPayload,
});

const recorded = (over: Partial<RecordedEvent> = {}): RecordedEvent => ({
  id: '0190a0e0-0000-7000-8000-000000000001',
  stream: 'report-42ab-cd',
  type: 'MapperTestVersioned',
  data: { score: 0.9 },
  metadata: {
    tenantId: 't-1',
    correlationId: 'corr-1',
    causationId: 'cause-1',
    traceparent: '00-abc-def-01',
  },
  revision: 7,
  position: 123456789012345678n,
  checkpoint: 'cp',
  occurredAt: new Date('2026-01-02T03:04:05.000Z'),
  recordedAt: new Date('2026-01-02T03:04:06.000Z'),
  ...over,
});

describe('toOutgoing', () => {
  it('keys by the entity id and carries the whole envelope from the event and its metadata', () => {
    const out = toOutgoing(recorded(), { topic: 'test.mapper.v3' }, 'report-engine');
    expect(out).toEqual({
      key: '42ab-cd',
      payload: { score: 0.9 },
      envelope: {
        eventId: '0190a0e0-0000-7000-8000-000000000001',
        type: 'MapperTestVersioned',
        schemaVersion: 3,
        tenantId: 't-1',
        occurredAt: '2026-01-02T03:04:05.000Z',
        correlationId: 'corr-1',
        causationId: 'cause-1',
        source: 'report-engine',
        traceparent: '00-abc-def-01',
        stream: 'report-42ab-cd',
        revision: 7,
        position: '123456789012345678',
      },
    });
  });

  it('starts a correlation at an origin event and defaults the schema version of an uncontracted type to 1', () => {
    const out = toOutgoing(
      recorded({ type: 'NoContractHere', metadata: { tenantId: 't-1' } }),
      { topic: 'x.y.v1' },
      'svc',
    );
    expect(out.envelope.correlationId).toBe(out.envelope.eventId);
    expect(out.envelope.causationId).toBeNull();
    expect(out.envelope.schemaVersion).toBe(1);
  });

  it('lets a route rename the type, replace the payload and override the key', () => {
    const out = toOutgoing(recorded(), { topic: 't', type: 'Renamed', payload: { only: 1 }, key: 'k' }, 's');
    expect([out.key, out.envelope.type, out.payload]).toEqual(['k', 'Renamed', { only: 1 }]);
  });
});

describe('toRouteFn', () => {
  it('routes by a type → topic map and leaves other types unrouted', () => {
    const route = toRouteFn({ MapperTestVersioned: 'test.mapper.v3' });
    expect(route(recorded())).toEqual({ topic: 'test.mapper.v3' });
    expect(route(recorded({ type: 'Internal' }))).toBeUndefined();
  });

  it('accepts a function returning a topic name or a route', () => {
    expect(toRouteFn(() => 'a.b.v1')(recorded())).toEqual({ topic: 'a.b.v1' });
    expect(toRouteFn(() => undefined)(recorded())).toBeUndefined();
  });
});

describe('entityIdOf', () => {
  it('is everything after the category, ids with dashes included; a stream without one is its own id', () => {
    expect(entityIdOf('account-0190a0e0-0000-7000')).toBe('0190a0e0-0000-7000');
    expect(entityIdOf('singleton')).toBe('singleton');
  });
});
