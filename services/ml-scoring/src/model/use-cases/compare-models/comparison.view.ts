import { ApiProperty } from '@nestjs/swagger';

export class AccountComparisonView {
  @ApiProperty() accountId!: string;
  @ApiProperty({ description: "the shadow model's probability" }) probability!: number;
  @ApiProperty({ enum: [0, 1] }) prediction!: 0 | 1;
  @ApiProperty() servedModelId!: string;
  @ApiProperty() servedProbability!: number;
  @ApiProperty({ enum: [0, 1] }) servedPrediction!: 0 | 1;
  @ApiProperty({ format: 'date-time' }) scoredAt!: string;
}

/** A shadow model against the served model, on the same accounts and inputs. */
export class ComparisonView {
  @ApiProperty() modelId!: string;
  @ApiProperty({ example: 'shadow' }) status!: string;
  @ApiProperty({ enum: ['CHURN', 'CONVERSION', 'EXPANSION'] }) outcome!: string;
  @ApiProperty({ description: 'accounts the shadow model scored (latest score each)' }) accounts!: number;
  @ApiProperty({ description: 'of those, scored while a model served the outcome' }) compared!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'share of compared accounts with the same prediction',
  })
  agreement!: number | null;
  @ApiProperty({ nullable: true, type: Number }) meanAbsoluteDifference!: number | null;
  @ApiProperty({ type: [String] }) servedModelIds!: string[];
  @ApiProperty({ type: [AccountComparisonView], description: 'the 50 largest differences' })
  largestDifferences!: AccountComparisonView[];
}
