import { AccountFeatures, aggregateUsage, UsageSample } from '@foresight/contracts';

const WEEK_MS = 7 * 86_400_000;

/** What ingestion aggregates over (its USAGE_LOOKBACK_DAYS) and the baseline trains on: 13 weeks. */
const WEEKS = 13;
const LOOKBACK_DAYS = 90;

/** Weekly usage of a 12-seat account over 13 weeks ending at `asOf`, scaled by `level(week)`. */
function weeklyUsage(asOf: string, level: (week: number) => number): UsageSample[] {
  return Array.from({ length: WEEKS }, (_, w) => {
    const l = level(w);
    const n = (base: number) => Math.round(base * l);
    return {
      at: new Date(Date.parse(asOf) - (WEEKS - 1 - w) * WEEK_MS).toISOString(),
      actions: { contacts: n(400), companies: n(120), deals: n(60), email: n(300) },
      users: { contacts: n(12), companies: n(6), deals: n(4), email: n(6) },
    };
  });
}

const firmographics = {
  employeeRange: '51 to 200',
  industry: 'COMPUTER_SOFTWARE',
  webRank: 250_000,
  arr: 36_000,
};

/**
 * Steady for six weeks, then sliding to a fifth of its usage by the last week: what the baseline
 * learned churn looks like (about 0.7 with the default baseline), yet not so certain that a bad
 * survey answer has no room to raise it.
 */
export function decliningAccount(accountId: string, asOf = '2025-06-16T00:00:00.000Z'): AccountFeatures {
  const level = (w: number) => (w < 6 ? 1 : 1 - (0.8 * (w - 6)) / 6);
  return {
    ...aggregateUsage(accountId, weeklyUsage(asOf, level), { asOf, lookbackDays: LOOKBACK_DAYS }),
    firmographics,
  };
}

/** Slowly growing usage: a customer the baseline expects to stay. */
export function healthyAccount(accountId: string, asOf = '2025-06-16T00:00:00.000Z'): AccountFeatures {
  return {
    ...aggregateUsage(
      accountId,
      weeklyUsage(asOf, (w) => 1 + w / 25),
      { asOf, lookbackDays: LOOKBACK_DAYS },
    ),
    firmographics,
  };
}
