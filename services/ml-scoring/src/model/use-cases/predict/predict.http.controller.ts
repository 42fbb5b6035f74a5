import { Body, Controller, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermissions } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import { DomainError } from '@foresight/domain';
import { AccountFeaturesDoc } from './account-features.openapi';
import { ModelSelector, PredictHandler } from './predict.handler';
import {
  AccountFeaturesInput,
  MAX_PREDICT_BATCH,
  PredictBatchRequest,
  PredictModelQuery,
} from './predict.query';
import { PredictionBatchView, PredictionView } from './prediction.view';

@ApiTags('predictions')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/predict')
export class PredictHttpController {
  constructor(private readonly handler: PredictHandler) {}

  @Post('single')
  @HttpCode(200)
  @RequirePermissions('models:read')
  @ApiOperation({
    summary:
      "Prediction for one account's features by a model id or an outcome's promoted model (default CHURN)",
  })
  @ApiBody({ type: AccountFeaturesDoc })
  @ApiOkResponse({ type: PredictionView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, naming each invalid field' })
  @ApiResponse({ status: 422, description: 'MODEL.SELECTOR_CONFLICT: both modelId and outcome given' })
  @ApiNotFoundResponse({
    description: 'MODEL.NOT_FOUND (no such trained model of yours) or MODEL.NONE_PROMOTED',
  })
  single(
    @CurrentPrincipal() principal: Principal,
    @Query() query: PredictModelQuery,
    @Body() body: AccountFeaturesInput,
  ): Promise<PredictionView> {
    return this.handler.one(principal.tenantId, body, selectorOf(query));
  }

  @Post()
  @HttpCode(200)
  @RequirePermissions('models:read')
  @ApiOperation({
    summary: `Predictions for up to ${MAX_PREDICT_BATCH} accounts, in request order, by one model (scored as one matrix)`,
  })
  @ApiOkResponse({ type: PredictionBatchView })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED, naming each invalid field (accounts.<i>.<field>)',
  })
  @ApiResponse({ status: 422, description: 'MODEL.SELECTOR_CONFLICT: both modelId and outcome given' })
  @ApiNotFoundResponse({
    description: 'MODEL.NOT_FOUND (no such trained model of yours) or MODEL.NONE_PROMOTED',
  })
  batch(
    @CurrentPrincipal() principal: Principal,
    @Query() query: PredictModelQuery,
    @Body() body: PredictBatchRequest,
  ): Promise<PredictionBatchView> {
    return this.handler.batch(principal.tenantId, body.accounts, selectorOf(query));
  }
}

function selectorOf(query: PredictModelQuery): ModelSelector {
  if (query.modelId !== undefined && query.outcome !== undefined)
    throw new DomainError('MODEL.SELECTOR_CONFLICT', 'give modelId or outcome, not both', 'invalid', {
      fields: [
        {
          field: 'outcome',
          errors: ['outcome and modelId exclude each other: a model id names its outcome'],
        },
      ],
    });
  return { modelId: query.modelId, outcome: query.outcome };
}
