import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { RequirePermissions } from '@foresight/auth';
import { AccountFeaturesDoc } from './account-features.openapi';
import { PredictHandler } from './predict.handler';
import { AccountFeaturesInput, MAX_PREDICT_BATCH, PredictBatchRequest } from './predict.query';
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
  @ApiOperation({ summary: "Churn prediction for one account's features, with the promoted model" })
  @ApiBody({ type: AccountFeaturesDoc })
  @ApiOkResponse({ type: PredictionView })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, naming each invalid field' })
  single(@Body() body: AccountFeaturesInput): PredictionView {
    return this.handler.one(body);
  }

  @Post()
  @HttpCode(200)
  @RequirePermissions('models:read')
  @ApiOperation({ summary: `Churn predictions for up to ${MAX_PREDICT_BATCH} accounts, in request order` })
  @ApiOkResponse({ type: PredictionBatchView })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED, naming each invalid field (accounts.<i>.<field>)',
  })
  batch(@Body() body: PredictBatchRequest): PredictionBatchView {
    return this.handler.batch(body.accounts);
  }
}
