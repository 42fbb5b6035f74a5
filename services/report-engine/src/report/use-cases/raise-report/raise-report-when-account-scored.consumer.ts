import { Injectable } from '@nestjs/common';
import { AccountScored, AccountScoredPayload } from '@foresight/contracts';
import { ConsumedEvent, OnEvent } from '@foresight/messaging';
import { CONSUMER_GROUPS } from '../../../consumer-groups';
import { causedBy } from '../shared/cause';
import { RaiseReportHandler } from './raise-report.handler';

@Injectable()
export class RaiseReportWhenAccountScored {
  constructor(private readonly handler: RaiseReportHandler) {}

  @OnEvent(AccountScored.type, { consumer: CONSUMER_GROUPS.accountScores.name })
  async onScored({ envelope, payload }: ConsumedEvent<AccountScoredPayload>): Promise<void> {
    await this.handler.execute({
      tenantId: envelope.tenantId,
      signalId: envelope.eventId,
      score: payload,
      cause: causedBy(envelope),
    });
  }
}
