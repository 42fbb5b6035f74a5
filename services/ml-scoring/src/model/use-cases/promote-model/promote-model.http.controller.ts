import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ApiCredentials, CurrentPrincipal, RequirePermissions } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import type { FastifyRequest } from 'fastify';
import { LifecycleAction, ModelLifecycleHandler } from '../shared/lifecycle.handler';
import { ModelParams } from '../shared/model-params';
import { MODEL_STATUSES } from '../shared/tenant-model.view';

export class LifecycleView {
  @ApiProperty() modelId!: string;
  @ApiProperty({ enum: MODEL_STATUSES }) status!: string;
}

/** Lifecycle moves of one model: shadow, promote, retire (training needs models:train, so do these). */
@ApiTags('models')
@ApiCredentials()
@Controller('v1/models')
export class ModelLifecycleHttpController {
  constructor(private readonly handler: ModelLifecycleHandler) {}

  @Post(':id/promote')
  @HttpCode(200)
  @RequirePermissions('models:train')
  @ApiOperation({
    summary: 'Serve this model for its outcome and segment; the model promoted before is retired',
  })
  @ApiOkResponse({ type: LifecycleView })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: id' })
  @ApiNotFoundResponse({ description: "MODEL.NOT_FOUND (also for another tenant's model)" })
  @ApiConflictResponse({ description: 'MODEL.INVALID_TRANSITION: still training, failed or retired' })
  promote(@CurrentPrincipal() p: Principal, @Param() { id }: ModelParams, @Req() r: FastifyRequest) {
    return this.run('PromoteModel', p, id, r);
  }

  @Post(':id/shadow')
  @HttpCode(200)
  @RequirePermissions('models:train')
  @ApiOperation({ summary: 'Mark a trained model as shadow: a candidate beside the promoted one' })
  @ApiOkResponse({ type: LifecycleView })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: id' })
  @ApiNotFoundResponse({ description: "MODEL.NOT_FOUND (also for another tenant's model)" })
  @ApiConflictResponse({
    description: 'MODEL.INVALID_TRANSITION: not trained (training, failed, promoted or retired)',
  })
  shadow(@CurrentPrincipal() p: Principal, @Param() { id }: ModelParams, @Req() r: FastifyRequest) {
    return this.run('ShadowModel', p, id, r);
  }

  @Post(':id/retire')
  @HttpCode(200)
  @RequirePermissions('models:train')
  @ApiOperation({
    summary:
      'Take a model out of service for good; retiring the promoted one falls back to the platform baseline (CHURN) or no score',
  })
  @ApiOkResponse({ type: LifecycleView })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: id' })
  @ApiNotFoundResponse({ description: "MODEL.NOT_FOUND (also for another tenant's model)" })
  @ApiConflictResponse({ description: 'MODEL.INVALID_TRANSITION: still training or failed' })
  retire(@CurrentPrincipal() p: Principal, @Param() { id }: ModelParams, @Req() r: FastifyRequest) {
    return this.run('RetireModel', p, id, r);
  }

  private run(
    action: LifecycleAction,
    principal: Principal,
    id: string,
    request: FastifyRequest,
  ): Promise<LifecycleView> {
    return this.handler.execute(action, principal, id, String(request.id));
  }
}
