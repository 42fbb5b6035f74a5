import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  AccountFeatures,
  AccountFirmographics,
  AccountVocSignals,
  MetricStats,
  UsageMetric,
} from '@foresight/contracts';

/*
 * OpenAPI shapes of AccountFeatures. Validation is the contract's own class (libs/contracts has no
 * framework imports, so it carries no @ApiProperty); these classes only document it, and
 * `implements` makes the compiler flag a field the contract gained or changed.
 */

export class MetricStatsDoc implements MetricStats {
  @ApiProperty({ minimum: 0 }) sum!: number;
  @ApiProperty({ minimum: 0 }) mean!: number;
  @ApiProperty({ minimum: 0 }) max!: number;
  @ApiProperty({ minimum: 0, description: 'Sample standard deviation' }) std!: number;
}

export class PerMetricStatsDoc implements Record<UsageMetric, MetricStats> {
  @ApiProperty({ type: MetricStatsDoc }) contacts!: MetricStatsDoc;
  @ApiProperty({ type: MetricStatsDoc }) companies!: MetricStatsDoc;
  @ApiProperty({ type: MetricStatsDoc }) deals!: MetricStatsDoc;
  @ApiProperty({ type: MetricStatsDoc }) email!: MetricStatsDoc;
}

export class FirmographicsDoc implements AccountFirmographics {
  @ApiProperty({ nullable: true, type: String, example: '51 to 200' }) employeeRange!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'COMPUTER_SOFTWARE' }) industry!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Web traffic rank; null when unranked' })
  webRank!: number | null;
  @ApiProperty({ nullable: true, type: Number }) arr!: number | null;
}

export class VocSignalsDoc implements AccountVocSignals {
  @ApiProperty({ nullable: true, type: Number, minimum: -1, maximum: 1 }) rollingSentiment!: number | null;
  @ApiProperty({ nullable: true, type: Number, minimum: 0, maximum: 10 }) latestNps!: number | null;
  @ApiProperty({ minimum: 0 }) negativeCount!: number;
}

export class AccountFeaturesDoc implements Omit<AccountFeatures, 'tenantId'> {
  @ApiProperty({ example: '0c9f4f7e-3d52-4bd4-9d1e-4e0f3f2a6b10' }) accountId!: string;
  @ApiProperty({ format: 'date-time', description: 'End of the usage window' }) asOf!: string;
  @ApiProperty({ minimum: 1, example: 182 }) lookbackDays!: number;
  @ApiProperty({ minimum: 0, description: 'Usage samples (weekly rows) in the window' }) samples!: number;
  @ApiProperty({ minimum: 0 }) totalActions!: number;
  @ApiProperty({ minimum: 0, description: 'Sum of per-area active users over all samples' })
  totalUsers!: number;
  @ApiProperty({ minimum: 0 }) activeUsers!: number;
  @ApiProperty({ minimum: 0 }) actionsPerUser!: number;
  @ApiProperty({ minimum: 0 }) daysActive!: number;
  @ApiProperty({ minimum: 0 }) activityFrequency!: number;
  @ApiProperty({
    minimum: -1,
    maximum: 1,
    description: '(late − early) / (late + early) actions across the two halves of the window',
  })
  actionsTrend!: number;
  @ApiProperty({ type: PerMetricStatsDoc }) actions!: PerMetricStatsDoc;
  @ApiProperty({ type: PerMetricStatsDoc }) users!: PerMetricStatsDoc;
  @ApiPropertyOptional({ type: FirmographicsDoc }) firmographics?: FirmographicsDoc;
  @ApiPropertyOptional({ type: VocSignalsDoc }) voc?: VocSignalsDoc;
}
