import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermissions } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import { AnalysedFeedbackView } from '../feedback.view';
import { ListFeedbackHandler } from './list-feedback.handler';
import { ListFeedbackQuery } from './list-feedback.query';

@ApiTags('voice of customer')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/voc/feedback')
export class ListFeedbackHttpController {
  constructor(private readonly handler: ListFeedbackHandler) {}

  @Get()
  @RequirePermissions('voc:read')
  @ApiOperation({ summary: 'Analysed feedback (sentiment, emotions, NPS class), newest first' })
  @ApiOkResponse({ type: [AnalysedFeedbackView] })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, naming the field' })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListFeedbackQuery,
  ): Promise<AnalysedFeedbackView[]> {
    return this.handler.execute(principal.tenantId, query);
  }
}
