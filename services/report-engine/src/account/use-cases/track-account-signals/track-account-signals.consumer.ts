import { Injectable } from '@nestjs/common';
import {
  AccountFeaturesChanged,
  AccountFeaturesChangedPayload,
  AccountSignalChanged,
  AccountSignalChangedPayload,
} from '@foresight/contracts';
import { ConsumedEvent, OnEvent } from '@foresight/messaging';
import { CONSUMER_GROUPS } from '../../../consumer-groups';
import { AccountReadModels } from '../../account-read-models';

/**
 * Keeps each account's latest usage features and voice-of-customer signals, which rank a report's
 * next best actions and appear in its data. Reports are not refreshed on these (usage moves daily);
 * the next score or record change carries them into the report.
 */
@Injectable()
export class TrackAccountSignals {
  constructor(private readonly accounts: AccountReadModels) {}

  @OnEvent(AccountFeaturesChanged.type, { consumer: CONSUMER_GROUPS.accountSignals.name })
  async onFeatures(event: ConsumedEvent<AccountFeaturesChangedPayload>): Promise<void> {
    await this.accounts.applySignal(event.envelope, event.payload);
  }

  @OnEvent(AccountSignalChanged.type, { consumer: CONSUMER_GROUPS.accountSignals.name })
  async onVocSignal(event: ConsumedEvent<AccountSignalChangedPayload>): Promise<void> {
    await this.accounts.applySignal(event.envelope, event.payload);
  }
}
