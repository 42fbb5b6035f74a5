import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '@foresight/backbone';
import { EventStore, handle } from '@foresight/eventstore';
import { accountVocDecider, accountVocStream } from '../../domain/account-voc.decider';
import type { AnalyseFeedbackCommand } from './analyse-feedback.command';

@Injectable()
export class AnalyseFeedbackHandler {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /**
   * Keyed by the feedback id, not the message id: a redelivery and a re-publication of the same
   * feedback under a new message id both find the event already in the stream and change nothing.
   */
  async execute({ command, origin }: AnalyseFeedbackCommand): Promise<{ alreadyHandled: boolean }> {
    const result = await handle(
      this.store,
      accountVocStream(command.data.accountId),
      accountVocDecider,
      command,
      {
        metadata: { ...origin, actor: 'voc-signals' },
        idempotencyKey: `feedback:${command.data.feedbackId}`,
      },
    );
    return { alreadyHandled: result.alreadyHandled };
  }
}
