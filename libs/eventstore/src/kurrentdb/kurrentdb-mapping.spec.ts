import type { AllStreamResolvedEvent } from '@kurrent/kurrentdb-client';
import {
  decodeCheckpoint,
  encodeCheckpoint,
  fromResolved,
  isAfter,
  matchesFilter,
  serverFilter,
  toActualRevision,
  toEventData,
  toStreamState,
} from './kurrentdb-mapping';

function resolved(
  overrides: Partial<NonNullable<AllStreamResolvedEvent['event']>> = {},
): AllStreamResolvedEvent {
  return {
    event: {
      streamId: 'report-1',
      id: '0190a1b2-0000-7000-8000-000000000001',
      isJson: true,
      revision: 4n,
      type: 'ReportCreated',
      created: new Date('2026-01-01T00:00:01Z'),
      data: { a: 1 },
      metadata: { tenantId: 't1', occurredAt: '2026-01-01T00:00:00.000Z', correlationId: 'c' },
      position: { commit: 100n, prepare: 90n },
      ...overrides,
    } as NonNullable<AllStreamResolvedEvent['event']>,
  };
}

describe('KurrentDB mapping', () => {
  it('maps expected revisions to stream states', () => {
    expect(toStreamState('any')).toBe('any');
    expect(toStreamState('no_stream')).toBe('no_stream');
    expect(toStreamState(-1)).toBe('no_stream');
    expect(toStreamState('exists')).toBe('stream_exists');
    expect(toStreamState(3)).toBe(3n);
    expect(toActualRevision('no_stream')).toBe(-1);
    expect(toActualRevision(5n)).toBe(5);
  });

  it('round-trips checkpoints as commit:prepare and orders positions by commit then prepare', () => {
    const p = { commit: 12345678901234n, prepare: 12345678900000n };
    expect(decodeCheckpoint(encodeCheckpoint(p))).toEqual(p);
    expect(() => decodeCheckpoint('12:x')).toThrow(/Invalid checkpoint/);
    expect(isAfter({ commit: 2n, prepare: 1n }, { commit: 1n, prepare: 5n })).toBe(true);
    expect(isAfter({ commit: 2n, prepare: 1n }, { commit: 2n, prepare: 1n })).toBe(false);
    expect(isAfter({ commit: 2n, prepare: 2n }, { commit: 2n, prepare: 1n })).toBe(true);
    expect(isAfter({ commit: 1n, prepare: 1n }, undefined)).toBe(true);
  });

  it('writes occurredAt into metadata and strips it on read', () => {
    const data = toEventData({
      id: 'i',
      type: 'T',
      data: { x: 1 },
      metadata: { tenantId: 't1' },
      occurredAt: new Date('2026-01-01T00:00:00Z'),
      callerId: false,
    });
    expect(data.metadata).toEqual({ tenantId: 't1', occurredAt: '2026-01-01T00:00:00.000Z' });
    const event = fromResolved(resolved())!;
    expect(event).toEqual({
      id: '0190a1b2-0000-7000-8000-000000000001',
      stream: 'report-1',
      type: 'ReportCreated',
      data: { a: 1 },
      metadata: { tenantId: 't1', correlationId: 'c' },
      revision: 4,
      position: 100n,
      checkpoint: '100:90',
      occurredAt: new Date('2026-01-01T00:00:00Z'),
      recordedAt: new Date('2026-01-01T00:00:01Z'),
    });
  });

  it('skips system streams, system types, binary records and links without events', () => {
    expect(fromResolved(resolved({ streamId: '$stats-1' }))).toBeUndefined();
    expect(fromResolved(resolved({ type: '$metadata' }))).toBeUndefined();
    expect(fromResolved(resolved({ isJson: false } as never))).toBeUndefined();
    expect(fromResolved({})).toBeUndefined();
  });

  it('filters on the server by category or type, and checks both on the client', () => {
    expect(serverFilter({ categories: ['report', 'record'] })).toMatchObject({
      filterOn: 'streamName',
      regex: '^(?:report|record)-',
    });
    expect(serverFilter({ types: ['A.b'] })).toMatchObject({ filterOn: 'eventType', regex: '^(?:A\\.b)$' });
    expect(serverFilter(undefined)).toMatchObject({ filterOn: 'eventType', regex: '^[^$]' });
    const event = fromResolved(resolved())!;
    expect(matchesFilter(event, { categories: ['report'], types: ['ReportCreated'] })).toBe(true);
    expect(matchesFilter(event, { categories: ['report'], types: ['Other'] })).toBe(false);
    expect(matchesFilter(event, { categories: ['reports'] })).toBe(false);
  });
});
