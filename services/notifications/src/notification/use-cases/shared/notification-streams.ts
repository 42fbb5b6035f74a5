import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '@foresight/backbone';
import type { Decider } from '@foresight/domain';
import { EventMetadata, EventStore, handle } from '@foresight/eventstore';
import { NotificationCommand } from '../../domain/notification.commands';
import { NotificationEvent } from '../../domain/notification.events';
import { Notification } from '../../domain/notification.state';

export const NOTIFICATION_DECIDER = Symbol('NOTIFICATION_DECIDER');
export type NotificationDecider = Decider<Notification, NotificationCommand, NotificationEvent>;

/**
 * What every notification event carries in its metadata besides the tenant: the relay publishes
 * NotificationDelivered / NotificationDeadLettered (subject, request, recipient) from one stored event.
 */
export interface NotificationRef {
  subjectType: 'report';
  subjectId: string;
  sourceEventId: string;
  recipient: string;
  channel: 'webhook' | 'email' | 'in_app';
}

export function notificationRefOf(metadata: EventMetadata): NotificationRef | undefined {
  const ref = metadata['notification'] as NotificationRef | undefined;
  return ref && typeof ref.subjectId === 'string' ? ref : undefined;
}

export function refOf(state: Notification): NotificationRef | undefined {
  if (state.status === 'EMPTY') return undefined;
  return {
    subjectType: 'report',
    subjectId: String(state.payload['subjectId'] ?? ''),
    sourceEventId: state.sourceEventId,
    recipient: state.recipient,
    channel: state.channel,
  };
}

export const NOTIFICATION_STREAM_CATEGORY = 'notification';

export function notificationStream(notificationId: string): string {
  return `${NOTIFICATION_STREAM_CATEGORY}-${notificationId}`;
}

export interface Cause {
  actor: string;
  correlationId?: string;
  causationId?: string;
  traceparent?: string;
}

/** Reads and writes notification streams through the decider; the one place their events are appended. */
@Injectable()
export class NotificationStreams {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(NOTIFICATION_DECIDER) private readonly decider: NotificationDecider,
  ) {}

  async load(notificationId: string): Promise<{ state: Notification; tenantId: string | null }> {
    const events = await this.store.read(notificationStream(notificationId));
    const state = events.reduce(
      (s, e) => this.decider.evolve(s, { type: e.type, data: e.data } as NotificationEvent),
      this.decider.initialState(),
    );
    return { state, tenantId: events[0]?.metadata.tenantId ?? null };
  }

  async decide(
    tenantId: string,
    command: NotificationCommand,
    cause: Cause,
    ref: NotificationRef | undefined,
    idempotencyKey?: string,
  ): Promise<{ events: NotificationEvent[]; state: Notification }> {
    const metadata: EventMetadata = { tenantId, actor: cause.actor };
    if (cause.correlationId) metadata.correlationId = cause.correlationId;
    if (cause.causationId) metadata.causationId = cause.causationId;
    if (cause.traceparent) metadata.traceparent = cause.traceparent;
    if (ref) metadata['notification'] = ref;
    const result = await handle(
      this.store,
      notificationStream(command.data.notificationId),
      this.decider,
      command,
      {
        metadata,
        idempotencyKey,
      },
    );
    return { events: result.events, state: result.newState };
  }
}
