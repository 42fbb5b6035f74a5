import { Injectable } from '@nestjs/common';
import { AccountScored, AccountScoredPayload } from '@foresight/contracts';
import { ConsumedEvent, OnEvent } from '@foresight/messaging';
import { AccountReadModels } from '../../../account/account-read-models';
import { latestScoreOf } from '../../../account/projections/account-scores.projection';
import { CONSUMER_GROUPS } from '../../../consumer-groups';
import { causedBy } from '../shared/cause';
import { RaiseReportHandler } from './raise-report.handler';

/** The account's latest score first (for later record changes to judge on), then every report it bears on. */
@Injectable()
export class RaiseReportWhenAccountScored {
  constructor(
    private readonly accounts: AccountReadModels,
    private readonly handler: RaiseReportHandler,
  ) {}

  @OnEvent(AccountScored.type, { consumer: CONSUMER_GROUPS.accountScores.name })
  async onScored({ envelope, payload }: ConsumedEvent<AccountScoredPayload>): Promise<void> {
    if (payload.outcome === 'CONVERSION') return;
    await this.accounts.applyScore(envelope, payload);
    await this.handler.execute({
      tenantId: envelope.tenantId,
      accountId: payload.accountId,
      triggerId: envelope.eventId,
      asOf: payload.scoredAt,
      score: { outcome: payload.outcome, facts: latestScoreOf(payload) },
      cause: causedBy(envelope),
      now: new Date(),
    });
  }
}
