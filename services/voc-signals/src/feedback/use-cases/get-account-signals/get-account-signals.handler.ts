import { Injectable } from '@nestjs/common';
import { ReadModels } from '@foresight/backbone';
import { DomainError } from '@foresight/domain';
import { accountSignalsProjection } from '../../projections/account-signals.projection';
import { AccountSignalsView } from './account-signals.view';

@Injectable()
export class GetAccountSignalsHandler {
  constructor(private readonly readModels: ReadModels) {}

  async execute(tenantId: string, accountId: string): Promise<AccountSignalsView> {
    const doc = await this.readModels
      .of(accountSignalsProjection)
      .findById(tenantId, `${tenantId}:${accountId}`);
    // Another tenant's account reads exactly like an account without feedback.
    if (!doc)
      throw new DomainError('VOC.NO_SIGNALS', `No feedback analysed for account ${accountId}`, 'not_found');
    return AccountSignalsView.of(doc);
  }
}
