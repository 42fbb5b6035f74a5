import { ApiProperty } from '@nestjs/swagger';
import type { AccountSignalsDoc, SignalChange } from '../../projections/account-signals.projection';

export class SignalChangeView {
  @ApiProperty({ format: 'uuid', description: 'The feedback item that moved the signal' })
  feedbackId!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ minimum: -1, maximum: 1, description: "The item's own sentiment" }) sentiment!: number;
  @ApiProperty({ minimum: -1, maximum: 1 }) rollingSentiment!: number;
  @ApiProperty({ nullable: true, type: Number, minimum: 0, maximum: 10 }) latestNps!: number | null;
  @ApiProperty({ minimum: 0 }) negativeCount!: number;

  static of(c: SignalChange): SignalChangeView {
    const { feedbackId, at, sentiment, rollingSentiment, latestNps, negativeCount } = c;
    return { feedbackId, at, sentiment, rollingSentiment, latestNps, negativeCount };
  }
}

export class AccountSignalsView {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({
    minimum: -1,
    maximum: 1,
    description: 'Recency-weighted average sentiment (a 30-day half-life)',
  })
  rollingSentiment!: number;
  @ApiProperty({ nullable: true, type: Number, minimum: 0, maximum: 10 }) latestNps!: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) latestNpsAt!: string | null;
  @ApiProperty({ minimum: 0, description: 'Negative items in the 90 days up to the latest feedback' })
  negativeCount!: number;
  @ApiProperty({ minimum: 0 }) feedbackCount!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: [SignalChangeView], description: 'The latest changes, newest first (at most 20)' })
  history!: SignalChangeView[];

  static of(doc: AccountSignalsDoc): AccountSignalsView {
    const { accountId, rollingSentiment, latestNps, latestNpsAt, negativeCount, feedbackCount, updatedAt } =
      doc;
    return {
      accountId,
      rollingSentiment,
      latestNps,
      latestNpsAt,
      negativeCount,
      feedbackCount,
      updatedAt,
      history: doc.history.map(SignalChangeView.of),
    };
  }
}
