import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { AccountFeaturesPayload } from './account-features';
import { aggregateUsage, UsageSample } from './aggregate-usage';

const week = (at: string, contacts: number, deals: number, users: number): UsageSample => ({
  at,
  actions: { contacts, companies: 0, deals, email: 0 },
  users: { contacts: users, companies: 0, deals: users, email: 0 },
});

const usage = [
  week('2025-04-07T00:00:00Z', 500, 100, 9), // outside a 28-day window ending 2025-06-10
  week('2025-05-19T00:00:00Z', 100, 20, 4),
  week('2025-05-26T00:00:00Z', 80, 10, 4),
  week('2025-06-02T00:00:00Z', 30, 0, 2),
  week('2025-06-09T00:00:00Z', 10, 0, 1),
];

describe('aggregateUsage', () => {
  const f = aggregateUsage('acc-1', usage, { asOf: '2025-06-10T00:00:00Z', lookbackDays: 28 });

  it('counts only samples inside the lookback window', () => {
    expect(f.samples).toBe(4);
    expect(f.totalActions).toBe(100 + 20 + 80 + 10 + 30 + 10);
  });

  it('computes totals, users and actions per user as the HubSpot framework does', () => {
    expect(f.totalUsers).toBe(2 * (4 + 4 + 2 + 1));
    expect(f.actionsPerUser).toBeCloseTo(250 / 22, 12);
    expect(f.activeUsers).toBe(1);
    expect(f.daysActive).toBe(21);
    expect(f.activityFrequency).toBeCloseTo(4 / 22, 12);
  });

  it('gives per-metric sum, mean, max and sample standard deviation', () => {
    expect(f.actions.contacts).toEqual({ sum: 220, mean: 55, max: 100, std: expect.any(Number) });
    const sd = Math.sqrt(((100 - 55) ** 2 + (80 - 55) ** 2 + (30 - 55) ** 2 + (10 - 55) ** 2) / 3);
    expect(f.actions.contacts.std).toBeCloseTo(sd, 12);
    expect(f.actions.email).toEqual({ sum: 0, mean: 0, max: 0, std: 0 });
  });

  it('shows falling usage as a negative trend', () => {
    // early half (before 2025-05-27): 120 + 90; late half: 30 + 10
    expect(f.actionsTrend).toBeCloseTo((40 - 210) / 250, 12);
  });

  it('is all zeros for an account with no usage', () => {
    const none = aggregateUsage('acc-2', [], { asOf: '2025-06-10T00:00:00Z', lookbackDays: 28 });
    expect(none).toMatchObject({
      samples: 0,
      totalActions: 0,
      actionsPerUser: 0,
      daysActive: 0,
      activityFrequency: 0,
      actionsTrend: 0,
    });
  });
});

function fieldsOf(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => [
    ...(e.constraints ? [`${prefix}${e.property}`] : []),
    ...fieldsOf(e.children ?? [], `${prefix}${e.property}.`),
  ]);
}

describe('AccountFeaturesPayload', () => {
  const valid = aggregateUsage('acc-1', usage, { asOf: '2025-06-10T00:00:00Z', lookbackDays: 28 });
  const check = (plain: object) =>
    fieldsOf(
      validateSync(plainToInstance(AccountFeaturesPayload, plain), {
        whitelist: true,
        forbidNonWhitelisted: true,
      }),
    );

  it('accepts what aggregateUsage produces, with firmographics and voice-of-customer signals', () => {
    expect(check(valid)).toEqual([]);
    expect(
      check({
        ...valid,
        firmographics: { employeeRange: '51 to 200', industry: null, webRank: 1200, arr: 24000 },
        voc: { rollingSentiment: -0.6, latestNps: 3, negativeCount: 2 },
      }),
    ).toEqual([]);
  });

  it('names the offending nested field', () => {
    expect(
      check({ ...valid, actions: { ...valid.actions, deals: { ...valid.actions.deals, max: -1 } } }),
    ).toEqual(['actions.deals.max']);
    expect(check({ ...valid, voc: { rollingSentiment: -2, latestNps: 11, negativeCount: 0 } })).toEqual([
      'voc.rollingSentiment',
      'voc.latestNps',
    ]);
    expect(check({ ...valid, asOf: 'yesterday', accountId: '' })).toEqual(
      expect.arrayContaining(['asOf', 'accountId']),
    );
  });
});
