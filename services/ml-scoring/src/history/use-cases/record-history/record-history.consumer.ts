import { Injectable } from '@nestjs/common';
import {
  OutcomeObserved,
  OutcomeObservedPayload,
  RecordRemoved,
  RecordRemovedPayload,
  RecordUnresolvable,
  RecordUnresolvablePayload,
  RecordUpserted,
  RecordUpsertedPayload,
  UsageRecorded,
  UsageRecordedPayload,
} from '@foresight/contracts';
import { ConsumedEvent, OnEvent } from '@foresight/messaging';
import { AccountHistories } from '../../account-histories';

/**
 * One consumer group for records, usage and outcome facts: each is keyed by account id on its topic,
 * and the document's per-source revisions make every redelivery a no-op.
 */
@Injectable()
export class RecordAccountHistory {
  constructor(private readonly histories: AccountHistories) {}

  @OnEvent(RecordUpserted.type, { consumer: 'account-history' })
  async onUpserted(event: ConsumedEvent<RecordUpsertedPayload>): Promise<void> {
    await this.histories.apply(event.envelope, event.payload);
  }

  @OnEvent(RecordRemoved.type, { consumer: 'account-history' })
  async onRemoved(event: ConsumedEvent<RecordRemovedPayload>): Promise<void> {
    await this.histories.apply(event.envelope, event.payload);
  }

  @OnEvent(RecordUnresolvable.type, { consumer: 'account-history' })
  async onUnresolvable(event: ConsumedEvent<RecordUnresolvablePayload>): Promise<void> {
    await this.histories.apply(event.envelope, event.payload);
  }

  @OnEvent(UsageRecorded.type, { consumer: 'account-history' })
  async onUsage(event: ConsumedEvent<UsageRecordedPayload>): Promise<void> {
    await this.histories.apply(event.envelope, event.payload);
  }

  @OnEvent(OutcomeObserved.type, { consumer: 'account-history' })
  async onOutcome(event: ConsumedEvent<OutcomeObservedPayload>): Promise<void> {
    await this.histories.apply(event.envelope, event.payload);
  }
}
