import { assertNever, Decider, DomainError } from '@foresight/domain';
import { NotificationCommand } from './notification.commands';
import { invalidNotificationTransition, notificationNotFound } from './notification.errors';
import { NotificationEvent } from './notification.events';
import { notificationIdFor } from './notification-id';
import { bodyOf, initialNotification, Notification } from './notification.state';
import { DEFAULT_RETRY_POLICY, RetryPolicy, retryDelaySeconds } from './retry.policy';

/*
 * requested → dispatched → delivered | failed (attempt n) → dispatched … → dead lettered after the
 * last attempt. Exactly one delivery per (event, recipient, channel): the stream id is derived from
 * that triple, a repeated request is a no-op, and nothing is dispatched once delivered.
 */
export function decide(
  command: NotificationCommand,
  state: Notification,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): NotificationEvent[] {
  const { notificationId } = command.data;
  if (command.type === 'RequestNotification') {
    if (state.status !== 'EMPTY') return [];
    const { at, maxAttempts, ...request } = command.data;
    const expected = notificationIdFor(request);
    if (notificationId !== expected)
      throw new DomainError(
        'NOTIFICATION.ID_MISMATCH',
        `Notification id ${notificationId} is not the one derived from its event, recipient and channel (${expected})`,
        'invalid',
      );
    const attempts = maxAttempts ?? policy.maxAttempts;
    if (!Number.isInteger(attempts) || attempts < 1)
      throw new DomainError(
        'NOTIFICATION.INVALID_MAX_ATTEMPTS',
        `maxAttempts must be ≥ 1, got ${attempts}`,
        'invalid',
      );
    return [{ type: 'NotificationRequested', data: { ...request, maxAttempts: attempts, requestedAt: at } }];
  }
  if (state.status === 'EMPTY') throw notificationNotFound(notificationId, command.type);
  const refuse = (why?: string) =>
    invalidNotificationTransition(notificationId, state.status, command.type, why);

  switch (command.type) {
    case 'Dispatch': {
      // In flight or already delivered: a second send is exactly what must never happen.
      if (state.status === 'DISPATCHED' || state.status === 'DELIVERED') return [];
      if (state.status === 'DEAD_LETTERED') throw refuse('it was dead-lettered after its last attempt');
      if (state.status === 'FAILED' && Date.parse(command.data.at) < Date.parse(state.nextAttemptAt))
        throw refuse(`the next attempt is due at ${state.nextAttemptAt}`);
      return [
        {
          type: 'NotificationDispatched',
          data: { notificationId, attempt: state.attempts + 1, dispatchedAt: command.data.at },
        },
      ];
    }

    case 'RecordDelivery': {
      if (state.status === 'DELIVERED') return [];
      // FAILED too: a receiver that answered after our timeout did get the message.
      if (state.status !== 'DISPATCHED' && state.status !== 'FAILED') throw refuse();
      const { attempt, at } = command.data;
      return [
        {
          type: 'NotificationDelivered',
          data: { notificationId, attempt, detail: command.data.detail ?? null, deliveredAt: at },
        },
      ];
    }

    case 'RecordFailure': {
      if (state.status === 'REQUESTED') throw refuse('nothing was dispatched');
      // A report about an earlier attempt, a repeat, or one racing a success changes nothing.
      if (state.status !== 'DISPATCHED' || command.data.attempt !== state.attempts) return [];
      const { attempt, error, retryable, at } = command.data;
      const last = !retryable || attempt >= state.maxAttempts;
      const nextAttemptAt = last
        ? null
        : new Date(Date.parse(at) + retryDelaySeconds(attempt, policy) * 1000).toISOString();
      const failed: NotificationEvent = {
        type: 'NotificationFailed',
        data: { notificationId, attempt, error, nextAttemptAt, failedAt: at },
      };
      if (!last) return [failed];
      return [
        failed,
        {
          type: 'NotificationDeadLettered',
          data: { notificationId, attempts: attempt, lastError: error, deadLetteredAt: at },
        },
      ];
    }

    case 'MarkSeen':
    case 'MarkRead': {
      const { tenantId, recipient, at } = command.data;
      // Someone else's, or not an inbox item: as if it did not exist, so ids reveal nothing.
      if (state.tenantId !== tenantId || state.recipient !== recipient || state.channel !== 'in_app')
        throw notificationNotFound(notificationId, command.type);
      if (state.status !== 'DELIVERED') throw refuse('it is not in the inbox yet');
      if (command.type === 'MarkSeen')
        return state.seenAt ? [] : [{ type: 'NotificationSeen', data: { notificationId, seenAt: at } }];
      return state.readAt ? [] : [{ type: 'NotificationRead', data: { notificationId, readAt: at } }];
    }
    default:
      return assertNever(command, 'notification command');
  }
}

export function evolve(state: Notification, event: NotificationEvent): Notification {
  if (event.type === 'NotificationRequested') {
    const { requestedAt: _requestedAt, ...request } = event.data;
    return { status: 'REQUESTED', ...request, attempts: 0 };
  }
  const body = bodyOf(state);
  // Events are facts; one without its request can only come from a damaged stream, so it is skipped.
  if (!body) return state;
  switch (event.type) {
    case 'NotificationDispatched':
      return {
        ...body,
        status: 'DISPATCHED',
        attempts: event.data.attempt,
        dispatchedAt: event.data.dispatchedAt,
      };
    case 'NotificationDelivered':
      return {
        ...body,
        status: 'DELIVERED',
        deliveredAt: event.data.deliveredAt,
        seenAt: null,
        readAt: null,
      };
    case 'NotificationSeen':
      return state.status === 'DELIVERED' ? { ...state, seenAt: event.data.seenAt } : state;
    case 'NotificationRead':
      // Opening it is seeing it.
      return state.status === 'DELIVERED'
        ? { ...state, seenAt: state.seenAt ?? event.data.readAt, readAt: event.data.readAt }
        : state;
    case 'NotificationFailed':
      return {
        ...body,
        status: 'FAILED',
        lastError: event.data.error,
        nextAttemptAt: event.data.nextAttemptAt ?? event.data.failedAt,
      };
    case 'NotificationDeadLettered':
      return { ...body, status: 'DEAD_LETTERED', lastError: event.data.lastError };
    default:
      return assertNever(event, 'notification event');
  }
}

export const notificationDecider: Decider<Notification, NotificationCommand, NotificationEvent> = {
  initialState: initialNotification,
  decide: (command, state) => decide(command, state),
  evolve,
};

/** The decider under a configured retry policy (the service's; tests use seconds, not minutes). */
export function notificationDeciderFor(
  policy: RetryPolicy,
): Decider<Notification, NotificationCommand, NotificationEvent> {
  return {
    initialState: initialNotification,
    decide: (command, state) => decide(command, state, policy),
    evolve,
  };
}
