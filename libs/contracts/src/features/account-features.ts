// class-transformer's @Type reads design-time metadata; load the polyfill so importing the contracts
// never depends on an app having done it first.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  Max,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

/** The product areas usage is counted in (HubSpot's usage_actions.csv: CRM contacts, companies, deals, email). */
export const USAGE_METRICS = ['contacts', 'companies', 'deals', 'email'] as const;
export type UsageMetric = (typeof USAGE_METRICS)[number];

export interface MetricStats {
  sum: number;
  mean: number;
  max: number;
  /** Sample standard deviation (n − 1); 0 with fewer than two samples. */
  std: number;
}

/** Firmographics the CRM knows about the account; the models encode them. */
export interface AccountFirmographics {
  /** HubSpot bucket, e.g. "51 to 200"; null when unknown. */
  employeeRange: string | null;
  industry: string | null;
  /** Web traffic rank; null when unranked. */
  webRank: number | null;
  arr: number | null;
}

/** Voice-of-customer signals voc-signals publishes per account; absent until there is feedback. */
export interface AccountVocSignals {
  /** Recency-weighted average sentiment, −1..1. */
  rollingSentiment: number | null;
  /** Latest NPS answer from the account, 0–10. */
  latestNps: number | null;
  /** Negative feedback items (tickets, comments) in the window. */
  negativeCount: number;
}

/**
 * One account's usage aggregated over a lookback window, as ingestion publishes it and ml-scoring
 * scores it. Totals, per-metric stats, days active and activity frequency follow the definitions of
 * the HubSpot ML framework (seed 002), so models trained on its data set read the same numbers.
 */
export interface AccountFeatures {
  tenantId?: string;
  accountId: string;
  /** End of the window (ISO-8601); samples at or before it count. */
  asOf: string;
  lookbackDays: number;
  /** Usage samples (weekly rows) in the window. */
  samples: number;
  totalActions: number;
  /** Sum of per-area active users over all samples ("user-weeks"), as HubSpot's total_users. */
  totalUsers: number;
  /** Largest per-area user count in the latest sample: a floor on distinct people active now. */
  activeUsers: number;
  actionsPerUser: number;
  /** Whole days from the first to the last sample in the window. */
  daysActive: number;
  /** Samples per day of that span: samples / (daysActive + 1). */
  activityFrequency: number;
  /**
   * Actions in the later half of the window against the earlier half, (late − early) / (late + early),
   * in −1..1; 0 without actions. Falling usage is the earliest churn sign we see.
   */
  actionsTrend: number;
  actions: Record<UsageMetric, MetricStats>;
  users: Record<UsageMetric, MetricStats>;
  firmographics?: AccountFirmographics;
  voc?: AccountVocSignals;
}

export class MetricStatsPayload implements MetricStats {
  @IsNumber() @Min(0) sum!: number;
  @IsNumber() @Min(0) mean!: number;
  @IsNumber() @Min(0) max!: number;
  @IsNumber() @Min(0) std!: number;
}

export class PerMetricStatsPayload implements Record<UsageMetric, MetricStats> {
  @IsDefined() @ValidateNested() @Type(() => MetricStatsPayload) contacts!: MetricStatsPayload;
  @IsDefined() @ValidateNested() @Type(() => MetricStatsPayload) companies!: MetricStatsPayload;
  @IsDefined() @ValidateNested() @Type(() => MetricStatsPayload) deals!: MetricStatsPayload;
  @IsDefined() @ValidateNested() @Type(() => MetricStatsPayload) email!: MetricStatsPayload;
}

export class AccountFirmographicsPayload implements AccountFirmographics {
  @IsOptional() @IsString() employeeRange!: string | null;
  @IsOptional() @IsString() industry!: string | null;
  @IsOptional() @IsNumber() @IsPositive() webRank!: number | null;
  @IsOptional() @IsNumber() arr!: number | null;
}

export class AccountVocSignalsPayload implements AccountVocSignals {
  @IsOptional() @IsNumber() @Min(-1) @Max(1) rollingSentiment!: number | null;
  @IsOptional() @IsInt() @Min(0) @Max(10) latestNps!: number | null;
  @IsInt() @Min(0) negativeCount!: number;
}

/** AccountFeatures at a service edge (HTTP body, message payload), validated field by field. */
export class AccountFeaturesPayload implements AccountFeatures {
  @IsOptional() @IsString() tenantId?: string;
  @IsString() @MinLength(1) accountId!: string;
  @IsISO8601() asOf!: string;
  @IsInt() @Min(1) lookbackDays!: number;
  @IsInt() @Min(0) samples!: number;
  @IsNumber() @Min(0) totalActions!: number;
  @IsNumber() @Min(0) totalUsers!: number;
  @IsNumber() @Min(0) activeUsers!: number;
  @IsNumber() @Min(0) actionsPerUser!: number;
  @IsInt() @Min(0) daysActive!: number;
  @IsNumber() @Min(0) activityFrequency!: number;
  @IsNumber() @Min(-1) @Max(1) actionsTrend!: number;
  @IsDefined() @ValidateNested() @Type(() => PerMetricStatsPayload) actions!: PerMetricStatsPayload;
  @IsDefined() @ValidateNested() @Type(() => PerMetricStatsPayload) users!: PerMetricStatsPayload;
  @IsOptional()
  @ValidateNested()
  @Type(() => AccountFirmographicsPayload)
  firmographics?: AccountFirmographicsPayload;
  @IsOptional() @ValidateNested() @Type(() => AccountVocSignalsPayload) voc?: AccountVocSignalsPayload;
}
