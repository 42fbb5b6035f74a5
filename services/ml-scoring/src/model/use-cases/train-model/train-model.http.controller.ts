import { Body, Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiHeader,
  ApiOperation,
  ApiProperty,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ApiCredentials, CurrentPrincipal, RequirePermissions } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import { DomainError } from '@foresight/domain';
import type { FastifyRequest } from 'fastify';
import { TrainModelHandler } from './train-model.handler';
import { TrainModelRequest } from './train-model.request';

class TrainingAcceptedView {
  @ApiProperty({ example: 'churn-all-3f2a9c0d1e4b5a6f', description: 'follow it at GET /v1/models/:id' })
  modelId!: string;
  @ApiProperty({ enum: ['training'] }) status!: 'training';
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{1,128}$/;

@ApiTags('models')
@ApiCredentials()
@Controller('v1/models')
export class TrainModelHttpController {
  constructor(private readonly handler: TrainModelHandler) {}

  @Post()
  @HttpCode(202)
  @RequirePermissions('models:train')
  @ApiOperation({
    summary: "Train a model on the tenant's own history (point-in-time set), in the background",
    description:
      'The run is recorded, then trained: TrainingStarted → progress → TenantModelTrained, or TrainingFailed with its reason (e.g. too few positives).',
  })
  @ApiHeader({
    name: 'idempotency-key',
    required: false,
    description: 'the same key (1–128 of A–Z a–z 0–9 _ . : -) with the same body returns the same run',
  })
  @ApiAcceptedResponse({ type: TrainingAcceptedView })
  @ApiResponse({
    status: 400,
    description: 'VALIDATION_FAILED: a body field or idempotency-key, named in `fields`',
  })
  @ApiResponse({
    status: 422,
    description:
      'MODEL.INVALID_CONFIG: hyperparameters / threshold / testFraction out of range, named in `fields`',
  })
  async train(
    @CurrentPrincipal() principal: Principal,
    @Body() body: TrainModelRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() request: FastifyRequest,
  ): Promise<TrainingAcceptedView> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey))
      throw new DomainError(
        'VALIDATION_FAILED',
        'idempotency-key must be 1–128 of A–Z a–z 0–9 _ . : -',
        'invalid',
        {
          fields: [{ field: 'idempotency-key', errors: ['must be 1–128 of A–Z a–z 0–9 _ . : -'] }],
        },
      );
    return this.handler.execute({
      principal,
      body,
      requestKey: idempotencyKey ?? String(request.id),
      requestId: String(request.id),
    });
  }
}
