import { Injectable } from '@nestjs/common';
import { ReadModels } from '@foresight/backbone';
import { DomainError } from '@foresight/domain';
import { accountScoresProjection } from '../../projections/account-scores.projection';
import { AccountScoreView } from './account-score.view';

@Injectable()
export class GetAccountScoreHandler {
  constructor(private readonly readModels: ReadModels) {}

  async execute(tenantId: string, accountId: string): Promise<AccountScoreView> {
    const doc = await this.readModels
      .of(accountScoresProjection)
      .findById(tenantId, `${tenantId}:${accountId}`);
    // Another tenant's account reads exactly like an account never scored.
    if (!doc) throw new DomainError('SCORING.NOT_SCORED', `Account ${accountId} has no score`, 'not_found');
    return AccountScoreView.of(doc);
  }
}
