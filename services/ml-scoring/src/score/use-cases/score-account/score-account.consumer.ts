import { Injectable } from '@nestjs/common';
import {
  AccountFeaturesChanged,
  AccountFeaturesChangedPayload,
  AccountSignalChanged,
  AccountSignalChangedPayload,
} from '@foresight/contracts';
import { ConsumedEvent, OnEvent } from '@foresight/messaging';
import { fromFeaturesChanged, fromSignalChanged } from './score-account.command';
import { ScoreAccountHandler } from './score-account.handler';

/**
 * Both inputs share one consumer group: an account's features and signals arrive on different
 * topics, and the score stream's expected revision orders their effects.
 */
@Injectable()
export class ScoreAccountWhenInputsChange {
  constructor(private readonly handler: ScoreAccountHandler) {}

  @OnEvent(AccountFeaturesChanged.type, { consumer: 'score-account' })
  async onFeaturesChanged(event: ConsumedEvent<AccountFeaturesChangedPayload>): Promise<void> {
    await this.handler.execute(fromFeaturesChanged(event.envelope, event.payload));
  }

  @OnEvent(AccountSignalChanged.type, { consumer: 'score-account' })
  async onSignalChanged(event: ConsumedEvent<AccountSignalChangedPayload>): Promise<void> {
    await this.handler.execute(fromSignalChanged(event.envelope, event.payload));
  }
}
