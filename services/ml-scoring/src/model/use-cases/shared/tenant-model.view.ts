import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ReadDoc } from '@foresight/projections';
import type { TenantModelDoc } from '../../projections/tenant-models.projection';

export class MeanStdView {
  @ApiProperty() mean!: number;
  @ApiProperty() std!: number;
}

export class CvMetricsView {
  @ApiProperty() folds!: number;
  @ApiProperty({ type: MeanStdView }) rocAuc!: MeanStdView;
  @ApiProperty({ type: MeanStdView }) prAuc!: MeanStdView;
}

export class ConfusionMatrixView {
  @ApiProperty() tp!: number;
  @ApiProperty() fp!: number;
  @ApiProperty() tn!: number;
  @ApiProperty() fn!: number;
}

export class TestMetricsView {
  @ApiProperty() rocAuc!: number;
  @ApiProperty() prAuc!: number;
  @ApiProperty() logLoss!: number;
  @ApiProperty() brier!: number;
  @ApiProperty({ description: 'at the threshold' }) precision!: number;
  @ApiProperty({ description: 'at the threshold' }) recall!: number;
  @ApiProperty({ description: 'at the threshold' }) f1!: number;
  @ApiProperty() threshold!: number;
  @ApiProperty({ type: ConfusionMatrixView }) confusion!: ConfusionMatrixView;
}

export class TenantMetricsView {
  @ApiProperty({ type: CvMetricsView, description: 'stratified k-fold on the training part' })
  cv!: CvMetricsView;
  @ApiProperty({ type: TestMetricsView, description: 'on the held-out part' }) test!: TestMetricsView;
}

export class TrainingSetDescriptionView {
  @ApiProperty({ enum: ['tenant-history'] }) source!: string;
  @ApiProperty({ example: 'ingestion-outcome-facts' }) labelSource!: string;
  @ApiProperty({ enum: ['CHURN', 'CONVERSION', 'EXPANSION'] }) outcome!: string;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty() horizonDays!: number;
  @ApiProperty() lookbackDays!: number;
  @ApiProperty({ description: "the tenant's accounts with history" }) accounts!: number;
  @ApiProperty() rows!: number;
  @ApiProperty() positives!: number;
  @ApiProperty({ example: { first: '2024-01-02T00:00:00.000Z', last: '2025-03-01T00:00:00.000Z' } })
  cutoffs!: { first: string | null; last: string | null };
}

export class ProgressView {
  @ApiProperty({ example: 'cv' }) step!: string;
  @ApiProperty({ minimum: 0, maximum: 1 }) fraction!: number;
  @ApiProperty({ nullable: true, type: String }) detail!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class FailureView {
  @ApiProperty({ example: 'too few examples to train a model that can be trusted: 3 positive …' })
  reason!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export const MODEL_STATUSES = ['training', 'failed', 'trained', 'shadow', 'promoted', 'retired'] as const;

/** A tenant model in a list: status, headline metrics and training set, without curves. */
export class TenantModelView {
  @ApiProperty({ example: 'churn-all-3f2a9c0d1e4b5a6f' }) modelId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'null until trained' }) version!: string | null;
  @ApiProperty({ enum: ['CHURN', 'CONVERSION', 'EXPANSION'] }) outcome!: string;
  @ApiProperty({ example: 'all' }) segment!: string;
  @ApiProperty({ enum: ['logistic_regression', 'random_forest', 'gbdt'] }) algorithm!: string;
  @ApiProperty({ enum: MODEL_STATUSES }) status!: string;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) trainedAt!: string | null;
  @ApiProperty({ nullable: true, type: Number }) trainingMs!: number | null;
  @ApiProperty({ nullable: true, type: ProgressView }) progress!: ProgressView | null;
  @ApiProperty({ nullable: true, type: FailureView }) failure!: FailureView | null;
  @ApiProperty({ nullable: true, type: TrainingSetDescriptionView })
  trainingSet!: TrainingSetDescriptionView | null;
  @ApiProperty({ nullable: true, type: TenantMetricsView }) metrics!: TenantMetricsView | null;
  @ApiProperty({ nullable: true, type: Number }) threshold!: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) promotedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) retiredAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the model promoted in its place' })
  replacedBy!: string | null;

  static of(doc: ReadDoc<TenantModelDoc>): TenantModelView {
    return {
      modelId: doc.modelId,
      version: doc.version,
      outcome: doc.outcome,
      segment: doc.segment,
      algorithm: doc.algorithm,
      status: doc.status,
      startedAt: doc.startedAt,
      trainedAt: doc.trainedAt,
      trainingMs: doc.trainingMs,
      progress: doc.progress,
      failure: doc.failure,
      trainingSet: doc.trainingSet,
      metrics: doc.metrics,
      threshold: doc.threshold,
      promotedAt: doc.promotedAt,
      retiredAt: doc.retiredAt,
      replacedBy: doc.replacedBy,
    };
  }
}

export class RocPointView {
  @ApiProperty() fpr!: number;
  @ApiProperty() tpr!: number;
}
export class PrPointView {
  @ApiProperty() recall!: number;
  @ApiProperty() precision!: number;
}
export class CalibrationBinView {
  @ApiProperty() predicted!: number;
  @ApiProperty() observed!: number;
  @ApiProperty() count!: number;
}
export class CurvesView {
  @ApiProperty({ type: [RocPointView] }) roc!: RocPointView[];
  @ApiProperty({ type: [PrPointView] }) pr!: PrPointView[];
  @ApiProperty({ type: [CalibrationBinView] }) calibration!: CalibrationBinView[];
}
export class ImportanceView {
  @ApiProperty() feature!: string;
  @ApiProperty({ description: 'permutation importance on the held-out set (drop in ROC-AUC)' })
  importance!: number;
}

/** GET /v1/models/:id: everything about a run, with its curves as data points. */
export class TenantModelDetailView extends TenantModelView {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'the configuration it was trained with',
  })
  config!: object;
  @ApiProperty() horizonDays!: number;
  @ApiProperty() lookbackDays!: number;
  @ApiProperty() requestedBy!: string;
  @ApiProperty({ type: [String] }) featureList!: string[];
  @ApiProperty({ nullable: true, type: CurvesView }) curves!: CurvesView | null;
  @ApiProperty({ type: [ImportanceView] }) importance!: ImportanceView[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'data-quality profile: missing values per feature, duplicates, class balance',
  })
  profile!: object | null;
  @ApiProperty({ nullable: true, type: String, description: 'hash of the training data and configuration' })
  fingerprint!: string | null;

  static detail(doc: ReadDoc<TenantModelDoc>): TenantModelDetailView {
    return {
      ...TenantModelView.of(doc),
      config: doc.config,
      horizonDays: doc.horizonDays,
      lookbackDays: doc.lookbackDays,
      requestedBy: doc.requestedBy,
      featureList: doc.featureList,
      curves: doc.curves,
      importance: doc.importance,
      profile: doc.profile,
      fingerprint: doc.fingerprint,
    };
  }
}
