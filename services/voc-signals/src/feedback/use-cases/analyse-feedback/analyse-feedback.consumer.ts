import { Injectable } from '@nestjs/common';
import { FeedbackReceived, FeedbackReceivedPayload } from '@foresight/contracts';
import { ConsumedEvent, OnEvent } from '@foresight/messaging';
import { analyseFeedbackFrom } from './analyse-feedback.command';
import { AnalyseFeedbackHandler } from './analyse-feedback.handler';

@Injectable()
export class AnalyseFeedbackWhenFeedbackReceived {
  constructor(private readonly handler: AnalyseFeedbackHandler) {}

  @OnEvent(FeedbackReceived.type, { consumer: 'analyse-feedback' })
  async onFeedbackReceived(event: ConsumedEvent<FeedbackReceivedPayload>): Promise<void> {
    await this.handler.execute(analyseFeedbackFrom(event.envelope, event.payload, new Date()));
  }
}
