import { ApiProperty } from '@nestjs/swagger';
import type { ModelDoc } from '../../projections/models.projection';

export class ConfusionView {
  @ApiProperty() truePositives!: number;
  @ApiProperty() falsePositives!: number;
  @ApiProperty() trueNegatives!: number;
  @ApiProperty() falseNegatives!: number;
}

export class ModelMetricsView {
  @ApiProperty({ example: 0.9632 }) rocAuc!: number;
  @ApiProperty() logLoss!: number;
  @ApiProperty({ description: 'At the decision threshold' }) precision!: number;
  @ApiProperty({ description: 'At the decision threshold' }) recall!: number;
  @ApiProperty({ description: 'At the decision threshold' }) f1!: number;
  @ApiProperty({ type: ConfusionView }) confusion!: ConfusionView;
  @ApiProperty({ enum: ['holdout', 'training'] }) evaluatedOn!: string;
  @ApiProperty() evaluatedRows!: number;
  @ApiProperty() trainedOn!: number;
  @ApiProperty() trainedPositives!: number;
}

export class TrainingSetView {
  @ApiProperty({ enum: ['demo'] }) source!: string;
  @ApiProperty() seed!: number;
  @ApiProperty() accounts!: number;
  @ApiProperty() weeks!: number;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty() lookbackDays!: number;
  @ApiProperty() rows!: number;
  @ApiProperty() positives!: number;
}

export class ModelView {
  @ApiProperty({ example: 'churn-baseline' }) modelId!: string;
  @ApiProperty({ example: 'churn-lr-67f1084959ff', description: 'Content hash of what the model computes' })
  version!: string;
  @ApiProperty({ enum: ['platform', 'tenant'], description: 'platform: the baseline every tenant shares' })
  scope!: 'platform' | 'tenant';
  @ApiProperty({ enum: ['CHURN', 'CONVERSION', 'EXPANSION'] }) outcome!: string;
  @ApiProperty({ example: 'logistic_regression' }) algorithm!: string;
  @ApiProperty({ enum: ['trained', 'promoted', 'retired'] }) status!: string;
  @ApiProperty({ description: 'Whether scores are computed with this version' }) promoted!: boolean;
  @ApiProperty({ format: 'date-time' }) trainedAt!: string;
  @ApiProperty({ description: 'Wall-clock training time' }) trainingMs!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) promotedAt!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'when another version was promoted in its place',
  })
  retiredAt!: string | null;
  @ApiProperty({ type: TrainingSetView }) trainingSet!: TrainingSetView;
  @ApiProperty({ type: ModelMetricsView }) metrics!: ModelMetricsView;
  @ApiProperty() featureCount!: number;
  @ApiProperty({ example: 0.5 }) threshold!: number;

  static of(doc: ModelDoc, scope: 'platform' | 'tenant'): ModelView {
    const { modelId, version, outcome, algorithm, status, trainedAt, trainingMs, promotedAt } = doc;
    const retiredAt = doc.retiredAt ?? null;
    return {
      modelId,
      version,
      scope,
      outcome,
      algorithm,
      status,
      promoted: status === 'promoted',
      trainedAt,
      trainingMs,
      promotedAt,
      retiredAt,
      trainingSet: doc.trainingSet,
      metrics: doc.metrics,
      featureCount: doc.featureCount,
      threshold: doc.threshold,
    };
  }
}
