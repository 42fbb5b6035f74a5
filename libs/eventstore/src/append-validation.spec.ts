import { assertValidExpected, assertValidStreamName, prepareAppend } from './append-validation';
import { InvalidAppend } from './event-store.port';

const meta = { tenantId: 't1' };

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof InvalidAppend ? err.code : `not InvalidAppend: ${String(err)}`;
  }
  return undefined;
}

describe('stream names', () => {
  it.each(['report-1', 'report-0190a1b2-0000-7000-8000-000000000001', 'apiKey-abc_DEF', 'a_b-x'])(
    'accepts %s',
    (name) => expect(() => assertValidStreamName(name)).not.toThrow(),
  );

  it.each([
    'report',
    'report-',
    '-1',
    'report-a.b',
    'report-a b',
    'rep.ort-1',
    '1report-1',
    '$all-1',
    'report-$x',
    '',
  ])('rejects %j with a clear error', (name) =>
    expect(codeOf(() => assertValidStreamName(name))).toBe('EVENTSTORE.INVALID_STREAM_NAME'),
  );
});

describe('expected revision', () => {
  it.each(['any', 'no_stream', 'exists', -1, 0, 7] as const)('accepts %j', (e) =>
    expect(() => assertValidExpected('s-1', e)).not.toThrow(),
  );
  it.each([-2, 1.5, 'latest'])('rejects %j', (e) =>
    expect(codeOf(() => assertValidExpected('s-1', e as never))).toBe('EVENTSTORE.INVALID_EVENT'),
  );
});

describe('prepareAppend', () => {
  const now = new Date('2026-01-02T03:04:05Z');

  it('fills ids (UUIDv7) and occurredAt, and marks caller ids', () => {
    const [a, b] = prepareAppend(
      's-1',
      [
        { type: 'A', data: {}, metadata: meta },
        {
          id: '0190A1B2-0000-7000-8000-000000000001',
          type: 'B',
          data: { x: 1 },
          metadata: meta,
          occurredAt: new Date(0),
        },
      ],
      now,
    );
    expect(a!.id).toMatch(/^[0-9a-f-]{8}-[0-9a-f]{4}-7/);
    expect(a!.callerId).toBe(false);
    expect(a!.occurredAt).toBe(now);
    expect(b!.id).toBe('0190a1b2-0000-7000-8000-000000000001');
    expect(b!.callerId).toBe(true);
    expect(b!.occurredAt).toEqual(new Date(0));
  });

  it('rejects a missing or blank tenant', () => {
    expect(codeOf(() => prepareAppend('s-1', [{ type: 'A', data: {}, metadata: {} as never }], now))).toBe(
      'EVENTSTORE.MISSING_TENANT',
    );
    expect(
      codeOf(() => prepareAppend('s-1', [{ type: 'A', data: {}, metadata: { tenantId: ' ' } }], now)),
    ).toBe('EVENTSTORE.MISSING_TENANT');
    expect(codeOf(() => prepareAppend('s-1', [{ type: 'A', data: {} } as never], now))).toBe(
      'EVENTSTORE.MISSING_TENANT',
    );
  });

  it('rejects empty batches, bad ids, system types and ids repeated in one batch', () => {
    expect(codeOf(() => prepareAppend('s-1', [], now))).toBe('EVENTSTORE.INVALID_EVENT');
    expect(
      codeOf(() => prepareAppend('s-1', [{ id: 'nope', type: 'A', data: {}, metadata: meta }], now)),
    ).toBe('EVENTSTORE.INVALID_EVENT');
    expect(codeOf(() => prepareAppend('s-1', [{ type: '$A', data: {}, metadata: meta }], now))).toBe(
      'EVENTSTORE.INVALID_EVENT',
    );
    const id = '0190a1b2-0000-7000-8000-000000000001';
    expect(
      codeOf(() =>
        prepareAppend(
          's-1',
          [
            { id, type: 'A', data: {}, metadata: meta },
            { id, type: 'B', data: {}, metadata: meta },
          ],
          now,
        ),
      ),
    ).toBe('EVENTSTORE.DUPLICATE_EVENT_ID');
  });
});
