import type { ProjectionEvent } from '@foresight/projections';
import { accountHistoryProjection, HistoryEvent } from './account-history.projection';

const accountId = '0b6c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d';
const counts = (n: number) => ({ contacts: n, companies: 0, deals: 0, email: 0 });
let revision = 0;
function event<T extends HistoryEvent['type']>(type: T, stream: string, data: object): HistoryEvent {
  return {
    id: `e${revision}`,
    type,
    data: { accountId, ...data },
    stream,
    revision: revision++,
    tenantId: 't1',
    occurredAt: new Date(0),
  } as ProjectionEvent as HistoryEvent;
}
const fold = (events: HistoryEvent[]) => events.reduce(accountHistoryProjection.evolve, null);

describe('account history', () => {
  it('keeps each account record version with its time and source position, in time order', () => {
    const doc = fold([
      event('RecordUpserted', 'record-a', {
        entity: 'account',
        at: '2025-03-01T00:00:00.000Z',
        data: { lifecycle: 'customer', industry: 'RETAIL', closeDate: '2025-02-01' },
      }),
      event('RecordUpserted', 'record-a', {
        entity: 'account',
        at: '2025-01-01T00:00:00.000Z',
        data: { lifecycle: 'prospect', industry: 'RETAIL' },
      }),
      event('RecordUpserted', 'contract-a', { entity: 'contract', at: '2025-01-02T00:00:00.000Z', data: {} }),
      event('RecordRemoved', 'record-a', { entity: 'account', at: '2025-04-01T00:00:00.000Z' }),
    ]);
    expect(doc?.versions.map((v) => [v.at, v.lifecycle, v.gone])).toEqual([
      ['2025-01-01T00:00:00.000Z', 'prospect', false],
      ['2025-03-01T00:00:00.000Z', 'customer', false],
      ['2025-04-01T00:00:00.000Z', 'customer', true],
    ]);
    expect(doc?.versions[1]?.position).toEqual({ stream: 'record-a', revision: 0 });
  });

  it('replaces a re-sent usage period instead of counting it twice', () => {
    const doc = fold([
      event('UsageRecorded', 'usage-a', {
        rows: [
          { at: '2025-01-08T00:00:00.000Z', actions: counts(5), users: counts(1) },
          { at: '2025-01-01T00:00:00.000Z', actions: counts(3), users: counts(1) },
        ],
      }),
      event('UsageRecorded', 'usage-a', {
        rows: [{ at: '2025-01-08T00:00:00Z', actions: counts(7), users: counts(2) }],
      }),
    ]);
    expect(doc?.usage.map((u) => [u.at, u.actions.contacts])).toEqual([
      ['2025-01-01T00:00:00.000Z', 3],
      ['2025-01-08T00:00:00.000Z', 7],
    ]);
  });

  it('records an outcome fact once, by its id', () => {
    const fact = {
      factId: 'f1',
      fact: 'contract_ended',
      subjectType: 'contract',
      subjectId: 'c1',
      effectiveAt: '2025-05-01T00:00:00.000Z',
      at: '2025-05-02T00:00:00.000Z',
    };
    const doc = fold([event('OutcomeObserved', 'facts-a', fact), event('OutcomeObserved', 'facts-b', fact)]);
    expect(doc?.facts).toHaveLength(1);
    expect(doc?.facts[0]).toMatchObject({ fact: 'contract_ended', amountBefore: null });
  });
});
