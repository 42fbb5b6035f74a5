import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FEEDBACK_VERDICTS, REPORT_KINDS } from '../domain/report-kind';
import { REPORT_STATUSES } from '../domain/report.state';

export class ReportSubjectView {
  @ApiProperty({ enum: ['account', 'contract', 'product'] }) type!: string;
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'uuid' }) accountId!: string;
}

export class ReportDataView {
  @ApiProperty({
    minimum: 0,
    maximum: 1,
    description: 'the model probability that raised or refreshed the report',
  })
  score!: number;
  @ApiProperty({ nullable: true, type: String }) modelVersion!: string | null;
  @ApiProperty({ format: 'date-time', description: 'when the source computed these values' }) asOf!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    example: { accountName: 'Northwind', arr: 48000, daysToRenewal: 41, usageTrend: -0.38 },
  })
  values!: Record<string, string | number | boolean | null>;
}

export class FeedbackView {
  @ApiProperty({ enum: FEEDBACK_VERDICTS }) outcome!: string;
  @ApiProperty({ description: "the owner's email (or user id)" }) by!: string;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

/** What a report is and about whom: shared by the list item and the full view. */
export class ReportHeadView {
  @ApiProperty({ format: 'uuid' }) reportId!: string;
  @ApiProperty({ enum: REPORT_KINDS }) kind!: string;
  @ApiProperty({ enum: ['risk', 'opportunity'] }) category!: string;
  @ApiProperty({ enum: REPORT_STATUSES }) status!: string;
  @ApiProperty({ type: ReportSubjectView }) subject!: ReportSubjectView;
  @ApiProperty({ nullable: true, type: String }) accountName!: string | null;
  @ApiProperty({ nullable: true, type: String }) ownerEmail!: string | null;
}

export class ReportSummaryView extends ReportHeadView {
  @ApiProperty({ description: 'latest score' }) score!: number;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) createdAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) notifiedAt!: string | null;
  @ApiProperty({ enum: FEEDBACK_VERDICTS, nullable: true, type: String }) feedback!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) endedAt!: string | null;
}

export class ReportPageView {
  @ApiProperty({ type: [ReportSummaryView] }) items!: ReportSummaryView[];
  @ApiPropertyOptional({ description: 'pass as `cursor` for the next page; absent on the last page' })
  nextCursor?: string;
}

export class NextBestActionView {
  @ApiProperty({ example: 'exec-call' }) id!: string;
  @ApiProperty({ example: 'Book an executive call with Northwind this week' }) title!: string;
  @ApiProperty({ type: [String], example: ['usage fell 38% over the window'] }) why!: string[];
  @ApiProperty() priority!: number;
}

export class NotifiedView {
  @ApiProperty({ format: 'uuid' }) notificationId!: string;
  @ApiProperty({ example: 'webhook' }) channel!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: ReportDataView, description: 'the data as it was when the owner was notified' })
  snapshot!: ReportDataView;
}

export class TimelineEntryView {
  @ApiProperty({ description: 'position in the report stream, from 0' }) revision!: number;
  @ApiProperty({ example: 'ReportNotified' }) type!: string;
  @ApiProperty({ enum: REPORT_STATUSES, description: 'the status after this event' }) status!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ nullable: true, type: String, description: 'who caused it: a user, or report-engine' })
  actor!: string | null;
  @ApiProperty({ example: 'notified by webhook' }) summary!: string;
}

export class ReportView extends ReportHeadView {
  @ApiProperty({ type: ReportDataView, description: 'what is true now' }) latest!: ReportDataView;
  @ApiProperty({ type: NotifiedView, nullable: true, description: 'what the owner was told, and when' })
  notified!: NotifiedView | null;
  @ApiProperty({ type: [NextBestActionView] }) nextBestActions!: NextBestActionView[];
  @ApiProperty({ type: FeedbackView, nullable: true }) feedback!: FeedbackView | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) createdAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) endedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'why it ended (STALE / EXPIRED)' })
  reason!: string | null;
  @ApiProperty({ type: [TimelineEntryView], description: "every event of the report's stream, oldest first" })
  timeline!: TimelineEntryView[];
}
