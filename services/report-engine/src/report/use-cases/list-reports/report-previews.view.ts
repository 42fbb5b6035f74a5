import { ApiProperty } from '@nestjs/swagger';
import { REPORT_KINDS } from '../../domain/report-kind';
import { ReportSummaryView } from '../report.view';

export class ReportPreviewView {
  @ApiProperty({ enum: REPORT_KINDS }) kind!: string;
  @ApiProperty({ enum: ['risk', 'opportunity'] }) category!: string;
  @ApiProperty({ description: 'reports of this kind, ended ones included' }) total!: number;
  @ApiProperty({ description: 'reports of this kind not yet STALE or EXPIRED' }) open!: number;
  @ApiProperty({ type: ReportSummaryView, nullable: true, description: 'the newest report of this kind' })
  latest!: ReportSummaryView | null;
}

export class ReportPreviewsView {
  @ApiProperty({ type: [ReportPreviewView], description: 'one entry per report kind, in a fixed order' })
  items!: ReportPreviewView[];
}
