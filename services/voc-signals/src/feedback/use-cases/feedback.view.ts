import { ApiProperty } from '@nestjs/swagger';
import { EMOTIONS, Emotion } from '../domain/emotions';
import type { AnalysedFeedbackDoc } from '../projections/analysed-feedback.projection';

export class AnalysedFeedbackView {
  @ApiProperty({ format: 'uuid' }) feedbackId!: string;
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ enum: ['nps', 'survey', 'ticket', 'chat', 'review'] }) channel!: string;
  @ApiProperty({ example: 'Support has been terrible and we are considering cancelling' }) text!: string;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'As received: NPS 0–10 on the nps channel, CSAT 1–5 on surveys',
  })
  score!: number | null;
  @ApiProperty({ format: 'date-time', description: 'When the customer gave the feedback' }) at!: string;
  @ApiProperty({ minimum: -1, maximum: 1, example: -0.91 }) sentiment!: number;
  @ApiProperty({ enum: ['positive', 'neutral', 'negative'] }) sentimentLabel!: string;
  @ApiProperty({ enum: EMOTIONS, isArray: true, description: 'Strongest first' }) emotions!: Emotion[];
  @ApiProperty({ nullable: true, enum: ['promoter', 'passive', 'detractor'] }) npsCategory!: string | null;
  @ApiProperty({ description: "Counts towards the account's negative volume" }) negative!: boolean;
  @ApiProperty({ format: 'date-time' }) analysedAt!: string;

  static of(doc: AnalysedFeedbackDoc): AnalysedFeedbackView {
    const { feedbackId, accountId, channel, text, score, at, sentiment, sentimentLabel, emotions } = doc;
    return {
      feedbackId,
      accountId,
      channel,
      text,
      score,
      at,
      sentiment,
      sentimentLabel,
      emotions,
      npsCategory: doc.npsCategory,
      negative: doc.negative,
      analysedAt: doc.analysedAt,
    };
  }
}
