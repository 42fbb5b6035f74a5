import { ApiProperty } from '@nestjs/swagger';
import { InboxDoc } from '../../projections/inbox.projection';

export class InboxItemView {
  @ApiProperty({ format: 'uuid', description: 'the notification id' }) id!: string;
  @ApiProperty({ example: 'report' }) subjectType!: string;
  @ApiProperty({ format: 'uuid', description: 'the report id' }) subjectId!: string;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  @ApiProperty({ nullable: true, type: String }) summary!: string | null;
  @ApiProperty({ nullable: true, type: String }) accountName!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'CRITICAL_CHURN' }) kind!: string | null;
  @ApiProperty({ format: 'date-time' }) deliveredAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) seenAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) readAt!: string | null;
}

export class InboxPageView {
  @ApiProperty({ type: [InboxItemView] }) items!: InboxItemView[];
  @ApiProperty({ nullable: true, type: String, description: 'pass as `cursor` for the next page' })
  nextCursor!: string | null;
}

export const inboxItemOf = (d: InboxDoc): InboxItemView => ({
  id: d.notificationId,
  subjectType: d.subjectType,
  subjectId: d.subjectId,
  title: d.title,
  summary: d.summary,
  accountName: d.accountName,
  kind: d.kind,
  deliveredAt: d.deliveredAt ?? d.createdAt,
  seenAt: d.seenAt,
  readAt: d.readAt,
});
