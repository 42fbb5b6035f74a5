import { Injectable, Type } from '@nestjs/common';
import { FeedbackReceived, FeedbackReceivedPayload } from '@foresight/contracts';
import { ConsumedEvent, OnEvent } from '@foresight/messaging';
import { analyseFeedbackFrom } from './analyse-feedback.command';
import { AnalyseFeedbackHandler } from './analyse-feedback.handler';

/**
 * Built per configuration because the consumer-group name carries CONSUMER_GROUP_SUFFIX: test runs
 * sharing one broker would otherwise join one group and take each other's partitions.
 */
export function analyseFeedbackConsumer(groupSuffix: string): Type<unknown> {
  @Injectable()
  class AnalyseFeedbackWhenFeedbackReceived {
    constructor(private readonly handler: AnalyseFeedbackHandler) {}

    @OnEvent(FeedbackReceived.type, { consumer: `analyse-feedback${groupSuffix}` })
    async onFeedbackReceived(event: ConsumedEvent<FeedbackReceivedPayload>): Promise<void> {
      await this.handler.execute(analyseFeedbackFrom(event.envelope, event.payload, new Date()));
    }
  }
  return AnalyseFeedbackWhenFeedbackReceived;
}
