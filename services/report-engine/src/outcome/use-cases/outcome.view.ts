import { ApiProperty } from '@nestjs/swagger';
import { OUTCOME_VERIFICATIONS, REPORT_KINDS, REPORT_OUTCOMES } from '@foresight/contracts';

export class VerdictView {
  @ApiProperty({ enum: REPORT_OUTCOMES }) outcome!: string;
  @ApiProperty({ description: 'annual revenue moved: kept or won (positive), lost (negative)' })
  revenueImpact!: number;
}

export class AutomaticVerdictView extends VerdictView {
  @ApiProperty({ format: 'uuid', description: "the ingested fact (ingestion's OutcomeObserved)" })
  factId!: string;
}

export class ManualVerdictView extends VerdictView {
  @ApiProperty() by!: string;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
}

export class OutcomeView {
  @ApiProperty({ format: 'uuid' }) reportId!: string;
  @ApiProperty({ enum: REPORT_KINDS }) kind!: string;
  @ApiProperty({ enum: REPORT_OUTCOMES }) outcome!: string;
  @ApiProperty() revenueImpact!: number;
  @ApiProperty({
    enum: OUTCOME_VERIFICATIONS,
    description: 'Verified: facts say so; Pending: only a person says so; Disputed: they disagree',
  })
  verification!: string;
  @ApiProperty({
    description:
      'the outcome bore the report out (risk: churned/downgraded; opportunity: expanded/converted)',
  })
  confirmed!: boolean;
  @ApiProperty({ type: AutomaticVerdictView, nullable: true }) automatic!: AutomaticVerdictView | null;
  @ApiProperty({ type: ManualVerdictView, nullable: true }) manual!: ManualVerdictView | null;
  @ApiProperty({ format: 'date-time' }) raisedAt!: string;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
}
