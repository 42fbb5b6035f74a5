import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Max,
  Min,
} from 'class-validator';
import { OUTCOMES, Outcome } from '../../domain/point-in-time';
import { GLOBAL_SEGMENT } from '../../domain/tenant-model.events';
import { ALGORITHMS, Algorithm, IMPUTATIONS, Imputation, SCALINGS, Scaling } from '../../domain/training';
import type { ThresholdRule } from '../../domain/training';

export const MAX_HORIZON_DAYS = 730;

/** POST /v1/models: what to predict and how to train it; the pipeline's own checks run in the command. */
export class TrainModelRequest {
  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES)
  outcome!: Outcome;

  @ApiProperty({ enum: ALGORITHMS })
  @IsIn(ALGORITHMS)
  algorithm!: Algorithm;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { trees: 300, maxDepth: 20 },
    description: 'per algorithm; unknown names or values out of range → 422 naming `hyperparameters.<name>`',
  })
  @IsOptional()
  @IsObject()
  hyperparameters?: Record<string, number>;

  @ApiPropertyOptional({ type: [String], description: 'default: every feature of the training set' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsString({ each: true })
  features?: string[];

  @ApiPropertyOptional({ enum: IMPUTATIONS, default: 'auto' })
  @IsOptional()
  @IsIn(IMPUTATIONS)
  imputation?: Imputation;

  @ApiPropertyOptional({ description: "the value imputation 'constant' fills in" })
  @IsOptional()
  @IsNumber()
  imputationConstant?: number;

  @ApiPropertyOptional({ enum: SCALINGS, default: 'standard' })
  @IsOptional()
  @IsIn(SCALINGS)
  scaling?: Scaling;

  @ApiPropertyOptional({ default: 5, minimum: 2, maximum: 20 })
  @IsOptional()
  @IsInt()
  @Min(2)
  @Max(20)
  cvFolds?: number;

  @ApiPropertyOptional({
    default: 0.2,
    description: 'stratified held-out share; range checked by the pipeline',
  })
  @IsOptional()
  @IsNumber()
  testFraction?: number;

  @ApiPropertyOptional({
    example: { rule: 'best_f1' },
    description:
      "{ rule: 'best_f1' } (default) | { rule: 'target_precision', precision } | { rule: 'fixed', value }",
  })
  @IsOptional()
  @IsObject()
  threshold?: ThresholdRule;

  @ApiPropertyOptional({ default: 42, minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  seed?: number;

  @ApiPropertyOptional({
    default: 50,
    minimum: 1,
    description: 'fewer positive (or negative) samples than this fail the run with its reason',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  minPositives?: number;

  @ApiPropertyOptional({
    default: 90,
    minimum: 1,
    maximum: MAX_HORIZON_DAYS,
    description: 'label window, days',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_HORIZON_DAYS)
  horizonDays?: number;

  @ApiPropertyOptional({
    default: 90,
    minimum: 1,
    maximum: 730,
    description: 'usage window of the features, days',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(730)
  lookbackDays?: number;

  @ApiPropertyOptional({
    enum: [GLOBAL_SEGMENT],
    default: GLOBAL_SEGMENT,
    description: 'accounts the model serves; behavioural segments are not built yet, so only `all`',
  })
  @IsOptional()
  @IsIn([GLOBAL_SEGMENT])
  segment?: string;
}
