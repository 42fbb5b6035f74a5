import { aggregateUsage, AccountFeatures } from '@foresight/contracts';
import { Dataset, UsageEvent } from '@foresight/datagen';
import { FeatureRow } from './churn-model';
import { featureRow } from './feature-vector';

export interface TrainingSet {
  accountIds: string[];
  features: AccountFeatures[];
  rows: FeatureRow[];
  labels: number[];
}

/**
 * Customers of a generated data set as (features, churns) pairs, aggregated exactly as ingestion
 * would over the lookback window ending at asOf. Only the raw NPS answer goes in from feedback: the
 * text sentiment is voc-signals' to compute, and guessing it here would train on numbers serving
 * never sees.
 */
export function demoTrainingSet(data: Dataset, window: { asOf: string; lookbackDays: number }): TrainingSet {
  const usageBy = new Map<string, UsageEvent[]>();
  for (const u of data.usage) {
    const list = usageBy.get(u.accountId);
    if (list) list.push(u);
    else usageBy.set(u.accountId, [u]);
  }
  const accounts = new Map(data.accounts.map((a) => [a.id, a]));
  const asOfMs = Date.parse(window.asOf);
  const latestNps = new Map<string, { at: number; score: number }>();
  for (const f of data.feedback) {
    const at = Date.parse(f.at);
    if (f.channel !== 'nps' || f.score === null || at > asOfMs) continue;
    const seen = latestNps.get(f.accountId);
    if (!seen || seen.at < at) latestNps.set(f.accountId, { at, score: f.score });
  }

  const set: TrainingSet = { accountIds: [], features: [], rows: [], labels: [] };
  for (const truth of data.truth) {
    const account = accounts.get(truth.accountId);
    if (!account) continue;
    const features: AccountFeatures = {
      ...aggregateUsage(account.id, usageBy.get(account.id) ?? [], window),
      firmographics: {
        employeeRange: account.employeeRange,
        industry: account.industry,
        webRank: account.webRank,
        arr: account.arr,
      },
      voc: { rollingSentiment: null, latestNps: latestNps.get(account.id)?.score ?? null, negativeCount: 0 },
    };
    set.accountIds.push(account.id);
    set.features.push(features);
    set.rows.push(featureRow(features));
    set.labels.push(truth.churns ? 1 : 0);
  }
  return set;
}
