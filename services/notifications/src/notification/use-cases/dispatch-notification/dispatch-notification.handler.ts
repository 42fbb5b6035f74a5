import { Inject, Injectable, Logger } from '@nestjs/common';
import { assertNever, DomainError } from '@foresight/domain';
import { DeliveryOutcome } from '../../domain/delivery-outcome';
import { bodyOf, NotificationBody } from '../../domain/notification.state';
import { NotificationStreams, refOf } from '../shared/notification-streams';
import { EmailSender } from './email.sender';
import { WebhookSender } from './webhook.sender';

export const OUTCOME_DEADLINE_MS = Symbol('OUTCOME_DEADLINE_MS');

const DISPATCHER = { actor: 'notifications' };

/**
 * Sends one notification if it is due, with exactly one delivery recorded per notification:
 *
 * 1. Dispatch is decided and appended first. Only the caller whose append produced the attempt's
 *    NotificationDispatched may call the endpoint; a concurrent or repeated Dispatch decides nothing.
 * 2. Then the call, then its outcome (delivered, or failed with the next attempt's time).
 * 3. A dispatcher that dies between 1 and 3 leaves the attempt DISPATCHED with no outcome. Once that
 *    is older than the call timeout plus a grace period, the attempt is recorded as failed and
 *    retried: the receiver may then see the same delivery id twice (at most once more per such
 *    crash), and dedupes on X-Foresight-Delivery.
 */
@Injectable()
export class DispatchNotificationHandler {
  private readonly logger = new Logger('Dispatch');

  constructor(
    private readonly streams: NotificationStreams,
    private readonly webhooks: WebhookSender,
    private readonly emails: EmailSender,
    @Inject(OUTCOME_DEADLINE_MS) private readonly outcomeDeadlineMs: number,
  ) {}

  async execute(notificationId: string, now = () => new Date()): Promise<void> {
    const loaded = await this.streams.load(notificationId);
    const { tenantId } = loaded;
    let { state } = loaded;
    if (!tenantId || state.status === 'EMPTY') return;
    const ref = refOf(state);

    if (state.status === 'DISPATCHED') {
      if (Date.parse(state.dispatchedAt) + this.outcomeDeadlineMs > now().getTime()) return;
      this.logger.warn(
        `attempt ${state.attempts} of ${notificationId} has no outcome; recording it as failed`,
      );
      ({ state } = await this.streams.decide(
        tenantId,
        {
          type: 'RecordFailure',
          data: {
            notificationId,
            attempt: state.attempts,
            error: 'no outcome was recorded (the dispatcher stopped during the call)',
            retryable: true,
            at: now().toISOString(),
          },
        },
        DISPATCHER,
        ref,
      ));
    }
    if (state.status !== 'REQUESTED' && state.status !== 'FAILED') return;
    if (state.status === 'FAILED' && Date.parse(state.nextAttemptAt) > now().getTime()) return;

    let dispatched;
    try {
      dispatched = await this.streams.decide(
        tenantId,
        { type: 'Dispatch', data: { notificationId, at: now().toISOString() } },
        DISPATCHER,
        ref,
      );
    } catch (err) {
      // Dead-lettered or not yet due by the stream's own clock: someone else got there first.
      if (err instanceof DomainError && err.code === 'NOTIFICATION.INVALID_TRANSITION') return;
      throw err;
    }
    const attempt = dispatched.events.find((e) => e.type === 'NotificationDispatched');
    const body = bodyOf(dispatched.state);
    if (!attempt || attempt.type !== 'NotificationDispatched' || !body) return;

    const outcome = await this.send(body, attempt.data.attempt, now());
    const at = now().toISOString();
    await this.streams.decide(
      tenantId,
      outcome.delivered
        ? {
            type: 'RecordDelivery',
            data: { notificationId, attempt: attempt.data.attempt, detail: outcome.detail, at },
          }
        : {
            type: 'RecordFailure',
            data: {
              notificationId,
              attempt: attempt.data.attempt,
              error: outcome.error,
              retryable: outcome.retryable,
              at,
            },
          },
      DISPATCHER,
      ref,
    );
  }

  private send(body: NotificationBody, attempt: number, now: Date): Promise<DeliveryOutcome> {
    switch (body.channel) {
      case 'webhook':
        return this.webhooks.send(body, attempt, now);
      case 'email':
        return this.emails.send(body);
      case 'in_app':
        // Delivered is what puts it in the inbox (the inbox projection lists delivered items only).
        return Promise.resolve({ delivered: true, detail: 'in the inbox' });
      default:
        return assertNever(body.channel, 'channel');
    }
  }
}
