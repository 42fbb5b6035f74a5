import { Injectable } from '@nestjs/common';
import { DomainError } from '@foresight/domain';
import type { ModelTrained } from './domain/model.events';

export type ServingModel = ModelTrained['data'];

/**
 * The promoted model this instance serves, loaded at start-up before any consumer or route runs.
 * Per process: a promotion by another instance is picked up at the next start (a later issue adds
 * live promotion).
 */
@Injectable()
export class PromotedModels {
  private churn?: ServingModel;

  serve(model: ServingModel): void {
    this.churn = model;
  }

  churnModel(): ServingModel {
    if (!this.churn)
      throw new DomainError('MODEL.NONE_PROMOTED', 'No churn model is promoted yet', 'not_found');
    return this.churn;
  }
}
