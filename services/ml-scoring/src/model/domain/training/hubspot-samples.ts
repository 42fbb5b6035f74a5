import { aggregateUsage, AccountFeatures, USAGE_METRICS, UsageSample } from '@foresight/contracts';
import { prng } from './prng';
import type { FeatureValue, TrainingSample } from './types';

/** The parts of the HubSpot data set this builder reads (structurally what `readHubspot` returns). */
export interface HubspotCompany {
  id: string;
  industry: string | null;
  employeeRange: string | null;
  webRank: number | null;
  lifecycle: 'customer' | 'prospect';
  closeDate: string | null;
}
export interface HubspotUsage extends UsageSample {
  accountId: string;
}

export type CutoffMode = 'as_given' | 'leakage_safe';

/**
 * Recency features: the last 90 days' usage and days since first/last usage. Legitimate at scoring
 * time, but on this set a customer is observed at the very moment it converts — mid-trial, at peak
 * activity — so they measure "is trialling now" as much as "will convert"; the bench reports with and
 * without them.
 */
export const isRecencyFeature = (name: string): boolean =>
  name.startsWith('recent_') || name.startsWith('days_since_');

const DAY_MS = 86_400_000;
const STATS = ['sum', 'mean', 'max', 'std'] as const;
// Everything the files hold: the usage spans 2019-01 to 2020-07.
const ALL_HISTORY_DAYS = 3650;

function usageFeatures(prefix: string, f: AccountFeatures, out: Record<string, FeatureValue>): void {
  out[`${prefix}samples`] = f.samples;
  out[`${prefix}log_total_actions`] = Math.log1p(f.totalActions);
  out[`${prefix}log_total_users`] = Math.log1p(f.totalUsers);
  out[`${prefix}log_actions_per_user`] = Math.log1p(f.actionsPerUser);
  if (prefix !== '') return;
  out['log_active_users'] = Math.log1p(f.activeUsers);
  out['days_active'] = f.daysActive;
  out['activity_frequency'] = f.activityFrequency;
  out['actions_trend'] = f.actionsTrend;
  for (const m of USAGE_METRICS) {
    for (const s of STATS) {
      out[`log_actions_${m}_${s}`] = Math.log1p(f.actions[m][s]);
      out[`log_users_${m}_${s}`] = Math.log1p(f.users[m][s]);
    }
  }
}

/**
 * Per-company training samples for the CONVERSION outcome (label 1 = in customers.csv) from
 * firmographics and usage aggregated with the contract's `aggregateUsage`, as ingestion does.
 *
 * `as_given` aggregates all usage in the files. `leakage_safe` cuts each customer's usage strictly
 * before its CLOSEDATE, and each prospect's at a cut-off drawn (seeded) from the customers' close
 * dates — the same distribution of "as of" dates on both sides, so the model cannot tell the classes
 * apart by how much calendar they had to accumulate usage. A customer without a close date is dropped
 * in that mode (its cut-off is unknown).
 */
export function hubspotSamples(
  companies: readonly HubspotCompany[],
  usage: readonly HubspotUsage[],
  mode: CutoffMode,
  seed = 42,
): TrainingSample[] {
  const byId = new Map<string, HubspotUsage[]>();
  for (const u of usage) {
    const list = byId.get(u.accountId);
    if (list) list.push(u);
    else byId.set(u.accountId, [u]);
  }
  const lastUsage = usage.reduce((m, u) => (u.at > m ? u.at : m), '');
  const closeDates = companies
    .filter((c) => c.lifecycle === 'customer' && c.closeDate)
    .map((c) => Date.parse(`${c.closeDate}T00:00:00Z`))
    .sort((a, b) => a - b);
  const rng = prng(seed);
  const samples: TrainingSample[] = [];
  for (const c of companies) {
    let cutoff: number;
    if (mode === 'as_given') cutoff = Date.parse(lastUsage);
    else if (c.lifecycle === 'customer') {
      if (!c.closeDate) continue;
      // aggregateUsage's window is (asOf − lookback, asOf]; one millisecond before midnight of the
      // close date keeps everything dated on or after it out.
      cutoff = Date.parse(`${c.closeDate}T00:00:00Z`) - 1;
    } else cutoff = (closeDates[rng.below(closeDates.length)] as number) - 1;
    const history = byId.get(c.id) ?? [];
    const features: Record<string, FeatureValue> = {
      employee_range: c.employeeRange,
      industry: c.industry,
      log10_web_rank: c.webRank !== null && c.webRank > 0 ? Math.log10(c.webRank) : null,
    };
    const all = aggregateUsage(c.id, history, { asOf: new Date(cutoff), lookbackDays: ALL_HISTORY_DAYS });
    usageFeatures('', all, features);
    usageFeatures(
      'recent_90d_',
      aggregateUsage(c.id, history, { asOf: new Date(cutoff), lookbackDays: 90 }),
      features,
    );
    const before = history.map((u) => Date.parse(u.at)).filter((t) => t <= cutoff);
    features['days_since_first_usage'] = before.length > 0 ? (cutoff - Math.min(...before)) / DAY_MS : null;
    features['days_since_last_usage'] = before.length > 0 ? (cutoff - Math.max(...before)) / DAY_MS : null;
    samples.push({ id: c.id, features, label: c.lifecycle === 'customer' ? 1 : 0 });
  }
  return samples;
}
