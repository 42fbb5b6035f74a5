export {
  USAGE_METRICS,
  AccountFeaturesPayload,
  MetricStatsPayload,
  PerMetricStatsPayload,
  AccountFirmographicsPayload,
  AccountVocSignalsPayload,
} from './account-features';
export type {
  UsageMetric,
  MetricStats,
  AccountFeatures,
  AccountFirmographics,
  AccountVocSignals,
} from './account-features';
export { aggregateUsage } from './aggregate-usage';
export type { UsageSample, AggregateWindow } from './aggregate-usage';
