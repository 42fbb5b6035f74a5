import { Injectable } from '@nestjs/common';
import { ReadModels } from '@foresight/backbone';
import { analysedFeedbackProjection } from '../../projections/analysed-feedback.projection';
import { AnalysedFeedbackView } from '../feedback.view';
import type { ListFeedbackQuery } from './list-feedback.query';

@Injectable()
export class ListFeedbackHandler {
  constructor(private readonly readModels: ReadModels) {}

  async execute(tenantId: string, query: ListFeedbackQuery): Promise<AnalysedFeedbackView[]> {
    const docs = await this.readModels
      .of(analysedFeedbackProjection)
      .find(tenantId, query.accountId ? { accountId: query.accountId } : {}, {
        sort: { at: -1 },
        limit: query.limit ?? 50,
      });
    return docs.map(AnalysedFeedbackView.of);
  }
}
