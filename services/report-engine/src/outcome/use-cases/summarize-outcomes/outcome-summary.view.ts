import { ApiProperty } from '@nestjs/swagger';
import { REPORT_KINDS } from '@foresight/contracts';

export class OutcomeFiguresView {
  @ApiProperty({ description: 'reports with an outcome' }) withOutcome!: number;
  @ApiProperty({ description: 'of those, outcomes that bore the report out' }) confirmed!: number;
  @ApiProperty() verified!: number;
  @ApiProperty() pending!: number;
  @ApiProperty({ description: 'a person and the facts disagree; left out of precision' }) disputed!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'confirmed ÷ (with outcome − disputed); null when nothing is left to count',
  })
  precision!: number | null;
  @ApiProperty({ description: 'ARR of risk reports whose account renewed' }) revenueAtRiskSaved!: number;
  @ApiProperty({ description: 'revenue won by opportunity reports that expanded or converted' })
  expansionWon!: number;
}

export class KindFiguresView extends OutcomeFiguresView {
  @ApiProperty({ enum: REPORT_KINDS }) kind!: string;
}

export class OwnerFiguresView extends OutcomeFiguresView {
  @ApiProperty({ nullable: true, type: String }) ownerEmail!: string | null;
}

export class PeriodFiguresView extends OutcomeFiguresView {
  @ApiProperty({ example: '2026-11', description: 'month the reports were raised in' }) period!: string;
}

export class OutcomeSummaryView {
  @ApiProperty({ nullable: true, type: String }) from!: string | null;
  @ApiProperty({ nullable: true, type: String }) to!: string | null;
  @ApiProperty({ nullable: true, type: String }) owner!: string | null;
  @ApiProperty({ type: OutcomeFiguresView }) total!: OutcomeFiguresView;
  @ApiProperty({ type: [KindFiguresView] }) byKind!: KindFiguresView[];
  @ApiProperty({ type: [OwnerFiguresView] }) byOwner!: OwnerFiguresView[];
  @ApiProperty({ type: [PeriodFiguresView] }) byPeriod!: PeriodFiguresView[];
}
