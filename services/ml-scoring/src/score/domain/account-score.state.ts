import type { AccountFeatures, AccountVocSignals } from '@foresight/contracts';

export interface AccountScoring {
  /** The tenant the stream belongs to; null before its first event. */
  tenantId: string | null;
  features: AccountFeatures | null;
  voc: AccountVocSignals | null;
  vocRevision: number | null;
  /** The last published CHURN score (kept for streams written before other outcomes). */
  lastScore: { probability: number; modelVersion: string } | null;
  /** The last published score per outcome. */
  lastScores: Partial<Record<string, { probability: number; modelVersion: string }>>;
  /** The last recorded shadow comparison per shadow model. */
  lastShadows: Partial<Record<string, { probability: number; servedProbability: number | null }>>;
}

export const initialAccountScoring = (): AccountScoring => ({
  tenantId: null,
  features: null,
  voc: null,
  vocRevision: null,
  lastScore: null,
  lastScores: {},
  lastShadows: {},
});
