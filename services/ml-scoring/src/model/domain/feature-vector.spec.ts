import { aggregateUsage, AccountFeatures } from '@foresight/contracts';
import { featureRow } from './feature-vector';

const base: AccountFeatures = aggregateUsage(
  'acc-1',
  [
    {
      at: '2025-06-02T00:00:00Z',
      actions: { contacts: 10, companies: 0, deals: 4, email: 0 },
      users: { contacts: 2, companies: 0, deals: 1, email: 0 },
    },
  ],
  { asOf: '2025-06-10T00:00:00Z', lookbackDays: 28 },
);

describe('featureRow', () => {
  it('encodes employee range as HubSpot ordinal 1–9 and the industry as a one-hot key', () => {
    const row = featureRow({
      ...base,
      firmographics: { employeeRange: '51 to 200', industry: 'RETAIL', webRank: 1000, arr: 12000 },
    });
    expect(row['employee_range_ordinal']).toBe(6);
    expect(row['employee_range_missing']).toBe(0);
    expect(row['industry=RETAIL']).toBe(1);
    expect(row['log10_web_rank']).toBeCloseTo(3, 12);
    expect(row['arr_missing']).toBe(0);
  });

  it('treats an unranked site like HubSpot does (rank 16,000,001) and flags unknown firmographics', () => {
    const row = featureRow({
      ...base,
      firmographics: { employeeRange: null, industry: null, webRank: null, arr: null },
    });
    expect(row['log10_web_rank']).toBeCloseTo(Math.log10(16_000_001), 12);
    expect(row['employee_range_missing']).toBe(1);
    expect(row['industry=(none)']).toBe(1);
    expect(row['arr_missing']).toBe(1);
  });

  it('flags missing voice-of-customer signals instead of inventing them', () => {
    const without = featureRow(base);
    expect(without).toMatchObject({ nps_missing: 1, sentiment_missing: 1, nps_centred: 0 });
    const detractor = featureRow({
      ...base,
      voc: { rollingSentiment: -0.8, latestNps: 3, negativeCount: 2 },
    });
    expect(detractor).toMatchObject({
      nps_missing: 0,
      nps_centred: -4,
      sentiment: -0.8,
      sentiment_missing: 0,
    });
  });

  it('log-scales usage counts and emits the same keys for every account', () => {
    const row = featureRow(base);
    expect(row['log_total_actions']).toBeCloseTo(Math.log1p(14), 12);
    expect(row['log_actions_contacts_sum']).toBeCloseTo(Math.log1p(10), 12);
    const other = featureRow({
      ...base,
      firmographics: { employeeRange: '1', industry: null, webRank: 5, arr: 1 },
    });
    const numericKeys = (r: object) =>
      Object.keys(r)
        .filter((k) => !k.includes('='))
        .sort();
    expect(numericKeys(other)).toEqual(numericKeys(row));
  });
});
