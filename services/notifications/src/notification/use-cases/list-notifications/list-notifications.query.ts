import { OffsetPageQuery } from '@foresight/service-kit';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { NOTIFICATION_STATUSES, NotificationStatus } from '../../projections/notification-log.projection';

export class ListNotificationsQuery extends OffsetPageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'what the notification is about (a report id)' })
  @IsOptional()
  @IsUUID()
  subjectId?: string;

  @ApiPropertyOptional({ enum: NOTIFICATION_STATUSES })
  @IsOptional()
  @IsIn(NOTIFICATION_STATUSES)
  status?: NotificationStatus;
}
