import { ApiProperty } from '@nestjs/swagger';
import { ContributorView } from '../../../model/use-cases/predict/prediction.view';
import type { AccountScoresDoc } from '../../projections/account-scores.projection';

export class ScoreCauseView {
  @ApiProperty({ enum: ['AccountFeaturesChanged', 'AccountSignalChanged'] }) type!: string;
  @ApiProperty({ format: 'uuid', description: 'The integration event that moved the score' })
  eventId!: string;
}

export class ScoreHistoryEntryView {
  @ApiProperty({ minimum: 0, maximum: 1 }) probability!: number;
  @ApiProperty({ enum: [0, 1] }) prediction!: 0 | 1;
  @ApiProperty({ enum: ['high', 'medium', 'low'] }) confidence!: string;
  @ApiProperty() modelVersion!: string;
  @ApiProperty({ type: ScoreCauseView }) cause!: ScoreCauseView;
  @ApiProperty({ format: 'date-time' }) scoredAt!: string;
}

export class LatestScoreView extends ScoreHistoryEntryView {
  @ApiProperty({ type: [ContributorView], description: 'Largest effect first' })
  topContributors!: ContributorView[];
}

export class AccountScoreView {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ enum: ['CHURN'] }) outcome!: string;
  @ApiProperty({ type: LatestScoreView }) latest!: LatestScoreView;
  @ApiProperty({ type: [ScoreHistoryEntryView], description: 'Published scores, newest first (at most 50)' })
  history!: ScoreHistoryEntryView[];
  @ApiProperty({ description: 'Scores published for the account in all' }) scoredCount!: number;

  static of(doc: AccountScoresDoc): AccountScoreView {
    return {
      accountId: doc.accountId,
      outcome: doc.outcome,
      latest: doc.latest,
      history: doc.history,
      scoredCount: doc.scoredCount,
    };
  }
}
