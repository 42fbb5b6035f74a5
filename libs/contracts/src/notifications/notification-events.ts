import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Min } from 'class-validator';
import { defineEvent } from '../registry';
import { Topics } from '../topics';

/** What a notification was about, so the requester can match the outcome to its own entity. */
class NotificationOutcome {
  @IsUUID()
  notificationId!: string;

  /** The event that requested it (e.g. ReportNotificationRequested's event id). */
  @IsUUID()
  requestEventId!: string;

  @IsIn(['report'])
  subjectType!: 'report';

  @IsUUID()
  subjectId!: string;

  @IsIn(['webhook', 'email', 'in_app'])
  channel!: 'webhook' | 'email' | 'in_app';

  @IsString()
  recipient!: string;

  @IsInt()
  @Min(1)
  attempt!: number;

  @IsISO8601()
  at!: string;
}

export class NotificationDeliveredPayload extends NotificationOutcome {}

export class NotificationDeadLetteredPayload extends NotificationOutcome {
  @IsString()
  reason!: string;

  @IsOptional()
  @IsString()
  lastError?: string;
}

export const NotificationDelivered = defineEvent({
  type: 'NotificationDelivered',
  schemaVersion: 1,
  topic: Topics.notifications,
  payload: NotificationDeliveredPayload,
});

export const NotificationDeadLettered = defineEvent({
  type: 'NotificationDeadLettered',
  schemaVersion: 1,
  topic: Topics.notifications,
  payload: NotificationDeadLetteredPayload,
});
