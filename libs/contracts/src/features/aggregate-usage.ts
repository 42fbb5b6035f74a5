import { AccountFeatures, MetricStats, USAGE_METRICS, UsageMetric } from './account-features';

/** One usage row: an account's activity for a period (weekly in HubSpot's data). */
export interface UsageSample {
  /** ISO-8601 */
  at: string;
  actions: Readonly<Record<UsageMetric, number>>;
  users: Readonly<Record<UsageMetric, number>>;
}

export interface AggregateWindow {
  /** End of the window, inclusive (ISO-8601 or Date). */
  asOf: string | Date;
  /** Samples dated after asOf − lookbackDays count. */
  lookbackDays: number;
}

const DAY_MS = 86_400_000;

function stats(values: number[]): MetricStats {
  const n = values.length;
  if (n === 0) return { sum: 0, mean: 0, max: 0, std: 0 };
  const sum = values.reduce((a, b) => a + b, 0);
  const mean = sum / n;
  const variance = n < 2 ? 0 : values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1);
  return { sum, mean, max: values.reduce((a, b) => (b > a ? b : a), -Infinity), std: Math.sqrt(variance) };
}

function perMetric(
  samples: readonly UsageSample[],
  pick: (s: UsageSample) => Readonly<Record<UsageMetric, number>>,
) {
  return Object.fromEntries(
    USAGE_METRICS.map((m) => [m, stats(samples.map((s) => pick(s)[m] ?? 0))]),
  ) as Record<UsageMetric, MetricStats>;
}

const total = (counts: Readonly<Record<UsageMetric, number>>) =>
  USAGE_METRICS.reduce((a, m) => a + (counts[m] ?? 0), 0);

/**
 * Pure aggregation of one account's usage into AccountFeatures over (asOf − lookbackDays, asOf].
 * Lives with the contract so that ingestion (which publishes features) and ml-scoring (which trains
 * on demo and HubSpot data) compute identical numbers: training/serving skew is a silent model bug.
 */
export function aggregateUsage(
  accountId: string,
  usage: readonly UsageSample[],
  window: AggregateWindow,
): AccountFeatures {
  const end = new Date(window.asOf).getTime();
  if (Number.isNaN(end)) throw new RangeError(`asOf is not a date: ${String(window.asOf)}`);
  if (!(window.lookbackDays > 0))
    throw new RangeError(`lookbackDays must be > 0, got ${window.lookbackDays}`);
  const start = end - window.lookbackDays * DAY_MS;
  const inWindow = usage
    .map((s) => ({ s, t: Date.parse(s.at) }))
    .filter(({ t }) => t > start && t <= end)
    .sort((a, b) => a.t - b.t);
  const samples = inWindow.map(({ s }) => s);

  const totalActions = samples.reduce((a, s) => a + total(s.actions), 0);
  const totalUsers = samples.reduce((a, s) => a + total(s.users), 0);
  const first = inWindow[0]?.t;
  const last = inWindow[inWindow.length - 1]?.t;
  const daysActive = first === undefined || last === undefined ? 0 : Math.floor((last - first) / DAY_MS);
  const latest = samples[samples.length - 1];

  const middle = start + (end - start) / 2;
  let early = 0;
  let late = 0;
  for (const { s, t } of inWindow) {
    if (t > middle) late += total(s.actions);
    else early += total(s.actions);
  }

  return {
    accountId,
    asOf: new Date(end).toISOString(),
    lookbackDays: window.lookbackDays,
    samples: samples.length,
    totalActions,
    totalUsers,
    activeUsers: latest ? Math.max(...USAGE_METRICS.map((m) => latest.users[m] ?? 0)) : 0,
    actionsPerUser: totalUsers > 0 ? totalActions / totalUsers : 0,
    daysActive,
    activityFrequency: samples.length > 0 ? samples.length / (daysActive + 1) : 0,
    actionsTrend: early + late > 0 ? (late - early) / (late + early) : 0,
    actions: perMetric(samples, (s) => s.actions),
    users: perMetric(samples, (s) => s.users),
  };
}
