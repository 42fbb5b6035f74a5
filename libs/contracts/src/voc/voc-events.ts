import { IsInt, IsISO8601, IsNumber, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { defineEvent } from '../registry';
import { Topics } from '../topics';

/** An account's voice-of-customer signals after a new feedback item: a feature for ml-scoring. */
export class AccountSignalChangedPayload {
  @IsUUID()
  accountId!: string;

  /** Recency-weighted average sentiment, −1..1. */
  @IsNumber()
  @Min(-1)
  @Max(1)
  rollingSentiment!: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  latestNps!: number | null;

  @IsInt()
  @Min(0)
  negativeCount!: number;

  /** The feedback item that moved the signal, and its own sentiment. */
  @IsUUID()
  feedbackId!: string;

  @IsNumber()
  @Min(-1)
  @Max(1)
  sentiment!: number;

  @IsISO8601()
  at!: string;
}

export const AccountSignalChanged = defineEvent({
  type: 'AccountSignalChanged',
  schemaVersion: 1,
  topic: Topics.vocAccountSignals,
  payload: AccountSignalChangedPayload,
});
