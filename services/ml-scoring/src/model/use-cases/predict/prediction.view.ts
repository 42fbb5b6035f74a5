import { ApiProperty } from '@nestjs/swagger';

export class ContributorView {
  @ApiProperty({ example: 'actions_trend' }) feature!: string;
  @ApiProperty({
    description: 'Log-odds this feature adds (+) or removes (−) for this account',
    example: 1.42,
  })
  contribution!: number;
}

export class PredictionView {
  @ApiProperty() accountId!: string;
  @ApiProperty({ enum: ['CHURN', 'CONVERSION', 'EXPANSION'] }) outcome!: string;
  @ApiProperty({ enum: [0, 1], description: '1 when probability ≥ the model threshold' }) prediction!: 0 | 1;
  @ApiProperty({ minimum: 0, maximum: 1 }) probability!: number;
  @ApiProperty({ enum: ['high', 'medium', 'low'], description: 'Distance from the threshold' })
  confidence!: string;
  @ApiProperty({ type: [ContributorView], description: 'Largest effect first' })
  topContributors!: ContributorView[];
  @ApiProperty({ example: 'churn-lr-67f1084959ff' }) modelVersion!: string;
  @ApiProperty({ example: 'churn-all-3f2a9c0d1e4b5a6f', description: 'a tenant model, or churn-baseline' })
  modelId!: string;
  @ApiProperty({
    description: 'true when the platform baseline answered because no tenant model is promoted',
  })
  fallback!: boolean;
}

export class PredictionBatchView {
  @ApiProperty({ example: 'churn-lr-67f1084959ff' }) modelVersion!: string;
  @ApiProperty({ example: 'churn-all-3f2a9c0d1e4b5a6f' }) modelId!: string;
  @ApiProperty() fallback!: boolean;
  @ApiProperty({ type: [PredictionView], description: 'In request order' }) predictions!: PredictionView[];
}
