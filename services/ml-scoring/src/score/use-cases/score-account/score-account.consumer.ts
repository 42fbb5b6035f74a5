import { Injectable, Type } from '@nestjs/common';
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
 * Built per configuration because the consumer-group name carries CONSUMER_GROUP_SUFFIX: test runs
 * sharing one broker would otherwise join one group and take each other's partitions. Both inputs
 * share one group; an account's features and signals arrive on different topics, and the score
 * stream's expected revision orders their effects.
 */
export function scoreAccountConsumer(groupSuffix: string): Type<unknown> {
  const consumer = `score-account${groupSuffix}`;

  @Injectable()
  class ScoreAccountWhenInputsChange {
    constructor(private readonly handler: ScoreAccountHandler) {}

    @OnEvent(AccountFeaturesChanged.type, { consumer })
    async onFeaturesChanged(event: ConsumedEvent<AccountFeaturesChangedPayload>): Promise<void> {
      await this.handler.execute(fromFeaturesChanged(event.envelope, event.payload));
    }

    @OnEvent(AccountSignalChanged.type, { consumer })
    async onSignalChanged(event: ConsumedEvent<AccountSignalChangedPayload>): Promise<void> {
      await this.handler.execute(fromSignalChanged(event.envelope, event.payload));
    }
  }
  return ScoreAccountWhenInputsChange;
}
