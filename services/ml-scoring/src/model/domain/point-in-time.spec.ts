import type { AccountHistory, AccountVersion, UsageEntry } from '../../history/domain/account-history';
import { buildTrainingSet, featuresAsOf } from './point-in-time';

const pos = (stream: string, revision: number) => ({ stream, revision });
const counts = (n: number) => ({ contacts: n, companies: n, deals: 0, email: 0 });
const row = (at: string, n: number, revision: number): UsageEntry => ({
  at,
  actions: counts(n),
  users: counts(1),
  position: pos('usage-a', revision),
});
const version = (at: string, patch: Partial<AccountVersion>, revision: number): AccountVersion => ({
  at,
  lifecycle: 'prospect',
  closeDate: null,
  mrr: null,
  arr: null,
  industry: 'RETAIL',
  employeeRange: '51 to 200',
  webRank: 1000,
  gone: false,
  position: pos('record-a', revision),
  ...patch,
});

function history(id: string, patch: Partial<AccountHistory> = {}): AccountHistory {
  return { accountId: id, versions: [], usage: [], facts: [], ...patch };
}

describe('point-in-time features', () => {
  const cutoff = '2025-03-01T00:00:00.000Z';
  const before = history('a', {
    versions: [version('2025-01-01T00:00:00.000Z', {}, 0)],
    usage: [row('2025-02-01T00:00:00.000Z', 5, 0), row('2025-02-08T00:00:00.000Z', 7, 1)],
  });
  // The same account with events at and after the cut-off that would change every feature they reached.
  const withLater: AccountHistory = {
    ...before,
    versions: [
      ...before.versions,
      version(cutoff, { industry: 'SOFTWARE', employeeRange: '10,001 or more', webRank: 3 }, 1),
      version('2025-04-01T00:00:00.000Z', { lifecycle: 'customer', industry: 'BANKING' }, 2),
    ],
    usage: [...before.usage, row(cutoff, 1000, 2), row('2025-03-15T00:00:00.000Z', 900, 3)],
  };

  it('reads no record version or usage row at or after the cut-off', () => {
    const a = featuresAsOf(before, cutoff, 90);
    const b = featuresAsOf(withLater, cutoff, 90);
    expect(b.features).toEqual(a.features);
    expect(b.features['totalActions']).toBe(24);
    expect(b.features['industry']).toBe('RETAIL');
    expect(b.positions).toEqual({ record: pos('record-a', 0), usage: pos('usage-a', 1) });
  });

  it('does read them once the cut-off has passed (the later events are real inputs)', () => {
    const later = featuresAsOf(withLater, '2025-03-20T00:00:00.000Z', 90);
    expect(later.features['totalActions']).toBe(24 + 2000 + 1800);
    expect(later.features['industry']).toBe('SOFTWARE');
  });

  it('keeps every sample of a training set to events strictly before its own cut-off', () => {
    const customer = history('c', {
      versions: [
        version(
          '2025-06-01T00:00:00.000Z',
          { lifecycle: 'customer', closeDate: '2025-02-20T00:00:00.000Z' },
          0,
        ),
      ],
      usage: [row('2025-02-10T00:00:00.000Z', 3, 0), row('2025-03-10T00:00:00.000Z', 500, 1)],
    });
    const set = buildTrainingSet([customer], {
      outcome: 'CONVERSION',
      horizonDays: 90,
      lookbackDays: 90,
      asOf: '2025-07-01T00:00:00.000Z',
    });
    expect(set.samples).toHaveLength(1);
    const [sample] = set.samples;
    expect(sample?.label).toBe(1);
    // Only the row before the close date counts, and the record version (recorded in June) is unknown then.
    expect(sample?.features['totalActions']).toBe(6);
    expect(sample?.features['industry']).toBeNull();
  });
});

describe('labels', () => {
  const asOf = '2025-07-01T00:00:00.000Z';
  const customer = (id: string, facts: AccountHistory['facts'] = []) =>
    history(id, {
      versions: [
        version(
          '2024-01-01T00:00:00.000Z',
          { lifecycle: 'customer', closeDate: '2024-01-01T00:00:00.000Z' },
          0,
        ),
      ],
      facts,
    });
  const fact = (
    fact: AccountHistory['facts'][number]['fact'],
    effectiveAt: string,
    before = 0,
    after = 0,
  ) => ({
    factId: `${fact}-${effectiveAt}`,
    fact,
    subjectType: 'contract' as const,
    amountBefore: before,
    amountAfter: after,
    effectiveAt,
    position: pos('facts', 0),
  });

  it('CHURN: a contract that ended within the horizon after the cut-off is a churner; one ended before is not a sample', () => {
    const set = buildTrainingSet(
      [
        customer('a', [fact('contract_ended', '2025-05-01T00:00:00.000Z')]),
        customer('b'),
        customer('c', [fact('contract_ended', '2025-01-01T00:00:00.000Z')]),
      ],
      { outcome: 'CHURN', horizonDays: 90, lookbackDays: 90, asOf },
    );
    expect(set.samples.map((s) => [s.id, s.label])).toEqual([
      ['a', 1],
      ['b', 0],
    ]);
    expect(set.description.cutoffs.first).toBe('2025-04-02T00:00:00.000Z');
  });

  it('EXPANSION: ARR up or a subscription added counts; ARR down does not', () => {
    const set = buildTrainingSet(
      [
        customer('a', [fact('arr_changed', '2025-05-01T00:00:00.000Z', 100, 200)]),
        customer('b', [fact('arr_changed', '2025-05-01T00:00:00.000Z', 200, 100)]),
        customer('c', [fact('subscription_added', '2025-06-01T00:00:00.000Z')]),
      ],
      { outcome: 'EXPANSION', horizonDays: 90, lookbackDays: 90, asOf },
    );
    expect(set.samples.map((s) => s.label)).toEqual([1, 0, 1]);
  });

  it("CONVERSION: prospects are cut at customers' close dates, the same for the same id", () => {
    const closes = ['2025-01-10T00:00:00.000Z', '2025-02-10T00:00:00.000Z'];
    const customers = closes.map((c, i) =>
      history(`c${i}`, {
        versions: [version('2024-01-01T00:00:00.000Z', { lifecycle: 'customer', closeDate: c }, 0)],
      }),
    );
    const prospect = history('p', { versions: [version('2024-01-01T00:00:00.000Z', {}, 0)] });
    const request = { outcome: 'CONVERSION' as const, horizonDays: 90, lookbackDays: 90, asOf };
    const once = buildTrainingSet([...customers, prospect], request);
    const again = buildTrainingSet([prospect, ...customers], request);
    const cutOf = (s: typeof once) => s.samples.find((x) => x.id === 'p');
    expect(cutOf(once)).toEqual(cutOf(again));
    expect(once.description.positives).toBe(2);
    expect(once.samples.find((s) => s.id === 'p')?.label).toBe(0);
  });
});
