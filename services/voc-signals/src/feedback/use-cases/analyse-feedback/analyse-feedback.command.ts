import type { Envelope, FeedbackReceivedPayload } from '@foresight/contracts';
import type { AnalyseFeedback } from '../../domain/account-voc.commands';

/** Who asked, for the appended event's metadata: the consumed message's tenant and trace. */
export interface CommandOrigin {
  tenantId: string;
  correlationId: string;
  causationId: string;
  traceparent?: string;
}

export interface AnalyseFeedbackCommand {
  command: AnalyseFeedback;
  origin: CommandOrigin;
}

/**
 * The payload was validated against its contract at the consumer's edge; what is left is to pin the
 * tenant to the envelope (never the payload) and normalise the time to UTC, so that string order is
 * time order in the read models.
 */
export function analyseFeedbackFrom(
  envelope: Envelope,
  payload: FeedbackReceivedPayload,
  now: Date,
): AnalyseFeedbackCommand {
  return {
    command: {
      type: 'AnalyseFeedback',
      data: {
        tenantId: envelope.tenantId,
        accountId: payload.accountId,
        feedbackId: payload.feedbackId,
        channel: payload.channel,
        score: payload.score ?? null,
        text: payload.text,
        at: new Date(payload.at).toISOString(),
        analysedAt: now.toISOString(),
      },
    },
    origin: {
      tenantId: envelope.tenantId,
      correlationId: envelope.correlationId,
      causationId: envelope.eventId,
      traceparent: envelope.traceparent,
    },
  };
}
