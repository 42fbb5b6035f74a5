import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_STATUSES } from '../../projections/notification-log.projection';

export class NotificationHistoryView {
  @ApiProperty({ example: 'NotificationDispatched' }) event!: string;
  @ApiProperty({ nullable: true, type: Number }) attempt!: number | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ nullable: true, type: String, example: 'HTTP 503' }) detail!: string | null;
}

export class NotificationView {
  @ApiProperty({ format: 'uuid', description: 'also the X-Foresight-Delivery header of every attempt' })
  notificationId!: string;
  @ApiProperty({ example: 'report' }) subjectType!: string;
  @ApiProperty({ format: 'uuid' }) subjectId!: string;
  @ApiProperty({ example: 'owner@acme.com' }) recipient!: string;
  @ApiProperty({ enum: ['webhook', 'email', 'in_app'] }) channel!: string;
  @ApiProperty({ enum: NOTIFICATION_STATUSES }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty() maxAttempts!: number;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) nextAttemptAt!: string | null;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) deliveredAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) deadLetteredAt!: string | null;
  @ApiProperty({ type: [NotificationHistoryView] }) history!: NotificationHistoryView[];
}

export class NotificationPageView {
  @ApiProperty({ type: [NotificationView] }) items!: NotificationView[];
  @ApiProperty() total!: number;
}
